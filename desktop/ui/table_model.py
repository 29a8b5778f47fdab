"""Read-only table models over a list of rows: the shared half of the item models.

`RowsModel[T]` holds the rows, their header labels and how to find a row by its id;
a subclass implements only `data`. `LazyRowsModel[R]` is the same over ids whose rows
are fetched a page at a time when first shown, and cached (Anki's browser: 100 000 tags
cost a list of ids, not 100 000 row objects).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, MutableSequence, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView

from desktop.domain.spans import IdColumn

Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # numbers' alignment
T = TypeVar("T")
R = TypeVar("R")


class RowsModel(QAbstractTableModel, Generic[T]):
    """A flat table: one row per item of `rows`, one column per header label.

    `key(row)` gives a row's id for `row_of`; without it the rows are their own ids.
    Subclasses pass headers already translated, with `self.tr(...)` inside their
    `super().__init__(...)` call: PySide's `tr` needs only the class, and each string
    keeps its subclass as translation context.
    """

    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, headers: Sequence[str], rows: Iterable[T] = (),
                 key: Callable[[T], Hashable] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)
        self._rows: MutableSequence[T] = list(rows)
        self._key = key

    def set_rows(self, rows: Iterable[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, i: int) -> T:
        return self._rows[i]

    def insert_row(self, i: int, row: T) -> None:
        self.beginInsertRows(QModelIndex(), i, i)
        self._rows.insert(i, row)
        self.endInsertRows()

    def remove_row(self, i: int) -> None:
        self.beginRemoveRows(QModelIndex(), i, i)
        del self._rows[i]
        self.endRemoveRows()

    def replace_row(self, i: int, row: T, columns: Sequence[int] | None = None) -> None:
        """Put `row` in place; `columns`, when given, are the only ones that changed
        (views repaint those cells, not the row)."""
        self._rows[i] = row
        self.row_changed(i, columns)

    def row_changed(self, i: int, columns: Sequence[int] | None = None) -> None:
        first, last = (min(columns), max(columns)) if columns else (0, self.columnCount() - 1)
        self.dataChanged.emit(self.index(i, first), self.index(i, last))

    def row_of(self, key: Hashable) -> int:
        """The row whose id is `key`, or -1."""
        if self._key is None:
            try:
                return self._rows.index(key)  # rows are ids here
            except ValueError:
                return -1
        return next((i for i, r in enumerate(self._rows) if self._key(r) == key), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None


def current_row(view: QAbstractItemView, model: RowsModel[T]) -> T | None:
    """The row at `view`'s current index (a view of `model` itself, not of a proxy)."""
    row = view.currentIndex().row()
    return model.row(row) if 0 <= row < model.rowCount() else None


def set_current(view: QAbstractItemView, model: RowsModel[T], key: Hashable) -> None:
    """Make the row whose id is `key` current in `view`, if there is one."""
    row = model.row_of(key)
    if row >= 0:
        view.setCurrentIndex(model.index(row, 0))


class LazyRowsModel(RowsModel[str], Generic[R]):
    """Rows are ids; `fetch(ids)` returns the rows of those it still finds. The others
    are gone: cached as None (not fetched again on every paint) until the next `set_rows`."""

    PAGE = 200

    def __init__(self, headers: Sequence[str],
                 fetch: Callable[[list[str]], Mapping[str, R]],
                 parent: QObject | None = None) -> None:
        super().__init__(headers, parent=parent)
        self._fetch = fetch
        self._cache: dict[str, R | None] = {}

    def set_rows(self, rows: Iterable[str]) -> None:
        self._cache.clear()  # no view reads between here and the reset
        self.beginResetModel()
        # ids in one block (IdColumn): 100 000 of them cost 3.6 MB, not 9 MB of strings
        self._rows = IdColumn(list(rows))
        self.endResetModel()

    def put(self, key: str, row: R) -> None:
        """A row known already (just written): cached without a fetch."""
        self._cache[key] = row

    def cached(self, key: str) -> R | None:
        """The row behind `key` if it is cached (never fetches)."""
        return self._cache.get(key)

    def forget(self, key: str) -> None:
        self._cache.pop(key, None)

    def fetched(self, row: int) -> R | None:
        """The row behind the id in `row`, fetching its page if not cached yet."""
        key = self._rows[row]
        if key not in self._cache:
            first = row - row % self.PAGE
            page = [i for i in self._rows[first:first + self.PAGE] if i not in self._cache]
            found = self._fetch(page)
            for i in page:
                self._cache[i] = found.get(i)
        return self._cache[key]
