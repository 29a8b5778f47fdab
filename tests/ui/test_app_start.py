"""`reportmark` with no subcommand opens the window: on first run it creates the project
and imports the seeds; later runs paint the first frame before the project opens."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.services import reports
from desktop.services.project import open_project_as


def start(db: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", REPORTMARK_BENCH_EXIT="1",
               HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "cfg"))
    return subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), "--analyst", "alice"],
                          env=env, capture_output=True, text=True, timeout=120)


def test_first_run_imports_the_seeds_and_later_runs_start_from_the_snapshot(tmp_path: Path):
    db = tmp_path / "project.rmk"
    first = start(db, tmp_path)
    assert first.returncode == 0, first.stderr
    project = open_project_as(db, "alice")
    try:
        assert sorted(r.region for r in reports.library(project)) == ["广东", "湖南"]
    finally:
        project.close()
    again = start(db, tmp_path)
    assert again.returncode == 0, again.stderr
    assert "Traceback" not in again.stderr


def test_layout_and_last_report_are_remembered(qtbot, seeded, project_path):
    from PySide6.QtCore import QSettings

    from desktop.app import _save_window, build, make_application
    from desktop.services import reports

    make_application()
    settings = QSettings()
    parts = build(seeded)
    qtbot.addWidget(parts.window)
    gd = next(r.id for r in reports.library(seeded) if r.region == "广东")
    parts.window.library.select(gd)
    parts.window.left_dock.hide()
    _save_window(settings, parts)
    assert settings.value("window/report") == gd
    again = build(seeded, report_id=str(settings.value("window/report")))
    qtbot.addWidget(again.window)
    again.window.restoreState(settings.value("window/state"))
    assert again.shown.report_id == gd
    assert again.window.left_dock.isHidden()
