"""The rows an export writes: each tag with its report, kind, author and latest review,
as column tuples (ORM entities are ten times slower: docs/design.md guard-rails)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, Select, String, func, select, type_coerce
from sqlalchemy.orm import Session, aliased

from db.models import Analyst, Report, Review, Tag, TagKind

BATCH = 5000


@dataclass(frozen=True, slots=True)
class ExportFilter:
    """Which tags to export; None means any. `report` is an id or a unique id prefix."""

    kind: str | None = None
    analyst: str | None = None
    status: str | None = None
    report: str | None = None
    region: str | None = None
    year: int | None = None
    tag_ids: tuple[str, ...] | None = None  # only these tags (import-edits re-reads its rows)


def _latest_reviews() -> Any:
    ranked = select(
        Review.tag_id, Review.reviewer_id, Review.verdict, Review.comment,
        func.row_number().over(
            partition_by=Review.tag_id, order_by=(Review.created_at.desc(), Review.id.desc())
        ).label("rn"),
    ).subquery()
    return select(ranked).where(ranked.c.rn == 1).subquery("latest_review")


def _filtered(query: Select[Any], f: ExportFilter) -> Select[Any]:
    if f.kind:
        query = query.where(TagKind.key == f.kind)
    if f.analyst:
        query = query.where(Tag.author_id.in_(select(Analyst.id).where(Analyst.name == f.analyst)))
    if f.status:
        query = query.where(Tag.status == f.status)
    if f.report:
        query = query.where(Tag.report_id.like(f"{f.report}%"))
    if f.region:
        query = query.where(Report.region == f.region)
    if f.year is not None:
        query = query.where(Report.year == f.year)
    if f.tag_ids is not None:
        query = query.where(Tag.id.in_(f.tag_ids))
    return query


def count(session: Session, f: ExportFilter) -> int:
    query = (
        select(func.count()).select_from(Tag)
        .join(TagKind, TagKind.id == Tag.kind_id)
        .join(Report, Report.id == Tag.report_id)
    )
    return int(session.scalar(_filtered(query, f)) or 0)


def tag_rows(session: Session, f: ExportFilter) -> Iterator[Row[Any]]:
    """(id, kind key, report id, start, end, quote, fields, note, author, origin, status,
    created, updated, version, reviewer, verdict, comment), by report then position,
    streamed in batches. `fields` is the stored JSON text where the driver hands it over
    as text (SQLite), else the decoded value: the caller decodes it, once per distinct
    text. The report's own columns come from `report_context`, once per report.
    Run on the session's connection, past the ORM: rows of plain columns need none of it
    (and it took a third of the export's query time)."""
    review = _latest_reviews()
    reviewer = aliased(Analyst)
    query = (
        select(
            Tag.id, TagKind.key, Tag.report_id, Tag.start, Tag.end, Tag.quote,
            type_coerce(Tag.fields, String), Tag.note, Analyst.name, Tag.origin, Tag.status,
            Tag.created_at, Tag.updated_at, Tag.version,
            reviewer.name, review.c.verdict, review.c.comment,
        )
        .join(TagKind, TagKind.id == Tag.kind_id)
        .join(Report, Report.id == Tag.report_id)
        .join(Analyst, Analyst.id == Tag.author_id)
        .outerjoin(review, review.c.tag_id == Tag.id)
        .outerjoin(reviewer, reviewer.id == review.c.reviewer_id)
        .order_by(Report.imported_at, Report.title, Tag.report_id, Tag.start, Tag.end)
    )
    result = session.connection().execute(
        _filtered(query, f).execution_options(yield_per=BATCH))
    for rows in result.partitions():
        yield from rows


def report_context(session: Session, f: ExportFilter) -> dict[str, tuple[Any, ...]]:
    """report id → (title, region, agency, year, text) of every report that has a tag
    to export (the text for the sentence column)."""
    ids = _filtered(
        select(Tag.report_id).distinct()
        .join(TagKind, TagKind.id == Tag.kind_id)
        .join(Report, Report.id == Tag.report_id),
        f,
    ).subquery()
    query = select(Report.id, Report.title, Report.region, Report.agency, Report.year,
                   Report.text).where(Report.id.in_(select(ids)))
    return {row[0]: tuple(row[1:]) for row in session.execute(query)}


def report_rows(session: Session, f: ExportFilter) -> list[Row[Any]]:
    """(id, title, agency, region, year, published, source file, chars) of the reports
    that match the report filters (kind, analyst and status filter tags, not reports)."""
    query = select(
        Report.id, Report.title, Report.agency, Report.region, Report.year, Report.published,
        Report.source_file, Report.char_count,
    ).order_by(Report.imported_at, Report.title)
    if f.report:
        query = query.where(Report.id.like(f"{f.report}%"))
    if f.region:
        query = query.where(Report.region == f.region)
    if f.year is not None:
        query = query.where(Report.year == f.year)
    return list(session.execute(query))


def distinct_values(session: Session) -> tuple[list[str], list[int], list[str]]:
    """Regions, years and analyst names present, for the export dialog's filters."""
    regions = [r for r in session.scalars(select(Report.region).distinct().order_by(Report.region)) if r]
    years = [y for y in session.scalars(select(Report.year).distinct().order_by(Report.year)) if y is not None]
    names = list(session.scalars(select(Analyst.name).order_by(Analyst.name)))
    return regions, years, names


def tags_for_edit(session: Session, ids: list[str]) -> dict[str, Tag]:
    """The tags a round-tripped workbook edits, by id."""
    out: dict[str, Tag] = {}
    for i in range(0, len(ids), 500):
        for tag in session.scalars(select(Tag).where(Tag.id.in_(ids[i:i + 500]))):
            out[tag.id] = tag
    return out


def kind_keys(session: Session) -> dict[str, str]:
    """kind id → key."""
    return {kid: key for kid, key in session.execute(select(TagKind.id, TagKind.key))}


def latest_comments(session: Session, tag_ids: list[str]) -> dict[str, str]:
    """tag id → the comment of its latest review (tags without a review are absent)."""
    review = _latest_reviews()
    out: dict[str, str] = {}
    for i in range(0, len(tag_ids), 500):
        query = select(review.c.tag_id, review.c.comment).where(
            review.c.tag_id.in_(tag_ids[i:i + 500]))
        out.update({tid: comment or "" for tid, comment in session.execute(query)})
    return out
