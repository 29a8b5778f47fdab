"""Import report files into a project."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from db.models import Report
from db.queries import reports
from db.queries.search import CHUNK_CHARS
from desktop.domain.errors import RefusedInput
from desktop.domain.report_text import ParsedReport
from desktop.io.importers import read_reports
from desktop.io.text_files import ImportRefused
from desktop.services.changes import Changes
from desktop.services.indexing import complete_index, index_reports
from desktop.services.project import Project
from desktop.services.reports import check_metadata

log = logging.getLogger(__name__)

IMPORT_METADATA = ("title", "agency", "region", "year")
AFTER_IMPORT_CHARS = 16 * CHUNK_CHARS  # an earlier import's unfinished index, indexed after one


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    imported: tuple[tuple[str, str], ...] = ()  # (report id, title)
    skipped: tuple[tuple[str, str], ...] = ()  # (title, reason)
    refused: tuple[tuple[str, str], ...] = ()  # (file name, reason in English)
    changes: Changes = field(default_factory=Changes)
    refusals: tuple[ImportRefused, ...] = ()  # the refusals themselves (a window translates them)


def check_overrides(metadata: dict[str, Any] | None, files: int = 1) -> dict[str, Any]:
    """Metadata given for an import (title, agency, region, year: None means "as read
    from the file"), checked as the library's dialog checks an edit. A title names one
    report, so it is refused for several files."""
    given = {k: v for k, v in (metadata or {}).items() if v is not None}
    unknown = sorted(set(given) - set(IMPORT_METADATA))
    if unknown:
        raise RefusedInput("{fields} cannot be given on import",
                           message_id="import.bad_metadata", params={"fields": ", ".join(unknown)})
    checked = check_metadata(given)
    if "title" in checked and files > 1:
        raise RefusedInput("a title names one report, but {files} files were given; "
                           "import them one by one to give each its title",
                           message_id="import.title_for_many", params={"files": files})
    return checked


def _apply_overrides(parsed: list[ParsedReport], source: str,
                     overrides: dict[str, Any]) -> list[ParsedReport]:
    if "title" in overrides and len(parsed) > 1:
        raise RefusedInput("a title names one report, but {source} holds {count} "
                           "articles; import it without a title and use set-report on each",
                           message_id="import.title_for_articles",
                           params={"source": source, "count": len(parsed)})
    return [replace(rep, **overrides) for rep in parsed]


def add_parsed(project: Project, parsed: list[ParsedReport], source: str,
               metadata: dict[str, Any] | None = None) -> ImportOutcome:
    """Store parsed reports in one transaction (all or nothing); a text already in the
    project is skipped. Their search index is built afterwards in bounded pieces
    (desktop/services/indexing.py), so a long file never holds the write lock for long.
    `metadata` (title, agency, region, year) overrides what was read from the file."""
    overrides = check_overrides(metadata)
    if overrides:
        parsed = _apply_overrides(parsed, source, overrides)
    imported: list[tuple[str, str]] = []
    skipped: list[tuple[str, str]] = []
    with project.uow.begin() as session:
        seen: set[str] = set()
        for rep in parsed:
            sha = rep.sha256
            if sha in seen or reports.by_sha(session, sha) is not None:
                skipped.append((rep.title, "already in the project"))
                continue
            seen.add(sha)
            row = Report(
                title=rep.title, agency=rep.agency, region=rep.region, year=rep.year,
                source_file=source, text=rep.text, sha256=sha,
                structure=rep.structure.as_dict(), char_count=len(rep.text),
                published=getattr(rep.structure, "published", "") or "",
            )
            session.add(row)
            session.flush()
            imported.append((row.id, rep.title))
    # the search index after the reports are stored, a short transaction per piece
    index_reports(project, [rid for rid, _ in imported])
    return ImportOutcome(
        imported=tuple(imported), skipped=tuple(skipped),
        changes=Changes(library=bool(imported)),
    )


PageProgress = Callable[[int, str, int, int], None]


def import_files(
    project: Project,
    paths: Iterable[Path],
    progress: Callable[[int, str], bool] | None = None,
    metadata: dict[str, Any] | None = None,
    pages: PageProgress | None = None,
) -> ImportOutcome:
    """Import files one by one; each file is all or nothing. `progress(i, name)` may
    return False to stop; `pages(i, name, done, total)` follows the pages of a scan as
    OCR reads them. `metadata` (title, agency, region, year) overrides what is read
    from the files; bad metadata raises ValueError before anything is imported."""
    paths = list(paths)
    overrides = check_overrides(metadata, len(paths))
    imported: list[tuple[str, str]] = []
    skipped: list[tuple[str, str]] = []
    refused: list[tuple[str, str]] = []
    refusals: list[ImportRefused] = []
    for i, path in enumerate(paths):
        if progress is not None and progress(i, path.name) is False:
            break
        try:
            parsed = read_reports(path, _pages_of(pages, i, path.name))
        except ImportRefused as exc:
            log.info("refused %s: %s", path.name, exc)
            refused.append((path.name, str(exc)))
            refusals.append(exc.with_traceback(None))  # a value now, not the frames
            continue
        outcome = add_parsed(project, parsed, path.name, overrides)
        imported.extend(outcome.imported)
        skipped.extend(outcome.skipped)
    # and a few pieces of what an earlier import left unindexed (killed between pieces)
    complete_index(project, AFTER_IMPORT_CHARS)
    return ImportOutcome(
        tuple(imported), tuple(skipped), tuple(refused), Changes(library=bool(imported)),
        tuple(refusals)
    )


def _pages_of(pages: PageProgress | None, i: int, name: str) -> Callable[[int, int], None] | None:
    if pages is None:
        return None
    return lambda done, total: pages(i, name, done, total)
