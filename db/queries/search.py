"""Search queries: the FTS5 trigram index (SQLite) and scans (short queries, regular
expressions, PostgreSQL). Texts come back width-folded (same length as stored text),
so offsets found in them are offsets into `report.text`.

A report is indexed after its import, in chunks of CHUNK_CHARS overlapping by
MAX_PHRASE, one short transaction each (`index_next`), so a long report never holds the
write lock for long (issue 11, item 16); its last chunk is marked `final`. Until then
its index is incomplete and search scans its text instead, so nothing is missing.

On SQLite the folded texts are kept in memory once read (`TextCache`, one per engine):
report texts never change once imported (an edited text loses its index rows and is
indexed again under new ones), so the cache only follows the indexed chunks'
(doc id, report id, final) rows, read again before every search (~1 ms for 1 000
reports). Short queries and regular expressions then scan memory instead of ~50 MB of
SQLite pages, and a hit's context comes from the folded text and the report's `Unfold`
instead of a second read of the stored text."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, Engine, Row, String, bindparam, cast, func, select, text
from sqlalchemy.orm import Session

from db.models import Analyst, Report, Tag, TagKind
from desktop.domain.search_text import Unfold, fold

TRIGRAM = 3  # FTS5's trigram tokenizer finds nothing for shorter queries
CHUNK_CHARS = 64 * 1024  # a report is indexed a chunk per transaction (~0.1 s of work)
MAX_PHRASE = 512  # chunks overlap by this much: a phrase no longer lies whole in one
# chunk, so MATCH finds it; longer phrases scan the texts
_BATCH = 20
_LOAD_BATCH = 100


def has_index(session: Session) -> bool:
    if session.get_bind().dialect.name != "sqlite":
        return False
    found = session.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'report_fts'")
    ).first()
    return found is not None


def lock_for_writing(session: Session) -> None:
    """Take SQLite's write lock now (BEGIN IMMEDIATE), so what this transaction reads
    before it writes cannot change meanwhile: call first in the transaction."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("BEGIN IMMEDIATE"))


def index_next(session: Session, report_id: str, folded: str) -> bool:
    """Add the next chunk of a report's index; True when the index is complete (then
    nothing is written). `folded` is fold(the report's text). One chunk is a bounded
    piece of work: call it in a short transaction of its own, after lock_for_writing,
    so two processes indexing the same report (an import and a search) take turns."""
    if not has_index(session):
        return True
    if session.scalar(select(Report.id).where(Report.id == report_id)) is None:
        return True  # deleted meanwhile
    stop, final = session.execute(text(
        "SELECT max(stop), max(final) FROM report_fts_doc WHERE report_id = :r"
    ), {"r": report_id}).one()
    if final:
        return True
    start = 0 if stop is None else max(0, int(stop) - MAX_PHRASE)
    stop = min(len(folded), start + CHUNK_CHARS)
    final = stop >= len(folded)
    doc_id = session.execute(text(
        "INSERT INTO report_fts_doc (report_id, start, stop, final) VALUES (:r, :a, :b, :f)"
        " RETURNING id"), {"r": report_id, "a": start, "b": stop, "f": final}).scalar_one()
    session.execute(text("INSERT INTO report_fts (rowid, body) VALUES (:id, :body)"),
                    {"id": doc_id, "body": folded[start:stop]})
    return final


def index_report(session: Session, report_id: str, report_text: str) -> None:
    """Index a whole report in this transaction (short texts, benchmarks). The importer
    indexes in pieces instead (desktop/services/indexing.py)."""
    folded = fold(report_text)
    while not index_next(session, report_id, folded):
        pass


def missing_from_index(session: Session) -> list[str]:
    """Reports whose index is missing or incomplete (an upgraded project, a merge, an
    import killed between pieces)."""
    if not has_index(session):
        return []
    return list(session.scalars(text(  # the report ids from their index, not the table
        "SELECT id FROM report EXCEPT SELECT report_id FROM report_fts_doc WHERE final")))


def report_text(session: Session, report_id: str) -> str | None:
    return session.scalar(select(Report.text).where(Report.id == report_id))


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
    read lazily from their index chunks, and the `Unfold` of each report that had a hit.
    Reports whose index is incomplete are listed (`incomplete`) but not cached: their
    texts are read from the report table and folded whenever they are scanned."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rows: list[tuple[int, str, bool]] = []  # (doc id, report id, final)
        self._unindexed: list[str] = []  # reports without a chunk yet
        self._order: list[str] = []  # report ids in import order
        self._first: dict[str, int | None] = {}  # report id -> its first doc id
        self._report_of: dict[int, str] = {}  # doc id -> report id
        self._complete: frozenset[str] = frozenset()
        self._texts: dict[str, str] = {}  # report id -> folded text
        self._unfolds: dict[str, Unfold] = {}  # report id -> Unfold

    def refresh(self, session: Session) -> list[str]:
        """Follow the index: drop what left it. Returns the report ids in import order
        (those with no chunk yet last)."""
        rows = [(int(r[0]), str(r[1]), bool(r[2])) for r in session.execute(
            text("SELECT id, report_id, final FROM report_fts_doc ORDER BY id"))]
        unindexed = list(session.scalars(text(  # ids from their index, not the table
            "SELECT id FROM report EXCEPT SELECT report_id FROM report_fts_doc")))
        with self._lock:
            if rows != self._rows or unindexed != self._unindexed:
                first: dict[str, int | None] = {}
                for doc_id, rid, _ in rows:
                    first.setdefault(rid, doc_id)
                first.update(dict.fromkeys(unindexed))
                # a text is kept while its report keeps its first chunk (an edited text
                # loses its chunks and is indexed again under new ones)
                old = self._first
                self._texts = {rid: t for rid, t in self._texts.items()
                               if rid in first and old.get(rid) == first[rid]}
                self._unfolds = {rid: u for rid, u in self._unfolds.items() if rid in first}
                self._report_of = {doc_id: rid for doc_id, rid, _ in rows}
                self._complete = frozenset(rid for _, rid, final in rows if final)
                self._first, self._order = first, list(first)
                self._rows, self._unindexed = rows, unindexed
            return self._order

    def incomplete(self) -> set[str]:
        return set(self._order) - self._complete

    def matching(self, session: Session, phrase: str) -> set[str]:
        """The reports whose complete index holds this FTS5 phrase query (call refresh
        first: chunks written since are not counted)."""
        doc_ids = session.scalars(text(
            "SELECT rowid FROM report_fts WHERE report_fts MATCH :q"), {"q": phrase})
        report_of, complete = self._report_of, self._complete
        return {rid for d in doc_ids if (rid := report_of.get(d)) is not None and rid in complete}

    def texts(self, session: Session, report_ids: Iterable[str]) -> Iterator[tuple[str, str]]:
        """(report id, folded text) of these reports, in the given order (missing ones
        are read a batch at a time, as the caller gets to them: from their chunks when
        the index is complete, else from the report table)."""
        report_ids = list(report_ids)
        for i in range(0, len(report_ids), _LOAD_BATCH):
            batch = report_ids[i : i + _LOAD_BATCH]
            if any(r not in self._texts for r in batch):
                self._load(session, [r for r in batch if r not in self._texts])
            texts = self._texts
            for rid in batch:
                found = texts.get(rid)
                if found is not None:
                    yield rid, found

    def _load(self, session: Session, report_ids: list[str]) -> None:
        chunked = [r for r in report_ids if r in self._complete]
        rows: Iterable[Any] = session.execute(text(
            "SELECT d.report_id, d.start, f.body FROM report_fts_doc d"
            " JOIN report_fts f ON f.rowid = d.id WHERE d.report_id IN :ids"
            " ORDER BY d.report_id, d.start").bindparams(bindparam("ids", expanding=True)),
            {"ids": chunked}) if chunked else []
        parts: dict[str, list[str]] = {}
        reached: dict[str, int] = {}
        for rid, start, body in rows:
            # chunks overlap: each adds what lies past the previous one's end
            at = reached.get(rid, 0)
            parts.setdefault(rid, []).append(body[at - start:])
            reached[rid] = start + len(body)
        loaded = {rid: "".join(p) for rid, p in parts.items()}
        scanned = [r for r in report_ids if r not in loaded]
        if scanned:
            loaded.update((rid, fold(t)) for rid, t in stored_texts(session, scanned).items())
        with self._lock:
            self._texts = {**self._texts, **loaded}

    def folded(self, session: Session, report_id: str) -> str | None:
        if report_id not in self._first:
            return None
        return next((body for _, body in self.texts(session, [report_id])), None)

    def unfolds(self, session: Session, report_ids: list[str]) -> dict[str, Unfold]:
        out: dict[str, Unfold] = {}
        missing: list[str] = []
        for rid in report_ids:
            found = self._unfolds.get(rid)
            if found is None:
                missing.append(rid)
            else:
                out[rid] = found
        if missing:
            computed = {rid: Unfold.of(t) for rid, t in stored_texts(session, missing).items()}
            out.update(computed)
            with self._lock:
                self._unfolds = {**self._unfolds, **computed}
        return out

    def nbytes(self) -> int:
        """Memory held (text payloads, roughly): for reports and the benchmark."""
        texts = sum(len(body) * (1 if body.isascii() else 2 if max(body) <= "\uffff" else 4)
                    for body in self._texts.values())
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
        if literal is not None and TRIGRAM <= len(literal) <= MAX_PHRASE:
            # the index's candidates, and every report whose index is not complete yet
            # (scanned: nothing is missing from the results while a report is indexed)
            phrase = '"' + literal.replace('"', '""') + '"'
            wanted = cache.matching(session, phrase) | cache.incomplete()
            order = [rid for rid in order if rid in wanted]
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
