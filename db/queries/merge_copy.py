"""The SQL of a merge's copy (desktop/services/merge.py decides what to bring in; this
module reads what each side has and writes the rows): the row codec, what this project
already holds, and the SQLite-to-SQLite path that copies tags and their history from the
attached colleague's file by INSERT … SELECT, their ids mapped through temporary tables
(no tag row crosses into Python). merge_plan.py plans which tags; merge_checks.py checks
the colleague's file first.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Connection,
    DateTime,
    Table,
    Text,
    func,
    insert,
    select,
    type_coerce,
    update,
)

from db.models import (
    ProgramAlias,
    Report,
    ReportState,
    Review,
    Tag,
    TagEvent,
    TagKind,
    TagLink,
)
from desktop.domain.states import HistoryAction

CHUNK = 5000
OTHER = "rm_other"  # the schema name of the attached colleague's file
# 100 000 tags go into this project's indexes in no order of theirs: with SQLite's 2 MB
# page cache each insert reads and spills pages again. During a merge the cache may grow
# (only as far as used; set back, and its pages freed, afterwards). The colleague's file
# is our own temporary copy: read through a memory map (a third less time to read it).
MERGE_PRAGMAS = ("PRAGMA main.cache_size = -262144", f"PRAGMA {OTHER}.cache_size = -65536",
                 f"PRAGMA {OTHER}.mmap_size = 4294967296")


def table_of(model: Any) -> Table:
    table: Table = model.__table__
    return table


def chunks(rows: list[dict[str, Any]], size: int = CHUNK) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def id_chunks(ids: list[str], size: int = 500) -> Iterable[list[str]]:
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


class Codec:
    """How rows are read and written. Between two SQLite files, JSON and date-time
    columns travel as their stored text: decoding and re-encoding 200 000 JSON values
    was half the time of a 100 000-tag merge. Elsewhere (PostgreSQL) they are typed."""

    def __init__(self, raw: bool) -> None:
        self.raw = raw
        # table → ids of the rows `insert` wrote, when a merge records what it did
        self.inserted: dict[str, list[Any]] | None = None

    def _is_raw(self, column: Any) -> bool:
        return self.raw and isinstance(column.type, JSON | DateTime)

    def rows(self, conn: Connection, model: Any, where: Any = None) -> list[dict[str, Any]]:
        table = table_of(model)
        names = [c.name for c in table.columns]
        cols = [type_coerce(c, Text) if self._is_raw(c) else c for c in table.columns]
        query = select(*cols)
        if where is not None:
            query = query.where(where)
        return [dict(zip(names, row, strict=True)) for row in conn.execute(query).all()]

    def insert(self, conn: Connection, model: Any, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        table = table_of(model)
        if self.inserted is not None and "id" in rows[0]:
            self.inserted.setdefault(table.name, []).extend(r["id"] for r in rows)
        if self.raw:
            # SQLite to SQLite: the driver's executemany on tuples, every value already in
            # its stored form (SQLAlchemy's per-row parameter processing was a third of
            # the time of a 100 000-tag merge).
            names = [c.name for c in table.columns if c.name in rows[0]]
            quoted = ", ".join(f'"{n}"' for n in names)
            marks = ", ".join("?" for _ in names)
            sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})'
            for chunk in chunks(rows):
                conn.exec_driver_sql(sql, [tuple(r[n] for n in names) for r in chunk])
            return
        for chunk in chunks(rows):
            conn.execute(insert(table), chunk)

    def stored(self, column: str, value: Any) -> Any:
        """A value for an UPDATE: JSON and date-times as their stored text when raw."""
        return type_coerce(value, Text) if self.raw and column in ("fields", "updated_at") \
            else value

    def load(self, value: Any) -> Any:
        """A JSON column's value as Python data."""
        return json.loads(value) if self.raw and isinstance(value, str) else value

    def dump(self, value: Any) -> Any:
        """Python data as a JSON column's value (for `insert`)."""
        return json.dumps(value, ensure_ascii=False) if self.raw else value


# --- what this project holds already -------------------------------------------------


def ids_by(conn: Connection, model: Any, unique: str) -> dict[str, str]:
    """unique value → id (analysts and programs by name)."""
    table = table_of(model)
    return {r[0]: r[1] for r in conn.execute(select(table.c[unique], table.c.id))}


def kind_ids_by_key(conn: Connection) -> dict[str, str]:
    return {k: i for k, i in conn.execute(select(TagKind.key, TagKind.id))}


def kind_keys(conn: Connection) -> dict[str, str]:
    return {i: k for i, k in conn.execute(select(TagKind.id, TagKind.key))}


def report_ids_by_sha(conn: Connection) -> dict[str, str]:
    return {sha: i for sha, i in conn.execute(select(Report.sha256, Report.id))}


def aliases(conn: Connection) -> tuple[set[str], set[str]]:
    """The program aliases here, and their ids."""
    rows = conn.execute(select(ProgramAlias.alias, ProgramAlias.id)).all()
    return {a for a, _ in rows}, {i for _, i in rows}


def tag_ids(conn: Connection) -> set[str]:
    return set(conn.scalars(select(Tag.id)).all())


def tag_stamps(conn: Connection) -> list[tuple[str, Any]]:
    """(id, updated_at) of every tag here."""
    return [(i, u) for i, u in conn.execute(select(Tag.id, Tag.updated_at)).all()]


def links(conn: Connection) -> tuple[set[tuple[str, str, str]], set[str]]:
    """The links here as (source, target, type), and their ids."""
    rows = conn.execute(select(TagLink.source_id, TagLink.target_id, TagLink.type,
                               TagLink.id)).all()
    return {(s, t, ty) for s, t, ty, _ in rows}, {i for *_, i in rows}


def review_ids(conn: Connection) -> set[str]:
    return set(conn.scalars(select(Review.id)))


def merged_versions(conn: Connection) -> set[tuple[str, Any]]:
    """(tag id, updated_at) of the versions earlier merges recorded as not kept."""
    return {
        (t, (s or {}).get("updated_at"))
        for t, s in conn.execute(select(TagEvent.tag_id, TagEvent.state)
                                 .where(TagEvent.action == HistoryAction.MERGED_OTHER))
    }


def update_tag(conn: Connection, codec: Codec, tag_id: str, values: dict[str, Any]) -> None:
    conn.execute(update(table_of(Tag)).where(Tag.id == tag_id)
                 .values(**{c: codec.stored(c, v) for c, v in values.items()}))


def update_report_state(conn: Connection, codec: Codec, state_id: int, state: str,
                        updated_at: Any) -> None:
    conn.execute(update(table_of(ReportState)).where(ReportState.id == state_id)
                 .values(state=state, updated_at=codec.stored("updated_at", updated_at)))


# --- SQLite to SQLite: straight from the attached file -------------------------------


@contextmanager
def attached(conn: Connection, path: Path) -> Iterator[str]:
    """The colleague's file attached as OTHER, the page caches grown for the copy; all
    set back afterwards (ATTACH works inside the transaction, DETACH only after it)."""
    conn.exec_driver_sql(f"ATTACH DATABASE ? AS {OTHER}", (str(path),))
    cache = int(conn.exec_driver_sql("PRAGMA main.cache_size").scalar_one())
    for pragma in MERGE_PRAGMAS:
        conn.exec_driver_sql(pragma)
    try:
        yield OTHER
    finally:
        conn.exec_driver_sql(f"DETACH DATABASE {OTHER}")
        conn.exec_driver_sql(f"PRAGMA main.cache_size = {cache}")


@contextmanager
def id_maps(conn: Connection, maps: dict[str, dict[str, str]]) -> Iterator[None]:
    """temp.rm_map (their id → ours, by what: "r" report, "k" kind, "a" analyst) and
    temp.rm_new (the tags to bring in, with their report's id there: filled by
    merge_plan.plan_attached), for the statements below; dropped afterwards."""
    run = conn.exec_driver_sql
    run("CREATE TEMP TABLE rm_map (what TEXT, theirs TEXT, ours TEXT, PRIMARY KEY (what, theirs))")
    run("CREATE TEMP TABLE rm_new (id TEXT PRIMARY KEY, report_id TEXT)")
    try:
        pairs = [(what, theirs, ours) for what, mapping in maps.items()
                 for theirs, ours in mapping.items()]
        if pairs:
            run("INSERT INTO temp.rm_map VALUES (?, ?, ?)", pairs)
        yield
    finally:
        run("DROP TABLE temp.rm_map")
        run("DROP TABLE temp.rm_new")


def _columns(names: list[str]) -> str:
    return ", ".join(f't."{n}"' for n in names)


def changed_on_both(conn: Connection, other: str, names: list[str]) -> Iterator[Any]:
    """Their rows (columns `names`) of the tags both sides have with a different stamp.
    This project's tags are the outer loop (CROSS JOIN fixes the order), so the cost
    follows the tags both sides have."""
    yield from conn.exec_driver_sql(
        f"""SELECT {_columns(names)} FROM main.tag m CROSS JOIN {other}.tag t
            ON t.id = m.id WHERE m.updated_at != t.updated_at""")


def their_tags(conn: Connection, other: str, names: list[str], ids: list[str]) -> Iterator[Any]:
    marks = ", ".join("?" for _ in ids)
    yield from conn.exec_driver_sql(
        f"SELECT {_columns(names)} FROM {other}.tag t WHERE t.id IN ({marks})", tuple(ids))


def copy_new_tags(conn: Connection, other: str, names: list[str]) -> None:
    """The tags in temp.rm_new, their report, kind and author ids mapped to ours."""
    mapped = {"report_id": "coalesce(r.ours, t.report_id)",
              "kind_id": "coalesce(k.ours, t.kind_id)",
              "author_id": "coalesce(a.ours, t.author_id)"}
    conn.exec_driver_sql(f"""
        INSERT INTO main.tag ({", ".join(f'"{n}"' for n in names)})
        SELECT {", ".join(mapped.get(n, f't."{n}"') for n in names)}
        FROM temp.rm_new n JOIN {other}.tag t ON t.id = n.id
        LEFT JOIN temp.rm_map r ON r.what = 'r' AND r.theirs = t.report_id
        LEFT JOIN temp.rm_map k ON k.what = 'k' AND k.theirs = t.kind_id
        LEFT JOIN temp.rm_map a ON a.what = 'a' AND a.theirs = t.author_id
        ORDER BY t.id""")


def copy_new_history(conn: Connection, other: str) -> None:
    """Their history of the tags in temp.rm_new (event ids renumbered; a report id that
    differs here is swapped in the stored state: ids are UUIDs, so replace() is exact)."""
    conn.exec_driver_sql(f"""
        INSERT INTO main.tag_event (tag_id, analyst_id, action, state, created_at)
        SELECT e.tag_id, coalesce(a.ours, e.analyst_id), e.action,
               CASE WHEN r.ours IS NOT NULL AND r.ours != r.theirs
                    THEN replace(e.state, r.theirs, r.ours) ELSE e.state END,
               e.created_at
        FROM temp.rm_new n JOIN {other}.tag_event e ON e.tag_id = n.id
        LEFT JOIN temp.rm_map r ON r.what = 'r' AND r.theirs = n.report_id
        LEFT JOIN temp.rm_map a ON a.what = 'a' AND a.theirs = e.analyst_id
        ORDER BY e.tag_id, e.id""")


def new_tags(conn: Connection) -> tuple[int, list[str]]:
    """How many tags temp.rm_new brought in, and their reports' ids (theirs)."""
    count = int(conn.exec_driver_sql("SELECT count(*) FROM temp.rm_new").scalar_one())
    reports = conn.exec_driver_sql("SELECT DISTINCT report_id FROM temp.rm_new").scalars().all()
    return count, list(reports)


# --- what a merge's record reads (desktop/services/merge.py `_Record`) ----------------------

def last_event_id(conn: Connection) -> int:
    """The highest history entry id so far (0 for none)."""
    return conn.scalar(select(func.max(TagEvent.id))) or 0


def events_after(conn: Connection, last: int, tag_ids: list[str]) -> list[int]:
    """History entries of these tags added after entry `last`."""
    return [i for ids in id_chunks(tag_ids) for i in conn.scalars(
        select(TagEvent.id).where(TagEvent.id > last, TagEvent.tag_id.in_(ids)))]


def state_ids(conn: Connection, pairs: list[tuple[str, str]]) -> list[int]:
    """The report-state rows of these (report, analyst) pairs."""
    return [i for report, analyst in pairs for i in conn.scalars(
        select(ReportState.id).where(ReportState.report_id == report,
                                     ReportState.analyst_id == analyst))]


def state_of(conn: Connection, state_id: int) -> str | None:
    return conn.scalar(select(ReportState.state).where(ReportState.id == state_id))
