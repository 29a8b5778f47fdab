"""The current report's tags: an item model over ids (Anki's browser), rows fetched a
page at a time when shown. Filters (kind, author, status) and sorting run in the query,
so 100 000 tags cost a list of ids, not 100 000 row objects."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal
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

from desktop.domain.states import TagStatus
from desktop.services.values import TagRow
from desktop.ui.i18n import origin_label
from desktop.ui.table_model import Index, LazyRowsModel

FetchIds = Callable[[str, str, str, str, bool], list[str]]  # kind, author, status, sort, desc
FetchRows = Callable[[list[str]], dict[str, TagRow]]

KEY_FIELDS_SHOWN = 3  # the "Key fields" column: a kind's first filled fields, in its order


def status_labels(_context: QObject | None = None) -> dict[str, str]:
    """Tag statuses as the interface names them (one translation context for all views)."""
    return {
        TagStatus.OPEN: QCoreApplication.translate("TagStatus", "open"),
        TagStatus.ACCEPTED: QCoreApplication.translate("TagStatus", "accepted"),
        TagStatus.REJECTED: QCoreApplication.translate("TagStatus", "rejected"),
        TagStatus.CORRECTED: QCoreApplication.translate("TagStatus", "corrected"),
    }


class TagTableModel(LazyRowsModel[TagRow]):
    COLUMNS = ("kind", "text", "fields", "author", "status")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__((self.tr("Kind"), self.tr("Text"), self.tr("Key fields"),
                          self.tr("Author"), self.tr("Status")), lambda ids: {}, parent)
        self._kind_labels: dict[str, str] = {}
        self._kind_colours: dict[str, str] = {}
        self._kind_fields: dict[str, tuple[str, ...]] = {}
        self._statuses = status_labels(self)

    def set_kinds(self, labels: dict[str, str], colours: dict[str, str],
                  fields: dict[str, tuple[str, ...]] | None = None) -> None:
        """Each kind's name and colour, and its field keys in the schema's order."""
        self._kind_labels, self._kind_colours = dict(labels), dict(colours)
        self._kind_fields = dict(fields or {})

    def set_ids(self, ids: list[str], fetch_rows: FetchRows) -> None:
        self._fetch = fetch_rows  # no view reads between here and the reset
        self.set_rows(ids)

    def ids(self) -> list[str]:
        return list(self._rows)

    def id_column(self) -> Sequence[str]:
        """The rows' ids as the model holds them (no copy: read, do not keep)."""
        return self._rows

    tag_row = LazyRowsModel.fetched

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == self.ID_ROLE:
            return self._rows[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole,
                        Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.tag_row(index.row())
        if row is None:
            return None
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:  # only the asked column's text is made
            if col == "kind":
                return self._kind_labels.get(row.kind, row.kind)
            if col == "text":
                return row.quote
            if col == "fields":
                return self._fields(row)
            if col == "author":
                return row.author
            return self._statuses.get(row.status, row.status)
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(self._kind_colours.get(row.kind, "#888888")) if col == "kind" else None
        return f"{row.quote}\n[{row.start}, {row.end}) · {origin_label(row.origin)}"

    def _fields(self, row: TagRow) -> str:
        """The kind's first filled fields, in the order its schema lists them (a field
        the kind no longer has comes after)."""
        # the number grammar loads with the first row shown, not before the first paint
        from desktop.domain.fieldvalues import display

        order = self._kind_fields.get(row.kind, ())
        keys = [*order, *(k for k in row.fields if k not in order)]
        filled = [display(row.fields[k]) for k in keys if row.fields.get(k)]
        return " · ".join(filled[:KEY_FIELDS_SHOWN])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        parent = self.parent()
        if isinstance(parent, TagTablePanel):
            parent.set_sort(self.COLUMNS[column], order == Qt.SortOrder.DescendingOrder)


class TagTablePanel(QWidget):
    tag_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TagTableModel(self)
        self._fetch_ids: FetchIds = lambda *a: []
        self._fetch_rows: FetchRows = lambda ids: {}
        self._sort, self._descending = "text", False
        self.kind_filter = QComboBox(self)
        self.author_filter = QComboBox(self)
        self.status_filter = QComboBox(self)
        for combo in (self.kind_filter, self.author_filter, self.status_filter):
            combo.currentIndexChanged.connect(self.reload)
        self.view = QTableView(self)
        self.view.setObjectName("tagTable")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(48)  # a column never folds to a few pixels
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 100), (2, 120), (3, 70), (4, 70)):
            header.resizeSection(col, width)
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
                         list(status_labels(self).items()))

    def set_kinds(self, labels: dict[str, str], colours: dict[str, str],
                  fields: dict[str, tuple[str, ...]] | None = None) -> None:
        self.model.set_kinds(labels, colours, fields)
        self._fill_combo(self.kind_filter, self.tr("All kinds"), list(labels.items()))

    def set_source(self, fetch_ids: FetchIds, fetch_rows: FetchRows, authors: list[str],
                   keep: str | None = None) -> None:
        """Show a report's tags: how to list ids (filtered, sorted) and fetch rows."""
        self._fetch_ids, self._fetch_rows = fetch_ids, fetch_rows
        self._fill_combo(self.author_filter, self.tr("All authors"), [(a, a) for a in authors])
        self.reload(keep=keep)

    def set_sort(self, column: str, descending: bool) -> None:
        self._sort, self._descending = column, descending
        self.reload(keep=self.current_id())

    def reload(self, *_args: object, keep: str | None = None) -> None:
        ids = self._fetch_ids(self.kind_filter.currentData() or "",
                              self.author_filter.currentData() or "",
                              self.status_filter.currentData() or "",
                              self._sort, self._descending)
        self.model.set_ids(ids, self._fetch_rows)
        if keep:
            self.select(keep, emit=False)

    # --- named changes: rows inserted, updated and removed, never a refill ---------------

    def remove_ids(self, ids: Iterable[str]) -> None:
        for tag_id in ids:
            row = self.model.row_of(tag_id)
            if row >= 0:
                self.model.remove_row(row)
            self.model.forget(tag_id)

    def put_rows(self, rows: dict[str, TagRow],
                 order_of: Callable[[str], tuple[int, int] | None]) -> None:
        """Show these rows as they are now: updated in place, inserted in text order, or
        removed when the filters no longer let them in. A table sorted otherwise than by
        text asks its query again (the order is the query's)."""
        if (self._sort, self._descending) != ("text", False) and rows:
            self.reload(keep=self.current_id())
            return
        for tag_id, tag_row in rows.items():
            at = self.model.row_of(tag_id)
            if not self._admits(tag_row):
                if at >= 0:
                    self.model.remove_row(at)
                continue
            self.model.put(tag_id, tag_row)
            if at >= 0:
                self.model.row_changed(at)
                continue
            key = (tag_row.start, tag_row.end)
            ids = self.model.id_column()

            def order(i: str) -> tuple[int, int]:
                known = order_of(i)
                if known is None:
                    cached = self.model.cached(i)
                    known = (cached.start, cached.end) if cached else (0, 0)
                return known

            self._insert(bisect_right(ids, key, key=order), tag_id)

    def _insert(self, k: int, tag_id: str) -> None:
        """Insert a row. One below the rows on screen changes only the scroll range: Qt
        would lay the whole view out again and repaint every row shown (a key press that
        tags further down the report than the table shows)."""
        last = self.view.rowAt(self.view.viewport().height() - 1)
        if not 0 <= last < k:
            self.model.insert_row(k, tag_id)
            return
        header = self.view.verticalHeader()  # its row count signal starts the relayout
        blocked = header.blockSignals(True)
        try:
            self.model.insert_row(k, tag_id)
        finally:
            header.blockSignals(blocked)
        self.view.updateGeometries()

    def _admits(self, row: TagRow) -> bool:
        kind, author, status = (self.kind_filter.currentData() or "",
                                self.author_filter.currentData() or "",
                                self.status_filter.currentData() or "")
        if self.author_filter.findData(row.author) < 0:  # a new author on this report
            blocker = self.author_filter.blockSignals(True)
            self.author_filter.addItem(row.author, row.author)
            self.author_filter.blockSignals(blocker)
        return (not kind or row.kind == kind) and (not author or row.author == author) \
            and (not status or row.status == status)

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(TagTableModel.ID_ROLE) if index.isValid() else None

    def select(self, tag_id: str | None, emit: bool = True, scroll: bool = True) -> None:
        """Make a tag's row current; `scroll=False` keeps the table where it is (the key
        press path: scrolling to rows not fetched yet would read a page of them)."""
        blocker = self.view.selectionModel().blockSignals(not emit)
        if tag_id is None:
            self.view.clearSelection()
            self.view.setCurrentIndex(QModelIndex())
        else:
            row = self.model.row_of(tag_id)
            if row >= 0:
                index = self.model.index(row, 0)
                self.view.setAutoScroll(scroll)  # the view scrolls to a new current row
                self.view.setCurrentIndex(index)
                self.view.setAutoScroll(True)
                if scroll:
                    self.view.scrollTo(index)
        self.view.selectionModel().blockSignals(blocker)

    def _fill_combo(self, combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        blocker = combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, "")
        for key, label in items:
            combo.addItem(label, key)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(blocker)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.tag_chosen.emit(current.data(TagTableModel.ID_ROLE))
