"""The library's filter box finds reports by Chinese text typed into it."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt

from tests.ui.conftest import type_chinese


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
