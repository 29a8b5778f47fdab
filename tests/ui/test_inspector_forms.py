"""The inspector keeps one form per kind: moving between tags of different kinds shows
each its own fields, typed edits land on the right tag, and no form is built again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.services import tags
from tests.ui.conftest import select_text


def tag(app_parts, qtbot, needle: str, key: Qt.Key) -> str:
    w = app_parts.window
    select_text(w.reader, needle)
    QTest.keyClick(w.reader, key)
    mark = w.reader.selected_mark()
    assert mark is not None and not mark.suggestion
    qtbot.waitUntil(lambda: w.inspector.detail() is not None
                    and w.inspector.detail().id == mark.id)
    return mark.id


def test_tags_of_different_kinds_show_their_own_forms_built_once(app_parts, qtbot) -> None:
    w = app_parts.window
    text = w.reader.text()
    figure = next(s for s in ("7.8%", "增长", "亿元") if s in text)
    metric = tag(app_parts, qtbot, figure, Qt.Key.Key_1)
    metric_indicator = w.inspector.editor("indicator")
    assert metric_indicator is not None and metric_indicator.isVisible()
    program = tag(app_parts, qtbot, text[40:46], Qt.Key.Key_2)
    assert w.inspector.editor("indicator") is None or not w.inspector.editor("indicator").isVisible()
    name = w.inspector.editor("name")
    assert name is not None and name.isVisible() and not metric_indicator.isVisible()

    app_parts.shown.select_tag(metric)  # back: the same editors, shown again
    assert w.inspector.editor("indicator") is metric_indicator and metric_indicator.isVisible()
    assert not name.isVisible()
    metric_indicator.setText("规模以上工业增加值")
    metric_indicator.editingFinished.emit()
    assert tags.detail(app_parts.project, metric).fields["indicator"] == "规模以上工业增加值"
    assert not tags.detail(app_parts.project, program).fields.get("indicator")

    app_parts.shown.select_tag(program)
    assert w.inspector.editor("name") is name
    assert name.text() == (tags.detail(app_parts.project, program).fields.get("name") or "")
