"""The mouse wheel scrolls; it never edits. A combo box (or spin box) under the pointer
takes a wheel notch only once it has focus, otherwise the notch scrolls the panel around
it. Without this one notch over the inspector changed a tag's kind or comparison
(issue 13, point 2) — Qt's combo box changes its item, and emits `activated`, on a
wheel event even without focus."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)


class _WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget) \
                or watched.hasFocus():
            return False
        # hand the notch to the nearest scroll area, as if the control were not there
        parent = watched.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            QApplication.sendEvent(parent.verticalScrollBar(), event)
        return True


_GUARD: _WheelGuard | None = None


def guard_wheel(root: QWidget) -> None:
    """Protect every combo box and spin box inside `root` (call again after adding some)."""
    global _GUARD
    if _GUARD is None:
        _GUARD = _WheelGuard()
    for widget in (*root.findChildren(QComboBox), *root.findChildren(QAbstractSpinBox)):
        if widget.property("wheelGuarded"):
            continue
        widget.setProperty("wheelGuarded", True)
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # no focus by wheel either
        widget.installEventFilter(_GUARD)
