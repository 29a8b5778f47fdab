"""A key press is one unit of work with a bounded number of statements (issue 15): the
operation carries what the views need, and they update only the rows it names.
`python -m benchmarks --only keypress` prints the same counts on 10 000 tags."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from PySide6.QtCore import QCoreApplication, Qt

from desktop.services import suggestions
from tests.ui.conftest import select_text
from tests.ui.test_main_window import press
from tests.ui.test_suggestions_ui import first_suggestion


@contextmanager
def counted(engine: Any) -> Iterator[list[str]]:
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def settle(qtbot: Any) -> None:
    qtbot.wait(250)  # every deferred view update (the library's is coalesced for 150 ms)
    QCoreApplication.processEvents()


def test_tagging_with_1_costs_a_few_statements(app_parts: Any, qtbot: Any) -> None:
    w, project = app_parts.window, app_parts.project
    select_text(w.reader, "7.8%")
    press(qtbot, w, Qt.Key.Key_1)  # the first tag of a report also marks it in progress
    settle(qtbot)
    select_text(w.reader, "智赋万企")
    with counted(project.engine) as statements:
        press(qtbot, w, Qt.Key.Key_1)
        settle(qtbot)
    assert len(statements) <= 6, statements
    assert w.inspector.detail().quote == "智赋万企"
    assert w.tag_table.model.row_of(w.inspector.detail().id) >= 0


def test_rejecting_with_x_costs_a_few_statements_and_recomputes_nothing(
        app_parts: Any, qtbot: Any, monkeypatch: Any) -> None:
    w, project = app_parts.window, app_parts.project
    mark = first_suggestion(w)
    computed: list[str] = []
    real = suggestions.for_report
    monkeypatch.setattr(suggestions, "for_report",
                        lambda *a, **k: computed.append("again") or real(*a, **k))
    before = w.reader.suggestion_count()
    with counted(project.engine) as statements:
        qtbot.keyClick(w.reader, Qt.Key.Key_X)
        settle(qtbot)
    assert len(statements) <= 6, statements
    assert computed == []
    assert w.reader.mark(mark.id) is None
    assert w.reader.suggestion_count() == before - 1
