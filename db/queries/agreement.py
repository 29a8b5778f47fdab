"""Queries for agreement and adjudication (desktop/services/agreement.py): two analysts'
layers of tags, and the consensus layer's tags and links."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Analyst, Report, Tag, TagField, TagKind, TagLink
from desktop.domain.agreement import Ann
from desktop.domain.states import TagStatus

ADJUDICATES = "adjudicates"  # the link from a consensus tag to a version it decides on


def analyst_id(session: Session, name: str) -> str | None:
    return session.scalar(select(Analyst.id).where(Analyst.name == name))


def analyst_names(session: Session) -> list[str]:
    return list(session.scalars(select(Analyst.name).order_by(Analyst.name)))


def names_with_tags(session: Session, *, besides: str | None = None) -> list[str]:
    """The analysts who have tags, by name (`besides`: one name left out)."""
    query = select(Analyst.name).where(Analyst.id.in_(select(Tag.author_id).distinct()))
    if besides is not None:
        query = query.where(Analyst.name != besides)
    return list(session.scalars(query.order_by(Analyst.name)))


def layer(session: Session, author_id: str, report_ids: set[str]) -> list[Ann]:
    """An analyst's tags on these reports, rejected ones left out."""
    rows = session.execute(
        select(Tag.id, Tag.report_id, TagKind.key, Tag.start, Tag.end, Tag.fields, Tag.quote,
               Report.year)
        .join(TagKind, TagKind.id == Tag.kind_id)
        .join(Report, Report.id == Tag.report_id)
        .where(Tag.author_id == author_id, Tag.status != TagStatus.REJECTED)
    )
    return [Ann(i, r, k, s, e, dict(f or {}), qt, y) for i, r, k, s, e, f, qt, y in rows
            if r in report_ids]


def tagged_reports(session: Session, author_id: str) -> set[str]:
    return set(session.scalars(select(Tag.report_id).where(Tag.author_id == author_id)
                               .distinct()))


def kind_order(session: Session) -> list[str]:
    return list(session.scalars(select(TagKind.key).order_by(TagKind.position, TagKind.key)))


def reference_fields(session: Session) -> set[str]:
    """Keys of the fields that hold ids (reference fields)."""
    return set(session.scalars(
        select(TagField.key).where(TagField.type == "reference").distinct()))


def consensus_at(session: Session, author_id: str, report_id: str, kind_id: str,
                 start: int, end: int) -> Tag | None:
    """The consensus tag already decided at this place, if any."""
    return session.scalar(select(Tag).where(
        Tag.author_id == author_id, Tag.report_id == report_id,
        Tag.kind_id == kind_id, Tag.start == start, Tag.end == end,
    ))


def decides_on(session: Session, consensus_id: str, source_id: str) -> bool:
    return session.scalar(select(TagLink.id).where(
        TagLink.source_id == consensus_id, TagLink.target_id == source_id,
        TagLink.type == ADJUDICATES)) is not None


def adjudicated_ids(session: Session) -> set[str]:
    return set(session.scalars(select(TagLink.target_id).where(TagLink.type == ADJUDICATES)))
