"""Typed tag state (issue 15): enums whose values are the strings stored, the verdict →
status map written once, history actions that fit their column, one tag-state type."""

from __future__ import annotations

from sqlalchemy import String

from db.models import Tag, TagEvent
from desktop.domain.states import (
    ACTION_LENGTH,
    STATUS_VERDICT,
    VERDICT_STATUS,
    HistoryAction,
    Origin,
    TagState,
    TagStatus,
    Verdict,
)


def test_the_values_are_the_strings_projects_store() -> None:
    assert [s.value for s in TagStatus] == ["open", "accepted", "rejected", "corrected"]
    assert TagStatus.REJECTED == "rejected" and f"{Origin.SUGGESTION}rule" == "suggestion:rule"
    assert {TagStatus.OPEN: 1}.get("open") == 1  # a stored string finds its member's entry


def test_every_history_action_fits_its_column() -> None:
    column = TagEvent.__table__.c.action.type
    assert isinstance(column, String) and column.length == ACTION_LENGTH
    assert max(len(a) for a in HistoryAction) <= ACTION_LENGTH
    assert isinstance(Tag.__table__.c.status.type, String)
    assert max(len(s) for s in TagStatus) <= (Tag.__table__.c.status.type.length or 0)


def test_the_verdict_map_is_one_map_both_ways() -> None:
    assert VERDICT_STATUS[Verdict.REJECT] is TagStatus.REJECTED
    assert Verdict.COMMENT not in VERDICT_STATUS  # a comment leaves the status
    assert {STATUS_VERDICT[s]: s for s in STATUS_VERDICT} == dict(VERDICT_STATUS)
    assert HistoryAction.reviewed(Verdict.ACCEPT) is HistoryAction.REVIEWED_ACCEPT


def test_a_tag_state_records_the_shape_restore_reads() -> None:
    row = {"id": "t1", "report_id": "r1", "start": 1, "end": 3, "quote": "增长",
           "fields": {"value": "5"}, "note": "", "author_id": "a1", "origin": "manual",
           "status": "open"}
    record = TagState.of_row(row, "metric", links=[]).record()
    assert record == {**row, "kind": "metric", "links": []}
