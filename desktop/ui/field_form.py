"""One kind's fields as a form of editors (the inspector keeps one per kind and shows the
selected tag's: a key press that selects a tag of another kind switches forms, it does
not build one)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from desktop.services.values import KindInfo
from desktop.ui.i18n import pick
from desktop.ui.wheel import guard_wheel

Editor = QLineEdit | QComboBox
Edited = Callable[[str, str, str], None]  # key, field type, typed text


def shown(field_type: str, value: Any) -> str:
    """A field's value as the form shows it (a period as 2025年前三季度)."""
    # loaded when a tag's fields are first shown: it brings the number grammar, which
    # the first paint does not need
    from desktop.domain.fieldvalues import display, period_text

    return period_text(value) if field_type == "period" else display(value)


class FieldForm(QWidget):
    def __init__(self, kind: KindInfo, edited: Edited, line_edited: Callable[[str, str, QLineEdit], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editors: dict[str, Editor] = {}
        self.types: dict[str, str] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for f in kind.fields:
            self.types[f.key] = f.type
            editor: Editor
            if f.type == "choice":
                editor = QComboBox(self)
                editor.addItems(list(f.choices))
                editor.activated.connect(
                    lambda _i, key=f.key, t=f.type, e=editor: edited(key, t, e.currentText()))
            else:
                editor = QLineEdit(self)
                if f.type == "number":
                    editor.setPlaceholderText("7.8%  ·  1.2万亿  ·  3,500")
                elif f.type == "period":
                    editor.setPlaceholderText("1—10月 · 前三季度 · 2025年")
                editor.editingFinished.connect(
                    lambda key=f.key, t=f.type, e=editor: line_edited(key, t, e))
            editor.setObjectName(f"field_{f.key}")
            self.editors[f.key] = editor
            form.addRow(pick(f.label, f.label_zh), editor)
        guard_wheel(self)

    def shown(self, key: str, value: Any) -> str:
        return shown(self.types.get(key, ""), value)

    def fill(self, fields: dict[str, Any]) -> None:
        """Each editor shows its field's value; no edit is signalled."""
        for key, editor in self.editors.items():
            value = self.shown(key, fields.get(key))
            blocker = editor.blockSignals(True)
            if isinstance(editor, QComboBox):
                if value and editor.findText(value) < 0:
                    editor.addItem(value)
                editor.setCurrentText(value)
            elif editor.text() != value:
                editor.setText(value)
            editor.blockSignals(blocker)

    def set_read_only(self, on: bool) -> None:
        for editor in self.editors.values():
            if isinstance(editor, QLineEdit):
                editor.setReadOnly(on)
            else:
                editor.setEnabled(not on)
