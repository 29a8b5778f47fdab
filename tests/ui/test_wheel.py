"""The mouse wheel never edits a tag: a notch over any inspector control without focus
changes nothing (it scrolls the panel instead)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from desktop.services import tags
from tests.ui.conftest import select_text


def wheel(widget: QWidget, notches: int) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_scrolling_over_every_inspector_control_changes_nothing(app_parts, qtbot):
    w = app_parts.window
    select_text(w.reader, "7.8%")
    qtbot.keyClick(w.reader, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: w.inspector.detail() is not None)
    tag_id = w.inspector.detail().id
    app_parts.editing.edit_field("comparison", "choice", "同比")
    qtbot.waitUntil(lambda: w.inspector.editor("comparison").currentText() == "同比")
    before = tags.detail(app_parts.project, tag_id)
    undo_count = w.undo_stack.count()
    w.reader.setFocus()  # the controls under the pointer do not have focus
    controls = [c for c in w.inspector.findChildren(QWidget) if c.isVisible()]
    combos = [c for c in controls if isinstance(c, QComboBox)]
    assert w.inspector.kind in combos and w.inspector.editor("comparison") in combos
    shown = {id(c): c.currentText() for c in combos}
    for control in controls:
        for notches in (1, -1, -3, 3):
            wheel(control, notches)
    qtbot.wait(50)
    after = tags.detail(app_parts.project, tag_id)
    assert (after.kind, after.fields, after.version) == (before.kind, before.fields, before.version)
    assert w.undo_stack.count() == undo_count
    assert {id(c): c.currentText() for c in combos} == shown
    assert w.inspector.detail().kind == "metric"


def test_a_focused_combo_box_still_takes_the_wheel(app_parts, qtbot):
    w = app_parts.window
    select_text(w.reader, "7.8%")
    qtbot.keyClick(w.reader, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: w.inspector.detail() is not None)
    kind = w.inspector.kind
    kind.setFocus()
    qtbot.waitUntil(kind.hasFocus)
    wheel(kind, -1)  # chosen on purpose, like a click: it changes the kind (undoable)
    qtbot.waitUntil(lambda: w.inspector.detail() is not None
                    and w.inspector.detail().kind != "metric")
    w.act_undo.trigger()
    qtbot.waitUntil(lambda: tags.detail(app_parts.project, w.inspector.detail().id).kind
                    == "metric")
