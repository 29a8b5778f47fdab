"""Merging a colleague's project file: what the analyst sees afterwards."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from db.errors import CorruptProjectError, NewerProjectError, ProjectError
from desktop.services import reports, review, tags
from desktop.services.merge import merge_project
from tests.team.conftest import seed_reports, tag_text


@pytest.fixture
def pair(make_project: Any, tmp_path: Path) -> tuple[Any, Any, dict[str, str]]:
    """alice and bob each imported the seed into their own project and tagged it."""
    alice = make_project("alice.rmk", "alice")
    bob = make_project("bob.rmk", "bob")
    a_ids = seed_reports(alice)
    b_ids = seed_reports(bob)
    assert a_ids.keys() == b_ids.keys()
    assert a_ids["湖南"] != b_ids["湖南"]  # each project gave the reports its own id
    tag_text(alice, a_ids["湖南"], "7.9亿元", "metric", value="7.9")
    tag_text(bob, b_ids["湖南"], "7.9亿元", "metric", value="7.9")
    tag_text(bob, b_ids["湖南"], "“智赋万企”行动", "program")
    return alice, bob, a_ids


def _all_tags(project: Any) -> list[tuple[str, str, int, int, str]]:
    out = []
    for r in reports.library(project):
        out += [(t.author, t.kind, t.start, t.end, t.status) for t in tags.table(project, r.id)]
    return sorted(out)


def test_merge_brings_in_the_colleagues_tags_on_matching_reports(pair: Any) -> None:
    alice, bob, a_ids = pair
    outcome = merge_project(alice, bob.target)
    assert outcome.reports_added == 0 and outcome.reports_matched == 2
    assert outcome.tags_added == 2 and outcome.analysts_added == 1
    hunan = tags.table(alice, a_ids["湖南"])
    assert sorted((t.author, t.quote) for t in hunan) == [
        ("alice", "7.9亿元"), ("bob", "7.9亿元"), ("bob", "“智赋万企”行动")]
    # their history came along
    bobs = next(t for t in hunan if t.author == "bob" and t.kind == "program")
    assert [h.action for h in tags.detail(alice, bobs.id).history] == ["created"]


def test_merging_twice_changes_nothing(pair: Any) -> None:
    alice, bob, _ = pair
    merge_project(alice, bob.target)
    before = _all_tags(alice)
    again = merge_project(alice, bob.target)
    assert not again.changed_anything
    assert _all_tags(alice) == before


def test_reports_the_project_lacks_are_added(make_project: Any, pair: Any) -> None:
    _alice, bob, _ = pair
    carol = make_project("carol.rmk", "carol")
    outcome = merge_project(carol, bob.target)
    assert outcome.reports_added == 2
    assert len(reports.library(carol)) == 2
    assert ("bob", "program") in {(a, k) for a, k, *_ in _all_tags(carol)}


def test_a_tag_edited_on_both_sides_keeps_the_newer_and_records_the_other(
    pair: Any, make_project: Any
) -> None:
    alice, bob, _ = pair
    merge_project(bob, alice.target)  # bob now has alice's tag
    merge_project(alice, bob.target)
    shared = next(t for t in tags.table(alice, seed_reports(alice)["湖南"]) if t.author == "bob"
                  and t.kind == "metric")
    tags.set_note(bob, shared.id, "older edit by bob")
    tags.set_note(alice, shared.id, "newer edit by alice")
    outcome = merge_project(alice, bob.target)
    assert (outcome.tags_updated, outcome.tags_kept) == (0, 1)
    detail = tags.detail(alice, shared.id)
    assert detail.note == "newer edit by alice"
    assert any(h.action == "merge: other version" and h.state["note"] == "older edit by bob"
               for h in detail.history)
    # and the other way round: bob takes alice's newer version
    outcome = merge_project(bob, alice.target)
    assert outcome.tags_updated == 1
    assert tags.detail(bob, shared.id).note == "newer edit by alice"
    assert any(h.state.get("note") == "older edit by bob" for h in tags.detail(bob, shared.id).history)
    assert not merge_project(bob, alice.target).changed_anything


def test_reviews_and_correction_links_travel(pair: Any) -> None:
    alice, bob, _ = pair
    merge_project(alice, bob.target)
    program = next(i for i in review.queue(alice) if i.kind == "program")
    fixed = review.correct(alice, program.tag_id, fields={"name": "智赋万企"}).new_tag
    merge_project(bob, alice.target)
    assert tags.detail(bob, program.tag_id).status == "corrected"
    assert [r.verdict for r in review.reviews(bob, program.tag_id)] == ["correct"]
    assert review.corrections_of(bob, program.tag_id) == [fixed]


def test_a_tag_deleted_here_is_not_brought_back(pair: Any) -> None:
    alice, bob, a_ids = pair
    merge_project(alice, bob.target)
    program = next(t for t in tags.table(alice, a_ids["湖南"]) if t.kind == "program")
    tags.delete_tag(alice, program.id)
    merge_project(alice, bob.target)
    assert all(t.kind != "program" for t in tags.table(alice, a_ids["湖南"]))


def test_a_newer_or_damaged_project_is_refused_and_nothing_changes(
    pair: Any, tmp_path: Path
) -> None:
    alice, bob, _ = pair
    before = _all_tags(alice)
    bob.close()
    newer = tmp_path / "newer.rmk"
    with sqlite3.connect(Path(bob.target)) as src, sqlite3.connect(newer) as dst:
        src.backup(dst)
    src.close()
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    with pytest.raises(NewerProjectError, match="newer version of ReportMark"):
        merge_project(alice, newer)
    junk = tmp_path / "junk.rmk"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(CorruptProjectError, match="not a ReportMark project"):
        merge_project(alice, junk)
    with pytest.raises(ProjectError, match="does not exist"):
        merge_project(alice, tmp_path / "missing.rmk")
    with pytest.raises(ProjectError, match="this project"):
        merge_project(alice, alice.target)
    assert _all_tags(alice) == before
    # the colleague's file itself is never changed by a merge
    assert Path(bob.target).stat().st_size > 0


def test_merge_runs_as_a_process_job_with_progress(qtbot: Any, pair: Any) -> None:
    from desktop.services.merge import merge_job
    from desktop.ui.jobs import ProcessJob

    alice, bob, a_ids = pair
    job = ProcessJob(merge_job, {"target": alice.target, "other": bob.target})
    steps: list[str] = []
    job.progress.connect(lambda _d, _t, message: steps.append(message))
    with qtbot.waitSignal(job.finished, timeout=30000) as blocker:
        job.start()
    outcome = blocker.args[0]
    assert outcome.tags_added == 2
    assert steps[0] == "Opening the colleague's project" and steps[-1] == "Done"
    assert len(tags.table(alice, a_ids["湖南"])) == 3


def test_a_cancelled_merge_leaves_the_project_as_it_was(
    qtbot: Any, make_project: Any, tmp_path: Path
) -> None:
    from benchmarks.bench_merge import _make_project, _report_texts
    from desktop.services.merge import merge_job
    from desktop.ui.jobs import ProcessJob

    texts = _report_texts()[:4]
    colleague = tmp_path / "big.rmk"
    _make_project(colleague, "bob", texts, 40_000)
    mine = tmp_path / "mine.rmk"
    _make_project(mine, "alice", texts, 0)
    job = ProcessJob(merge_job, {"target": str(mine), "other": str(colleague)})
    job.progress.connect(lambda _d, _t, message: message == "Merging tags" and job.cancel())
    with qtbot.waitSignal(job.cancelled, timeout=30000):
        job.start()
    project = make_project("mine.rmk", "alice")
    assert sum(r.total_tags for r in reports.library(project)) == 0
    # and the file is whole: a merge afterwards brings everything in
    assert merge_project(project, colleague).tags_added == 40_000


def test_work_still_in_the_colleagues_wal_is_merged(make_project: Any) -> None:
    alice = make_project("alice.rmk", "alice")
    bob = make_project("bob.rmk", "bob")  # stays open: his last tags are only in the WAL
    seed_reports(alice)
    tag_text(bob, seed_reports(bob)["湖南"], "7.9亿元", "metric")
    assert Path(bob.target + "-wal").stat().st_size > 0
    assert merge_project(alice, bob.target).tags_added == 1
