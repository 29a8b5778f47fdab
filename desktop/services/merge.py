"""Merging a colleague's project into this one.

Matching: reports by the hash of their text (each project gave them its own id);
analysts, tags, reviews, links, programs and aliases by UUID (analysts and programs
also by their unique name, tag kinds by key; a tag also by analyst, kind, report and
span, so the same tag made in two copies of a project is one). What this project lacks
is added; a tag edited on both sides keeps the newer version (`updated_at`) and the
other version is recorded in the tag's history, once. Deletions travel as tombstones
and win over older versions on both sides, so merges converge (merge_plan.py). The
colleague's file is checked before anything is taken from it (merge_checks.py).
Merging the same project twice changes nothing.

All of it is one transaction: a failure, or a cancel (the job's process is terminated),
leaves the project as it was. Rows are read and written with Core statements over lists
of dicts (docs/design.md guard-rails: 110 000 rows/s against 18 000 with `add_all`).

The colleague's file is opened through a temporary copy, so it is never changed (an
older project is upgraded in the copy); a newer or damaged file is refused with
db.engine's ProjectError messages.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Connection,
    DateTime,
    Engine,
    Table,
    Text,
    insert,
    select,
    type_coerce,
    update,
)

from db.base import new_id
from db.engine import is_url, open_project
from db.errors import ProjectError
from db.models import (
    Analyst,
    Program,
    ProgramAlias,
    Report,
    ReportState,
    Review,
    Tag,
    TagEvent,
    TagField,
    TagKind,
    TagLink,
)
from db.queries import merge_plan
from db.queries.merge_checks import check_sqlite_source
from db.queries.merge_plan import TagPlan
from desktop.domain.states import HistoryAction, TagState
from desktop.services.changes import Changes
from desktop.services.project import Project

Progress = Callable[[int, int, str], None]
CHUNK = 5000
STEPS = 8
TAG_COLUMNS = ("report_id", "kind_id", "start", "end", "quote", "fields", "note",
               "author_id", "origin", "status", "updated_at")


@dataclass(frozen=True, slots=True)
class MergeOutcome:
    """What a merge brought in (picklable: it crosses the job's process boundary)."""

    reports_added: int = 0
    reports_matched: int = 0
    analysts_added: int = 0
    tags_added: int = 0
    tags_updated: int = 0  # the colleague's newer version replaced ours
    tags_kept: int = 0  # ours was newer; theirs went into the history
    tags_deleted: int = 0  # deleted there after their last change here
    reviews_added: int = 0
    links_added: int = 0
    programs_added: int = 0
    report_ids: frozenset[str] = field(default_factory=frozenset)  # reports whose tags changed

    @property
    def changed_anything(self) -> bool:
        return any((self.reports_added, self.analysts_added, self.tags_added, self.tags_updated,
                    self.tags_kept, self.tags_deleted, self.reviews_added, self.links_added,
                    self.programs_added))

    def summary(self) -> str:
        return (f"{self.reports_added} reports added ({self.reports_matched} already here), "
                f"{self.tags_added} tags added, {self.tags_updated} updated to the newer "
                f"version, {self.tags_kept} kept (the other version is in their history), "
                f"{self.tags_deleted} deleted as they were there, "
                f"{self.reviews_added} reviews, {self.links_added} links, "
                f"{self.analysts_added} analysts, {self.programs_added} programs")

    def changes(self) -> Changes:
        return Changes(tags=self.report_ids, library=self.reports_added > 0,
                       analysts=self.analysts_added > 0, programs=self.programs_added > 0)


def _table(model: Any) -> Table:
    table: Table = model.__table__
    return table


class _Codec:
    """How rows are read and written. Between two SQLite files, JSON and date-time
    columns travel as their stored text: decoding and re-encoding 200 000 JSON values
    was half the time of a 100 000-tag merge. Elsewhere (PostgreSQL) they are typed."""

    def __init__(self, raw: bool) -> None:
        self.raw = raw

    def _is_raw(self, column: Any) -> bool:
        return self.raw and isinstance(column.type, JSON | DateTime)

    def rows(self, conn: Connection, model: Any, where: Any = None) -> list[dict[str, Any]]:
        table = _table(model)
        names = [c.name for c in table.columns]
        cols = [type_coerce(c, Text) if self._is_raw(c) else c for c in table.columns]
        query = select(*cols)
        if where is not None:
            query = query.where(where)
        return [dict(zip(names, row, strict=True)) for row in conn.execute(query).all()]

    def insert(self, conn: Connection, model: Any, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        table = _table(model)
        if self.raw:
            # SQLite to SQLite: the driver's executemany on tuples, every value already in
            # its stored form (SQLAlchemy's per-row parameter processing was a third of
            # the time of a 100 000-tag merge).
            names = [c.name for c in table.columns if c.name in rows[0]]
            quoted = ", ".join(f'"{n}"' for n in names)
            marks = ", ".join("?" for _ in names)
            sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})'
            for chunk in _chunks(rows):
                conn.exec_driver_sql(sql, [tuple(r[n] for n in names) for r in chunk])
            return
        for chunk in _chunks(rows):
            conn.execute(insert(table), chunk)

    def load(self, value: Any) -> Any:
        """A JSON column's value as Python data."""
        return json.loads(value) if self.raw and isinstance(value, str) else value

    def dump(self, value: Any) -> Any:
        """Python data as a JSON column's value (for `insert`)."""
        return json.dumps(value, ensure_ascii=False) if self.raw else value


def _chunks(rows: list[dict[str, Any]], size: int = CHUNK) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


class _Copy:
    """The colleague's project, opened through a temporary copy of its file."""

    def __init__(self, other: str | Path) -> None:
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self.path: Path | None = None  # the copied file (None for a database URL)
        target = str(other)
        if not is_url(target):
            src = Path(target).expanduser()
            if not src.is_file():
                raise ProjectError("{name} does not exist or is not a project file.",
                                   message_id="merge.no_source", params={"name": src})
            self._tmp = tempfile.TemporaryDirectory(prefix="rm-merge-")
            dest = Path(self._tmp.name) / src.name
            shutil.copyfile(src, dest)
            # Uncheckpointed work lives in the WAL; the -shm index is rebuilt from it.
            wal = src.with_name(src.name + "-wal")
            if wal.exists():
                shutil.copyfile(wal, dest.with_name(dest.name + "-wal"))
            target = str(dest)
            self.path = dest
        try:
            self.engine: Engine = open_project(target)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if hasattr(self, "engine"):
            self.engine.dispose()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None


def merge_project(project: Project, other: str | Path,
                  progress: Progress | None = None) -> MergeOutcome:
    """Merge the project at `other` (a file, or a team database URL) into `project`."""
    return merge_into(project.engine, other, progress)


def merge_job(report: Progress, *, target: str, other: str) -> MergeOutcome:
    """ProcessJob target: merge `other` into the project at `target`."""
    from db.engine import create_project_engine

    engine = create_project_engine(target)
    try:
        return merge_into(engine, other, report)
    finally:
        engine.dispose()


def merge_into(engine: Engine, other: str | Path,
               progress: Progress | None = None) -> MergeOutcome:
    def step(i: int, message: str) -> None:
        if progress is not None:
            progress(i, STEPS, message)

    here = engine.url.database
    if str(other) == str(engine.url) or (
        here and not is_url(str(other)) and Path(other).expanduser().resolve() == Path(here).resolve()
    ):
        raise ProjectError("That is this project; choose a colleague's project to merge.",
                           message_id="merge.same_project")
    step(0, "Opening the colleague's project")
    source = _Copy(other)
    try:
        codec = _Codec(source.engine.dialect.name == engine.dialect.name == "sqlite")
        attach = codec.raw and source.path is not None
        tables = [Analyst, TagKind, TagField, Report, Program, ProgramAlias, TagLink, Review,
                  ReportState]
        if not attach:  # else the tags go straight from file to file (_attached_tags)
            tables.append(Tag)
        with source.engine.connect() as src:
            step(1, "Reading the colleague's project")
            if source.engine.dialect.name == "sqlite":
                check_sqlite_source(src, Path(str(other)).name)
            theirs = {m.__tablename__: codec.rows(src, m) for m in tables}
            theirs.setdefault("tag", [])
            their_tags = TheirTags([] if attach else merge_plan.tag_keys(src),
                                   merge_plan.tombstones(src))

            def their_events(tag_ids: set[str]) -> list[dict[str, Any]]:
                """Their history of the tags new here (only those are read)."""
                step(5, "Bringing in the tags' history")
                if len(tag_ids) > 2000:
                    return [e for e in codec.rows(src, TagEvent) if e["tag_id"] in tag_ids]
                return [e for ids in _id_chunks(sorted(tag_ids))
                        for e in codec.rows(src, TagEvent, TagEvent.tag_id.in_(ids))]

            if not attach:
                with engine.begin() as conn:
                    return _merge(conn, codec, theirs, their_tags, their_events, step, None)
        assert source.path is not None
        with engine.connect() as conn:
            # ATTACH works inside the transaction; DETACH only after it ends.
            conn.exec_driver_sql(f"ATTACH DATABASE ? AS {OTHER}", (str(source.path),))
            cache = int(conn.exec_driver_sql("PRAGMA main.cache_size").scalar_one())
            for pragma in MERGE_PRAGMAS:
                conn.exec_driver_sql(pragma)
            try:
                outcome = _merge(conn, codec, theirs, their_tags, their_events, step, OTHER)
                conn.commit()
            except BaseException:
                conn.rollback()
                raise
            finally:
                conn.exec_driver_sql(f"DETACH DATABASE {OTHER}")
                conn.exec_driver_sql(f"PRAGMA main.cache_size = {cache}")
            return outcome
    finally:
        source.close()


OTHER = "rm_other"  # the schema name of the attached colleague's file
# 100 000 tags go into this project's indexes in no order of theirs: with SQLite's 2 MB
# page cache each insert reads and spills pages again. During a merge the cache may grow
# (only as far as used; set back, and its pages freed, afterwards). The colleague's file
# is our own temporary copy: read through a memory map (a third less time to read it).
MERGE_PRAGMAS = ("PRAGMA main.cache_size = -262144", f"PRAGMA {OTHER}.cache_size = -65536",
                 f"PRAGMA {OTHER}.mmap_size = 4294967296")


@dataclass(frozen=True, slots=True)
class TheirTags:
    """What the plan needs of the colleague's tags: keys and stamps, and tombstones."""

    keys: list[tuple[str, merge_plan.Key, str]]
    tombs: dict[str, merge_plan.Tombstone]


def _merge(conn: Connection, codec: _Codec, theirs: dict[str, list[dict[str, Any]]],
           their_tags: TheirTags,
           their_events: Callable[[set[str]], list[dict[str, Any]]],
           step: Callable[[int, str], None], attached: str | None) -> MergeOutcome:
    counts: dict[str, int] = {}
    touched: set[str] = set()

    step(3, "Matching analysts, kinds, reports and programs")
    analyst_map, counts["analysts"] = _merge_named(
        conn, codec, Analyst, theirs["analyst"], "name")
    kind_map = _merge_kinds(conn, codec, theirs["tag_kind"], theirs["tag_field"])
    report_map, counts["reports"], counts["matched"] = _merge_reports(conn, codec, theirs["report"])
    program_map, counts["programs"] = _merge_named(conn, codec, Program, theirs["program"], "name")
    mine_alias = {a for a, in conn.execute(select(ProgramAlias.alias))}
    mine_alias_ids = {a for a, in conn.execute(select(ProgramAlias.id))}
    new_aliases = []
    for row in theirs["program_alias"]:
        if row["id"] in mine_alias_ids or row["alias"] in mine_alias:
            continue
        mine_alias.add(row["alias"])
        new_aliases.append({**row, "program_id": program_map.get(row["program_id"],
                                                                   row["program_id"])})
    codec.insert(conn, ProgramAlias, new_aliases)

    step(4, "Merging tags")
    maps = (analyst_map, kind_map, report_map)
    plan = TagPlan() if attached else merge_plan.plan_tags(conn, their_tags.keys,
                                                           their_tags.tombs, maps)
    added, updated, kept = _merge_tags(
        conn, codec, theirs["tag"], their_events, analyst_map, kind_map, report_map, touched,
        attached, plan, their_tags)
    same = plan.same
    # the tags here now, which links and reviews must point at (read only when some come)
    tag_ids: set[str] = set()
    if theirs["tag_link"] or theirs["review"]:
        tag_ids = set(conn.scalars(select(Tag.id)).all())

    step(6, "Merging links and reviews")
    mine_links = {(s, t, ty) for s, t, ty in conn.execute(
        select(TagLink.source_id, TagLink.target_id, TagLink.type))}
    mine_link_ids = set(conn.scalars(select(TagLink.id)))
    new_links = []
    for row in theirs["tag_link"]:
        row = {**row, "source_id": same.get(row["source_id"], row["source_id"]),
               "target_id": same.get(row["target_id"], row["target_id"])}
        key = (row["source_id"], row["target_id"], row["type"])
        if row["id"] in mine_link_ids or key in mine_links:
            continue
        if row["source_id"] not in tag_ids or row["target_id"] not in tag_ids:
            continue  # one end was deleted here
        mine_links.add(key)
        new_links.append(row)
    codec.insert(conn, TagLink, new_links)

    mine_reviews = set(conn.scalars(select(Review.id)))
    new_reviews = [
        {**row, "reviewer_id": analyst_map.get(row["reviewer_id"], row["reviewer_id"]),
         "tag_id": same.get(row["tag_id"], row["tag_id"])}
        for row in theirs["review"]
        if row["id"] not in mine_reviews and same.get(row["tag_id"], row["tag_id"]) in tag_ids
    ]
    codec.insert(conn, Review, new_reviews)

    step(7, "Merging report states")
    _merge_states(conn, codec, theirs["report_state"], analyst_map, report_map)
    step(STEPS, "Done")
    return MergeOutcome(
        reports_added=counts["reports"], reports_matched=counts["matched"],
        analysts_added=counts["analysts"], tags_added=added, tags_updated=updated,
        tags_kept=kept, tags_deleted=len(plan.delete), reviews_added=len(new_reviews),
        links_added=len(new_links),
        programs_added=counts["programs"],
        report_ids=frozenset(touched),
    )


def _merge_named(conn: Connection, codec: _Codec, model: Any, rows: list[dict[str, Any]],
                 unique: str) -> tuple[dict[str, str], int]:
    """Rows matched by id, else by a unique name; returns their id → our id."""
    table = _table(model)
    mine = {r[0]: r[1] for r in conn.execute(select(table.c[unique], table.c.id))}
    mine_ids = set(mine.values())
    mapping: dict[str, str] = {}
    new = []
    for row in rows:
        if row["id"] in mine_ids:
            mapping[row["id"]] = row["id"]
        elif row[unique] in mine:
            mapping[row["id"]] = mine[row[unique]]
        else:
            mapping[row["id"]] = row["id"]
            mine[row[unique]] = row["id"]
            new.append(row)
    codec.insert(conn, model, new)
    return mapping, len(new)


def _merge_kinds(conn: Connection, codec: _Codec, kinds: list[dict[str, Any]],
                 fields: list[dict[str, Any]]) -> dict[str, str]:
    """Kinds by key (each project seeded its own ids); kinds new here come with fields."""
    mine = {k: i for k, i in conn.execute(select(TagKind.key, TagKind.id))}
    mine_ids = set(mine.values())
    mapping: dict[str, str] = {}
    new_kinds, new_ids = [], set()
    for row in kinds:
        if row["key"] in mine:
            mapping[row["id"]] = mine[row["key"]]
        else:
            new_id_ = row["id"] if row["id"] not in mine_ids else new_id()
            mapping[row["id"]] = new_id_
            new_ids.add(row["id"])
            new_kinds.append({**row, "id": new_id_})
    codec.insert(conn, TagKind, new_kinds)
    codec.insert(conn, TagField, [{**f, "id": new_id(), "kind_id": mapping[f["kind_id"]]}
                             for f in fields if f["kind_id"] in new_ids])
    return mapping


def _merge_reports(conn: Connection, codec: _Codec,
                   rows: list[dict[str, Any]]) -> tuple[dict[str, str], int, int]:
    mine = {sha: i for sha, i in conn.execute(select(Report.sha256, Report.id))}
    mine_ids = set(mine.values())
    mapping: dict[str, str] = {}
    new, matched = [], 0
    for row in rows:
        if row["sha256"] in mine:
            mapping[row["id"]] = mine[row["sha256"]]
            matched += 1
            continue
        rid = row["id"] if row["id"] not in mine_ids else new_id()
        mapping[row["id"]] = rid
        mine[row["sha256"]] = rid
        new.append({**row, "id": rid})
    codec.insert(conn, Report, new)
    return mapping, len(new), matched


def _state(row: dict[str, Any], kind_keys: dict[str, str], codec: _Codec) -> dict[str, Any]:
    return TagState.of_row(row, kind_keys.get(row["kind_id"], ""), codec.load(row["fields"]) or {},
                           updated_at=_iso(row["updated_at"]), version=row["version"]).record()


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, datetime) else str(value).replace(" ", "T")


_STATE_REPORT = re.compile(r'"report_id":\s*"([^"]+)"')  # the version a merge did not keep


def _merge_tags(
    conn: Connection, codec: _Codec, rows: list[dict[str, Any]],
    their_events: Callable[[set[str]], list[dict[str, Any]]],
    analyst_map: dict[str, str], kind_map: dict[str, str], report_map: dict[str, str],
    touched: set[str], attached: str | None, plan: TagPlan, their_tags: TheirTags,
) -> tuple[int, int, int]:
    """Brings in their tags by `plan` (made here, in SQL, for an attached file: the
    plan is filled in place) after deleting ours that their tombstones cover. Returns
    how many were added, updated and kept."""
    if attached is not None:
        added, their_by_id = _attached_tags(conn, attached, analyst_map, kind_map,
                                            report_map, touched, plan, their_tags)
    else:
        touched |= merge_plan.apply_tombstones(conn, plan, analyst_map)
        added, their_by_id = _copied_tags(
            conn, codec, rows, their_events, analyst_map, kind_map, report_map, touched, plan)
    updated, kept = _reconcile(conn, codec, their_by_id, touched)
    return added, updated, kept


def _maps(row: dict[str, Any], analyst_map: dict[str, str], kind_map: dict[str, str],
          report_map: dict[str, str]) -> dict[str, Any]:
    return {**row, "report_id": report_map.get(row["report_id"], row["report_id"]),
            "kind_id": kind_map.get(row["kind_id"], row["kind_id"]),
            "author_id": analyst_map.get(row["author_id"], row["author_id"])}


def _attached_tags(
    conn: Connection, other: str, analyst_map: dict[str, str], kind_map: dict[str, str],
    report_map: dict[str, str], touched: set[str], plan: TagPlan, their_tags: TheirTags,
) -> tuple[int, dict[str, dict[str, Any]]]:
    """SQLite to SQLite: new tags and their history copied by INSERT … SELECT from the
    attached file, the ids mapped through a temporary table (no row crosses into Python).
    Returns how many tags were added, and theirs to reconcile."""
    run = conn.exec_driver_sql
    run("CREATE TEMP TABLE rm_map (what TEXT, theirs TEXT, ours TEXT, PRIMARY KEY (what, theirs))")
    # the tags to bring in, with their report's id there (their history needs no second
    # look at their tags)
    run("CREATE TEMP TABLE rm_new (id TEXT PRIMARY KEY, report_id TEXT)")
    try:
        pairs = [(what, theirs, ours) for what, mapping in
                 (("r", report_map), ("k", kind_map), ("a", analyst_map))
                 for theirs, ours in mapping.items()]
        if pairs:
            run("INSERT INTO temp.rm_map VALUES (?, ?, ?)", pairs)
        names = [c.name for c in _table(Tag).columns]
        # on both sides with a different stamp: reconciled row by row. Asked before the
        # new tags go in, with this project's tags as the outer loop (CROSS JOIN fixes
        # the order), so the cost follows the tags both sides have.
        cols = ", ".join(f't."{n}"' for n in names)
        result = run(f"""SELECT {cols} FROM main.tag m CROSS JOIN {other}.tag t
                         ON t.id = m.id WHERE m.updated_at != t.updated_at""")
        their_by_id = {
            row[0]: _maps(dict(zip(names, row, strict=True)), analyst_map, kind_map, report_map)
            for row in result
        }
        made = merge_plan.plan_attached(conn, other, their_tags.tombs,
                                        (analyst_map, kind_map, report_map))
        plan.same, plan.delete = made.same, made.delete
        touched |= merge_plan.apply_tombstones(conn, plan, analyst_map)
        # the same tag under another id here: reconciled with ours, under our id
        for ids in _id_chunks(sorted(plan.same)):
            marks = ", ".join("?" for _ in ids)
            for row in run(f"SELECT {cols} FROM {other}.tag t WHERE t.id IN ({marks})",
                           tuple(ids)):
                theirs = _maps(dict(zip(names, row, strict=True)), analyst_map, kind_map,
                               report_map)
                ours = plan.same[theirs["id"]]
                if ours not in their_by_id or theirs["updated_at"] > their_by_id[ours]["updated_at"]:
                    their_by_id[ours] = {**theirs, "id": ours}
        # new here (temp.rm_new, filled by plan_attached): not in this project, and not
        # deleted here since
        mapped = {"report_id": "coalesce(r.ours, t.report_id)",
                  "kind_id": "coalesce(k.ours, t.kind_id)",
                  "author_id": "coalesce(a.ours, t.author_id)"}
        run(f"""INSERT INTO main.tag ({", ".join(f'"{n}"' for n in names)})
                SELECT {", ".join(mapped.get(n, f't."{n}"') for n in names)}
                FROM temp.rm_new n JOIN {other}.tag t ON t.id = n.id
                LEFT JOIN temp.rm_map r ON r.what = 'r' AND r.theirs = t.report_id
                LEFT JOIN temp.rm_map k ON k.what = 'k' AND k.theirs = t.kind_id
                LEFT JOIN temp.rm_map a ON a.what = 'a' AND a.theirs = t.author_id
                ORDER BY t.id""")
        # their history of the new tags (event ids renumbered; a report id that differs
        # here is swapped in the stored state: ids are UUIDs, so replace() is exact)
        run(f"""INSERT INTO main.tag_event (tag_id, analyst_id, action, state, created_at)
                SELECT e.tag_id, coalesce(a.ours, e.analyst_id), e.action,
                       CASE WHEN r.ours IS NOT NULL AND r.ours != r.theirs
                            THEN replace(e.state, r.theirs, r.ours) ELSE e.state END,
                       e.created_at
                FROM temp.rm_new n JOIN {other}.tag_event e ON e.tag_id = n.id
                LEFT JOIN temp.rm_map r ON r.what = 'r' AND r.theirs = n.report_id
                LEFT JOIN temp.rm_map a ON a.what = 'a' AND a.theirs = e.analyst_id
                ORDER BY e.tag_id, e.id""")
        added = int(run("SELECT count(*) FROM temp.rm_new").scalar_one())
        touched.update(report_map.get(r, r) for r in run(
            "SELECT DISTINCT report_id FROM temp.rm_new").scalars().all())
    finally:
        run("DROP TABLE temp.rm_map")
        run("DROP TABLE temp.rm_new")
    return added, their_by_id


def _copied_tags(
    conn: Connection, codec: _Codec, rows: list[dict[str, Any]],
    their_events: Callable[[set[str]], list[dict[str, Any]]],
    analyst_map: dict[str, str], kind_map: dict[str, str], report_map: dict[str, str],
    touched: set[str], plan: TagPlan,
) -> tuple[int, dict[str, dict[str, Any]]]:
    """Any database to any: rows read into Python and bulk-inserted. Returns how many
    tags were added, and theirs to reconcile."""
    mine_stamp = {i: _iso(u) for i, u in conn.execute(select(Tag.id, Tag.updated_at)).all()}
    mine_ids = set(mine_stamp)
    wanted = set(plan.new)
    their_by_id: dict[str, dict[str, Any]] = {}
    new: list[dict[str, Any]] = []
    for row in rows:
        row = _maps(row, analyst_map, kind_map, report_map)
        if row["id"] in mine_ids:
            if mine_stamp[row["id"]] != _iso(row["updated_at"]):  # same stamp, same version
                their_by_id[row["id"]] = row
        elif row["id"] in plan.same:
            ours = plan.same[row["id"]]
            if ours not in their_by_id or row["updated_at"] > their_by_id[ours]["updated_at"]:
                their_by_id[ours] = {**row, "id": ours}
        elif row["id"] in wanted:
            new.append(row)
    new.sort(key=lambda r: r["id"])  # B-tree pages fill in order: faster for 100 000 UUIDs
    codec.insert(conn, Tag, new)
    new_ids = {r["id"] for r in new}
    touched.update(r["report_id"] for r in new)
    # their history of the tags new here comes along (event ids are renumbered)
    moved = {theirs: ours for theirs, ours in report_map.items() if theirs != ours}
    history_rows = []
    for e in (their_events(new_ids) if new_ids else []):
        state = e["state"]
        if moved and isinstance(state, str):  # stored JSON text: swap the id in place
            m = _STATE_REPORT.search(state)
            if m is not None and m.group(1) in moved:
                state = state[:m.start(1)] + moved[m.group(1)] + state[m.end(1):]
        elif moved and isinstance(state, dict) and state.get("report_id") in moved:
            state = {**state, "report_id": moved[state["report_id"]]}
        history_rows.append({
            "tag_id": e["tag_id"], "action": e["action"], "state": state,
            "created_at": e["created_at"],
            "analyst_id": analyst_map.get(e["analyst_id"] or "", e["analyst_id"]),
        })
    history_rows.sort(key=lambda r: r["tag_id"])
    codec.insert(conn, TagEvent, history_rows)
    return len(new_ids), their_by_id


def _reconcile(conn: Connection, codec: _Codec, their_by_id: dict[str, dict[str, Any]],
               touched: set[str]) -> tuple[int, int]:
    """Tags on both sides that differ: the newer wins; the other goes into the history."""
    updated = kept = 0
    if their_by_id:
        kind_keys = {i: k for i, k in conn.execute(select(TagKind.id, TagKind.key))}
        recorded = {
            (t, (s or {}).get("updated_at"))
            for t, s in conn.execute(select(TagEvent.tag_id, TagEvent.state)
                                     .where(TagEvent.action == HistoryAction.MERGED_OTHER))
        }
        ours = {r["id"]: r for r in codec.rows(conn, Tag)} if len(their_by_id) > 2000 else {
            r["id"]: r for ids in _id_chunks(list(their_by_id))
            for r in codec.rows(conn, Tag, Tag.id.in_(ids))
        }
        history: list[dict[str, Any]] = []
        for tag_id, their in their_by_id.items():
            mine = ours[tag_id]
            if all(mine[c] == their[c] for c in TAG_COLUMNS if c != "fields") and (
                mine["fields"] == their["fields"]
                or codec.load(mine["fields"]) == codec.load(their["fields"])
            ):
                continue
            if their["updated_at"] > mine["updated_at"]:
                discarded, winner = mine, their
            else:
                discarded, winner = their, mine
            key = (tag_id, _iso(discarded["updated_at"]))
            if key in recorded:
                continue  # merged before: nothing new
            recorded.add(key)
            history.append({"tag_id": tag_id, "analyst_id": discarded["author_id"],
                            "action": HistoryAction.MERGED_OTHER,
                            "state": codec.dump(_state(discarded, kind_keys, codec)),
                            "created_at": discarded["updated_at"]})
            touched.add(mine["report_id"])
            if winner is their:
                values = {c: their[c] for c in TAG_COLUMNS}
                values["version"] = max(mine["version"], their["version"]) + 1
                stored = {c: type_coerce(v, Text) if codec.raw and c in ("fields", "updated_at")
                          else v for c, v in values.items()}
                conn.execute(update(_table(Tag)).where(Tag.id == tag_id).values(**stored))
                history.append({"tag_id": tag_id, "analyst_id": their["author_id"],
                                "action": HistoryAction.MERGED_NEWER_KEPT,
                                "state": codec.dump(_state({**their, **values, "id": tag_id},
                                                           kind_keys, codec)),
                                "created_at": their["updated_at"]})
                updated += 1
            else:
                kept += 1
        codec.insert(conn, TagEvent, history)
    return updated, kept


def _id_chunks(ids: list[str], size: int = 500) -> Iterable[list[str]]:
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def _merge_states(conn: Connection, codec: _Codec, rows: list[dict[str, Any]], analyst_map: dict[str, str],
                  report_map: dict[str, str]) -> None:
    mine: dict[tuple[str, str], tuple[int, Any]] = {
        (r["report_id"], r["analyst_id"]): (r["id"], r["updated_at"])
        for r in codec.rows(conn, ReportState)
    }
    new = []
    for row in rows:
        key = (report_map.get(row["report_id"], row["report_id"]),
               analyst_map.get(row["analyst_id"], row["analyst_id"]))
        if key in mine:
            state_id, at = mine[key]
            if row["updated_at"] > at:
                conn.execute(update(_table(ReportState)).where(ReportState.id == state_id)
                             .values(state=row["state"],
                                     updated_at=type_coerce(row["updated_at"], Text)
                                     if codec.raw else row["updated_at"]))
            continue
        new.append({"report_id": key[0], "analyst_id": key[1], "state": row["state"],
                    "updated_at": row["updated_at"]})
    codec.insert(conn, ReportState, new)
