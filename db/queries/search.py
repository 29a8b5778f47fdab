"""Search queries: the FTS5 trigram index (SQLite) and scans (short queries, regular
expressions, PostgreSQL). Texts come back width-folded (same length as stored text),
so offsets found in them are offsets into `report.text`.

On SQLite the folded texts are kept in memory once read (`TextCache`, one per engine):
report texts never change once imported (an edited text loses its index row and is
indexed again under a new one), so the cache only follows the set of indexed
(doc id, report id) pairs, read again before every search (~1 ms for 1 000 reports).
Short queries and regular expressions then scan memory instead of ~50 MB of SQLite
pages, and a hit's context comes from the folded text and the report's `Unfold`
instead of a second read of the stored text."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, Engine, Row, String, cast, func, select, text
from sqlalchemy.orm import Session

from db.models import Analyst, Report, Tag, TagKind
from desktop.domain.search_text import Unfold, fold

TRIGRAM = 3  # FTS5's trigram tokenizer finds nothing for shorter queries
_BATCH = 20
_LOAD_BATCH = 100


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


class TextCache:
    """The folded texts of one database's indexed reports (see the module docstring),
    read lazily, and the `Unfold` of each report that had a hit."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pairs: list[tuple[int, str]] = []  # (doc id, report id) in import order
        self._texts: dict[int, tuple[str, str]] = {}  # doc id -> (report id, folded)
        self._by_report: dict[str, int] = {}  # report id -> doc id
        self._unfolds: dict[int, Unfold] = {}  # doc id -> Unfold

    def refresh(self, session: Session) -> list[int]:
        """Follow the index: drop what left it. Returns the doc ids in import order."""
        pairs = [(int(r[0]), str(r[1])) for r in session.execute(
            text("SELECT id, report_id FROM report_fts_doc ORDER BY id"))]
        with self._lock:
            if pairs != self._pairs:
                current = dict(pairs)
                self._texts = {d: t for d, t in self._texts.items() if current.get(d) == t[0]}
                self._by_report = {rid: d for d, rid in pairs}
                self._unfolds = {d: u for d, u in self._unfolds.items() if d in self._texts}
                self._pairs = pairs
        return [d for d, _ in pairs]

    def texts(self, session: Session, doc_ids: Iterable[int]) -> Iterator[tuple[str, str]]:
        """(report id, folded text) of these docs, in the given order (missing ones are
        read from the index a batch at a time, as the caller gets to them)."""
        doc_ids = list(doc_ids)
        for i in range(0, len(doc_ids), _LOAD_BATCH):
            batch = doc_ids[i : i + _LOAD_BATCH]
            texts = self._texts
            missing = [d for d in batch if d not in texts]
            if missing:
                self._load(session, missing)
                texts = self._texts
            for doc_id in batch:
                found = texts.get(doc_id)
                if found is not None:
                    yield found

    def _load(self, session: Session, doc_ids: list[int]) -> None:
        marks = ", ".join(str(int(d)) for d in doc_ids)
        rows = session.execute(text(
            "SELECT d.id, d.report_id, f.body FROM report_fts_doc d"
            f" JOIN report_fts f ON f.rowid = d.id WHERE d.id IN ({marks})"
        ))
        loaded = {int(r[0]): (str(r[1]), str(r[2])) for r in rows}
        with self._lock:
            self._texts = {**self._texts, **loaded}

    def folded(self, session: Session, report_id: str) -> str | None:
        doc_id = self._by_report.get(report_id)
        if doc_id is None:
            return None
        return next((body for _, body in self.texts(session, [doc_id])), None)

    def unfolds(self, session: Session, report_ids: list[str]) -> dict[str, Unfold]:
        out: dict[str, Unfold] = {}
        missing: list[str] = []
        for rid in report_ids:
            doc_id = self._by_report.get(rid)
            found = None if doc_id is None else self._unfolds.get(doc_id)
            if found is None:
                missing.append(rid)
            else:
                out[rid] = found
        if missing:
            computed = {rid: Unfold.of(t) for rid, t in stored_texts(session, missing).items()}
            out.update(computed)
            by_report = self._by_report
            with self._lock:
                self._unfolds = {**self._unfolds, **{
                    by_report[rid]: u for rid, u in computed.items() if rid in by_report}}
        return out

    def nbytes(self) -> int:
        """Memory held (text payloads, roughly): for reports and the benchmark."""
        texts = sum(len(body) * (1 if body.isascii() else 2 if max(body) <= "\uffff" else 4)
                    for _, body in self._texts.values())
        return texts + sum(u.nbytes() for u in self._unfolds.values())


_caches: weakref.WeakKeyDictionary[Engine, TextCache] = weakref.WeakKeyDictionary()
_caches_lock = threading.Lock()


def text_cache(session: Session) -> TextCache:
    bind = session.get_bind()
    engine = bind.engine if isinstance(bind, Connection) else bind
    with _caches_lock:
        cache = _caches.get(engine)
        if cache is None:
            cache = _caches[engine] = TextCache()
        return cache


def candidate_texts(session: Session, literal: str | None,
                    probe: Callable[[str], bool] | None = None) -> Iterator[tuple[str, str]]:
    """(report id, folded text) of the reports that may match, in library order.

    A literal of three characters or more goes through the FTS5 index (MATCH on a
    quoted phrase); shorter ones and regular expressions (literal None) scan the cached
    folded texts, skipping those `probe` (a cheap test) rejects. PostgreSQL scans every
    report's stored text."""
    if has_index(session):
        # Import order (the doc rowid), not the report table: reading report columns
        # stored after `text` would walk every text's overflow pages (~50 MB).
        cache = text_cache(session)
        order = cache.refresh(session)
        if literal is not None and len(literal) >= TRIGRAM:
            phrase = '"' + literal.replace('"', '""') + '"'
            doc_ids = list(session.scalars(text(
                "SELECT rowid FROM report_fts WHERE report_fts MATCH :q ORDER BY rowid"
            ), {"q": phrase}))
            yield from cache.texts(session, doc_ids)
            return
        if probe is None:
            yield from cache.texts(session, order)
            return
        for report_id, body in cache.texts(session, order):
            if probe(body):
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


def folded_text(session: Session, report_id: str) -> str | None:
    """One report's folded text (cached when indexed)."""
    if has_index(session):
        cache = text_cache(session)
        cache.refresh(session)
        found = cache.folded(session, report_id)
        if found is not None:
            return found
    stored = stored_texts(session, [report_id]).get(report_id)
    return None if stored is None else fold(stored)


def unfolds(session: Session, report_ids: list[str]) -> dict[str, Unfold]:
    """Each report's `Unfold` (how its stored text differs from the folded one)."""
    if has_index(session):
        return text_cache(session).unfolds(session, report_ids)
    return {rid: Unfold.of(t) for rid, t in stored_texts(session, report_ids).items()}


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
