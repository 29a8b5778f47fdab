"""Reviewing a colleague's tags: the queue, verdicts, corrections, stale edits."""

from __future__ import annotations

from typing import Any

import pytest

from db.errors import StaleTagError
from desktop.services import review, tags
from desktop.services.project import switch_analyst
from tests.team.conftest import seed_reports, tag_text


@pytest.fixture
def bob_tagged(seeded: Any) -> tuple[Any, str, list[str]]:
    """alice's project where bob tagged three things in the first report; alice acts."""
    rid = seed_reports(seeded)["湖南"]
    switch_analyst(seeded, "bob")
    ids = [
        tag_text(seeded, rid, "“智赋万企”行动", "program"),
        tag_text(seeded, rid, "7.9亿元", "metric", value="7.9", unit="亿元"),
        tag_text(seeded, rid, "《惠企政策口袋书》", "program"),
    ]
    switch_analyst(seeded, "alice")
    tag_text(seeded, rid, "504亿元", "metric")  # alice's own: not in her queue
    return seeded, rid, ids


def test_queue_lists_colleagues_open_tags_in_text_order(bob_tagged: Any) -> None:
    project, rid, ids = bob_tagged
    items = review.queue(project)
    assert [i.tag_id for i in items] == [ids[1], ids[0], ids[2]]  # 7.9亿元 comes first
    assert {i.author for i in items} == {"bob"}
    assert review.queue(project, author="carol") == []
    assert len(review.queue(project, report_id=rid, author="bob")) == 3


def test_accept_and_reject_set_status_and_leave_a_trail(bob_tagged: Any) -> None:
    project, _rid, ids = bob_tagged
    review.accept(project, ids[0])
    review.reject(project, ids[1], "not a metric of this report")
    assert tags.detail(project, ids[0]).status == "accepted"
    detail = tags.detail(project, ids[1])
    assert detail.status == "rejected"
    assert detail.history[-1].action.startswith("reviewed: reject")
    assert detail.history[-1].analyst == "alice"
    assert [(r.reviewer, r.verdict, r.comment) for r in review.reviews(project, ids[1])] == [
        ("alice", "reject", "not a metric of this report")]
    # reviewed tags leave the open queue; the status filter finds them
    assert [i.tag_id for i in review.queue(project)] == [ids[2]]
    assert [i.tag_id for i in review.queue(project, status="rejected")] == [ids[1]]
    assert review.queue(project, status="rejected")[0].last_comment == "not a metric of this report"


def test_correct_makes_a_linked_tag_by_the_reviewer(bob_tagged: Any) -> None:
    project, _rid, ids = bob_tagged
    original = tags.detail(project, ids[1])
    changes = review.correct(project, ids[1], fields={"value": "7.90", "unit": "亿元",
                                                      "indicator": "合同金额"},
                             comment="indicator missing")
    fixed = tags.detail(project, changes.new_tag)
    assert fixed.author == "alice"
    assert (fixed.start, fixed.end) == (original.start, original.end)
    assert fixed.fields["indicator"] == "合同金额"
    assert tags.detail(project, ids[1]).status == "corrected"
    assert review.corrections_of(project, ids[1]) == [fixed.id]
    assert any(link.type == "corrects" and link.other_id == ids[1] for link in fixed.links)


def test_comment_keeps_the_status(bob_tagged: Any) -> None:
    project, _rid, ids = bob_tagged
    review.comment(project, ids[2], "check the lead body")
    assert tags.detail(project, ids[2]).status == "open"
    assert review.queue(project)[-1].last_comment == "check the lead body"
    with pytest.raises(ValueError, match="comment"):
        review.comment(project, ids[2], "  ")


def test_a_verdict_on_a_tag_changed_since_loading_is_refused(bob_tagged: Any) -> None:
    project, _rid, ids = bob_tagged
    seen = next(i for i in review.queue(project) if i.tag_id == ids[0])
    tags.set_note(project, ids[0], "changed meanwhile")
    with pytest.raises(StaleTagError, match="Someone else changed this tag"):
        review.accept(project, ids[0], expected_version=seen.version)
    assert tags.detail(project, ids[0]).status == "open"
