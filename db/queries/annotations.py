"""Queries for bringing annotations in and taking them out (desktop/services/annotations.py)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Report, Tag, TagKind
from desktop.domain.states import TagStatus


def report_ids_by_sha(session: Session, shas: list[str]) -> dict[str, str]:
    if not shas:
        return {}
    rows = session.execute(select(Report.sha256, Report.id).where(Report.sha256.in_(shas)))
    return {sha: rid for sha, rid in rows.tuples()}


def spans_of(session: Session, report_id: str) -> set[tuple[str, int, int]]:
    rows = session.execute(
        select(TagKind.key, Tag.start, Tag.end).join(TagKind, TagKind.id == Tag.kind_id)
        .where(Tag.report_id == report_id))
    return set(rows.tuples())


def reports_for_export(session: Session, report_ids: list[str] | None) -> list[Report]:
    query = select(Report).order_by(Report.imported_at, Report.id)
    if report_ids is not None:
        query = query.where(Report.id.in_(report_ids))
    return list(session.scalars(query))


def tags_for_export(session: Session, report_id: str,
                    kind_keys: list[str] | None) -> list[tuple[int, int, str, str]]:
    """(start, end, kind key, kind name) of the report's tags not rejected in review."""
    query = (select(Tag.start, Tag.end, TagKind.key, TagKind.name)
             .join(TagKind, TagKind.id == Tag.kind_id)
             .where(Tag.report_id == report_id, Tag.status != TagStatus.REJECTED)
             .order_by(Tag.start, Tag.end, TagKind.position))
    if kind_keys is not None:
        query = query.where(TagKind.key.in_(kind_keys))
    return [(a, b, k, n) for a, b, k, n in session.execute(query).tuples()]
