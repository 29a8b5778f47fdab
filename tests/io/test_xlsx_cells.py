"""Cell safety: formulas, control characters, the 32 767 limit, legal sheet names."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from desktop.io.cells import (
    MAX_CELL_CHARS,
    TRUNCATION_MARKER,
    clean_text,
    csv_text,
    looks_like_formula,
    sheet_name,
)
from desktop.io.export_rows import FieldSpec, KindSpec, Meta, TagRecord
from desktop.io.xlsx_export import write_xlsx


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x","y")'])
def test_formula_starts(text: str) -> None:
    assert looks_like_formula(text)
    assert csv_text(text) == "'" + text


def test_plain_text_untouched() -> None:
    assert not looks_like_formula("增长7.8%")
    assert csv_text("增长7.8%") == "增长7.8%"


def test_control_characters_removed_but_line_breaks_kept() -> None:
    assert clean_text("a\x00b\x07c\x1bd\x7fe\nf\tg") == "abcde\nf\tg"


def test_long_text_cut_with_marker() -> None:
    text = clean_text("字" * 40_000)
    assert len(text) == MAX_CELL_CHARS and text.endswith(TRUNCATION_MARKER)


def test_sheet_names_legal_and_unique() -> None:
    taken: set[str] = set()
    assert sheet_name("Metric", taken) == "Metric"
    assert sheet_name("metric", taken) == "metric (2)"
    assert sheet_name("a/b:c*d?[e]\\f", taken) == "a_b_c_d__e__f"
    assert sheet_name("'quoted'", taken) == "quoted"
    assert sheet_name("", taken) == "Sheet"
    assert sheet_name("History", taken) == "History sheet"
    long = sheet_name("指标" * 40, taken)
    assert len(long) == 31
    assert len(sheet_name("指标" * 40, taken)) == 31


def test_workbook_with_odd_kind_name_and_huge_text(tmp_path: Path) -> None:
    kind = KindSpec("k", "Kind: a/b [x]", fields=(FieldSpec("v", "Value", "number"),))
    huge = "长" * 40_000
    rec = TagRecord("t1", "k", "r1", "Report", "", "", None, huge, "前", "后", {"v": "abc"}, "",
                    "alice", "manual", "open", "", "", "", None, None, 1)
    out = tmp_path / "odd.xlsx"
    write_xlsx(out, [kind], [rec], [], Meta("p", "alice", datetime(2025, 1, 1)))
    wb = openpyxl.load_workbook(out)
    ws = wb["Kind_ a_b _x_"]
    headers = [c.value for c in ws[1]]
    assert ws.cell(2, headers.index("Tagged text") + 1).value.endswith(TRUNCATION_MARKER)
    assert len(ws.cell(2, headers.index("Sentence") + 1).value) <= MAX_CELL_CHARS
    assert ws.cell(2, headers.index("Value") + 1).value == "abc"  # not a number: kept as text
