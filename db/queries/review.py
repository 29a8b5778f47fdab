"""Queries for the review queue and a tag's reviews (desktop/services/review.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from db.models import Analyst, Report, Review, Tag, TagKind, TagLink


def queue_ids(session: Session, *, besides_author: str, acting: str | None,
              report_id: str | None, author: str | None, status: str | None) -> list[str]:
    """Tag ids in report then text order, not by the analyst named `besides_author` (the
    consensus layer) nor, when given, by the `acting` analyst's id."""
    query = (
        select(Tag.id)
        .join(Analyst, Analyst.id == Tag.author_id)
        .join(Report, Report.id == Tag.report_id)
        .where(Analyst.name != besides_author)
        .order_by(Report.imported_at, Report.title, Tag.start, Tag.end, Tag.id)
    )
    if acting is not None:
        query = query.where(Tag.author_id != acting)
    if report_id is not None:
        query = query.where(Tag.report_id == report_id)
    if author is not None:
        query = query.where(Analyst.name == author)
    if status is not None:
        query = query.where(Tag.status == status)
    return list(session.scalars(query))


def queue_rows(session: Session, tag_ids: Sequence[str]) -> list[Row[Any]]:
    """(id, report id, title, kind, start, end, quote, author, status, version) each."""
    return list(session.execute(
        select(Tag.id, Tag.report_id, Report.title, TagKind.key, Tag.start, Tag.end,
               Tag.quote, Analyst.name, Tag.status, Tag.version)
        .join(Report, Report.id == Tag.report_id)
        .join(TagKind, TagKind.id == Tag.kind_id)
        .join(Analyst, Analyst.id == Tag.author_id)
        .where(Tag.id.in_(list(tag_ids)))
    ).all())


def last_reviews(session: Session, tag_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    """Each tag's latest (verdict, comment)."""
    last: dict[str, tuple[str, str]] = {}
    for tag_id, verdict, comment in session.execute(
        select(Review.tag_id, Review.verdict, Review.comment)
        .where(Review.tag_id.in_(list(tag_ids)))
        .order_by(Review.created_at, Review.id)
    ):
        last[tag_id] = (verdict, comment)
    return last


def reviews_of(session: Session, tag_id: str) -> list[tuple[str, str, str, datetime]]:
    """(reviewer name, verdict, comment, when), oldest first."""
    return [tuple(r) for r in session.execute(
        select(Analyst.name, Review.verdict, Review.comment, Review.created_at)
        .join(Analyst, Analyst.id == Review.reviewer_id)
        .where(Review.tag_id == tag_id)
        .order_by(Review.created_at, Review.id)
    )]


def corrections_of(session: Session, tag_id: str) -> list[str]:
    """Ids of the tags that correct `tag_id`."""
    return list(session.scalars(
        select(TagLink.source_id).where(TagLink.target_id == tag_id, TagLink.type == "corrects")))
