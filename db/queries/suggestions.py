"""What the suggestion service asks of the database: rejections and what is tagged."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, bindparam, delete, select
from sqlalchemy.orm import Session

from db.models import RejectedSuggestion, Report, Tag, TagKind

Key = tuple[str, int, int]  # kind key, start, end


def excluded(session: Session, report_id: str) -> set[Key]:
    """Spans not to suggest again: rejected there with that kind, or tagged so by anyone."""
    rejected = session.execute(
        select(RejectedSuggestion.kind_key, RejectedSuggestion.start, RejectedSuggestion.end)
        .where(RejectedSuggestion.report_id == report_id)
    ).tuples()
    tagged = session.execute(
        select(TagKind.key, Tag.start, Tag.end)
        .join(TagKind, TagKind.id == Tag.kind_id)
        .where(Tag.report_id == report_id)
    ).tuples()
    return set(rejected) | set(tagged)


def _rejection(report_id: str, key: Key) -> ColumnElement[bool]:
    kind, start, end = key
    return and_(RejectedSuggestion.report_id == report_id, RejectedSuggestion.kind_key == kind,
                RejectedSuggestion.start == start, RejectedSuggestion.end == end)


# the two statements of a rejection (a key press), built once: building one costs more
# than running it
_REJECTED = select(RejectedSuggestion.id).where(
    RejectedSuggestion.report_id == bindparam("report_id"),
    RejectedSuggestion.kind_key == bindparam("kind"),
    RejectedSuggestion.start == bindparam("start"), RejectedSuggestion.end == bindparam("end"))
_META = select(Report.region, Report.year).where(Report.id == bindparam("report_id"))


def add_rejection(session: Session, report_id: str, key: Key, analyst_id: str) -> None:
    kind, start, end = key
    found = session.scalar(_REJECTED, {"report_id": report_id, "kind": kind, "start": start,
                                       "end": end})
    if found is None:
        session.add(RejectedSuggestion(report_id=report_id, kind_key=kind, start=start,
                                       end=end, analyst_id=analyst_id))


def remove_rejection(session: Session, report_id: str, key: Key) -> None:
    session.execute(delete(RejectedSuggestion).where(_rejection(report_id, key)))


def report_meta(session: Session, report_id: str) -> tuple[str, int | None] | None:
    """(region, year) of a report, without loading its text; None if there is none."""
    row = session.execute(_META, {"report_id": report_id}).first()
    return None if row is None else (row[0] or "", row[1])


def report_with_sha(session: Session, sha256: str) -> str | None:
    return session.scalar(select(Report.id).where(Report.sha256 == sha256))


def kinds_of(session: Session, tag_ids: list[str]) -> dict[str, str]:
    return dict(session.execute(
        select(Tag.id, TagKind.key).join(TagKind, TagKind.id == Tag.kind_id)
        .where(Tag.id.in_(tag_ids))
    ).tuples().all())
