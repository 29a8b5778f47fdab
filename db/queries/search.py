"""Search queries: the FTS5 trigram index (SQLite) and scans (short queries, regular
expressions, PostgreSQL). Texts come back width-folded (same length as stored text),
so offsets found in them are offsets into `report.text`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Row, String, cast, func, select, text
from sqlalchemy.orm import Session

from db.models import Analyst, Report, Tag, TagKind
from desktop.domain.search_text import fold

TRIGRAM = 3  # FTS5's trigram tokenizer finds nothing for shorter queries
_BATCH = 20


def has_index(session: Session) -> bool:
    if session.get_bind().dialect.name != "sqlite":
        return False
    found = session.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'report_fts'")
    ).first()
    return found is not None


def index_report(session: Session, report_id: str, report_text: str) -> None:
    """Add one report to the index (call in the transaction that inserts it)."""
    if not has_index(session):
        return
    doc_id = session.execute(
        text("INSERT INTO report_fts_doc (report_id) VALUES (:r) RETURNING id"), {"r": report_id}
    ).scalar_one()
    session.execute(
        text("INSERT INTO report_fts (rowid, body) VALUES (:id, :body)"),
        {"id": doc_id, "body": fold(report_text)},
    )


def missing_from_index(session: Session) -> list[str]:
    if not has_index(session):
        return []
    return list(session.scalars(text(
        "SELECT r.id FROM report r LEFT JOIN report_fts_doc d ON d.report_id = r.id"
        " WHERE d.id IS NULL"
    )))


def sync_index(session: Session) -> int:
    """Index the reports that are not yet (an upgraded project, a merge). Returns how many."""
    missing = missing_from_index(session)
    for report_id in missing:
        body = session.scalar(select(Report.text).where(Report.id == report_id))
        if body is not None:
            index_report(session, report_id, body)
    return len(missing)


def _order() -> tuple[Any, ...]:
    return (Report.imported_at, Report.title, Report.id)


def report_titles(session: Session, report_ids: list[str]) -> dict[str, str]:
    rows = session.execute(select(Report.id, Report.title).where(Report.id.in_(report_ids)))
    return {r.id: r.title for r in rows}


def stored_texts(session: Session, report_ids: list[str]) -> dict[str, str]:
    rows = session.execute(select(Report.id, Report.text).where(Report.id.in_(report_ids)))
    return {r.id: r.text for r in rows}


def candidate_texts(session: Session, literal: str | None) -> Iterator[tuple[str, str]]:
    """(report id, folded text) of the reports that may match, in library order.

    A literal of three characters or more goes through the FTS5 index (MATCH on a
    quoted phrase); a shorter one is filtered with instr() over the indexed text; a
    regular expression (literal None) and PostgreSQL scan every report."""
    if has_index(session):
        # Import order (the doc rowid), not the report table: reading report columns
        # stored after `text` would walk every text's overflow pages (~50 MB).
        if literal is not None and len(literal) >= TRIGRAM:
            phrase = '"' + literal.replace('"', '""') + '"'
            doc_ids = list(session.scalars(text(
                "SELECT rowid FROM report_fts WHERE report_fts MATCH :q ORDER BY rowid"
            ), {"q": phrase}))
        else:
            doc_ids = list(session.scalars(text("SELECT id FROM report_fts_doc ORDER BY id")))
        needle = literal.casefold() if literal is not None and len(literal) < TRIGRAM else None
        for i in range(0, len(doc_ids), _BATCH):
            batch = doc_ids[i : i + _BATCH]
            marks = ", ".join(str(int(d)) for d in batch)
            rows = {
                row[0]: (row[1], row[2]) for row in session.execute(text(
                    "SELECT d.id, d.report_id, f.body FROM report_fts_doc d"
                    f" JOIN report_fts f ON f.rowid = d.id WHERE d.id IN ({marks})"
                ))
            }
            for doc_id in batch:
                if doc_id not in rows:
                    continue
                report_id, body = rows[doc_id]
                if needle is not None and needle not in body and needle not in body.casefold():
                    continue
                yield report_id, body
        return
    ids = select(Report.id).order_by(*_order())
    if literal is not None:
        ids = ids.where(func.lower(Report.text).contains(literal.lower()))
    report_ids = list(session.scalars(ids))
    for i in range(0, len(report_ids), _BATCH):
        batch = report_ids[i : i + _BATCH]
        texts = stored_texts(session, batch)
        for report_id in batch:
            if report_id in texts:
                yield report_id, fold(texts[report_id])


def tag_rows(
    session: Session, *, kind: str | None = None, field_text: str | None = None,
    author: str | None = None, status: str | None = None, limit: int = 5000,
) -> list[Row[Any]]:
    """Tags across the project by kind key, author name, status and a substring of any
    field value (matched in the JSON text; the caller checks the values themselves)."""
    query = (
        select(
            Tag.id, Tag.report_id, Report.title, TagKind.key, Tag.start, Tag.end, Tag.quote,
            Tag.fields, Analyst.name, Tag.status, Tag.origin,
        )
        .join(TagKind, TagKind.id == Tag.kind_id)
        .join(Analyst, Analyst.id == Tag.author_id)
        .join(Report, Report.id == Tag.report_id)
        .order_by(*_order(), Tag.start, Tag.end)
        .limit(limit)
    )
    if kind:
        query = query.where(TagKind.key == kind)
    if author:
        query = query.where(Analyst.name == author)
    if status:
        query = query.where(Tag.status == status)
    if field_text:
        # JSON text escapes non-ASCII on some backends, so the filter here is loose
        # (any tag with fields); the service matches the decoded values.
        query = query.where(cast(Tag.fields, String) != "{}")
    return list(session.execute(query))
