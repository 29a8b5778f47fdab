"""Undo and redo in team mode check versions like every other edit (issue 11, item 4):
a colleague's later edit is never overwritten by an undo; the stale-tag message says so."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from PySide6.QtCore import Qt

from desktop.app import build, make_application
from desktop.services import tags
from desktop.services.project import Project, open_project_as
from tests.team.conftest import fresh_pg_database, seed_reports
from tests.ui.conftest import select_text
from tests.ui.test_main_window import press

pytestmark = pytest.mark.postgres


@pytest.fixture
def team() -> Iterator[tuple[Project, Project]]:
    with fresh_pg_database() as url:
        alice = open_project_as(url, "alice")
        seed_reports(alice)
        bob = open_project_as(url, "bob")
        yield alice, bob
        alice.close()
        bob.close()


def window_with_a_tag(qtbot: Any, alice: Project) -> tuple[Any, str]:
    """Alice's window, with 7.8% tagged as a metric by key; the new tag's id."""
    make_application()
    parts = build(alice)
    qtbot.addWidget(parts.window)
    select_text(parts.window.reader, "7.8%")
    press(qtbot, parts.window, Qt.Key.Key_1)
    return parts, parts.window.inspector.detail().id


def test_undo_never_overwrites_a_colleagues_later_edit(
        qtbot: Any, team: tuple[Project, Project], dialogs: list[str]) -> None:
    alice, bob = team
    parts, tag_id = window_with_a_tag(qtbot, alice)
    w = parts.window
    parts.editing.edit_note("alice's note")
    seen = tags.detail(bob, tag_id)
    assert seen is not None and seen.note == "alice's note"
    tags.set_note(bob, tag_id, "bob's later note", seen.version)  # the colleague, later

    w.act_undo.trigger()  # alice's undo of her note
    detail = tags.detail(alice, tag_id)
    assert detail is not None and detail.note == "bob's later note"
    assert dialogs and "Someone else changed this tag" in dialogs[-1]
    w.act_undo.trigger()  # nor may the undo of her tagging delete bob's version
    assert tags.detail(alice, tag_id) is not None
    assert len(dialogs) == 2


def test_undo_and_redo_still_work_when_nobody_else_changed_the_tag(
        qtbot: Any, team: tuple[Project, Project], dialogs: list[str]) -> None:
    alice, _bob = team
    parts, tag_id = window_with_a_tag(qtbot, alice)
    w = parts.window
    parts.editing.edit_note("first")
    w.act_undo.trigger()
    assert tags.detail(alice, tag_id).note == ""
    w.act_redo.trigger()
    assert tags.detail(alice, tag_id).note == "first"
    w.act_undo.trigger()
    w.act_undo.trigger()
    assert tags.detail(alice, tag_id) is None
    w.act_redo.trigger()
    assert tags.detail(alice, tag_id) is not None
    assert dialogs == []


def test_undoing_operations_refuses_a_colleagues_later_edit_of_every_kind(
        qtbot: Any, team: tuple[Project, Project], dialogs: list[str]) -> None:
    """The runner replays inverses with version checks whatever the action: a kind
    change, a deletion's restore (the colleague restored it first) and a review verdict
    are refused on undo once a colleague has moved on, and the colleague's version stays."""
    from desktop.services import review
    from desktop.services.ops.review import GiveVerdict

    alice, bob = team
    parts, tag_id = window_with_a_tag(qtbot, alice)
    w = parts.window

    parts.editing.change_kind("target")  # alice, then bob edits the tag
    seen = tags.detail(bob, tag_id)
    tags.set_note(bob, tag_id, "bob was here", seen.version)
    w.act_undo.trigger()
    assert tags.detail(alice, tag_id).kind == "target"  # bob's version, not overwritten
    assert "Someone else changed this tag" in dialogs[-1]

    # a verdict on bob's tag, which bob then edits: withdrawing it is refused
    report_id = parts.shown.report_id
    theirs = tags.create_tag(bob, report_id, "metric", 0, 4).new_tag
    parts.runner.run(GiveVerdict(theirs, "reject"), "Reject")
    tags.set_note(bob, theirs, "fixed it", tags.detail(bob, theirs).version)
    count = len(dialogs)
    w.act_undo.trigger()
    assert len(dialogs) == count + 1 and "Someone else changed this tag" in dialogs[-1]
    assert tags.detail(alice, theirs).status == "rejected"
    assert len(review.reviews(alice, theirs)) == 1
