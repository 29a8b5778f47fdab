"""Rows taken out of a project and put back with the same ids: the undo and redo of a
batch (an import of reports, an annotation import). `take` deletes reports (with
everything on them), tags and kinds and returns their rows; `put` inserts them again,
parents first, so the ids later undo entries name are the same."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import delete, inspect, or_, select
from sqlalchemy.orm import Session

from db.models import (
    RejectedSuggestion,
    Report,
    ReportState,
    Review,
    Tag,
    TagField,
    TagKind,
    TagLink,
)

Rows = dict[str, list[dict[str, Any]]]  # table → its rows, as column → value

# parents before children: the order `put` inserts in
MODELS: tuple[type[Any], ...] = (TagKind, TagField, Report, Tag, TagLink, Review, ReportState,
                                 RejectedSuggestion)
_BY_TABLE = {m.__tablename__: m for m in MODELS}


def _row(obj: Any) -> dict[str, Any]:
    return {a.key: getattr(obj, a.key) for a in inspect(type(obj)).column_attrs}


def tag_versions(session: Session, report_ids: Collection[str],
                 tag_ids: Collection[str]) -> list[tuple[str, str, int, str]]:
    """(tag id, report id, version, author id) of the tags `take` would remove."""
    query = select(Tag.id, Tag.report_id, Tag.version, Tag.author_id).where(
        or_(Tag.report_id.in_(list(report_ids)), Tag.id.in_(list(tag_ids))))
    return [(t, r, v, a) for t, r, v, a in session.execute(query)]


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
    them), the tags and the kinds (with their fields); return every row deleted."""
    reports, tags_, kinds = list(report_ids), list(tag_ids), list(kind_ids)
    gone_tags = select(Tag.id).where(or_(Tag.report_id.in_(reports), Tag.id.in_(tags_)))
    queries: dict[type[Any], Any] = {
        TagKind: select(TagKind).where(TagKind.id.in_(kinds)),
        TagField: select(TagField).where(TagField.kind_id.in_(kinds)),
        Report: select(Report).where(Report.id.in_(reports)),
        Tag: select(Tag).where(Tag.id.in_(gone_tags)),
        TagLink: select(TagLink).where(or_(TagLink.source_id.in_(gone_tags),
                                           TagLink.target_id.in_(gone_tags))),
        Review: select(Review).where(Review.tag_id.in_(gone_tags)),
        ReportState: select(ReportState).where(ReportState.report_id.in_(reports)),
        RejectedSuggestion: select(RejectedSuggestion).where(
            RejectedSuggestion.report_id.in_(reports)),
    }
    rows: Rows = {m.__tablename__: [_row(o) for o in session.scalars(queries[m])]
                  for m in MODELS}
    ids = [r["id"] for r in rows["tag"]]
    session.expunge_all()  # the bulk deletes below: no stale objects left in the session
    for i in range(0, len(ids), 500):
        session.execute(delete(Tag).where(Tag.id.in_(ids[i:i + 500])),
                        execution_options={"synchronize_session": False})
    session.execute(delete(Report).where(Report.id.in_(reports)),
                    execution_options={"synchronize_session": False})
    session.execute(delete(TagKind).where(TagKind.id.in_(kinds)),
                    execution_options={"synchronize_session": False})
    return rows


def clashes(session: Session, rows: Rows) -> list[str]:
    """What stands in the way of putting `rows` back: a report whose text was imported
    again since, a kind key taken since (as 'report:<title>' / 'kind:<key>')."""
    shas = [r["sha256"] for r in rows.get("report", [])]
    keys = [k["key"] for k in rows.get("tag_kind", [])]
    out = [f"report:{t}" for t in session.scalars(
        select(Report.title).where(Report.sha256.in_(shas)))] if shas else []
    if keys:
        out += [f"kind:{k}" for k in session.scalars(select(TagKind.key).where(
            TagKind.key.in_(keys)))]
    return out


def put(session: Session, rows: Rows) -> None:
    """Insert rows taken by `take`, with their ids. A link whose other end is gone stays
    out."""
    for model in MODELS:
        table = model.__tablename__
        for values in rows.get(table, []):
            if table == "tag_link" and not (
                    session.get(Tag, values["source_id"]) and session.get(Tag, values["target_id"])):
                continue
            session.add(model(**values))
        session.flush()


__all__ = ["MODELS", "Rows", "clashes", "kinds_used_elsewhere", "put", "tag_versions", "take"]
