"""More than one project: File ▸ New project…, Open recent, and `reportmark FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop.services import reports
from desktop.services.importing import import_files
from desktop.services.project import open_project_as
from desktop.ui.features.projects import recent_projects, remember_project
from desktop.ui.main_window import MainWindow
from tests.conftest import SEED


def shown_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible()]


def test_new_project_from_the_file_menu_opens_in_place_of_this_one(
        app_parts, qtbot, tmp_path, monkeypatch):
    new = tmp_path / "second.rmk"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(new), "ReportMark projects"))
    old = app_parts.window
    old.act_new_project.trigger()
    qtbot.waitUntil(lambda: old not in shown_windows() and len(shown_windows()) == 1)
    window = shown_windows()[0]
    assert window.library.model.rowCount() == 0  # a new, empty project
    assert window.status_project.text() == "second.rmk"
    assert new.exists()
    assert recent_projects(QSettings())[0] == str(new.resolve())


def test_open_recent_from_the_file_menu(app_parts, qtbot, tmp_path):
    other = tmp_path / "colleague.rmk"
    project = open_project_as(other, "alice")
    import_files(project, [SEED])
    project.close()
    remember_project(QSettings(), str(other))
    w = app_parts.window
    w.recent_menu.aboutToShow.emit()
    actions = [a for a in w.recent_menu.actions() if "colleague.rmk" in a.text()]
    assert len(actions) == 1
    assert all(a.toolTip() != app_parts.project.target for a in w.recent_menu.actions())
    actions[0].trigger()
    qtbot.waitUntil(lambda: w not in shown_windows() and len(shown_windows()) == 1)
    window = shown_windows()[0]
    assert window.status_project.text() == "colleague.rmk"
    assert window.library.model.rowCount() == 2


def test_a_project_that_does_not_open_leaves_the_window_as_it_was(app_parts, qtbot, tmp_path):
    bad = tmp_path / "notes.rmk"
    bad.write_text("just notes")
    w = app_parts.window
    shown: list[str] = []

    def close_box() -> None:
        from PySide6.QtWidgets import QMessageBox

        box = next((t for t in QApplication.topLevelWidgets()
                    if isinstance(t, QMessageBox) and t.isVisible()), None)
        if box is None:
            QTimer.singleShot(20, close_box)
            return
        shown.append(box.text())
        box.done(0)

    QTimer.singleShot(20, close_box)
    w.project_requested.emit(str(bad))
    assert shown and "notes.rmk" in shown[0]
    assert shown_windows() == [w] and w.library.model.rowCount() == 2


def test_reportmark_file_imports_it_and_opens_the_window_on_it(qapp, qtbot, tmp_path):
    """`reportmark --db P FILE`, as the desktop entry runs it (`Exec=reportmark %F`)."""
    from desktop.cli import main

    report = tmp_path / "湖北工信.txt"
    report.write_text("湖北省经济和信息化厅\n\n前三季度，湖北规上工业增加值增长7.1%。\n",
                      encoding="utf-8")
    db = tmp_path / "p.rmk"
    seen: list[str] = []

    def look() -> None:
        windows = shown_windows()
        title = windows[0].report_title.text() if windows else ""
        if "湖北" not in title:
            QTimer.singleShot(50, look)
            return
        seen.append(title)
        seen.append(windows[0].reader.text())
        for top in QApplication.topLevelWidgets():
            top.close()

    QTimer.singleShot(50, look)
    assert main(["--db", str(db), "--analyst", "alice", str(report)]) == 0
    assert seen and "规上工业增加值增长7.1%" in seen[1]
    project = open_project_as(db, "alice")
    try:
        assert any(r.title.startswith("湖北") or r.source_file == report.name
                   for r in reports.library(project))
    finally:
        project.close()


def test_a_file_never_hides_a_subcommand(tmp_path, monkeypatch):
    from desktop.cli import COMMAND_NAMES, build_parser

    choices = next(a.choices for a in build_parser()._actions
                   if isinstance(a, argparse._SubParsersAction))
    assert set(choices) == COMMAND_NAMES
    monkeypatch.chdir(tmp_path)
    Path("reports").write_text("a file named like a command")
    from desktop.cli import _are_files

    assert not _are_files(["reports"])
    assert _are_files([str(SEED)])
    assert not _are_files([str(SEED), "--json"])
