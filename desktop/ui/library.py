"""The library: the project's reports as an item model over ids, with a filter box."""

from __future__ import annotations

from dataclasses import replace
from operator import attrgetter
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.values import ReportRow
from desktop.ui.table_model import RIGHT, Index, RowsModel


class LibraryModel(RowsModel[ReportRow]):
    COLUMNS = ("title", "region", "year", "chars", "tags", "state")
    STATE_MARKS: ClassVar[dict[str, str]] = {"untouched": "○", "in_progress": "◐", "done": "●"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__((self.tr("Title"), self.tr("Region"), self.tr("Year"),
                          self.tr("Chars"), self.tr("M·P·T"), self.tr("State")),
                         key=attrgetter("id"), parent=parent)
        # the project's kinds, until the project tells (the first frame paints before)
        self.kinds: list[tuple[str, str]] = [("metric", "M"), ("program", "P"), ("target", "T")]

    def set_kinds(self, kinds: list[tuple[str, str]]) -> None:
        """The project's kinds (key, name) in order: the counts column has one figure
        for each, headed by their initials (M·P·T for the default kinds)."""
        self.kinds = list(kinds)
        self._headers = (*self._headers[:4], "·".join(label[:1].upper() for _, label in kinds)
                         or self.tr("Tags"), *self._headers[5:])
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 4, 4)
        if self._rows:
            self.dataChanged.emit(self.index(0, 4), self.index(len(self._rows) - 1, 4))

    def state_label(self, state: str) -> str:
        return {"untouched": self.tr("untouched"), "in_progress": self.tr("in progress"),
                "done": self.tr("done")}.get(state, state)

    def ocr_note(self, flagged: tuple[int, ...]) -> str:
        """What the library says of a scan: read by OCR, and the pages to check."""
        if not flagged:
            return self.tr("Read by OCR; every page was read with good confidence.")
        pages = "、".join(str(p) for p in flagged)
        return self.tr("Read by OCR; check page(s) %1, read with low confidence.").replace("%1", pages)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == self.ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "title":
                if row.ocr_flagged is None:
                    return row.title
                return row.title + "  [" + self.tr("OCR") + "]"  # read from a scan
            if col == "region":
                return row.region
            if col == "year":
                return str(row.year) if row.year else ""
            if col == "chars":
                return f"{row.chars:,}"
            if col == "state":
                return self.STATE_MARKS.get(row.state, "")
            return "·".join(str(row.tag_counts.get(key, 0)) for key, _ in self.kinds)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == "state":
                return self.state_label(row.state)
            if col == "tags":
                return "  ".join(f"{label} {row.tag_counts.get(key, 0)}" for key, label in self.kinds)
            tip = f"{row.title}\n{row.agency}\n{row.source_file}"
            if row.ocr_flagged is not None:
                tip += "\n" + self.ocr_note(row.ocr_flagged)
            return tip
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("chars", "year", "tags", "state"):
            return RIGHT
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return {"title": row.title, "region": row.region, "year": row.year or 0,
                    "chars": row.chars, "tags": row.total_tags, "state": row.state}[col]
        return None


class _Filter(QSortFilterProxyModel):
    """Text in any column (region, year, agency in the title's tooltip, state), and
    optionally only the reports one analyst has tagged.

    The needle is kept as typed: `setFilterFixedString` escapes every non-ASCII
    character into the pattern (湖 becomes \\x{6e56}), so comparing the pattern's text
    found nothing for any Chinese word."""

    analyst = ""
    needle = ""

    def set_analyst(self, name: str) -> None:
        self.beginFilterChange()
        self.analyst = name
        self.endFilterChange()

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.needle = text.strip().casefold()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, LibraryModel):
            return True
        row = model.row(source_row)
        if self.analyst and self.analyst not in row.analysts:
            return False
        return not self.needle or matches(row, self.needle, model.state_label(row.state))


def _is_han(text: str) -> bool:
    return all("\u3400" <= ch <= "\u9fff" for ch in text)


def _in_order(needle: str, text: str) -> bool:
    """Every character of `needle` in `text`, in order (工信厅 in 工业和信息化厅)."""
    rest = iter(text)
    return all(ch in rest for ch in needle)


def matches(row: ReportRow, needle: str, state: str = "") -> bool:
    """Whether a report matches a casefolded filter text: in its title, agency, region,
    year, file name or state; an agency also by its usual abbreviation (two or more Han
    characters in order: 工信厅, 发改委, 统计局)."""
    fields = (row.title, row.agency, row.region, str(row.year or ""), row.source_file, state)
    if any(needle in f.casefold() for f in fields):
        return True
    return len(needle) >= 2 and _is_han(needle) and _in_order(needle, row.agency)


class LibraryPanel(QWidget):
    report_chosen = Signal(str)
    edit_requested = Signal(str)  # report id: edit its metadata

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryModel(self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter reports (title, region, agency…)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.set_text)
        self.analyst_filter = QComboBox(self)
        self.analyst_filter.addItem(self.tr("All analysts"), "")
        self.analyst_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_analyst(self.analyst_filter.currentData() or ""))
        self.view = QTableView(self)
        self.view.setObjectName("library")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # import order until asked
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.setMinimumWidth(260)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        edit = QAction(self.tr("Edit metadata…"), self.view)
        edit.triggered.connect(self._request_edit)
        self.view.addAction(edit)
        self.view.doubleClicked.connect(lambda _index: self._request_edit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.filter, 1)
        filters.addWidget(self.analyst_filter)
        layout.addLayout(filters)
        layout.addWidget(self.view)

    def set_rows(self, rows: list[ReportRow], keep: str | None = None) -> None:
        blocker = self.view.selectionModel().blockSignals(True)
        self.model.set_rows(rows)
        self._fill_analysts(sorted({a for r in rows for a in r.analysts}))
        self._fit_columns()
        self.view.resizeRowsToContents()
        self.view.selectionModel().blockSignals(blocker)
        if keep:
            self.select(keep, emit=False)

    # compact widths for the short columns, so the title keeps most of the dock
    WIDTHS: ClassVar[dict[str, int]] = {"region": 60, "year": 48, "chars": 60, "tags": 58,
                                        "state": 44}

    def _fit_columns(self) -> None:
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(36)  # a column never folds to a few pixels
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, key in enumerate(LibraryModel.COLUMNS[1:], start=1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, self.WIDTHS.get(key, 60))

    def update_rows(self, rows: list[ReportRow]) -> None:
        """Show these reports' rows as they are now, in place (a change named them)."""
        for row in rows:
            at = self.model.row_of(row.id)
            if at >= 0:
                self.model.replace_row(at, row)

    def adjust(self, report_id: str, delta: dict[str, int], state: str | None = None) -> None:
        """Change one report's tag counts by `delta` (kind key → difference) and, from
        "untouched", its state: the row is updated in place, the list is not reloaded."""
        at = self.model.row_of(report_id)
        if at < 0:
            return
        row = self.model.row(at)
        counts = dict(row.tag_counts)
        for kind, n in delta.items():
            if n:
                counts[kind] = counts.get(kind, 0) + n
        new_state = state if state is not None and row.state == "untouched" else row.state
        columns = [LibraryModel.COLUMNS.index(c) for c, changed in (
            ("tags", counts != row.tag_counts), ("state", new_state != row.state)) if changed]
        if columns:  # those cells repaint, not the row (a key press changes a count)
            self.model.replace_row(at, replace(row, tag_counts=counts, state=new_state),
                                   columns)

    def select(self, report_id: str, emit: bool = True) -> None:
        row = self.model.row_of(report_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        blocker = self.view.selectionModel().blockSignals(not emit)
        self.view.setCurrentIndex(index)
        self.view.selectionModel().blockSignals(blocker)

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(LibraryModel.ID_ROLE) if index.isValid() else None

    def _fill_analysts(self, names: list[str]) -> None:
        combo = self.analyst_filter
        current = combo.currentData()
        blocker = combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All analysts"), "")
        for name in names:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(blocker)

    def _request_edit(self) -> None:
        report_id = self.current_id()
        if report_id:
            self.edit_requested.emit(report_id)

    def row(self, report_id: str) -> ReportRow | None:
        i = self.model.row_of(report_id)
        return self.model.row(i) if i >= 0 else None

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.report_chosen.emit(current.data(LibraryModel.ID_ROLE))
