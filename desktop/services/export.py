"""Export use case: the tags that match the filters, to xlsx, CSV (one file per kind)
or JSON Lines.

Files are written under a temporary name beside the destination and renamed into place
at the end (`os.replace`, atomic on one file system), so a cancelled or failed export
never leaves a broken file: the GUI runs `export_job` in a spawned process
(desktop.ui.jobs.ProcessJob) and cancelling terminates it; the SIGTERM handler below
turns that into an exception so the temporary files are removed on the way out.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from db.base import utcnow
from db.queries import export as q
from db.queries import kinds as kinds_q
from db.queries.export import ExportFilter
from desktop.domain.errors import MissingFolder, RefusedInput, UnknownKind
from desktop.io.export_rows import (
    FieldSpec,
    KindSpec,
    Meta,
    ReportInfo,
    TagRecord,
    sentence_ends,
    sentence_in,
)
from desktop.io.workbook_labels import workbook_lang
from desktop.services.project import Project, open_project_as

FORMATS = ("xlsx", "csv", "jsonl")
PART_SUFFIX = ".part"

__all__ = [
    "FORMATS",
    "ExportFilter",
    "ExportResult",
    "FilterChoices",
    "discard_partial",
    "export",
    "export_job",
    "filter_choices",
    "output_paths",
]


class ExportCancelled(BaseException):
    """The export process was asked to stop (SIGTERM); not an error for the user."""


@dataclass(frozen=True, slots=True)
class ExportResult:
    paths: tuple[str, ...]
    counts: dict[str, int]  # kind key → tags written

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True, slots=True)
class FilterChoices:
    """What the export dialog offers: (key, display name) of kinds, and values present."""

    kinds: tuple[tuple[str, str], ...]
    analysts: tuple[str, ...]
    regions: tuple[str, ...]
    years: tuple[int, ...]
    statuses: tuple[str, ...]


def filter_choices(project: Project) -> FilterChoices:
    from desktop.domain.kinds import TAG_STATUSES

    with project.uow() as session:
        kinds = tuple((k.key, k.name) for k, _ in kinds_q.all_kinds(session))
        regions, years, names = q.distinct_values(session)
    return FilterChoices(kinds, tuple(names), tuple(regions), tuple(years), TAG_STATUSES)


def kind_specs(project: Project, only: str | None = None) -> list[KindSpec]:
    with project.uow() as session:
        rows = kinds_q.all_kinds(session)
        specs = [
            KindSpec(k.key, k.name, k.name_zh,
                     tuple(FieldSpec(f.key, f.label, f.type, tuple(f.choices or ()), f.label_zh or "")
                           for f in fields))
            for k, fields in rows
        ]
    if only is not None:
        specs = [s for s in specs if s.key == only]
        if not specs:
            raise UnknownKind(only)
    return specs


def output_paths(out: str | Path, fmt: str, kinds: list[str]) -> list[Path]:
    """The files an export writes: OUT itself, or OUT-<kind>.csv for CSV."""
    out = Path(out)
    if fmt == "csv":
        stem = out.stem if out.suffix.lower() == ".csv" else out.name
        return [out.with_name(f"{stem}-{key}.csv") for key in kinds]
    return [out]


def _part(path: Path) -> Path:
    return path.with_name(f".{path.name}{PART_SUFFIX}")


def discard_partial(out: str | Path, fmt: str, kinds: list[str]) -> None:
    """Remove what a killed export may have left (its temporary files only)."""
    for path in output_paths(out, fmt, kinds):
        _part(path).unlink(missing_ok=True)


def records(session: Any, f: ExportFilter) -> Iterator[TagRecord]:
    """The tags matching `f` as export rows, with their sentences (import-edits re-reads
    its rows through this too, to tell an edited read-only cell)."""
    return _records(session, f)


def _records(session: Any, f: ExportFilter) -> Iterator[TagRecord]:
    reports = q.report_context(session, f)
    ends: dict[str, list[int]] = {}  # sentence ends, found once per report
    decoded: dict[str, dict[str, Any]] = {}  # fields JSON text → its value, parsed once
    for row in q.tag_rows(session, f):
        (tag_id, kind, report_id, start, end, quote, fields, note, author, origin, status,
         created, updated, version, reviewer, verdict, comment) = row
        title, region, agency, year, text = reports.get(report_id) or ("", "", "", None, "")
        if text:
            report_ends = ends.get(report_id)
            if report_ends is None:
                report_ends = ends[report_id] = sentence_ends(text)
            before, after = sentence_in(text, report_ends, start, end)
        else:
            before = after = ""
        text_of_fields = None
        if fields.__class__ is str:  # the stored JSON (SQLite); PostgreSQL's driver decodes it
            text_of_fields = fields
            value = decoded.get(fields)
            if value is None:
                if len(decoded) >= _DECODED_MAX:
                    decoded.clear()
                value = decoded[fields] = json.loads(fields) or {}
            fields = value
        yield TagRecord(
            tag_id, kind, report_id, title or "", region or "", agency or "", year, quote,
            before, after, dict(fields or {}), note or "", author or "", origin or "",
            status or "", reviewer or "", verdict or "", comment or "", created, updated,
            version, start, end, text_of_fields,
        )


_DECODED_MAX = 4096


def export(
    project: Project,
    out: str | Path,
    fmt: str = "xlsx",
    filters: ExportFilter | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    lang: str | None = None,
) -> ExportResult:
    """Export the tags matching `filters` to `out`, in `lang` ("zh_CN" or "en"; by
    default the language REPORTMARK_LANG or the locale asks for). Nothing is written to
    `out` unless the whole export succeeds."""
    lang = workbook_lang(lang)
    if fmt not in FORMATS:
        raise RefusedInput("Unknown export format {fmt!r}: choose one of {known}.",
                           message_id="export.unknown_format",
                           params={"fmt": fmt, "known": ", ".join(FORMATS)})
    f = filters or ExportFilter()
    kinds = kind_specs(project, f.kind)
    finals = output_paths(out, fmt, [k.key for k in kinds])
    parent = finals[0].parent
    if not parent.is_dir():
        raise MissingFolder(parent)
    parts = [_part(p) for p in finals]
    with project.uow() as session:
        total = q.count(session, f)
        reports = [ReportInfo(r[0], r[1] or "", r[2] or "", r[3] or "", r[4], r[5] or "",
                              r[6] or "", r[7] or 0) for r in q.report_rows(session, f)]

        def tick(n: int) -> None:
            if progress is not None:
                progress(n, total, f"{n} of {total} tags")

        tick(0)
        records = _records(session, f)
        try:
            if fmt == "xlsx":
                from desktop.io.xlsx_export import write_xlsx

                meta = Meta(project.display_name, project.analyst_name, utcnow(),
                            {k: v for k, v in asdict(f).items() if v is not None})
                with tempfile.TemporaryDirectory(prefix="reportmark-export-") as tmp:
                    counts = write_xlsx(parts[0], kinds, records, reports, meta,
                                        lang=lang, progress=tick, tmpdir=tmp)
            elif fmt == "csv":
                from desktop.io.flat_export import write_csv

                counts = write_csv(dict(zip([k.key for k in kinds], parts, strict=True)),
                                   kinds, records, lang=lang, progress=tick)
            else:
                from desktop.io.flat_export import write_jsonl

                counts = write_jsonl(parts[0], records, progress=tick)
            for part, final in zip(parts, finals, strict=True):
                os.replace(part, final)
        except BaseException:
            for part in parts:
                part.unlink(missing_ok=True)
            raise
    tick(total)
    return ExportResult(tuple(str(p) for p in finals), counts)


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise ExportCancelled()


def export_job(
    report: Callable[[int, int, str], None],
    *,
    target: str,
    analyst: str | None,
    out: str,
    fmt: str = "xlsx",
    filters: dict[str, Any] | None = None,
    lang: str | None = None,
) -> dict[str, Any]:
    """ProcessJob target: open the project in this (spawned) process and export.
    Returns {"paths": [...], "counts": {...}} (plain values, picklable)."""
    if multiprocessing.parent_process() is not None:  # only in the spawned child
        signal.signal(signal.SIGTERM, _on_sigterm)
    project = open_project_as(target, analyst)
    try:
        result = export(project, out, fmt, ExportFilter(**(filters or {})), report, lang)
    except ExportCancelled:
        return {"paths": [], "counts": {}, "cancelled": True}
    finally:
        project.close()
    return {"paths": list(result.paths), "counts": result.counts}
