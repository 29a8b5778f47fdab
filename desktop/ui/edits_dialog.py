"""File ▸ Import edits…: a preview of what a round-tripped workbook will change
(changes, conflicts, errors), and Apply.

The dialog receives the preview (`desktop.services.excel_edits.preview`) and an `apply`
callable that performs the import and returns the change set to broadcast.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.errors import USER_ERRORS
from desktop.services.excel_edits import EditItem, EditsPreview
from desktop.ui.messages import error_text
from desktop.ui.table_model import Index, RowsModel

_COLOURS = {"error": QColor("#b91c1c"), "conflict": QColor("#b45309"),
            "ignored": QColor("#6b7280")}


class EditsModel(RowsModel[EditItem]):
    """Errors first, then conflicts, then edits to read-only columns (ignored), then
    changes; a change to a number says what will be stored, in the row's unit."""

    HEADERS = ("What", "Sheet", "Row", "Column", "Tag", "Before", "After", "Message")

    def __init__(self, items: Sequence[EditItem], parent: QWidget | None = None) -> None:
        super().__init__(self.HEADERS, items, parent=parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            message = item.message or (self.tr("stored as ") + item.stored if item.stored else "")
            values = (item.category, item.sheet, item.row, item.column, item.tag_id[:8],
                      item.before, item.after, message)
            return values[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            return _COLOURS.get(item.category)
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.message or None
        return None


class EditsDialog(QDialog):
    """`EditsDialog(preview, apply, parent=None)`; `apply()` returns the change set, which
    is emitted as `applied(changes)`, or None when it was refused (and said so). A user
    error from `apply` is shown, not raised."""

    applied = Signal(object)

    def __init__(self, preview: EditsPreview, apply: Callable[[], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import edits from a workbook"))
        self.resize(900, 480)
        self._apply = apply
        items = [*preview.errors, *preview.conflicts, *preview.ignored, *preview.changes]
        self.model = EditsModel(items, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel(preview.summary())
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        if preview.errors:
            self.message.setText(self.tr("Fix the values listed in red in the workbook and "
                                         "import it again; nothing will be changed until then."))
        elif not preview.changes:
            self.message.setText(self.tr("There is nothing to apply."))
        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setEnabled(preview.can_apply)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def apply(self) -> None:
        try:
            changes = self._apply()
        except USER_ERRORS as exc:
            self.message.setText(error_text(exc))
            self.apply_button.setEnabled(False)
            return
        if changes is None:  # refused, and already said (in this dialog's message)
            self.apply_button.setEnabled(False)
            return
        self.applied.emit(changes)
        self.accept()
