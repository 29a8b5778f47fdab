"""The library: its filter box finds reports by Chinese text typed into it, and a key
press updates the open report's counts in place."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt

from desktop.ui.library import LibraryModel
from tests.ui.conftest import select_text, type_chinese


def shown_regions(library) -> list[str]:
    proxy = library.proxy
    return [proxy.index(r, 1).data() for r in range(proxy.rowCount())]


@pytest.mark.parametrize(("typed", "expected"), [
    ("湖", ["湖南"]),
    ("工业", ["湖南", "广东"]),
    ("工信厅", ["湖南", "广东"]),  # the usual abbreviation of 工业和信息化厅
    ("广东", ["广东"]),
    ("2025", ["湖南", "广东"]),
    ("上海", []),
])
def test_typing_chinese_into_the_filter_finds_reports(app_parts, qtbot, typed, expected):
    library = app_parts.window.library
    type_chinese(library.filter, typed)
    assert library.filter.text() == typed
    assert [r[:2] for r in shown_regions(library)] == expected
    qtbot.keyClick(library.filter, Qt.Key.Key_Backspace)
    library.filter.clear()
    assert len(shown_regions(library)) == 2


def test_a_key_press_updates_the_open_reports_count_cell_alone(app_parts, qtbot):
    """Tagging changes the open report's M·P·T figures in place: that cell repaints, the
    rest of its row (title, region, year, characters) does not."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtTest import QTest

    w = app_parts.window
    library = w.library
    model = library.model
    row = model.row_of(app_parts.shown.report_id)
    counts = model.index(row, LibraryModel.COLUMNS.index("tags"))
    select_text(w.reader, w.reader.text()[10:14])
    QTest.keyClick(w.reader, Qt.Key.Key_1)  # the first tag also sets the state
    qtbot.waitUntil(lambda: counts.data().startswith("1"))
    regions = []

    class Spy(QObject):
        def eventFilter(self, _obj, event):
            if event.type() == QEvent.Type.Paint:
                regions.append(event.rect())
            return False

    spy = Spy()
    library.view.viewport().installEventFilter(spy)
    select_text(w.reader, w.reader.text()[30:34])
    QTest.keyClick(w.reader, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: counts.data().startswith("2"))
    qtbot.wait(50)
    library.view.viewport().removeEventFilter(spy)
    cell = library.view.visualRect(library.proxy.mapFromSource(counts))
    assert regions and all(r.width() <= cell.width() + 2 for r in regions)
