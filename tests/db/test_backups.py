"""A project broken by an interrupted upgrade (as ReportMark before issue 11 left them)
keeps its good backup however often it is opened, names it, and gets it back from the
command line or the window."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from db.backups import backup, backups_of
from db.engine import _backup_opens, open_project
from db.errors import UnopenableProjectError
from desktop.cli import main
from tests.db.kill_points import make_0001_project


def _broken_by_an_interrupted_upgrade(tmp_path: Path) -> tuple[Path, Path]:
    """A 0001 project, its backup taken before the upgrade, then half the 0002 upgrade
    applied without its version (a kill after the first CREATE TABLE)."""
    path = tmp_path / "project.rmk"
    make_0001_project(path)
    good = backup(path, "before-upgrade-0001")
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE report_fts_doc (id INTEGER PRIMARY KEY, report_id VARCHAR(36))")
    conn.close()
    return path, good


def test_opening_a_broken_project_again_and_again_keeps_and_names_its_good_backup(
        tmp_path: Path) -> None:
    path, good = _broken_by_an_interrupted_upgrade(tmp_path)
    for _ in range(7):  # more attempts than backups are kept
        with pytest.raises(UnopenableProjectError, match="already exists") as refused:
            open_project(path)
        assert refused.value.backup == good
        assert f"Its backup {good.name} opens" in str(refused.value)
    assert good.exists()


def test_rotation_never_removes_the_newest_backup_that_opens(tmp_path: Path) -> None:
    path, good = _broken_by_an_interrupted_upgrade(tmp_path)
    for _ in range(8):
        backup(path, "test", opens=_backup_opens)
    kept = backups_of(path)
    assert good in kept
    assert len(kept) == 6  # the five newest and the good one


def test_the_command_line_says_which_backup_opens_and_restores_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, good = _broken_by_an_interrupted_upgrade(tmp_path)
    assert main(["--db", str(path), "reports"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert good.name in err and "restore-backup" in err
    assert main(["--db", str(path), "restore-backup"]) == 0
    out = capsys.readouterr().out
    assert f"restored  {good.name}" in out
    assert main(["--db", str(path), "reports", "--json"]) == 0
    assert '"湖南"' in capsys.readouterr().out  # the report the project held is back
    damaged = [p for p in good.parent.iterdir() if p.name.startswith("damaged-")]
    assert len(damaged) == 1  # the broken file is kept, not deleted


def test_the_window_offers_the_backup_and_restores_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.app import _offer_backup, make_application

    make_application()
    path, good = _broken_by_an_interrupted_upgrade(tmp_path)
    with pytest.raises(UnopenableProjectError) as refused:
        open_project(path)
    asked: list[Any] = []

    def question(_parent: Any, _title: str, text: str, *_rest: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    assert _offer_backup(None, refused.value, str(path))
    assert good.name in asked[0]
    open_project(path, create=False).dispose()
