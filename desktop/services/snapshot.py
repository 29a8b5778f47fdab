"""The window's first frame before the project is opened (see db/snapshot.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from db import snapshot
from desktop.domain.report_text import Structure
from desktop.services.values import (
    FieldInfo,
    KindInfo,
    ReportDoc,
    ReportRow,
    SpanColumns,
    ocr_pages,
)


@dataclass(frozen=True, slots=True)
class FirstFrame:
    kinds: list[KindInfo]
    library: list[ReportRow]
    report: ReportDoc | None
    spans: SpanColumns


def first_frame(target: str | Path, analyst: str,
                report_id: str | None = None) -> FirstFrame | None:
    """What the window shows first (`report_id`, else the first report), for a local
    project at the current schema; None otherwise (a new project, a team database, an
    upgrade, a damaged file)."""
    if "://" in str(target):
        return None
    snap = snapshot.read(Path(target), analyst, report_id)
    if snap is None:
        return None
    fields: dict[str, list[FieldInfo]] = {}
    for fid, kind_id, key, label, label_zh, type_, choices in snap.fields:
        fields.setdefault(kind_id, []).append(
            FieldInfo(fid, key, label, label_zh, type_, tuple(choices)))
    kinds = [KindInfo(k[0], k[1], k[2], k[3], k[4], k[5], tuple(fields.get(k[0], ())))
             for k in snap.kinds]
    library = [
        ReportRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], snap.tag_counts.get(r[0], {}),
                  snap.states.get(r[0], "untouched"), snap.taggers.get(r[0], ()),
                  ocr_pages(r[7]))
        for r in snap.reports
    ]
    report = None
    if snap.first is not None:
        rid, title, agency, region, year, text, structure, source, published = snap.first
        report = ReportDoc(rid, title, agency, region, year, text,
                           Structure.from_dict(structure), source, published)
    return FirstFrame(kinds, library, report, SpanColumns(*snap.spans))
