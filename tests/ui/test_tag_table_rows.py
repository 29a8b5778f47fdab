"""The tag table shows a new tag's row where it belongs; a row inserted below the rows
on screen repaints none of them, yet scrolling down finds it in place."""

from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from desktop.services.values import TagRow
from desktop.ui.tag_table import TagTablePanel

WHEN = datetime(2026, 1, 1)


def row(i: int) -> TagRow:
    return TagRow(f"{i:08d}-0000-0000-0000-000000000000", "metric", i * 10, i * 10 + 4,
                  f"增长{i}%", {}, "alice", "manual", "open", WHEN, "")


def make_table(qtbot, n: int) -> TagTablePanel:
    rows = {r.id: r for r in map(row, range(0, 2 * n, 2))}  # starts 0, 20, 40, …
    table = TagTablePanel()
    qtbot.addWidget(table)
    table.model.set_kinds({"metric": "Metric"}, {"metric": "#2f6fd6"})
    table.set_source(lambda *_: list(rows), lambda ids: {i: rows[i] for i in ids if i in rows},
                     ["alice"])
    table.resize(400, 300)
    table.show()
    qtbot.waitExposed(table)
    return table


def painted(table: TagTablePanel, action) -> list[QEvent]:
    seen: list[QEvent] = []

    class Spy(QObject):
        def eventFilter(self, _obj, event):
            if event.type() == QEvent.Type.Paint:
                seen.append(event.type())
            return False

    spy = Spy()
    viewport = table.view.viewport()
    QApplication.processEvents()
    viewport.installEventFilter(spy)
    action()
    deadline = time.monotonic() + 0.3  # the view lays itself out on a timer, then paints
    while time.monotonic() < deadline:
        QApplication.processEvents()
    viewport.removeEventFilter(spy)
    return seen


def order(tag_id: str) -> tuple[int, int]:
    i = int(tag_id[:8])
    return (i * 10, i * 10 + 4)


def test_a_row_below_the_screen_repaints_nothing_and_is_found_in_place(qtbot) -> None:
    table = make_table(qtbot, 200)
    scroll = table.view.verticalScrollBar()
    most = scroll.maximum()
    new = row(301)  # start 3010: between rows 150 and 151, far below the screen
    assert painted(table, lambda: table.put_rows({new.id: new}, order)) == []
    assert table.model.rowCount() == 201 and scroll.maximum() == most + 1
    assert table.model.ids().index(new.id) == 151
    table.select(new.id, emit=False)  # scrolled to: shown with its neighbours
    QApplication.processEvents()
    shown = table.view.rowAt(table.view.visualRect(table.model.index(151, 1)).center().y())
    assert shown == 151 and table.model.index(151, 1).data() == "增长301%"
    assert table.model.index(150, 1).data() == "增长300%"


def test_a_row_among_those_on_screen_is_painted(qtbot) -> None:
    table = make_table(qtbot, 200)
    new = row(3)  # start 30: the third row, on screen
    assert painted(table, lambda: table.put_rows({new.id: new}, order)) != []
    assert table.model.index(2, 1).data() == "增长3%"
