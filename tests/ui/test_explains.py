"""The window explains itself: a legend for the marks and the keys of the walk, and
search results that show the matching text."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import type_chinese


def test_the_legend_names_the_marks_and_the_keys(app_parts):
    legend = app_parts.window.legend
    assert legend.isVisible()
    text = legend.text()
    for kind in app_parts.shown.kinds:
        assert kind.colour in text and kind.name in text
    assert "dashed outline: a suggestion" in text
    for key in ("N / P", "Enter", "X reject", "1 2 3"):
        assert key in text


def test_a_search_result_starts_near_the_match(app_parts, qtbot):
    w = app_parts.window
    panel = app_parts.features["search"].panel
    w.left_tabs.setCurrentWidget(panel)
    type_chinese(panel.query, "智赋万企")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    first_line = panel.model.index(0).data().split("\n")[0]
    assert first_line.index("【智赋万企】") <= 14  # a narrow panel still shows it
    assert "湖南" in panel.model.index(0).data().split("\n")[1]
