"""Which of a colleague's tags a merge brings in, which it matches to ours, and which
deletions it carries over (issue 11, items 6 and 7).

- A tag is the same tag when it has the same id, or the same analyst, kind, report and
  span (two copies of a project where the analyst accepted the same suggestions gave
  the same tag two ids). The same tag is one tag after a merge; where its versions
  differ, the newer wins (merge.py's `_reconcile`).
- A deletion travels as a tombstone: the tag's last `deleted` history event, kept after
  the tag is gone. A tag exists after a merge unless a tombstone at least as new as its
  newest version says otherwise, on either side. Both sides apply the same rule, so
  A←B, B←A, A←B leave A and B with the same tags.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, exists, insert, select

from db.models import Tag, TagEvent, TagKind
from desktop.domain.states import HistoryAction, TagState

# (report id, kind id, author id, start, end), in this project's ids
Key = tuple[str, str, str, int, int]
TAG_KEY_COLUMNS = (Tag.id, Tag.report_id, Tag.kind_id, Tag.author_id, Tag.start, Tag.end,
                   Tag.updated_at)


def stamp(value: Any) -> str:
    """A time as comparable text, the same from SQLite's stored text ('YYYY-MM-DD
    HH:MM:SS.ffffff') and from a datetime (PostgreSQL)."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S.%f")
    text = str(value).replace(" ", "T")
    return text if "." in text else text + ".000000"


@dataclass(frozen=True, slots=True)
class Tombstone:
    tag_id: str
    at: str  # stamp() of the deletion
    state: dict[str, Any]  # the tag as it was when deleted (kind by key)
    analyst_id: str | None  # who deleted it


@dataclass(slots=True)
class TagPlan:
    new: list[str] = field(default_factory=list)  # their ids to insert as they are
    same: dict[str, str] = field(default_factory=dict)  # their id → our id (same tag, other id)
    delete: list[tuple[str, Tombstone]] = field(default_factory=list)  # our id, their tombstone


def tombstones(conn: Connection) -> dict[str, Tombstone]:
    """The newest deletion of each tag the project no longer holds."""
    gone = ~exists(select(Tag.id).where(Tag.id == TagEvent.tag_id))
    rows = conn.execute(select(TagEvent.tag_id, TagEvent.created_at, TagEvent.state,
                               TagEvent.analyst_id).where(TagEvent.action == HistoryAction.DELETED, gone))
    out: dict[str, Tombstone] = {}
    for tag_id, at, state, analyst in rows:
        when = stamp(at)
        if tag_id not in out or when > out[tag_id].at:
            if isinstance(state, str):
                state = json.loads(state)
            out[tag_id] = Tombstone(tag_id, when, state if isinstance(state, dict) else {},
                                    analyst)
    return out


def tag_keys(conn: Connection) -> list[tuple[str, Key, str]]:
    """(id, key, stamp of the newest version) of every tag. SQLite's stored time text is
    read as it is (parsing 100 000 date-times was most of this function's time)."""
    if conn.dialect.name == "sqlite":  # the driver's cursor: a third of the time
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        rows = cursor.execute('SELECT id, report_id, kind_id, author_id, start, "end", '
                              "updated_at FROM tag").fetchall()
        cursor.close()
    else:
        rows = conn.execute(select(*TAG_KEY_COLUMNS)).all()
    return [(i, (r, k, a, s, e), stamp(u)) for i, r, k, a, s, e, u in rows]


def _tomb_key(tomb: Tombstone, kind_ids: dict[str, str], report_map: dict[str, str],
              analyst_map: dict[str, str]) -> Key | None:
    s = tomb.state
    try:
        return (report_map.get(s["report_id"], s["report_id"]), kind_ids[s["kind"]],
                analyst_map.get(s["author_id"], s["author_id"]), int(s["start"]), int(s["end"]))
    except (KeyError, TypeError, ValueError):
        return None


def plan_tags(conn: Connection, theirs: list[tuple[str, Key, str]],
              their_tombs: dict[str, Tombstone], maps: tuple[dict[str, str], ...]) -> TagPlan:
    """Decide, for each of their tags and their tombstones, what happens here.
    `theirs` holds their keys in their ids; `maps` is (analyst, kind, report) their → ours."""
    analyst_map, kind_map, report_map = maps
    ours = tag_keys(conn)
    our_stamp = {i: u for i, _k, u in ours}
    our_by_key = {k: i for i, k, _u in ours}
    kind_ids = {key: i for key, i in conn.execute(select(TagKind.key, TagKind.id))}
    our_tombs = tombstones(conn)
    tomb_at_key: dict[Key, str] = {}
    for tomb in our_tombs.values():
        key = _tomb_key(tomb, kind_ids, {}, {})  # our tombstones are in our ids
        if key is not None and tomb.at > tomb_at_key.get(key, ""):
            tomb_at_key[key] = tomb.at
    plan = TagPlan()
    for tag_id, (r, k, a, s, e), updated in theirs:
        if tag_id in our_stamp:
            continue  # the same id: reconciled by its version
        key = (report_map.get(r, r), kind_map.get(k, k), analyst_map.get(a, a), s, e)
        if key in our_by_key:
            plan.same[tag_id] = our_by_key[key]
            continue
        gone = our_tombs.get(tag_id)
        if (gone is not None and gone.at >= updated) or tomb_at_key.get(key, "") >= updated:
            continue  # deleted here after their last change
        plan.new.append(tag_id)  # (their own doubles stay theirs: a merge matches across)
    their_ids = {tag_id for tag_id, _k, _u in theirs}
    plan.delete = plan_deletions(conn, their_tombs, maps, set(plan.same.values()),
                                 their_ids.__contains__)
    return plan


def plan_attached(conn: Connection, other: str, their_tombs: dict[str, Tombstone],
                  maps: tuple[dict[str, str], ...]) -> TagPlan:
    """`plan_tags` in SQL, between two SQLite files (the colleague's attached as
    `other`, their ids mapped through `temp.rm_map`): no tag row crosses into Python,
    only the ids the plan names. Fills `temp.rm_new` with the ids to bring in (and
    their report's id there)."""
    run = conn.exec_driver_sql
    kind_ids = {key: i for key, i in conn.execute(select(TagKind.key, TagKind.id))}
    run("CREATE TEMP TABLE rm_tomb (tag_id TEXT, report_id TEXT, kind_id TEXT, "
        'author_id TEXT, start INTEGER, "end" INTEGER, at TEXT)')
    try:
        ours = []
        for tomb in tombstones(conn).values():
            key = _tomb_key(tomb, kind_ids, {}, {})
            ours.append((tomb.tag_id, *(key or (None,) * 5), tomb.at.replace("T", " ")))
        if ours:
            run("INSERT INTO temp.rm_tomb VALUES (?, ?, ?, ?, ?, ?, ?)", ours)
        mapped = f"""FROM {other}.tag t
            LEFT JOIN temp.rm_map r ON r.what = 'r' AND r.theirs = t.report_id
            LEFT JOIN temp.rm_map k ON k.what = 'k' AND k.theirs = t.kind_id
            LEFT JOIN temp.rm_map a ON a.what = 'a' AND a.theirs = t.author_id"""
        same_key = """m.report_id = coalesce(r.ours, t.report_id) AND m.start = t.start
            AND m."end" = t."end" AND m.kind_id = coalesce(k.ours, t.kind_id)
            AND m.author_id = coalesce(a.ours, t.author_id)"""
        new_id = "NOT EXISTS (SELECT 1 FROM main.tag i WHERE i.id = t.id)"
        plan = TagPlan()
        # each condition only where it can hold (a first merge into an empty project
        # costs what it did before tags were matched by key)
        conditions = [new_id]
        if run("SELECT 1 FROM main.tag LIMIT 1").first() is not None:
            plan.same = {str(theirs): str(ours) for theirs, ours in run(
                f"""SELECT t.id, min(m.id) {mapped}
                JOIN main.tag m ON {same_key} WHERE {new_id} GROUP BY t.id""")}
            conditions.append(f"NOT EXISTS (SELECT 1 FROM main.tag m WHERE {same_key})")
        if ours:
            conditions.append(f"""NOT EXISTS (SELECT 1 FROM temp.rm_tomb m WHERE
                (m.tag_id = t.id OR ({same_key})) AND m.at >= t.updated_at)""")
        run(f"""INSERT INTO temp.rm_new SELECT t.id, t.report_id {
                mapped if len(conditions) > 1 else f"FROM {other}.tag t"}
            WHERE {" AND ".join(conditions)} ORDER BY t.id""")
    finally:
        run("DROP TABLE temp.rm_tomb")
    def they_hold(tag_id: str) -> bool:
        return run(f"SELECT 1 FROM {other}.tag WHERE id = ?", (tag_id,)).first() is not None

    plan.delete = plan_deletions(conn, their_tombs, maps, set(plan.same.values()), they_hold)
    return plan


def plan_deletions(conn: Connection, their_tombs: dict[str, Tombstone],
                   maps: tuple[dict[str, str], ...], matched: set[str],
                   they_hold: Callable[[str], bool]) -> list[tuple[str, Tombstone]]:
    """Our tags that their tombstones cover (by id, or by key) and that were not changed
    here after the deletion. A tag they still hold (by id, or under another id:
    `matched`) stays."""
    analyst_map, _kind_map, report_map = maps
    if not their_tombs:
        return []
    kind_ids = {key: i for key, i in conn.execute(select(TagKind.key, TagKind.id))}
    out = []
    for tomb in their_tombs.values():
        found = conn.execute(select(Tag.id, Tag.updated_at).where(Tag.id == tomb.tag_id)).first()
        key = _tomb_key(tomb, kind_ids, report_map, analyst_map)
        if found is None and key is not None:
            found = conn.execute(select(Tag.id, Tag.updated_at).where(
                Tag.report_id == key[0], Tag.kind_id == key[1], Tag.author_id == key[2],
                Tag.start == key[3], Tag.end == key[4])).first()
        if found is None or found[0] in matched or they_hold(found[0]):
            continue
        if stamp(found[1]) <= tomb.at:
            out.append((str(found[0]), tomb))
    return out


def apply_tombstones(conn: Connection, plan: TagPlan, analyst_map: dict[str, str]) -> set[str]:
    """Delete our tags their tombstones cover, each leaving a tombstone of its own (its
    last state, the deletion's time), so the deletion travels on. Returns the reports."""
    if not plan.delete:
        return set()
    when = {tag_id: tomb for tag_id, tomb in plan.delete}
    kind_keys = {i: key for i, key in conn.execute(select(TagKind.id, TagKind.key))}
    events, reports = [], set()
    table = Tag.__table__
    for tag in conn.execute(select(*table.columns).where(Tag.id.in_(list(when)))).mappings():
        tomb = when[tag["id"]]
        reports.add(tag["report_id"])
        state = TagState.of_row(tag, kind_keys.get(tag["kind_id"], "")).record()
        events.append({"tag_id": tag["id"], "action": HistoryAction.DELETED, "state": state,
                       "created_at": datetime.fromisoformat(tomb.at),
                       "analyst_id": analyst_map.get(tomb.analyst_id or "", tomb.analyst_id)})
    conn.execute(insert(TagEvent), events)
    conn.execute(delete(Tag).where(Tag.id.in_(list(when))))
    return reports
