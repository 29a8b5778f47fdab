"""The review queue: colleagues' tags to accept (A), reject (R) or correct (C).

`ReviewPanel(project, run)` — dock it; it reads through `desktop.services.review` and
gives verdicts as operations (desktop/services/ops/review.py) through the window's
runner, so each is undoable. Signals:
  tag_activated(report_id, tag_id)  a row was chosen: show the tag in the reader
  changed(Changes)                  a verdict was recorded (shown alone, without a runner)
  failed(str)                       a verdict was refused (e.g. a colleague changed the tag)
  edit_requested(report_id, tag_id) a correction was made: open the copy for editing
Call `refresh()` from the bus's on_changes (or after a merge) to reload the ids.

The table is an item model over tag ids (`ReviewQueueModel`); rows are fetched from the
service a page at a time when first shown, and cached.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.states import TagStatus
from desktop.services import kinds as kinds_service
from desktop.services import review
from desktop.services.operations import Operation
from desktop.services.ops.review import CorrectTag, GiveVerdict
from desktop.services.project import Project
from desktop.services.review import QueueItem
from desktop.ui.i18n import pick
from desktop.ui.runner import Run, standalone
from desktop.ui.table_model import Index, LazyRowsModel
from desktop.ui.tag_table import status_labels


class ReviewQueueModel(LazyRowsModel[QueueItem]):
    """Rows are tag ids; `fetch_rows(ids)` returns their QueueItems (missing = deleted)."""

    COLUMNS = ("report", "kind", "text", "author", "status", "comment")
    REPORT_ROLE = Qt.ItemDataRole.UserRole + 2
    VERSION_ROLE = Qt.ItemDataRole.UserRole + 3

    def __init__(self, fetch_rows: Callable[[Sequence[str]], Mapping[str, QueueItem]],
                 parent: QWidget | None = None) -> None:
        super().__init__((self.tr("Report"), self.tr("Kind"), self.tr("Text"),
                          self.tr("Author"), self.tr("Status"), self.tr("Last comment")),
                         fetch_rows, parent)
        self.kind_labels: dict[str, str] = {}
        self._statuses = status_labels()

    set_ids = LazyRowsModel.set_rows
    tag_id = LazyRowsModel.row
    item = LazyRowsModel.fetched

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == self.ID_ROLE:
            return self._rows[index.row()]
        item = self.item(index.row())
        if item is None:
            return self.tr("(deleted)") if role == Qt.ItemDataRole.DisplayRole and \
                index.column() == 2 else None
        if role == self.REPORT_ROLE:
            return item.report_id
        if role == self.VERSION_ROLE:
            return item.version
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            col = self.COLUMNS[index.column()]
            values = {"report": item.report_title,
                      "kind": self.kind_labels.get(item.kind, item.kind), "text": item.quote,
                      "author": item.author,
                      "status": self._statuses.get(item.status, item.status),
                      "comment": item.last_comment}
            return values[col]
        return None


class ReviewPanel(QWidget):
    tag_activated = Signal(str, str)  # report id, tag id
    changed = Signal(object)  # desktop.services.changes.Changes
    failed = Signal(str)
    edit_requested = Signal(str, str)  # report id, the reviewer's corrected copy

    STATUSES = (*TagStatus, "")  # "" is any status

    def __init__(self, project: Project, run: Run | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project = project
        # the window's runner (undoable); alone, the change sets go out by `changed`
        self._runner = run or standalone(project, self.changed.emit)
        self.status_box = QComboBox()
        labels = status_labels()
        for status in self.STATUSES:
            self.status_box.addItem(labels.get(status) or self.tr("any status"), status)
        self.author_edit = QLineEdit()
        self.author_edit.setPlaceholderText(self.tr("colleague (all)"))
        self.report_id: str | None = None  # set by the lead's window to filter by report
        self.message = QLabel()
        self.model = ReviewQueueModel(lambda ids: review.queue_rows(self._project, ids), self)
        self.model.kind_labels = {k.key: pick(k.name, k.name_zh)
                                  for k in kinds_service.list_kinds(project)}
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().hide()

        filters = QHBoxLayout()
        filters.addWidget(self.status_box)
        filters.addWidget(self.author_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # the verdicts as buttons, with their keys on them: nothing to remember
        self.accept_button = QPushButton(self.tr("✓ Accept (A)"))
        self.accept_button.setToolTip(self.tr("The colleague's tag is right as it is"))
        self.reject_button = QPushButton(self.tr("✗ Reject (R)"))
        self.reject_button.setToolTip(self.tr("The tag is wrong; it stays, struck through"))
        self.correct_button = QPushButton(self.tr("✎ Correct (C)"))
        self.correct_button.setToolTip(self.tr(
            "Make your own copy of the tag, linked to it, and edit it in the inspector"))
        verdicts = QHBoxLayout()
        for button, slot in ((self.accept_button, self.accept_selected),
                             (self.reject_button, self.reject_selected),
                             (self.correct_button, self.correct_selected)):
            button.clicked.connect(slot)
            verdicts.addWidget(button)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        layout.addLayout(verdicts)
        layout.addWidget(self.message)

        self.status_box.currentIndexChanged.connect(self.refresh)
        self.author_edit.editingFinished.connect(self.refresh)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.view.doubleClicked.connect(self._on_current)
        for key, slot in (("A", self.accept_selected), ("R", self.reject_selected),
                          ("C", self.correct_selected)):
            shortcut = QShortcut(QKeySequence(key), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.refresh()

    # -- loading

    def refresh(self) -> None:
        current = self.selected_tag()
        status = self.status_box.currentData()
        author = self.author_edit.text().strip() or None
        self.model.set_ids(review.queue_ids(
            self._project, report_id=self.report_id, author=author, status=status or None))
        self.message.setText(self.tr("%n tag(s) to review", "", self.model.rowCount()))
        if current is not None:
            self.select_tag(current)
        self._update_buttons()

    def _update_buttons(self, *_args: Any) -> None:
        chosen = self.view.currentIndex().isValid()
        for button in (self.accept_button, self.reject_button, self.correct_button):
            button.setEnabled(chosen)

    def selected_tag(self) -> str | None:
        index = self.view.currentIndex()
        return self.model.tag_id(index.row()) if index.isValid() else None

    def select_tag(self, tag_id: str) -> None:
        row = self.model.row_of(tag_id)
        if row >= 0:
            self.view.selectRow(row)

    def _on_current(self, index: QModelIndex, _previous: Any = None) -> None:
        if not index.isValid():
            return
        item = self.model.item(index.row())
        if item is not None:
            self.tag_activated.emit(item.report_id, item.tag_id)

    # -- verdicts (A, R, C)

    def accept_selected(self) -> None:
        self._act(lambda tag_id, version: GiveVerdict(tag_id, "accept", version=version),
                  self.tr("Accept a colleague's tag"))

    def reject_selected(self) -> None:
        self._act(lambda tag_id, version: GiveVerdict(tag_id, "reject", version=version),
                  self.tr("Reject a colleague's tag"))

    def correct_selected(self) -> None:
        """Make the reviewer's own copy, linked to the original, and show it for editing."""
        self._act(lambda tag_id, version: CorrectTag(tag_id, version=version),
                  self.tr("Correct a colleague's tag"))

    def _act(self, verdict: Callable[[str, int | None], Operation], text: str) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        row = index.row()
        item = self.model.item(row)
        if item is None:
            return
        refusal: list[str] = []
        outcome = self._runner(verdict(item.tag_id, item.version), text, refusal.append)
        self.refresh()  # the verdict given, or the tag as it is now
        if outcome is None:
            if refusal:
                self.message.setText(refusal[0])
                self.failed.emit(refusal[0])
            return
        # move on to the next tag still in the queue
        if self.model.rowCount():
            self.view.selectRow(min(row, self.model.rowCount() - 1))
        made = outcome.changes.new_tag
        if made is not None:  # the reviewer's corrected copy
            self.tag_activated.emit(item.report_id, made)
            self.edit_requested.emit(item.report_id, made)

