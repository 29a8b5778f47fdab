"""A report read by OCR is marked in the library, with the pages to check, from the
first frame (snapshot) on as from the services."""

from __future__ import annotations

from dataclasses import fields, replace

from PySide6.QtCore import Qt

from desktop.domain.import_facts import ImportedStructure, OcrInfo, PageConfidence
from desktop.domain.report_text import parse_reports
from desktop.services import importing, reports
from desktop.services.snapshot import first_frame
from desktop.ui.library import LibraryModel


def _import_scan(project) -> str:
    (parsed,) = parse_reports("江西工业稳中向好\n\n全年规上工业增加值增长7%。")
    ocr = OcrInfo("rapidocr", (PageConfidence(1, 96.0, 0), PageConfidence(2, 61.5, 12)))
    known = {f.name: getattr(parsed.structure, f.name) for f in fields(parsed.structure)}
    structure = ImportedStructure(**known, ocr=ocr)
    ((rid, _),) = importing.add_parsed(project, [replace(parsed, structure=structure)],
                                       "scan.pdf").imported
    return rid


def test_a_scan_is_marked_with_the_pages_to_check(seeded, project_path, qtbot):
    rid = _import_scan(seeded)
    rows = {row.id: row for row in reports.library(seeded)}
    assert rows[rid].ocr_flagged == (2,)
    assert all(row.ocr_flagged is None for key, row in rows.items() if key != rid)
    frame = first_frame(project_path, "alice")
    assert frame is not None and frame.library == reports.library(seeded)

    model = LibraryModel()
    model.set_rows(reports.library(seeded))
    row = [r.id for r in model._rows].index(rid)
    title = model.data(model.index(row, 0), Qt.ItemDataRole.DisplayRole)
    assert title == "江西工业稳中向好  [OCR]"
    tip = model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert "OCR" in tip and "2" in tip.splitlines()[-1]
    other = [r.id for r in model._rows].index(next(k for k in rows if k != rid))
    assert "[OCR]" not in model.data(model.index(other, 0), Qt.ItemDataRole.DisplayRole)
