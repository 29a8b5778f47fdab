"""A merge into a team database is undone and redone through the window's undo stack
(issue 15): it takes no backup (colleagues work in the same database), so it records
what it did and its undo reverses exactly that, with version checks. Real PostgreSQL,
a real colleague's project file, the merge in its worker process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import QCoreApplication

from desktop.app import build, make_application
from desktop.services import analysts, importing, reports, tags
from desktop.services.project import Project, open_project_as
from tests.team.conftest import fresh_pg_database, seed_reports, tag_text

pytestmark = pytest.mark.postgres


@pytest.fixture
def team() -> Iterator[tuple[Project, str]]:
    """Alice's team database holding the seed and two of her tags."""
    with fresh_pg_database() as url:
        alice = open_project_as(url, "alice")
        seed_reports(alice)
        yield alice, url
        alice.close()


def colleague_file(path: Path, tmp_path: Path, hunan: str) -> dict[str, str]:
    """Bob's project file: the seed (matched by text), a report of his own, his tags;
    alice's two tags as a copy of hers has them, one edited later, one deleted."""
    extra = tmp_path / "extra.txt"
    extra.write_text("2026年工作思路：力争规上工业增加值增长6%左右。\n", encoding="utf-8")
    as_alice = open_project_as(path, "alice")
    try:
        here = seed_reports(as_alice)["湖南"]
        edited = tag_text(as_alice, here, "7.8%", "metric")
        tags.set_note(as_alice, edited, "from bob's copy")
        gone = tag_text(as_alice, here, "工业", "metric", nth=1)
        tags.delete_tag(as_alice, gone)
    finally:
        as_alice.close()
    bob = open_project_as(path, "bob")
    try:
        importing.import_files(bob, [extra])
        own = next(r.id for r in reports.library(bob) if "extra" in r.source_file)
        made = {"on_seed": tag_text(bob, here, "工业", "metric", nth=2),
                "on_own": tag_text(bob, own, "6%", "target")}
        reports.set_state(bob, here, "done")
    finally:
        bob.close()
    return made


def merge(qtbot: Any, parts: Any, other: Path) -> None:
    w = parts.window
    job = parts.features["team"].merge(str(other))
    qtbot.waitUntil(lambda: not job.running and w.undo_stack.canUndo(), timeout=60_000)
    assert w.undo_stack.undoText() == "Merge a colleague's project"


def window_after_merge(qtbot: Any, alice: Project, bob_file: Path) -> Any:
    """The window over the team database, once bob's file is merged into it."""
    make_application()
    parts = build(alice)
    qtbot.addWidget(parts.window)
    merge(qtbot, parts, bob_file)
    return parts


def test_a_merge_into_a_team_database_undoes_and_redoes(
        qtbot: Any, team: tuple[Project, str], tmp_path: Path, dialogs: list[str]) -> None:
    alice, _url = team
    hunan = next(r.id for r in reports.library(alice) if r.region == "湖南")
    kept = tag_text(alice, hunan, "7.8%", "metric")  # changed by the merge (newer there)
    tags.set_note(alice, kept, "alice's first note")
    deleted = tag_text(alice, hunan, "工业", "metric", nth=1)  # deleted there later
    bobs = colleague_file(tmp_path / "bob.rmk", tmp_path, hunan)
    parts = window_after_merge(qtbot, alice, tmp_path / "bob.rmk")
    w = parts.window

    def library() -> set[str]:
        return {r.title for r in reports.library(alice)}

    def before() -> bool:
        QCoreApplication.processEvents()
        return (len(library()) == 2 and w.library.model.rowCount() == 2
                and tags.detail(alice, kept).note == "alice's first note"
                and tags.detail(alice, deleted) is not None
                and all(tags.detail(alice, t) is None for t in bobs.values())
                and "bob" not in {a.name for a in analysts.list_analysts(alice)})

    def after() -> bool:
        QCoreApplication.processEvents()
        return (len(library()) == 3 and w.library.model.rowCount() == 3
                and tags.detail(alice, kept).note == "from bob's copy"
                and tags.detail(alice, deleted) is None
                and all(tags.detail(alice, t) is not None for t in bobs.values())
                and "bob" in {a.name for a in analysts.list_analysts(alice)})

    qtbot.waitUntil(after)  # the library follows a moment later
    for _ in range(2):
        w.act_undo.trigger()
        qtbot.waitUntil(before)
        w.act_redo.trigger()
        qtbot.waitUntil(after)
    assert dialogs == []


def test_undoing_a_team_merge_leaves_a_colleagues_later_edit_alone(
        qtbot: Any, team: tuple[Project, str], tmp_path: Path, dialogs: list[str]) -> None:
    alice, url = team
    hunan = next(r.id for r in reports.library(alice) if r.region == "湖南")
    bobs = colleague_file(tmp_path / "bob.rmk", tmp_path, hunan)
    parts = window_after_merge(qtbot, alice, tmp_path / "bob.rmk")
    w = parts.window
    carol = open_project_as(url, "carol")  # a colleague corrects a tag the merge brought
    try:
        tags.set_note(carol, bobs["on_own"], "carol checked this")
    finally:
        carol.close()
    w.act_undo.trigger()
    QCoreApplication.processEvents()
    assert tags.detail(alice, bobs["on_own"]).note == "carol checked this"
    assert all(tags.detail(alice, t) is not None for t in bobs.values())  # nothing undone
    assert len(reports.library(alice)) == 3
    assert dialogs == ["A colleague has since changed 1 of the things this merge brought in "
                     "or changed; to keep their work, the merge was not undone."]
    assert not w.undo_stack.canUndo()  # it can no longer be undone truthfully


def test_the_analysts_own_edit_of_a_merged_tag_undone_first_does_not_block_the_undo(
        qtbot: Any, team: tuple[Project, str], tmp_path: Path, dialogs: list[str]) -> None:
    alice, _url = team
    hunan = next(r.id for r in reports.library(alice) if r.region == "湖南")
    bobs = colleague_file(tmp_path / "bob.rmk", tmp_path, hunan)
    parts = window_after_merge(qtbot, alice, tmp_path / "bob.rmk")
    w = parts.window
    parts.shown.open_report(hunan)
    parts.shown.select_tag(bobs["on_seed"])
    parts.editing.edit_note("alice looked at it")
    assert tags.detail(alice, bobs["on_seed"]).note == "alice looked at it"
    w.act_undo.trigger()  # her note
    w.act_undo.trigger()  # the merge
    QCoreApplication.processEvents()
    assert dialogs == []
    assert all(tags.detail(alice, t) is None for t in bobs.values())
    w.act_redo.trigger()
    w.act_redo.trigger()
    assert tags.detail(alice, bobs["on_seed"]).note == "alice looked at it"
