"""Hostile workbooks brought to import-edits (issue 11, items 8–10): every bound is
checked before the file is read, and the refusal is one sentence. The CSV export writes
every cell, header labels included, through the formula guard."""

from __future__ import annotations

import csv
import re
import time
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from desktop.services import excel_edits, export, kinds
from desktop.services.project import Project
from tests.services.export_data import FORMULA, make_tags


@pytest.fixture
def book(seeded: Project, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    ids = make_tags(seeded, tmp_path)
    out = tmp_path / "tags.xlsx"
    export.export(seeded, out, lang="en")
    return out, ids


def _rewrite(src: Path, dst: Path, parts: dict[str, bytes]) -> None:
    """A copy of `src` with some parts replaced or added (compressed, as a bomb is)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename not in parts:
                zout.writestr(info, zin.read(info.filename))
        for name, data in parts.items():
            zout.writestr(name, data)


def _refused_quickly(project: Project, path: Path, match: str) -> None:
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        with pytest.raises(excel_edits.WorkbookRefused, match=match) as caught:
            excel_edits.preview(project, path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - t0 < 30
    assert peak < 60 * 2**20, f"{peak / 2**20:.0f} MB"
    message = str(caught.value)
    assert "\n" not in message and "nothing was changed" in message


def test_one_huge_shared_string_is_refused_before_it_is_read(
        book: tuple[Path, dict[str, Any]], seeded: Project, tmp_path: Path) -> None:
    out, _ = book
    bomb = tmp_path / "string-bomb.xlsx"
    huge = b"A" * (200 * 2**20)  # 200 MB of text in one string; ~200 kB compressed
    _rewrite(out, bomb, {"xl/sharedStrings.xml":
                         b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
                         b'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>' + huge
                         + b"</t></si></sst>"})
    del huge
    assert bomb.stat().st_size < 2 * 2**20
    _refused_quickly(seeded, bomb, "text longer than a spreadsheet cell can")


@pytest.mark.parametrize(("rows", "message"), [
    (1_100_000, r"the part xl/worksheets/sheet1.xml has more than 1,048,576 rows"),  # > Excel
    (30_000, r"the sheet 'Metric' has more than 10,002 rows"),  # > the export's 1 + room
])
def test_rows_without_a_dimension_beyond_the_export_are_refused(
        book: tuple[Path, dict[str, Any]], seeded: Project, tmp_path: Path, rows: int,
        message: str) -> None:
    out, _ = book
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    head, rest = sheet.split("<sheetData>", 1)
    head = re.sub(r"<dimension[^>]*/>", "", head)
    extra = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>x</t></is></c></row>'
                    for r in range(3, rows + 3))
    bomb = tmp_path / "row-bomb.xlsx"
    _rewrite(out, bomb, {"xl/worksheets/sheet1.xml":
                         (head + "<sheetData>" + rest.replace("</sheetData>", extra + "</sheetData>", 1)
                          ).encode()})
    del extra
    _refused_quickly(seeded, bomb, message)


def test_workbook_within_bounds_still_reads(book: tuple[Path, dict[str, Any]], seeded: Project) -> None:
    out, _ = book
    wb = openpyxl.load_workbook(out)
    wb.save(out)  # shared strings, no inline strings: as a spreadsheet application saves it
    assert excel_edits.preview(seeded, out).rows_read == 4


def test_csv_headers_go_through_the_formula_guard(seeded: Project, tmp_path: Path) -> None:
    make_tags(seeded, tmp_path)
    metric = next(k for k in kinds.list_kinds(seeded) if k.key == "metric")
    kinds.add_field(seeded, metric.id, FORMULA, "@SUM(1+1)", key="evil")
    export.export(seeded, tmp_path / "h.csv", "csv", lang="en")
    with open(tmp_path / "h-metric.csv", encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh))
    assert "'" + FORMULA in header and FORMULA not in header
    export.export(seeded, tmp_path / "z.csv", "csv", lang="zh_CN")
    with open(tmp_path / "z-metric.csv", encoding="utf-8-sig", newline="") as fh:
        assert "'@SUM(1+1)" in next(csv.reader(fh))
    out = tmp_path / "h.xlsx"
    export.export(seeded, out, lang="en")
    cell = next(c for c in openpyxl.load_workbook(out)["Metric"][1] if c.value == FORMULA)
    assert cell.data_type == "s" and cell.quotePrefix
