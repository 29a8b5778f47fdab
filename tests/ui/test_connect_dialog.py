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
    assert dialog.url().startswith("postgresql://rm:p%40ss%2Fword@127.0.0.1:")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.status_label.text().startswith("Cannot connect:")


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
