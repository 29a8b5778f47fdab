"""The program registry: entries with their alias and tag counts; rename, add an alias,
merge one entry into another.

`ProgramsDialog(project, run)` reads through `desktop.services.programs` and acts by
running the registry operations (desktop/services/ops/programs.py) through the window's
runner, so each edit is undoable; shown alone, it emits `changed(Changes)`. The table is `ProgramTableModel`, an item
model over the registry's rows (a registry holds hundreds of entries, not millions).
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services import programs
from desktop.services.operations import Operation
from desktop.services.ops import programs as ops
from desktop.services.programs import ProgramRow
from desktop.services.project import Project
from desktop.ui.runner import Run, standalone
from desktop.ui.table_model import RIGHT, Index, RowsModel, current_row, set_current


class ProgramTableModel(RowsModel[ProgramRow]):
    COLUMNS = ("name", "category", "aliases", "tags")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__((self.tr("Name"), self.tr("Category"), self.tr("Aliases"),
                          self.tr("Tags")), key=attrgetter("id"), parent=parent)

    entry = RowsModel.row

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == self.ID_ROLE:
            return entry.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "name":
                return entry.name
            if column == "category":
                return entry.category
            if column == "aliases":
                return entry.alias_count
            return entry.tag_count
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("aliases", "tags"):
            return RIGHT
        return None


class ProgramsDialog(QDialog):
    changed = Signal(object)  # Changes

    def __init__(self, project: Project, run: Run | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project = project
        # the window's runner (undoable); alone, the change sets go out by `changed`
        self._runner = run or standalone(project, self.changed.emit)
        self.setWindowTitle(self.tr("Program registry"))
        self.model = ProgramTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.aliases_label = QLabel(self)
        self.aliases_label.setWordWrap(True)

        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("New name or alias"))
        self.rename_button = QPushButton(self.tr("&Rename"), self)
        self.alias_button = QPushButton(self.tr("Add &alias"), self)
        self.merge_target = QComboBox(self)
        self.merge_button = QPushButton(self.tr("&Merge into"), self)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b91c1c")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        edit_row = QHBoxLayout()
        edit_row.addWidget(self.name_edit, 1)
        edit_row.addWidget(self.rename_button)
        edit_row.addWidget(self.alias_button)
        merge_row = QHBoxLayout()
        merge_row.addWidget(self.merge_button)
        merge_row.addWidget(self.merge_target, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.aliases_label)
        layout.addLayout(edit_row)
        layout.addLayout(merge_row)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.rename_button.clicked.connect(self.rename_selected)
        self.alias_button.clicked.connect(self.add_alias_to_selected)
        self.merge_button.clicked.connect(self.merge_selected)
        self.name_edit.textChanged.connect(self._update_buttons)
        self.resize(640, 480)
        self.refresh()

    # --- state -------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        entry = current_row(self.table, self.model)
        return entry.id if entry is not None else None

    def select(self, program_id: str) -> None:
        set_current(self.table, self.model, program_id)

    def refresh(self) -> None:
        keep = self.selected_id()
        self.model.set_rows(programs.entries(self._project))
        if keep is not None:
            self.select(keep)
        self._on_current()

    def _on_current(self, *_: object) -> None:
        pid = self.selected_id()
        self.merge_target.clear()
        if pid is None:
            self.aliases_label.setText(self.tr("Select a program."))
        else:
            names = programs.aliases(self._project, pid)
            self.aliases_label.setText(
                self.tr("Aliases: ") + ("、".join(names) if names else self.tr("none")))
            for r in range(self.model.rowCount()):
                entry = self.model.entry(r)
                if entry.id != pid:
                    self.merge_target.addItem(entry.name, entry.id)
        self._update_buttons()

    def _update_buttons(self, *_: object) -> None:
        has = self.selected_id() is not None
        typed = bool(self.name_edit.text().strip())
        self.rename_button.setEnabled(has and typed)
        self.alias_button.setEnabled(has and typed)
        self.merge_button.setEnabled(has and self.merge_target.count() > 0)

    # --- actions ----------------------------------------------------------------------

    def _run(self, op: Operation, text: str) -> bool:
        if self._runner(op, text, self.error_label.setText) is None:
            return False
        self.error_label.clear()
        return True

    def rename_selected(self) -> None:
        pid = self.selected_id()
        if pid is not None and self._run(
                ops.RenameProgram(pid, self.name_edit.text()), self.tr("Rename a program")):
            self.name_edit.clear()
            self.refresh()

    def add_alias_to_selected(self) -> None:
        pid = self.selected_id()
        if pid is not None and self._run(
                ops.AddAlias(pid, self.name_edit.text()), self.tr("Add an alias")):
            self.name_edit.clear()
            self.refresh()

    def merge_selected(self) -> None:
        pid = self.selected_id()
        target = self.merge_target.currentData()
        if pid is not None and target and self._run(
                ops.MergePrograms(pid, str(target)), self.tr("Merge programs")):
            self.refresh()
            self.select(str(target))
