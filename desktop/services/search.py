"""Search: across the project, in one report, and over tags.

Offsets in results are code points into the report's stored text, like tag offsets, so
a hit can be shown (`result_activated`) and tagged (`tag_results`) as it is.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from db.queries import search as q
from desktop.domain.search_text import (
    BadPattern,
    Query,
    compile_query,
    find_spans,
    fold,
    probe,
    stored_context,
)
from desktop.services import tags
from desktop.services.changes import Changes
from desktop.services.indexing import complete_index
from desktop.services.project import Project

__all__ = ["BadPattern", "SearchHit", "SearchResult", "TagHit", "search_project",
           "search_report", "search_tags", "sync_index", "tag_results"]

MAX_HITS = 1000
SEARCH_INDEXES_CHARS = 4 * q.CHUNK_CHARS  # unfinished index a search completes, at most


@dataclass(frozen=True, slots=True)
class SearchHit:
    report_id: str
    report_title: str
    start: int
    end: int
    before: str
    match: str
    after: str


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    regex: bool
    hits: tuple[SearchHit, ...]
    reports: int  # how many reports have a hit (among those scanned)
    truncated: bool  # stopped at the limit: there are more hits


@dataclass(frozen=True, slots=True)
class TagHit:
    tag_id: str
    report_id: str
    report_title: str
    kind: str
    start: int
    end: int
    quote: str
    fields: dict[str, Any]
    author: str
    status: str


def sync_index(project: Project, max_chars: int | None = None) -> int:
    """Index reports added outside an import (upgraded projects, merges) and finish
    those an import left incomplete, in bounded pieces (desktop/services/indexing.py);
    `max_chars` bounds the work. Returns how many reports were completed."""
    return complete_index(project, max_chars)


def _collect(project: Project, query: Query, limit: int,
             report_id: str | None = None) -> SearchResult:
    found: list[tuple[str, str, list[tuple[int, int]]]] = []
    total = 0
    truncated = False
    with project.uow() as session:
        if report_id is None:
            candidates = q.candidate_texts(session, query.literal, probe(query))
        else:
            folded = q.folded_text(session, report_id)
            candidates = iter([] if folded is None else [(report_id, folded)])
        for rid, folded in candidates:
            spans = find_spans(folded, query, limit - total + 1)
            if not spans:
                continue
            if total + len(spans) > limit:
                spans = spans[: limit - total]
                truncated = True
            found.append((rid, folded, spans))
            total += len(spans)
            if truncated or total >= limit:
                truncated = True
                break
        ids = [rid for rid, _, _ in found]
        titles = q.report_titles(session, ids)
        unfolds = q.unfolds(session, ids)
    hits: list[SearchHit] = []
    for rid, folded, spans in found:
        title = titles.get(rid, "")
        unfold = unfolds.get(rid)
        for span in spans:
            if unfold is None:  # the report went away meanwhile
                before, match, after = "", "", ""
            else:
                before, match, after = stored_context(folded, unfold, span)
            hits.append(SearchHit(rid, title, span[0], span[1], before, match, after))
    return SearchResult(query.text, query.regex, tuple(hits), len(found), truncated)


def search_project(project: Project, text: str, *, regex: bool = False,
                   limit: int = MAX_HITS) -> SearchResult:
    """Hits across every report, in library order. Raises BadPattern (a ValueError with
    a message for the user) for an empty query or an invalid regular expression."""
    query = compile_query(text, regex)
    # a few pieces of any unfinished index; what remains is scanned, so nothing is missed
    sync_index(project, SEARCH_INDEXES_CHARS)
    return _collect(project, query, limit)


def search_report(project: Project, report_id: str, text: str, *, regex: bool = False,
                  limit: int = 100_000) -> SearchResult:
    """Hits in one report (the reader's Ctrl+F)."""
    return _collect(project, compile_query(text, regex), limit, report_id)


def search_tags(project: Project, *, kind: str | None = None, field_value: str | None = None,
                author: str | None = None, status: str | None = None,
                limit: int = 5000) -> list[TagHit]:
    """Tags across the project by kind key, any field's value (substring, width- and
    case-insensitive), author name and status."""
    needle = fold(field_value).casefold() if field_value else None
    out: list[TagHit] = []
    with project.uow() as session:
        rows = q.tag_rows(session, kind=kind, field_text=needle, author=author,
                          status=status, limit=limit if needle is None else 1_000_000)
    for r in rows:
        fields = dict(r.fields or {})
        if needle is not None and not any(
            needle in fold(str(v)).casefold() for v in fields.values() if v is not None
        ):
            continue
        out.append(TagHit(r.id, r.report_id, r.title, r.key, r.start, r.end, r.quote,
                          fields, r.name, r.status))
        if len(out) >= limit:
            break
    return out


def tag_results(project: Project, kind: str, spans: list[tuple[str, int, int]],
                origin: str = "search") -> tuple[Changes, list[str]]:
    """Tag every (report id, start, end) as `kind` ("Tag all results"); spans this analyst
    already tagged with this kind are skipped. One transaction for all the reports: a
    failure on one tags none."""
    by_report: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for report_id, start, end in spans:
        by_report[report_id].append((start, end))
    created: list[str] = []
    with project.uow.begin() as session:
        for report_id, report_spans in by_report.items():
            created += tags.create_many_in(session, project, report_id, kind, report_spans,
                                           origin=origin)
    return Changes(tags=frozenset(by_report), created=frozenset(created)), created
