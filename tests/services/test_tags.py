"""Tagging use cases on a real project: history, revert, stale edits, links, warnings."""

from __future__ import annotations

import pytest

from desktop.services import reports, tags
from desktop.services.errors import FieldValueError, StaleTagError
from desktop.services.project import open_project_as


def hunan(project):
    row = next(r for r in reports.library(project) if r.region == "湖南")
    return reports.document(project, row.id)


def test_create_trims_space_and_records_history(seeded):
    doc = hunan(seeded)
    i = doc.text.find("7.8%")
    changes = tags.create_tag(seeded, doc.id, "metric", i - 1 if doc.text[i - 1] == " " else i, i + 4)
    detail = tags.detail(seeded, changes.new_tag)
    assert detail.quote == "7.8%"
    assert detail.author == "alice" and detail.origin == "manual"
    assert [h.action for h in detail.history] == ["created"]
    assert reports.library(seeded)[0].tag_counts or reports.library(seeded)[1].tag_counts


def test_number_fields_accept_what_analysts_type(seeded):
    doc = hunan(seeded)
    tag_id = tags.create_tag(seeded, doc.id, "metric", 10, 14).new_tag
    tags.set_field_text(seeded, tag_id, "value", "number", "1.2万亿")
    assert tags.detail(seeded, tag_id).fields["value"] == "1200000000000"
    tags.set_field_text(seeded, tag_id, "value", "number", "3,500")
    assert tags.detail(seeded, tag_id).fields["value"] == "3500"
    tags.set_field_text(seeded, tag_id, "value", "number", "7.8%")
    assert tags.detail(seeded, tag_id).fields["value"] == "7.8"
    assert tags.detail(seeded, tag_id).fields["unit"] == "%"
    tags.set_field_text(seeded, tag_id, "value", "number", "三千五百")
    assert tags.detail(seeded, tag_id).fields["value"] == "3500"
    tags.set_field_text(seeded, tag_id, "value", "number", "７．８")
    assert tags.detail(seeded, tag_id).fields["value"] == "7.8"
    for bad in ("about seven", "7.8%seven", "12abc"):
        with pytest.raises(FieldValueError):
            tags.set_field_text(seeded, tag_id, "value", "number", bad)
    assert tags.detail(seeded, tag_id).fields["value"] == "7.8"


def test_revert_to_an_earlier_version(seeded):
    doc = hunan(seeded)
    tag_id = tags.create_tag(seeded, doc.id, "metric", 10, 14).new_tag
    tags.set_fields(seeded, tag_id, {"indicator": "工业增加值"})
    tags.set_fields(seeded, tag_id, {"indicator": "营业收入"})
    first = tags.detail(seeded, tag_id).history[0]
    tags.revert_to(seeded, tag_id, first.id)
    detail = tags.detail(seeded, tag_id)
    assert "indicator" not in detail.fields
    assert detail.history[-1].action.startswith("reverted")


def test_an_edit_to_a_tag_changed_by_someone_else_is_refused(seeded, project_path):
    doc = hunan(seeded)
    tag_id = tags.create_tag(seeded, doc.id, "metric", 10, 14).new_tag
    seen = tags.detail(seeded, tag_id).version
    bob = open_project_as(project_path, "bob")
    try:
        tags.set_fields(bob, tag_id, {"indicator": "by bob"}, expected_version=seen)
    finally:
        bob.close()
    with pytest.raises(StaleTagError, match="Someone else changed this tag"):
        tags.set_fields(seeded, tag_id, {"indicator": "by alice"}, expected_version=seen)
    assert tags.detail(seeded, tag_id).fields["indicator"] == "by bob"


def test_links_show_on_both_ends_and_go_with_deletion(seeded):
    doc = hunan(seeded)
    t = doc.text.find("“智赋万企”行动")
    program = tags.create_tag(seeded, doc.id, "program", t, t + 8).new_tag
    target = tags.create_tag(seeded, doc.id, "target", t, t + 20).new_tag
    tags.link_tags(seeded, target, program, "program")
    assert [link.other_id for link in tags.detail(seeded, target).links] == [program]
    assert [link.outgoing for link in tags.detail(seeded, program).links] == [False]
    tags.delete_tag(seeded, program)
    assert tags.detail(seeded, target).links == ()


def test_delete_then_restore_brings_back_the_same_tag(seeded):
    doc = hunan(seeded)
    tag_id = tags.create_tag(seeded, doc.id, "metric", 10, 14, fields={"unit": "%"}).new_tag
    _, state = tags.delete_tag(seeded, tag_id)
    assert tags.detail(seeded, tag_id) is None
    tags.restore_tag(seeded, state)
    detail = tags.detail(seeded, tag_id)
    assert detail.fields == {"unit": "%"}
    assert [h.action for h in detail.history] == ["created", "deleted", "restored"]


def test_warnings_are_visible_but_do_not_block(seeded):
    doc = hunan(seeded)
    i = doc.text.find("持续促进")
    metric = tags.create_tag(seeded, doc.id, "metric", i, i + 4).new_tag
    assert "A metric should carry a number." in tags.detail(seeded, metric).warnings
    tags.create_tag(seeded, doc.id, "metric", i, i + 4)
    assert any("twice" in w for w in tags.detail(seeded, metric).warnings)


def test_tag_all_occurrences_skips_those_already_tagged(seeded):
    doc = hunan(seeded)
    spans = tags.occurrences(doc.text, "湖南")
    assert len(spans) >= 3
    tags.create_tag(seeded, doc.id, "program", *spans[0])
    _, created = tags.create_many(seeded, doc.id, "program", spans)
    assert len(created) == len(spans) - 1


def test_a_reviewers_long_comment_is_kept_whole_in_the_history(seeded) -> None:
    """The action column holds 30 characters: the comment no longer goes into it (where
    it was cut), but whole into the entry's state."""
    from desktop.services import review

    report = reports.library(seeded)[0].id
    tag_id = tags.create_tag(seeded, report, "metric", 0, 4).new_tag
    comment = "the value is the 2024 figure, not the 2025 target; check table 3"
    review.reject(seeded, tag_id, comment)
    detail = tags.detail(seeded, tag_id)
    assert detail is not None
    entry = detail.history[-1]
    assert entry.action == "reviewed: reject"
    assert entry.state["comment"] == comment and entry.state["status"] == "rejected"


def test_the_projects_caches_go_with_it(project_path) -> None:
    """Report texts, the reports marked in progress and the suggestions are kept by the
    open project (issue 15: no module-level caches), so a project opened later on the
    same file (after a restore, say) never sees what an earlier one kept."""
    from desktop.services import importing, suggestions
    from tests.conftest import SEED

    first = open_project_as(project_path, "alice")
    importing.import_files(first, [SEED])
    report = reports.library(first)[0].id
    tags.create_tag(first, report, "metric", 0, 4)
    suggestions.for_report(first, report)
    caches = first.caches
    assert report in caches.texts and report in caches.suggestions
    assert (first.analyst_id, report) in caches.started
    second = open_project_as(project_path, "alice")
    try:
        assert not second.caches.texts and not second.caches.suggestions
        first.close()
        assert not caches.texts and not caches.started and not caches.suggestions
    finally:
        second.close()
