"""The Connect dialog against a real PostgreSQL server (and a port nobody listens on)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest

from PySide6.QtCore import Qt

from desktop.services.project import open_project_as
from desktop.services.team import check_connection
from desktop.ui.connect_dialog import ConnectDialog
from tests.team.conftest import fresh_pg_database


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_fields_make_a_url_and_a_refused_connection_is_explained(qtbot: Any) -> None:
    dialog = ConnectDialog(check_connection)
    qtbot.addWidget(dialog)
    dialog.host_edit.setText("127.0.0.1")
    dialog.port_box.setValue(_closed_port())
    qtbot.keyClicks(dialog.user_edit, "rm")
    qtbot.keyClicks(dialog.password_edit, "p@ss/word")
    dialog.database_edit.setText("team")
    assert dialog.url().startswith("postgresql://rm@127.0.0.1:")  # never the password
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.status_label.text().startswith("Cannot connect:")
    assert "p@ss" not in dialog.status_label.text() and "p%40ss" not in dialog.status_label.text()


def test_a_pasted_url_wins_and_disables_the_fields(qtbot: Any) -> None:
    dialog = ConnectDialog(check_connection)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.url_edit, "sqlite:///x.rmk")
    assert not dialog.host_edit.isEnabled()
    assert dialog.url() == "sqlite:///x.rmk"
    assert not dialog.test_connection().ok
    assert "postgresql://" in dialog.status_label.text()


@pytest.mark.postgres
def test_connecting_to_an_empty_then_a_set_up_team_database(qtbot: Any, pg_url: str) -> None:
    dialog = ConnectDialog(check_connection)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.url_edit, pg_url)
    assert dialog.test_connection().ok
    assert "empty" in dialog.status_label.text()
    open_project_as(dialog.url(), "alice").close()
    assert dialog.test_connection().ok
    assert dialog.status_label.text() == "Connected to a ReportMark team database."


@pytest.fixture
def pg_url() -> Iterator[str]:
    with fresh_pg_database() as url:
        yield url


def test_the_password_goes_to_the_password_file_never_into_the_url(qtbot: Any) -> None:
    import os
    import stat
    from pathlib import Path

    dialog = ConnectDialog(check_connection)
    qtbot.addWidget(dialog)
    dialog.host_edit.setText("db.example")
    qtbot.keyClicks(dialog.user_edit, "rm")
    qtbot.keyClicks(dialog.password_edit, "p@ss:word")
    dialog.database_edit.setText("team")
    assert ".pgpass" in dialog.password_note.text()
    dialog.accept()
    assert dialog.url() == "postgresql://rm@db.example:5432/team"
    pgpass = Path(os.environ["HOME"]) / ".pgpass"
    assert pgpass.read_text(encoding="utf-8") == "db.example:5432:team:rm:p@ss\\:word\n"
    assert stat.S_IMODE(pgpass.stat().st_mode) == 0o600
    # a URL pasted with its password: the same, and the entry is replaced, not doubled
    other = ConnectDialog(check_connection)
    qtbot.addWidget(other)
    qtbot.keyClicks(other.url_edit, "postgresql://rm:new@db.example:5432/team")
    other.accept()
    assert other.url() == "postgresql://rm@db.example:5432/team"
    assert pgpass.read_text(encoding="utf-8") == "db.example:5432:team:rm:new\n"


@pytest.mark.postgres
def test_a_password_free_url_connects(qtbot: Any, pg_url: str) -> None:
    dialog = ConnectDialog(check_connection)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.url_edit, pg_url)
    dialog.accept()
    assert ":" not in dialog.url().split("//", 1)[1].split("@", 1)[0]  # no password
    assert check_connection(dialog.url()).ok
