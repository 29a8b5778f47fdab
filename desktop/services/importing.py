"""Import report files into a project."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from db.models import Report
from db.queries import reports
from db.queries import search as search_index
from desktop.domain.report_text import ParsedReport
from desktop.io.importers import read_reports
from desktop.io.text_files import ImportRefused
from desktop.services.changes import Changes
from desktop.services.project import Project


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    imported: tuple[tuple[str, str], ...] = ()  # (report id, title)
    skipped: tuple[tuple[str, str], ...] = ()  # (title, reason)
    refused: tuple[tuple[str, str], ...] = ()  # (file name, reason)
    changes: Changes = field(default_factory=Changes)


def add_parsed(project: Project, parsed: list[ParsedReport], source: str) -> ImportOutcome:
    """Store parsed reports in one transaction; a text already in the project is skipped."""
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
            )
            session.add(row)
            session.flush()
            search_index.index_report(session, row.id, rep.text)
            imported.append((row.id, rep.title))
    return ImportOutcome(
        imported=tuple(imported), skipped=tuple(skipped),
        changes=Changes(library=bool(imported)),
    )


def import_files(
    project: Project,
    paths: Iterable[Path],
    progress: Callable[[int, str], bool] | None = None,
) -> ImportOutcome:
    """Import files one by one; each file is all or nothing. `progress(i, name)` may
    return False to stop."""
    imported: list[tuple[str, str]] = []
    skipped: list[tuple[str, str]] = []
    refused: list[tuple[str, str]] = []
    for i, path in enumerate(paths):
        if progress is not None and progress(i, path.name) is False:
            break
        try:
            parsed = read_reports(path)
        except ImportRefused as exc:
            refused.append((path.name, str(exc)))
            continue
        outcome = add_parsed(project, parsed, path.name)
        imported.extend(outcome.imported)
        skipped.extend(outcome.skipped)
    return ImportOutcome(
        tuple(imported), tuple(skipped), tuple(refused), Changes(library=bool(imported))
    )
