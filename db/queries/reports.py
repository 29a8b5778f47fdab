from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Row, delete, func, select
from sqlalchemy.orm import Session

from db.base import utcnow
from db.models import Analyst, Report, ReportState, Tag, TagKind


def by_sha(session: Session, sha256: str) -> Report | None:
    return session.scalar(select(Report).where(Report.sha256 == sha256))


def get(session: Session, report_id: str) -> Report | None:
    return session.get(Report, report_id)


def find(session: Session, prefix: str) -> list[Report]:
    """A report by its id or a unique prefix of it (as the command line accepts)."""
    exact = session.get(Report, prefix)
    if exact is not None:
        return [exact]
    return list(session.scalars(select(Report).where(Report.id.like(f"{prefix}%")).limit(2)))


def rows(session: Session, ids: Collection[str] | None = None) -> list[Row[Any]]:
    """Library rows: metadata without the text (of the reports `ids`, or of all)."""
    query = select(
        Report.id, Report.title, Report.agency, Report.region, Report.year,
        Report.char_count, Report.source_file, Report.imported_at,
        # a scan's OCR pages below the confidence threshold (NULL: not a scan)
        Report.structure["ocr"]["flagged_pages"].label("ocr_flagged"),
    ).order_by(Report.imported_at, Report.title)
    if ids is not None:
        query = query.where(Report.id.in_(list(ids)))
    return list(session.execute(query))


def tag_counts(session: Session, ids: Collection[str] | None = None) -> dict[str, dict[str, int]]:
    """report id → kind key → number of tags."""
    result: dict[str, dict[str, int]] = {}
    query = (
        select(Tag.report_id, TagKind.key, func.count())
        .join(TagKind, TagKind.id == Tag.kind_id)
        .group_by(Tag.report_id, TagKind.key)
    )
    if ids is not None:
        query = query.where(Tag.report_id.in_(list(ids)))
    for report_id, key, n in session.execute(query):
        result.setdefault(report_id, {})[key] = n
    return result


def taggers(session: Session, ids: Collection[str] | None = None) -> dict[str, tuple[str, ...]]:
    """report id → names of the analysts with tags on it, sorted."""
    result: dict[str, list[str]] = {}
    query = (select(Tag.report_id, Analyst.name).join(Analyst, Analyst.id == Tag.author_id)
             .group_by(Tag.report_id, Analyst.name).order_by(Analyst.name))
    if ids is not None:
        query = query.where(Tag.report_id.in_(list(ids)))
    for report_id, name in session.execute(query):
        result.setdefault(report_id, []).append(name)
    return {k: tuple(v) for k, v in result.items()}


def text_of(session: Session, report_id: str) -> str | None:
    return session.scalar(select(Report.text).where(Report.id == report_id))


def states_for(session: Session, analyst_id: str) -> dict[str, str]:
    """report id → this analyst's state (in_progress | done); untouched reports absent."""
    return dict(session.execute(
        select(ReportState.report_id, ReportState.state).where(ReportState.analyst_id == analyst_id)
    ).tuples().all())


def forget_state(session: Session, report_id: str, analyst_id: str) -> None:
    session.execute(delete(ReportState).where(
        ReportState.report_id == report_id, ReportState.analyst_id == analyst_id))


def set_state(session: Session, report_id: str, analyst_id: str, state: str,
              only_if_missing: bool = False) -> None:
    row = session.scalar(select(ReportState).where(
        ReportState.report_id == report_id, ReportState.analyst_id == analyst_id))
    if row is None:
        session.add(ReportState(report_id=report_id, analyst_id=analyst_id, state=state))
    elif not only_if_missing:
        row.state = state
        row.updated_at = utcnow()
