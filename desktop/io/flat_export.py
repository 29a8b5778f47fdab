"""CSV (one file per kind, UTF-8 with a BOM so Excel reads Chinese correctly) and JSON
Lines (one object per tag) writers."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.domain.quantities import decimal_str
from desktop.io.cells import csv_text
from desktop.io.export_rows import (
    HIDDEN,
    KindSpec,
    TagRecord,
    canon,
    kind_columns,
    normalised,
    row_values,
)

PROGRESS_EVERY = 2000


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):  # the sentence
        return csv_text("".join(value))
    if isinstance(value, str):
        return csv_text(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    return canon(value)  # numbers: plain decimal notation, never a formula


def write_csv(
    paths: Mapping[str, Path],
    kinds: Sequence[KindSpec],
    records: Iterable[TagRecord],
    *,
    lang: str = "en",
    progress: Callable[[int], None] | None = None,
) -> dict[str, int]:
    """Write one CSV per kind to `paths[kind.key]`; returns the rows written per kind.
    Every cell, the header's included, goes through `csv_text` (the formula guard)."""
    counts = {k.key: 0 for k in kinds}
    with ExitStack() as stack:
        writers: dict[str, tuple[Any, list[Any]]] = {}
        for kind in kinds:
            fh = stack.enter_context(open(paths[kind.key], "w", encoding="utf-8-sig", newline=""))
            writer = csv.writer(fh)
            columns = kind_columns(kind, lang)
            keep = [i for i, c in enumerate(columns)
                    if c.cell != HIDDEN or c.key in ("tag_id", "version")]
            writer.writerow([csv_text(columns[i].header) for i in keep])
            writers[kind.key] = (writer, [columns, keep])
        n = 0
        for rec in records:
            entry = writers.get(rec.kind)
            if entry is None:
                continue
            writer, (columns, keep) = entry
            values = row_values(rec, columns)
            writer.writerow([_csv_cell(values[i]) for i in keep])
            counts[rec.kind] += 1
            n += 1
            if progress is not None and n % PROGRESS_EVERY == 0:
                progress(n)
    return counts


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def jsonl_object(rec: TagRecord) -> dict[str, Any]:
    norm_value, norm_unit = normalised(rec.fields) if "value" in rec.fields else (None, "")
    return {
        "id": rec.id,
        "kind": rec.kind,
        "report": {"id": rec.report_id, "title": rec.report_title, "region": rec.region,
                   "agency": rec.agency, "year": rec.year},
        "start": rec.start,
        "end": rec.end,
        "text": rec.quote,
        "sentence": rec.before + rec.quote + rec.after,
        "fields": rec.fields,
        "normalized_value": decimal_str(norm_value) if norm_value is not None else None,
        "normalized_unit": norm_unit or None,
        "note": rec.note,
        "author": rec.author,
        "origin": rec.origin,
        "status": rec.status,
        "review": ({"reviewer": rec.reviewer, "verdict": rec.verdict,
                    "comment": rec.review_comment} if rec.reviewer else None),
        "created": _iso(rec.created),
        "updated": _iso(rec.updated),
        "version": rec.version,
    }


def write_jsonl(
    path: Path, records: Iterable[TagRecord], *, progress: Callable[[int], None] | None = None
) -> dict[str, int]:
    counts: dict[str, int] = {}
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for n, rec in enumerate(records, start=1):
            obj = jsonl_object(rec)
            fh.write(json.dumps(obj, ensure_ascii=False, default=str))
            fh.write("\n")
            counts[rec.kind] = counts.get(rec.kind, 0) + 1
            if progress is not None and n % PROGRESS_EVERY == 0:
                progress(n)
    return counts
