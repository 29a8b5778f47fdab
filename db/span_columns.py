"""The reader's tags of one report as compact columns: ids in one block (IdColumn),
positions as machine ints, the few distinct statuses and authors shared.

Used by the regular query (db/queries/tags.py) and by the first frame's sqlite3 snapshot
(db/snapshot.py), which must return the same columns; so only the standard library and
the domain here: the snapshot runs before SQLAlchemy loads.

100 000 rows make 100 000 tuples and 600 000 values that all live until the columns are
built: the garbage collector's passes over them find nothing and took a fifth of the
time of opening a 5 MB report. It is paused while they are read (`rows_read`).
"""

from __future__ import annotations

import gc
from array import array
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from desktop.domain.spans import IdColumn

SQL = 'SELECT id, kind_id, start, "end", status, author_id FROM tag WHERE report_id = {p} ORDER BY start'

Columns = tuple[IdColumn, list[str], "array[int]", "array[int]", list[str], list[str]]


def sql(paramstyle: str) -> str:
    return SQL.format(p="?" if paramstyle == "qmark" else "%s")


def empty() -> Columns:
    return IdColumn(), [], array("i"), array("i"), [], []


@contextmanager
def rows_read() -> Iterator[None]:
    """No garbage collection while many rows that all survive are read and turned into
    columns (nothing in them is garbage, let alone a cycle)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def from_rows(rows: Sequence[Sequence[Any]], kind_keys: dict[str, str]) -> Columns:
    """(ids, kind keys, starts, ends, statuses, author ids) from the query's rows."""
    if not rows:
        return empty()
    ids, kind_ids, starts, ends, statuses, authors = zip(*rows, strict=True)
    # the driver makes a new string per row: the few distinct ones are shared instead
    # (100 000 tags: ~13 MB less)
    shared: dict[str, str] = {}
    return (IdColumn(ids), list(map(kind_keys.__getitem__, kind_ids)), array("i", starts),
            array("i", ends), list(map(shared.setdefault, statuses, statuses)),
            list(map(shared.setdefault, authors, authors)))
