"""Rows taken out of a project and put back with the same ids: the undo and redo of a
batch (an import of reports, an annotation import, a merge into a team database).
`take` deletes reports (with everything on them), tags and kinds and returns their
rows; `take_rows` deletes exactly the rows it is given ids of; `put` inserts rows again,
parents first, so the ids later undo entries name are the same. `dependents` and
`clashes` say what stands in the way of each."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Connection, delete, inspect, or_, select
from sqlalchemy.orm import Session

from db.models import (
    Analyst,
    Program,
    ProgramAlias,
    RejectedSuggestion,
    Report,
    ReportState,
    Review,
    Tag,
    TagEvent,
    TagField,
    TagKind,
    TagLink,
)
from db.queries.programs import PROGRAM_FIELD

Rows = dict[str, list[dict[str, Any]]]  # table → its rows, as column → value
Ids = dict[str, list[Any]]  # table → the ids of some of its rows

# parents before children: the order `put` inserts in (and `take_rows` deletes against)
MODELS: tuple[type[Any], ...] = (Analyst, TagKind, TagField, Report, Program, ProgramAlias,
                                 Tag, TagEvent, TagLink, Review, ReportState,
                                 RejectedSuggestion)
_BY_TABLE = {m.__tablename__: m for m in MODELS}
_CHUNK = 500


def _row(obj: Any) -> dict[str, Any]:
    return {a.key: getattr(obj, a.key) for a in inspect(type(obj)).column_attrs}


def _chunks(ids: list[Any]) -> list[list[Any]]:
    return [ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


def tag_versions(session: Session, report_ids: Collection[str],
                 tag_ids: Collection[str]) -> list[tuple[str, str, int, str]]:
    """(tag id, report id, version, author id) of the tags `take` would remove."""
    query = select(Tag.id, Tag.report_id, Tag.version, Tag.author_id).where(
        or_(Tag.report_id.in_(list(report_ids)), Tag.id.in_(list(tag_ids))))
    return [(t, r, v, a) for t, r, v, a in session.execute(query)]


def versions_of(conn: Session | Connection, tag_ids: Collection[str]) -> dict[str, int]:
    """tag id → version, for those of `tag_ids` that exist (read in chunks)."""
    return {t: v for ids in _chunks(list(tag_ids)) for t, v in conn.execute(
        select(Tag.id, Tag.version).where(Tag.id.in_(ids)))}


def kinds_used_elsewhere(session: Session, kind_ids: Collection[str],
                         report_ids: Collection[str], tag_ids: Collection[str]) -> list[str]:
    """Keys of the kinds among `kind_ids` that tags other than those `take` removes use."""
    query = (select(TagKind.key).join(Tag, Tag.kind_id == TagKind.id)
             .where(TagKind.id.in_(list(kind_ids)), Tag.report_id.not_in(list(report_ids)),
                    Tag.id.not_in(list(tag_ids))).distinct())
    return list(session.scalars(query))


def take(session: Session, report_ids: Collection[str] = (), tag_ids: Collection[str] = (),
         kind_ids: Collection[str] = ()) -> Rows:
    """Delete the reports (their tags, reviews, states and rejected suggestions go with
    them), the tags and the kinds (with their fields); return every row deleted. The
    tags' history stays: it is history."""
    reports, kinds = list(report_ids), list(kind_ids)
    gone_tags = list(session.scalars(select(Tag.id).where(
        or_(Tag.report_id.in_(reports), Tag.id.in_(list(tag_ids))))))
    ids: Ids = {
        "tag_kind": kinds,
        "tag_field": list(session.scalars(select(TagField.id).where(TagField.kind_id.in_(kinds)))),
        "report": reports,
        "tag": gone_tags,
        "tag_link": [i for chunk in _chunks(gone_tags) for i in session.scalars(
            select(TagLink.id).where(or_(TagLink.source_id.in_(chunk),
                                         TagLink.target_id.in_(chunk))))],
        "review": [i for chunk in _chunks(gone_tags) for i in session.scalars(
            select(Review.id).where(Review.tag_id.in_(chunk)))],
        "report_state": list(session.scalars(
            select(ReportState.id).where(ReportState.report_id.in_(reports)))),
        "rejected_suggestion": list(session.scalars(
            select(RejectedSuggestion.id).where(RejectedSuggestion.report_id.in_(reports)))),
    }
    return take_rows(session, ids)


def take_rows(session: Session, ids: Ids) -> Rows:
    """Delete the rows named by id (children first) and return them."""
    rows: Rows = {}
    for model in MODELS:
        wanted = sorted(set(ids.get(model.__tablename__, [])))
        rows[model.__tablename__] = [
            _row(o) for chunk in _chunks(wanted)
            for o in session.scalars(select(model).where(model.id.in_(chunk)))]
    session.expunge_all()  # the bulk deletes below: no stale objects left in the session
    for model in reversed(MODELS):
        for chunk in _chunks([r["id"] for r in rows[model.__tablename__]]):
            session.execute(delete(model).where(model.id.in_(chunk)),
                            execution_options={"synchronize_session": False})
    return rows


def ids_of(rows: Rows) -> Ids:
    return {table: [r["id"] for r in found] for table, found in rows.items() if found}


def dependents(session: Session, ids: Ids) -> int:
    """How many rows not named in `ids` hang on a row that is (a tag on a report, by an
    analyst, of a kind; a review or link of a tag; a field of a kind; an alias of, or a
    tag linked to, a program…): `take_rows` would delete them too, or could not."""
    named = {t: set(v) for t, v in ids.items()}

    def ids_in(table: str) -> list[Any]:
        return sorted(named.get(table, ()))

    found: set[tuple[str, Any]] = set()

    def look(model: Any, *columns_and_tables: tuple[Any, str]) -> None:
        own = named.get(model.__tablename__, set())
        for column, table in columns_and_tables:
            for chunk in _chunks(ids_in(table)):
                for row_id in session.scalars(select(model.id).where(column.in_(chunk))):
                    if row_id not in own:
                        found.add((model.__tablename__, row_id))

    look(Tag, (Tag.report_id, "report"), (Tag.kind_id, "tag_kind"), (Tag.author_id, "analyst"),
         (Tag.fields[PROGRAM_FIELD].as_string(), "program"))
    look(TagField, (TagField.kind_id, "tag_kind"))
    look(TagLink, (TagLink.source_id, "tag"), (TagLink.target_id, "tag"))
    look(Review, (Review.tag_id, "tag"), (Review.reviewer_id, "analyst"))
    look(ReportState, (ReportState.report_id, "report"), (ReportState.analyst_id, "analyst"))
    look(RejectedSuggestion, (RejectedSuggestion.report_id, "report"))
    look(ProgramAlias, (ProgramAlias.program_id, "program"))
    return len(found)


def clashes(session: Session, rows: Rows) -> list[str]:
    """What stands in the way of putting `rows` back: a report whose text was imported
    again since, a kind key, an analyst's or a program's name or an alias taken since,
    a row there again under the same id (as 'report:<title>' / 'kind:<key>' /
    'analyst:<name>' …)."""
    out: list[str] = []

    def taken(label: str, column: Any, shown: Any, values: list[Any]) -> None:
        for chunk in _chunks(values):
            out.extend(f"{label}:{v}" for v in session.scalars(select(shown).where(column.in_(chunk))))

    taken("report", Report.sha256, Report.title, [r["sha256"] for r in rows.get("report", [])])
    taken("kind", TagKind.key, TagKind.key, [k["key"] for k in rows.get("tag_kind", [])])
    taken("analyst", Analyst.name, Analyst.name, [a["name"] for a in rows.get("analyst", [])])
    taken("program", Program.name, Program.name, [p["name"] for p in rows.get("program", [])])
    taken("alias", ProgramAlias.alias, ProgramAlias.alias,
          [a["alias"] for a in rows.get("program_alias", [])])
    if not out:  # the same ids: a tag, a review… put back by someone else
        for model in MODELS:
            taken(model.__tablename__, model.id, model.id,
                  [r["id"] for r in rows.get(model.__tablename__, [])])
    return out


def put(session: Session, rows: Rows) -> None:
    """Insert rows taken by `take` or `take_rows`, with their ids. A link whose other end
    is gone stays out."""
    for model in MODELS:
        table = model.__tablename__
        for values in rows.get(table, []):
            if table == "tag_link" and not (
                    session.get(Tag, values["source_id"]) and session.get(Tag, values["target_id"])):
                continue
            session.add(model(**values))
        session.flush()


__all__ = ["MODELS", "Ids", "Rows", "clashes", "dependents", "ids_of", "kinds_used_elsewhere",
           "put", "tag_versions", "take", "take_rows"]
