"""The current report's tags: an item model over the service's rows, filterable by
kind, author and status; choosing a row selects the tag in the reader."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.fieldvalues import display
from desktop.services.tags import TagRow

Index = QModelIndex | QPersistentModelIndex

KEY_FIELDS = {"metric": ("value", "unit", "indicator"), "program": ("name", "category"),
              "target": ("year", "value", "unit")}


class TagTableModel(QAbstractTableModel):
    COLUMNS = ("kind", "text", "fields", "author", "status")
    ID_ROLE = Qt.ItemDataRole.UserRole + 1
    SORT_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TagRow] = []
        self._kind_labels: dict[str, str] = {}
        self._kind_colours: dict[str, str] = {}
        self._headers = (self.tr("Kind"), self.tr("Text"), self.tr("Key fields"),
                         self.tr("Author"), self.tr("Status"))

    def set_kinds(self, labels: dict[str, str], colours: dict[str, str]) -> None:
        self._kind_labels, self._kind_colours = dict(labels), dict(colours)

    def set_rows(self, rows: list[TagRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[TagRow]:
        return list(self._rows)

    def row_of(self, tag_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == tag_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == self.ID_ROLE:
            return row.id
        if role == self.SORT_ROLE:
            return {"kind": row.kind, "text": row.start, "fields": self._fields(row),
                    "author": row.author, "status": row.status}[col]
        if role == Qt.ItemDataRole.DisplayRole:
            return {"kind": self._kind_labels.get(row.kind, row.kind), "text": row.quote,
                    "fields": self._fields(row), "author": row.author,
                    "status": row.status}[col]
        if role == Qt.ItemDataRole.DecorationRole and col == "kind":
            return QColor(self._kind_colours.get(row.kind, "#888888"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.quote}\n[{row.start}, {row.end}) · {row.origin}"
        return None

    @staticmethod
    def _fields(row: TagRow) -> str:
        keys = KEY_FIELDS.get(row.kind, tuple(row.fields)[:3])
        return " · ".join(display(row.fields[k]) for k in keys if row.fields.get(k))


class _Filter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = self.author = self.status = ""

    def set_filters(self, kind: str, author: str, status: str) -> None:
        self.beginFilterChange()  # Qt ≥ 6.10; invalidateFilter() is deprecated
        self.kind, self.author, self.status = kind, author, status
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, TagTableModel)
        row = model.rows()[source_row]
        return ((not self.kind or row.kind == self.kind)
                and (not self.author or row.author == self.author)
                and (not self.status or row.status == self.status))


class TagTablePanel(QWidget):
    tag_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TagTableModel(self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(TagTableModel.SORT_ROLE)
        self.kind_filter = QComboBox(self)
        self.author_filter = QComboBox(self)
        self.status_filter = QComboBox(self)
        for combo in (self.kind_filter, self.author_filter, self.status_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.view = QTableView(self)
        self.view.setObjectName("tagTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for combo in (self.kind_filter, self.author_filter, self.status_filter):
            filters.addWidget(combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        self._fill_combo(self.status_filter, self.tr("All statuses"),
                         [("open", self.tr("open")), ("accepted", self.tr("accepted")),
                          ("rejected", self.tr("rejected")), ("corrected", self.tr("corrected"))])

    def set_kinds(self, labels: dict[str, str], colours: dict[str, str]) -> None:
        self.model.set_kinds(labels, colours)
        self._fill_combo(self.kind_filter, self.tr("All kinds"), list(labels.items()))

    def set_rows(self, rows: list[TagRow], keep: str | None = None) -> None:
        self.model.set_rows(rows)
        authors = sorted({r.author for r in rows})
        self._fill_combo(self.author_filter, self.tr("All authors"), [(a, a) for a in authors])
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        for col in range(len(TagTableModel.COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if keep:
            self.select(keep, emit=False)

    def select(self, tag_id: str | None, emit: bool = True) -> None:
        blocker = self.view.selectionModel().blockSignals(not emit)
        if tag_id is None:
            self.view.clearSelection()
        else:
            row = self.model.row_of(tag_id)
            if row >= 0:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
        self.view.selectionModel().blockSignals(blocker)

    def _fill_combo(self, combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        blocker = combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, "")
        for key, label in items:
            combo.addItem(label, key)
        found = combo.findData(current)
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(blocker)
        self._apply_filters()

    def _apply_filters(self) -> None:
        self.proxy.set_filters(self.kind_filter.currentData() or "",
                               self.author_filter.currentData() or "",
                               self.status_filter.currentData() or "")

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.tag_chosen.emit(current.data(TagTableModel.ID_ROLE))
