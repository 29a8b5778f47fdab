"""The tag schema dialog: the project's kinds (colour, name, 中文名, shortcut, tags) and,
for the selected kind, its fields (key, label, 中文, type, choices).

`SchemaDialog(project, run)` reads through `desktop.services.kinds` and acts by running
the schema operations (desktop/services/ops/schema.py) through the window's runner, so
each edit is undoable; shown alone, it emits `changed(Changes)`. Both tables are item models over the service's
frozen values. Deleting a kind that tags use asks what happens to them (`DeleteKindDialog`);
removing a field says its values stay in the tags.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services import kinds
from desktop.services.operations import Operation, Outcome
from desktop.services.ops import schema
from desktop.services.project import Project
from desktop.services.values import FieldInfo, KindInfo
from desktop.ui.i18n import field_type_label, pick
from desktop.ui.runner import Run, standalone
from desktop.ui.table_model import RIGHT, Index, RowsModel, current_row, set_current

DISPLAY = Qt.ItemDataRole.DisplayRole
# colours offered to a new kind, after the defaults' blue, green and orange
PALETTE = ("#8e44ad", "#c0392b", "#16a085", "#7f8c8d", "#d35400", "#2c3e50")


class KindTableModel(RowsModel[KindInfo]):
    COLUMNS = ("name", "name_zh", "shortcut", "tags")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__((self.tr("Kind"), "中文名", self.tr("Key"), self.tr("Tags")),
                         key=attrgetter("id"), parent=parent)
        self._usage: dict[str, int] = {}

    def set_rows(self, rows: Iterable[KindInfo], usage: Mapping[str, int] | None = None) -> None:
        self._usage = dict(usage or {})  # no view reads between here and the reset
        super().set_rows(rows)

    kind = RowsModel.row

    def usage(self, kind_id: str) -> int:
        return self._usage.get(kind_id, 0)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        kind = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == self.ID_ROLE:
            return kind.id
        if role == DISPLAY:
            if column == "name":
                return kind.name
            if column == "name_zh":
                return kind.name_zh
            if column == "shortcut":
                return kind.shortcut.upper()
            return self.usage(kind.id)
        if role == Qt.ItemDataRole.DecorationRole and column == "name":
            return QColor(kind.colour)  # the swatch
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("shortcut", "tags"):
            return RIGHT
        return None


class FieldTableModel(RowsModel[FieldInfo]):
    COLUMNS = ("key", "label", "label_zh", "type", "choices")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__((self.tr("Key"), self.tr("Label"), "中文", self.tr("Type"),
                          self.tr("Choices")), key=attrgetter("id"), parent=parent)

    field = RowsModel.row

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        f = self._rows[index.row()]
        if role == self.ID_ROLE:
            return f.id
        if role == DISPLAY:
            column = self.COLUMNS[index.column()]
            if column == "choices":
                return "、".join(c for c in f.choices if c)
            if column == "type":
                return field_type_label(f.type)
            return str(getattr(f, column))
        return None


def _ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """OK and Cancel, accepting and rejecting `dialog`."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class KindForm(QDialog):
    """A kind's names, shortcut and colour, for Add and Rename."""

    def __init__(self, title: str, kind: KindInfo | None, colour: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.name_edit = QLineEdit(kind.name if kind else "", self)
        self.name_zh_edit = QLineEdit(kind.name_zh if kind else "", self)
        self.shortcut_edit = QLineEdit(kind.shortcut if kind else "", self)
        self.shortcut_edit.setMaxLength(1)
        self.shortcut_edit.setPlaceholderText(self.tr("one letter or digit"))
        self.colour_edit = QLineEdit(kind.colour if kind else colour, self)
        self.colour_edit.setPlaceholderText("#rrggbb")
        form = QFormLayout(self)
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow("中文名", self.name_zh_edit)
        form.addRow(self.tr("&Key to tag with"), self.shortcut_edit)
        form.addRow(self.tr("&Colour"), self.colour_edit)
        form.addRow(_ok_cancel(self))

    def values(self) -> dict[str, str]:
        return {"name": self.name_edit.text(), "name_zh": self.name_zh_edit.text(),
                "shortcut": self.shortcut_edit.text(), "colour": self.colour_edit.text()}


class FieldForm(QDialog):
    """A field's key, labels, type and choices. Editing keeps key and type: tags store
    their values under the key, in the type's form."""

    def __init__(self, title: str, field: FieldInfo | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.key_edit = QLineEdit(field.key if field else "", self)
        self.key_edit.setPlaceholderText(self.tr("made from the label"))
        self.key_edit.setReadOnly(field is not None)
        self.label_edit = QLineEdit(field.label if field else "", self)
        self.label_zh_edit = QLineEdit(field.label_zh if field else "", self)
        self.type_combo = QComboBox(self)
        for name in ("text", "number", "choice", "period", "reference"):
            self.type_combo.addItem(field_type_label(name), name)
        if field is not None:
            self.type_combo.setCurrentIndex(self.type_combo.findData(field.type))
        self.type_combo.setEnabled(field is None)
        self.choices_edit = QLineEdit("、".join(c for c in field.choices if c) if field else "",
                                      self)
        self.choices_edit.setPlaceholderText(self.tr("choices separated by 、 or commas"))
        form = QFormLayout(self)
        form.addRow(self.tr("&Label"), self.label_edit)
        form.addRow("中文", self.label_zh_edit)
        form.addRow(self.tr("&Key"), self.key_edit)
        form.addRow(self.tr("&Type"), self.type_combo)
        form.addRow(self.tr("C&hoices"), self.choices_edit)
        form.addRow(_ok_cancel(self))
        self.type_combo.currentIndexChanged.connect(self._update_choices)
        self._update_choices()

    def _update_choices(self, *_: object) -> None:
        self.choices_edit.setEnabled(self.type_combo.currentData() == "choice")

    def field_type(self) -> str:
        return str(self.type_combo.currentData())

    def choices(self) -> tuple[str, ...]:
        return kinds.split_choices(self.choices_edit.text())


class DeleteKindDialog(QDialog):
    """'N tags use this kind': move them to another kind, delete them, or cancel."""

    def __init__(self, kind: KindInfo, usage: int, others: Sequence[KindInfo],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Delete a tag kind"))
        label = pick(kind.name, kind.name_zh)
        self.message = QLabel(
            self.tr("%n tag(s) use the kind “%1”. What should happen to them?", "", usage)
            .replace("%1", label), self)
        self.message.setWordWrap(True)
        self.move_radio = QRadioButton(self.tr("&Move them to"), self)
        self.target_combo = QComboBox(self)
        for other in others:
            self.target_combo.addItem(pick(other.name, other.name_zh), other.id)
        self.delete_radio = QRadioButton(self.tr("&Delete them (their history keeps them)"),
                                         self)
        group = QButtonGroup(self)
        group.addButton(self.move_radio)
        group.addButton(self.delete_radio)
        self.move_radio.setChecked(True)
        note = QLabel(self.tr("Moved tags keep the values of fields the other kind also has; "
                              "the rest are dropped (and kept in each tag's history)."), self)
        note.setWordWrap(True)
        self.buttons = _ok_cancel(self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Delete kind"))
        move_row = QHBoxLayout()
        move_row.addWidget(self.move_radio)
        move_row.addWidget(self.target_combo, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(move_row)
        layout.addWidget(self.delete_radio)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.move_radio.toggled.connect(self.target_combo.setEnabled)

    def move_to(self) -> str | None:
        """The kind to move the tags to, or None to delete them."""
        return str(self.target_combo.currentData()) if self.move_radio.isChecked() else None


class SchemaDialog(QDialog):
    changed = Signal(object)  # Changes

    def __init__(self, project: Project, run: Run | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project = project
        # the window's runner (undoable); alone, the change sets go out by `changed`
        self._runner = run or standalone(project, self.changed.emit)
        self.setWindowTitle(self.tr("Tag kinds and fields"))
        self.kind_model = KindTableModel(self)
        self.kind_view = self._table(self.kind_model)
        self.field_model = FieldTableModel(self)
        self.field_view = self._table(self.field_model)

        self.add_kind_button = QPushButton(self.tr("&Add kind…"), self)
        self.rename_button = QPushButton(self.tr("&Rename…"), self)
        self.colour_button = QPushButton(self.tr("&Colour…"), self)
        self.delete_kind_button = QPushButton(self.tr("&Delete…"), self)
        self.add_field_button = QPushButton(self.tr("Add &field…"), self)
        self.edit_field_button = QPushButton(self.tr("&Edit…"), self)
        self.remove_field_button = QPushButton(self.tr("Re&move"), self)
        self.up_button = QPushButton(self.tr("&Up"), self)
        self.down_button = QPushButton(self.tr("Do&wn"), self)
        self.fields_label = QLabel(self)
        hint = QLabel(self.tr("Removing a field hides it: values already entered stay in the "
                              "tags, and come back if a field with the same key is added."), self)
        hint.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b91c1c")
        self.error_label.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        kind_buttons = QHBoxLayout()
        for b in (self.add_kind_button, self.rename_button, self.colour_button,
                  self.delete_kind_button):
            kind_buttons.addWidget(b)
        kind_buttons.addStretch(1)
        field_buttons = QHBoxLayout()
        for b in (self.add_field_button, self.edit_field_button, self.remove_field_button,
                  self.up_button, self.down_button):
            field_buttons.addWidget(b)
        field_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kind_view, 2)
        layout.addLayout(kind_buttons)
        layout.addWidget(self.fields_label)
        layout.addWidget(self.field_view, 3)
        layout.addLayout(field_buttons)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(close)

        self.kind_view.selectionModel().currentRowChanged.connect(self._on_kind)
        self.field_view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.field_view.doubleClicked.connect(self.edit_field)
        self.kind_view.doubleClicked.connect(self.rename_kind)
        self.add_kind_button.clicked.connect(self.add_kind)
        self.rename_button.clicked.connect(self.rename_kind)
        self.colour_button.clicked.connect(self.recolour_kind)
        self.delete_kind_button.clicked.connect(self.delete_kind)
        self.add_field_button.clicked.connect(self.add_field)
        self.edit_field_button.clicked.connect(self.edit_field)
        self.remove_field_button.clicked.connect(self.remove_field)
        self.up_button.clicked.connect(lambda: self.move_field(-1))
        self.down_button.clicked.connect(lambda: self.move_field(1))
        self.resize(720, 560)
        self.refresh()

    def _table(self, model: QAbstractItemModel) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.verticalHeader().hide()
        return view

    # --- state -------------------------------------------------------------------------

    def selected_kind(self) -> KindInfo | None:
        return current_row(self.kind_view, self.kind_model)

    def selected_field(self) -> FieldInfo | None:
        return current_row(self.field_view, self.field_model)

    def select_kind(self, kind_id: str) -> None:
        set_current(self.kind_view, self.kind_model, kind_id)

    def select_field(self, field_id: str) -> None:
        set_current(self.field_view, self.field_model, field_id)

    def refresh(self) -> None:
        kind = self.selected_kind()
        field = self.selected_field()
        self.kind_model.set_rows(kinds.list_kinds(self._project),
                                 kinds.usage_by_kind(self._project))
        if kind is not None:
            self.select_kind(kind.id)
        if self.selected_kind() is None and self.kind_model.rowCount():
            self.kind_view.setCurrentIndex(self.kind_model.index(0, 0))
        self._on_kind()
        if field is not None:
            self.select_field(field.id)
        self._update_buttons()

    def _on_kind(self, *_: object) -> None:
        kind = self.selected_kind()
        self.field_model.set_rows(kind.fields if kind else ())
        self.fields_label.setText(
            self.tr("Fields of %1").replace("%1", pick(kind.name, kind.name_zh))
            if kind else self.tr("Select a kind to see its fields."))
        self._update_buttons()

    def _update_buttons(self, *_: object) -> None:
        has_kind = self.selected_kind() is not None
        for b in (self.rename_button, self.colour_button, self.add_field_button):
            b.setEnabled(has_kind)
        self.delete_kind_button.setEnabled(has_kind and self.kind_model.rowCount() > 1)
        row = self.field_view.currentIndex().row()
        has_field = 0 <= row < self.field_model.rowCount()
        self.edit_field_button.setEnabled(has_field)
        self.remove_field_button.setEnabled(has_field)
        self.up_button.setEnabled(has_field and row > 0)
        self.down_button.setEnabled(has_field and row < self.field_model.rowCount() - 1)

    # --- actions ----------------------------------------------------------------------

    def _run(self, op: Operation, text: str) -> Outcome | None:
        """Run a schema operation; a refusal is shown in the dialog. The outcome, or
        None when it was refused."""
        outcome = self._runner(op, text, self.error_label.setText)
        if outcome is not None:
            self.error_label.clear()
            self.refresh()
        return outcome

    def _next_colour(self) -> str:
        used = {self.kind_model.kind(r).colour for r in range(self.kind_model.rowCount())}
        return next((c for c in PALETTE if c not in used), PALETTE[0])

    def add_kind(self) -> None:
        form = KindForm(self.tr("Add a tag kind"), None, self._next_colour(), self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        done = self._run(schema.AddKind(**form.values()), self.tr("Add a tag kind"))
        if done is not None and done.made is not None:
            self.select_kind(done.made)

    def rename_kind(self, *_: object) -> None:
        kind = self.selected_kind()
        if kind is None:
            return
        form = KindForm(self.tr("Rename a tag kind"), kind, kind.colour, self)
        if form.exec() == QDialog.DialogCode.Accepted:
            self._run(schema.UpdateKind(kind.id, **form.values()), self.tr("Rename a tag kind"))

    def recolour_kind(self) -> None:
        kind = self.selected_kind()
        if kind is None:
            return
        colour = QColorDialog.getColor(QColor(kind.colour), self,
                                       self.tr("Colour of %1").replace("%1", kind.name))
        if colour.isValid():
            self._run(schema.UpdateKind(kind.id, colour=colour.name()),
                      self.tr("Recolour a tag kind"))

    def delete_kind(self) -> None:
        kind = self.selected_kind()
        if kind is None:
            return
        usage = kinds.kind_usage(self._project, kind.id)
        move_to: str | None = None
        if usage:
            others = [self.kind_model.kind(r) for r in range(self.kind_model.rowCount())
                      if self.kind_model.kind(r).id != kind.id]
            ask = DeleteKindDialog(kind, usage, others, self)
            if ask.exec() != QDialog.DialogCode.Accepted:
                return
            move_to = ask.move_to()
        else:
            answer = QMessageBox.question(
                self, self.tr("Delete a tag kind"),
                self.tr("Delete the kind “%1” and its fields? No tag uses it.")
                .replace("%1", kind.name))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._run(schema.DeleteKind(kind.id, move_to), self.tr("Delete a tag kind"))

    def add_field(self) -> None:
        kind = self.selected_kind()
        if kind is None:
            return
        form = FieldForm(self.tr("Add a field to %1").replace("%1", kind.name), None, self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        done = self._run(schema.AddField(kind.id, form.label_edit.text(),
                                         form.label_zh_edit.text(), form.field_type(),
                                         tuple(form.choices()),
                                         key=form.key_edit.text().strip() or None),
                         self.tr("Add a field"))
        if done is not None and done.made is not None:
            self.select_field(done.made)

    def edit_field(self, *_: object) -> None:
        field = self.selected_field()
        if field is None:
            return
        form = FieldForm(self.tr("Edit the field %1").replace("%1", field.label), field, self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        self._run(schema.UpdateField(field.id, label=form.label_edit.text(),
                                     label_zh=form.label_zh_edit.text(),
                                     choices=tuple(form.choices()) if field.type == "choice"
                                     else None), self.tr("Edit a field"))

    def remove_field(self) -> None:
        field = self.selected_field()
        if field is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove a field"),
            self.tr("Remove the field “%1”? Values already entered stay in the tags but are "
                    "no longer shown; adding a field with the key “%2” again shows them.")
            .replace("%1", field.label).replace("%2", field.key))
        if answer == QMessageBox.StandardButton.Yes:
            self._run(schema.RemoveField(field.id), self.tr("Remove a field"))

    def move_field(self, delta: int) -> None:
        field = self.selected_field()
        if field is not None:
            self._run(schema.MoveField(field.id, delta), self.tr("Move a field"))
