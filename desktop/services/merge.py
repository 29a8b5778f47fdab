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

Undo: a merge into a project file takes a backup first, and undo restores it. A team
database has no file to put back, and colleagues work in it meanwhile: a merge into it
records what it did (`_Record`: the rows it added, the tags its tombstones deleted, the
tags and report states it changed with their earlier values) as a batch_rows.Swap, whose
undo takes out and puts back only those rows, with version checks.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine

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
from db.queries import merge_copy as mc
from db.queries import merge_plan
from db.queries.batch_rows import versions_of
from db.queries.merge_checks import check_sqlite_source
from db.queries.merge_plan import TagPlan
from desktop.domain.states import HistoryAction, TagState
from desktop.services.batch_rows import Swap
from desktop.services.changes import Changes
from desktop.services.project import Project

Progress = Callable[[int, int, str], None]
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
    backup: str | None = None  # the copy taken before (a project file): undo restores it
    undo: Swap | None = None  # what it did, recorded (a team database): undo reverses it

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
    from dataclasses import replace

    from db.engine import create_project_engine

    engine = create_project_engine(target)
    try:
        if is_url(target):  # no file to back up: the merge records what it does
            return merge_into(engine, other, report, record=True)
        made = backup_before(target, "before-merge")
        return replace(merge_into(engine, other, report), backup=made)
    finally:
        engine.dispose()


def backup_before(target: str, reason: str) -> str | None:
    """A copy of a project file taken before a merge or its undo (None for a team
    database: its server keeps its own backups)."""
    from db.backups import backup

    if is_url(target):
        return None
    return str(backup(Path(target).expanduser(), reason))


def restore_from(project: Project, backup_file: str) -> tuple[Changes, str | None]:
    """Put a project file back as its backup has it, in place, through the open engine
    (SQLite's backup API copies the pages under the usual locks, so the open window
    keeps working). Returns the change set and a backup of what was replaced."""
    import sqlite3

    source = Path(backup_file)
    if not source.exists():
        raise ProjectError("The backup {name} is no longer there.",
                           message_id="project.backup_gone", params={"name": source.name})
    made = backup_before(project.target, "before-undo")
    with project.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)
        copy = sqlite3.connect(source)
        try:
            copy.backup(raw)
        finally:
            copy.close()
    project.caches.clear()  # the project is another one now
    return Changes(everything=True, library=True, kinds=True, analysts=True,
                   programs=True), made


def merge_into(engine: Engine, other: str | Path,
               progress: Progress | None = None, *, record: bool = False) -> MergeOutcome:
    """Merge `other` into the project `engine` opens; with `record`, the outcome holds
    what it did as the Swap that undoes it."""
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
        codec = mc.Codec(source.engine.dialect.name == engine.dialect.name == "sqlite")
        attach = codec.raw and source.path is not None and not record
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
                return [e for ids in mc.id_chunks(sorted(tag_ids))
                        for e in codec.rows(src, TagEvent, TagEvent.tag_id.in_(ids))]

            if not attach:
                with engine.begin() as conn:
                    rec = _Record(conn, codec) if record else None
                    outcome = _merge(conn, codec, theirs, their_tags, their_events, step,
                                     None, rec)
                    if rec is None:
                        return outcome
                    from dataclasses import replace

                    return replace(outcome, undo=rec.swap(conn))
        assert source.path is not None
        with engine.connect() as conn, mc.attached(conn, source.path) as other_schema:
            try:
                outcome = _merge(conn, codec, theirs, their_tags, their_events, step,
                                 other_schema, None)
                conn.commit()
            except BaseException:
                conn.rollback()
                raise
            return outcome
    finally:
        source.close()


@dataclass(frozen=True, slots=True)
class TheirTags:
    """What the plan needs of the colleague's tags: keys and stamps, and tombstones."""

    keys: list[tuple[str, merge_plan.Key, str]]
    tombs: dict[str, merge_plan.Tombstone]


class _Record:
    """What a merge did, noted as it goes, for its undo: the rows `codec.insert` wrote
    (by id), the history events it added (ids above those there before, of the tags it
    touched), the tags its tombstones deleted (their rows, links and reviews), and the
    earlier values of the tags and report states it changed."""

    def __init__(self, conn: Connection, codec: mc.Codec) -> None:
        self.added: dict[str, list[Any]] = {}
        codec.inserted = self.added
        self.last_event = mc.last_event_id(conn)
        self.tags: set[str] = set()  # every tag it touched
        self.deleted: dict[str, list[dict[str, Any]]] = {}
        self.before: dict[str, dict[str, Any]] = {}  # tag → its columns before
        self.new_states: list[tuple[str, str]] = []  # (report, analyst) of states added
        self.states: dict[int, tuple[Any, str, Any]] = {}  # id → (set at, state, updated_at before)

    def deleting(self, conn: Connection, codec: mc.Codec, tag_ids: list[str]) -> None:
        """Note the tags about to be deleted, with what goes with them."""
        self.tags.update(tag_ids)
        for ids in mc.id_chunks(tag_ids):
            for model, where in ((Tag, Tag.id.in_(ids)),
                                 (TagLink, TagLink.source_id.in_(ids) | TagLink.target_id.in_(ids)),
                                 (Review, Review.tag_id.in_(ids))):
                self.deleted.setdefault(model.__tablename__, []).extend(
                    codec.rows(conn, model, where))

    def swap(self, conn: Connection) -> Swap:
        added = {table: list(ids) for table, ids in self.added.items()}
        tags = sorted(self.tags)
        added["tag_event"] = mc.events_after(conn, self.last_event, tags)
        added["report_state"] = mc.state_ids(conn, self.new_states)
        versions = versions_of(conn, sorted({*added.get("tag", []), *self.before}))
        links = {r["id"]: r for r in self.deleted.get("tag_link", [])}  # once each
        put = {**self.deleted, "tag_link": list(links.values())}
        return Swap(remove=added, put=put, versions=versions, tag_values=self.before,
                    states=self.states)


def _merge(conn: Connection, codec: mc.Codec, theirs: dict[str, list[dict[str, Any]]],
           their_tags: TheirTags,
           their_events: Callable[[set[str]], list[dict[str, Any]]],
           step: Callable[[int, str], None], attached: str | None,
           rec: _Record | None) -> MergeOutcome:
    counts: dict[str, int] = {}
    touched: set[str] = set()

    step(3, "Matching analysts, kinds, reports and programs")
    analyst_map, counts["analysts"] = _merge_named(
        conn, codec, Analyst, theirs["analyst"], "name")
    kind_map = _merge_kinds(conn, codec, theirs["tag_kind"], theirs["tag_field"])
    report_map, counts["reports"], counts["matched"] = _merge_reports(conn, codec, theirs["report"])
    program_map, counts["programs"] = _merge_named(conn, codec, Program, theirs["program"], "name")
    mine_alias, mine_alias_ids = mc.aliases(conn)
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
        attached, plan, their_tags, rec)
    same = plan.same
    # the tags here now, which links and reviews must point at (read only when some come)
    tag_ids: set[str] = set()
    if theirs["tag_link"] or theirs["review"]:
        tag_ids = mc.tag_ids(conn)

    step(6, "Merging links and reviews")
    mine_links, mine_link_ids = mc.links(conn)
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

    mine_reviews = mc.review_ids(conn)
    new_reviews = [
        {**row, "reviewer_id": analyst_map.get(row["reviewer_id"], row["reviewer_id"]),
         "tag_id": same.get(row["tag_id"], row["tag_id"])}
        for row in theirs["review"]
        if row["id"] not in mine_reviews and same.get(row["tag_id"], row["tag_id"]) in tag_ids
    ]
    codec.insert(conn, Review, new_reviews)

    step(7, "Merging report states")
    _merge_states(conn, codec, theirs["report_state"], analyst_map, report_map, rec)
    step(STEPS, "Done")
    return MergeOutcome(
        reports_added=counts["reports"], reports_matched=counts["matched"],
        analysts_added=counts["analysts"], tags_added=added, tags_updated=updated,
        tags_kept=kept, tags_deleted=len(plan.delete), reviews_added=len(new_reviews),
        links_added=len(new_links),
        programs_added=counts["programs"],
        report_ids=frozenset(touched),
    )


def _merge_named(conn: Connection, codec: mc.Codec, model: Any, rows: list[dict[str, Any]],
                 unique: str) -> tuple[dict[str, str], int]:
    """Rows matched by id, else by a unique name; returns their id → our id."""
    mine = mc.ids_by(conn, model, unique)
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


def _merge_kinds(conn: Connection, codec: mc.Codec, kinds: list[dict[str, Any]],
                 fields: list[dict[str, Any]]) -> dict[str, str]:
    """Kinds by key (each project seeded its own ids); kinds new here come with fields."""
    mine = mc.kind_ids_by_key(conn)
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


def _merge_reports(conn: Connection, codec: mc.Codec,
                   rows: list[dict[str, Any]]) -> tuple[dict[str, str], int, int]:
    mine = mc.report_ids_by_sha(conn)
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


def _state(row: dict[str, Any], kind_keys: dict[str, str], codec: mc.Codec) -> dict[str, Any]:
    return TagState.of_row(row, kind_keys.get(row["kind_id"], ""), codec.load(row["fields"]) or {},
                           updated_at=_iso(row["updated_at"]), version=row["version"]).record()


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, datetime) else str(value).replace(" ", "T")


_STATE_REPORT = re.compile(r'"report_id":\s*"([^"]+)"')  # the version a merge did not keep


def _merge_tags(
    conn: Connection, codec: mc.Codec, rows: list[dict[str, Any]],
    their_events: Callable[[set[str]], list[dict[str, Any]]],
    analyst_map: dict[str, str], kind_map: dict[str, str], report_map: dict[str, str],
    touched: set[str], attached: str | None, plan: TagPlan, their_tags: TheirTags,
    rec: _Record | None = None,
) -> tuple[int, int, int]:
    """Brings in their tags by `plan` (made here, in SQL, for an attached file: the
    plan is filled in place) after deleting ours that their tombstones cover. Returns
    how many were added, updated and kept."""
    if attached is not None:
        added, their_by_id = _attached_tags(conn, attached, analyst_map, kind_map,
                                            report_map, touched, plan, their_tags)
    else:
        if rec is not None:
            rec.deleting(conn, codec, [tag_id for tag_id, _tomb in plan.delete])
        touched |= merge_plan.apply_tombstones(conn, plan, analyst_map)
        added, their_by_id = _copied_tags(
            conn, codec, rows, their_events, analyst_map, kind_map, report_map, touched, plan)
    if rec is not None:
        rec.tags.update(their_by_id)
        rec.tags.update(codec.inserted.get("tag", []) if codec.inserted else [])
    updated, kept = _reconcile(conn, codec, their_by_id, touched, rec)
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
    names = [c.name for c in mc.table_of(Tag).columns]
    with mc.id_maps(conn, {"r": report_map, "k": kind_map, "a": analyst_map}):
        # on both sides with a different stamp: reconciled row by row (asked before the
        # new tags go in)
        their_by_id = {
            row[0]: _maps(dict(zip(names, row, strict=True)), analyst_map, kind_map, report_map)
            for row in mc.changed_on_both(conn, other, names)
        }
        made = merge_plan.plan_attached(conn, other, their_tags.tombs,
                                        (analyst_map, kind_map, report_map))
        plan.same, plan.delete = made.same, made.delete
        touched |= merge_plan.apply_tombstones(conn, plan, analyst_map)
        # the same tag under another id here: reconciled with ours, under our id
        for ids in mc.id_chunks(sorted(plan.same)):
            for row in mc.their_tags(conn, other, names, ids):
                theirs = _maps(dict(zip(names, row, strict=True)), analyst_map, kind_map,
                               report_map)
                ours = plan.same[theirs["id"]]
                if ours not in their_by_id or theirs["updated_at"] > their_by_id[ours]["updated_at"]:
                    their_by_id[ours] = {**theirs, "id": ours}
        # new here (temp.rm_new, filled by plan_attached): not in this project, and not
        # deleted here since; then their history
        mc.copy_new_tags(conn, other, names)
        mc.copy_new_history(conn, other)
        added, reports = mc.new_tags(conn)
        touched.update(report_map.get(r, r) for r in reports)
    return added, their_by_id


def _copied_tags(
    conn: Connection, codec: mc.Codec, rows: list[dict[str, Any]],
    their_events: Callable[[set[str]], list[dict[str, Any]]],
    analyst_map: dict[str, str], kind_map: dict[str, str], report_map: dict[str, str],
    touched: set[str], plan: TagPlan,
) -> tuple[int, dict[str, dict[str, Any]]]:
    """Any database to any: rows read into Python and bulk-inserted. Returns how many
    tags were added, and theirs to reconcile."""
    mine_stamp = {i: _iso(u) for i, u in mc.tag_stamps(conn)}
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


def _reconcile(conn: Connection, codec: mc.Codec, their_by_id: dict[str, dict[str, Any]],
               touched: set[str], rec: _Record | None = None) -> tuple[int, int]:
    """Tags on both sides that differ: the newer wins; the other goes into the history."""
    updated = kept = 0
    if their_by_id:
        kind_keys = mc.kind_keys(conn)
        recorded = mc.merged_versions(conn)
        ours = {r["id"]: r for r in codec.rows(conn, Tag)} if len(their_by_id) > 2000 else {
            r["id"]: r for ids in mc.id_chunks(list(their_by_id))
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
                if rec is not None:
                    rec.before[tag_id] = {c: mine[c] for c in TAG_COLUMNS}
                mc.update_tag(conn, codec, tag_id, values)
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


def _merge_states(conn: Connection, codec: mc.Codec, rows: list[dict[str, Any]], analyst_map: dict[str, str],
                  report_map: dict[str, str], rec: _Record | None = None) -> None:
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
                if rec is not None and state_id not in rec.states:
                    before = mc.state_of(conn, state_id)
                    rec.states[state_id] = (row["updated_at"], str(before), at)
                mc.update_report_state(conn, codec, state_id, row["state"],
                                       row["updated_at"])
            continue
        new.append({"report_id": key[0], "analyst_id": key[1], "state": row["state"],
                    "updated_at": row["updated_at"]})
    codec.insert(conn, ReportState, new)
    if rec is not None:
        rec.new_states.extend((r["report_id"], r["analyst_id"]) for r in new)
