"""Importing many files at once, outside the GUI process.

`import_batch` is a ProcessJob target (desktop.ui.jobs): it opens the project in the
spawned process, imports file after file with `report(done, total, message)` progress,
and returns a picklable BatchSummary. Each file's reports are one transaction, all or
nothing, so cancelling (the job terminates the process) keeps the files already imported
and leaves no trace of the file in progress. Their search index (derived data) is built
after each file in short pieces (desktop/services/indexing.py); a cancel between pieces
leaves a stored report that search scans until a later import or search completes it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.io.importers import IMPORTERS
from desktop.io.text_files import ImportRefused
from desktop.services.importing import import_files
from desktop.services.project import open_project_as

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class BatchSummary:
    imported: tuple[tuple[str, str], ...] = ()  # (report id, title)
    skipped: tuple[tuple[str, str], ...] = ()  # (title, reason): duplicates
    refused: tuple[tuple[str, str], ...] = ()  # (file name, reason in English)
    files: int = 0
    refusals: tuple[ImportRefused, ...] = ()  # the refusals (a window translates them)

    @property
    def library_changed(self) -> bool:
        return bool(self.imported)


def expand_paths(paths: Sequence[str | Path]) -> list[Path]:
    """Files to import from what was chosen or dropped: folders give their supported
    files (recursively, sorted); files are kept whatever their type, so an unsupported
    one is refused with a reason rather than silently ignored."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*")
                              if p.is_file() and p.suffix.lower() in IMPORTERS))
        else:
            out.append(path)
    return out


def import_batch(report: Progress, *, target: str, analyst: str | None,
                 paths: list[str]) -> BatchSummary:
    """ProcessJob target: import `paths` (files or folders) into the project at `target`."""
    files = expand_paths(paths)
    total = len(files)
    report(0, total, "Opening the project")
    project = open_project_as(target, analyst)
    try:
        def progress(i: int, name: str) -> bool:
            report(i, total, name)
            return True

        def pages(i: int, name: str, done: int, pages_total: int) -> None:
            # a scan read by OCR: the file's share of the bar advances page by page
            report(i, total, f"{name} — {done}/{pages_total}")

        outcome = import_files(project, files, progress, pages=pages)
    finally:
        project.close()
    report(total, total, "Done")
    return BatchSummary(outcome.imported, outcome.skipped, outcome.refused, total,
                        outcome.refusals)
