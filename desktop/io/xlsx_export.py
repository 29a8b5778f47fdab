"""The workbook writer: one sheet per tag kind, a Reports sheet, a Summary sheet and a
very hidden `_reportmark` sheet that lets `xlsx_edits` recognise the workbook.

XlsxWriter in constant-memory mode streams each sheet's rows to a temporary file, so
memory stays flat with 100 000 tags (DESIGN.md budget: < 8 s, < 50 MB; openpyxl
write-only was slower in the same run, see benchmarks/bench_export.py). In that mode a
sheet's rows must come in ascending order, which they do: each kind's sheet is appended
to as its tags arrive; Reports and Summary are written at the end.

Every string goes through `cells.clean_text`; text that looks like a formula gets the
quote-prefix style, and no cell is ever written with `write_formula`.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from desktop.domain.fieldvalues import display
from desktop.io.cells import (
    FORMULA_STARTS,
    MAX_CELL_CHARS,
    clean_text,
    clean_text_cached,
    looks_like_formula,
    sheet_name,
)
from desktop.io.export_rows import (
    DATE,
    FORMAT_MARKER,
    FORMAT_VERSION,
    HIDDEN,
    LONG,
    META_SHEET,
    RICH,
    YEAR,
    Column,
    KindSpec,
    Meta,
    ReportInfo,
    TagRecord,
    kind_columns,
    normalised,
    row_values,
)

WIDTH_SAMPLE_ROWS = 500  # column widths are fitted on the first rows of each sheet
MAX_WIDTH = 60.0
PROGRESS_EVERY = 2000


def display_width(text: str) -> float:
    """Approximate column units: CJK and full-width characters take two."""
    return float(sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text))


class _Formats:
    def __init__(self, wb: Any) -> None:
        self.header = wb.add_format({
            "bold": True, "bg_color": "#1F4E78", "font_color": "#FFFFFF", "text_wrap": True,
            "valign": "top", "border": 1,
        })
        self.text = wb.add_format({"valign": "top"})
        self.text_qp = wb.add_format({"valign": "top", "quote_prefix": True})
        self.wrap = wb.add_format({"valign": "top", "text_wrap": True})
        self.wrap_qp = wb.add_format({"valign": "top", "text_wrap": True, "quote_prefix": True})
        self.bold = wb.add_format({"bold": True})
        self.bold_wrap = wb.add_format({"bold": True, "valign": "top", "text_wrap": True})
        self.integer = wb.add_format({"num_format": "#,##0", "valign": "top"})
        self.decimal = wb.add_format({"num_format": "#,##0.0#########", "valign": "top"})
        self.year = wb.add_format({"num_format": "0", "valign": "top"})
        self.date = wb.add_format({"num_format": "yyyy-mm-dd hh:mm", "valign": "top"})
        self.title = wb.add_format({"bold": True, "font_size": 12})


# How a column's cells are written (worked out once per sheet, not per cell).
_W_OTHER, _W_RICH, _W_DATE, _W_YEAR = range(4)


class _Sheet:
    """One kind's sheet: the next row, the fitted widths, and per column how to write it
    (a code and the plain and quote-prefixed formats for text)."""

    def __init__(self, ws: Any, columns: list[Column], f: _Formats) -> None:
        self.ws = ws
        self.columns = columns
        self.row = 1
        self.widths = [max(display_width(c.header) + 2, 6.0) for c in columns]
        self.plan: list[tuple[int, int, Any, Any, Any]] = []
        for c, col in enumerate(columns):
            cell = col.cell
            text, text_qp = (f.wrap, f.wrap_qp) if cell == LONG else (f.text, f.text_qp)
            if cell == RICH:
                self.plan.append((c, _W_RICH, None, text, text_qp))
            elif cell == DATE:
                self.plan.append((c, _W_DATE, f.date, text, text_qp))
            elif cell in (YEAR, HIDDEN):
                self.plan.append((c, _W_YEAR, f.year, text, text_qp))
            else:
                self.plan.append((c, _W_OTHER, None, text, text_qp))


def _write_text(ws: Any, row: int, col: int, value: str, fmt: Any, fmt_qp: Any) -> str:
    text = clean_text(value)
    ws.write_string(row, col, text, fmt_qp if looks_like_formula(text) else fmt)
    return text


def _write_rich(ws: Any, row: int, col: int, parts: tuple[str, str, str], f: _Formats) -> str:
    before, tagged, after = parts
    before = clean_text(before) if before else before
    tagged = clean_text_cached(tagged)
    after = clean_text(after) if after else after
    room = MAX_CELL_CHARS - len(tagged)
    if len(before) + len(after) > room:  # keep the tagged words, trim the context
        half = max(room // 2, 0)
        before = before[-half:] if half else ""
        after = after[: max(room - len(before), 0)]
    if not before and not after:
        ws.write_string(row, col, tagged, f.bold_wrap)
        return tagged
    fmt = f.wrap_qp if (before or tagged).startswith(FORMULA_STARTS) else f.wrap
    if before:
        if after:
            ws.write_rich_string(row, col, before, f.bold, tagged, after, fmt)
        else:
            ws.write_rich_string(row, col, before, f.bold, tagged, fmt)
    else:
        ws.write_rich_string(row, col, f.bold, tagged, after, fmt)
    return before + tagged + after


def _write_row(sheet: _Sheet, values: list[Any], f: _Formats) -> None:
    row = sheet.row
    if row <= WIDTH_SAMPLE_ROWS:
        _write_sampled_row(sheet, values, f)
        return
    ws = sheet.ws
    if isinstance(ws, _FastSheet) and ws.fast_row(row, sheet, values):
        sheet.row += 1
        return
    write_string = ws.write_string
    write_number = ws.write_number
    for (c, how, fmt, text_fmt, text_qp), value in zip(sheet.plan, values, strict=True):
        if value is None or value == "":
            continue
        if how == _W_RICH:
            _write_rich(ws, row, c, value, f)
        elif value.__class__ is str:  # text in any other column (a number field's "abc" too)
            text = clean_text_cached(value)
            write_string(row, c, text, text_qp if text.startswith(FORMULA_STARTS) else text_fmt)
        elif how == _W_YEAR:
            write_number(row, c, value, fmt)
        elif how == _W_DATE:
            ws.write_datetime(row, c, value, fmt)
        else:  # a number (in a text column too, as the sampled rows write it)
            number = float(value)
            write_number(row, c, number, f.integer if number.is_integer() else f.decimal)
    sheet.row += 1


# XlsxWriter escapes "_xHHHH_" literals and C0 controls in inline strings; we check for
# both at once and leave the rare hit to its own code.
_NEEDS_CONTROL_ESCAPE = re.compile(r"_x[0-9a-fA-F]{4}_|[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_FAST_MAX_CHARS = 16_000  # beyond half of Excel's limit XlsxWriter counts UTF-16 units


def _t(text: str, rich: bool = False) -> str:
    """A <t> element as XlsxWriter writes it: control characters escaped, white space at
    either end kept (judged before that escape in a rich run, after it in a plain
    string, as XlsxWriter does), then XML escaped."""
    if rich:
        preserve = text[:1].isspace() or text[-1:].isspace()
    if _NEEDS_CONTROL_ESCAPE.search(text):
        text = Worksheet._escape_control_characters(text)
    if not rich:
        preserve = text[:1].isspace() or text[-1:].isspace()
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<t xml:space="preserve">{text}</t>' if preserve else f"<t>{text}</t>"


def _text(value: str) -> tuple[str, bool]:
    """(the <t> element, whether it looks like a formula) of a text cell; ("", False)
    if it is too long for `fast_row`."""
    text = clean_text(value)
    if len(text) > _FAST_MAX_CHARS:
        return "", False
    return _t(text), text.startswith(FORMULA_STARTS)


_short_text = lru_cache(maxsize=8192)(_text)  # titles, statuses, field values repeat


class _FastSheet(Worksheet):  # type: ignore[misc]
    """A constant-memory worksheet that also takes a tag's whole row at once.

    XlsxWriter builds each cell through several Python calls (argument conversion, a
    cell tuple, attribute escaping, two regular expressions); with 100 000 tags × ~20
    cells that alone was over the export budget. `fast_row` writes the same XML that
    `write_string` / `write_number` / `write_datetime` / `write_rich_string` would
    (same styles, same inline strings, same escaping: tests/io/test_xlsx_export.py
    compares the two) straight to the sheet's row file, after flushing any row written
    the ordinary way. The first WIDTH_SAMPLE_ROWS rows, the header, and any row with a
    very long text still go through XlsxWriter's API."""

    fast_cols: list[tuple[int, int, str, str, str, str, str]] | None = None
    rich_bold: str = ""
    rich_plain: str = ""

    def prepare_fast(self, sheet: _Sheet, f: _Formats) -> None:
        def xf(fmt: Any) -> str:
            return f' s="{fmt._get_xf_index()}"'

        self.fast_cols = []
        for c, how, fmt, text_fmt, text_qp in sheet.plan:
            if how == _W_RICH:
                number, other = xf(f.wrap), xf(f.wrap_qp)  # plain / quote-prefixed
                text, qp = xf(f.bold_wrap), ""
            else:  # years, dates: their format; other numbers: integer or decimal
                number = xf(fmt) if fmt is not None else xf(f.integer)
                other = xf(f.decimal)
                text, qp = xf(text_fmt), xf(text_qp)
            self.fast_cols.append((c, how, f'<c r="{xl_col_to_name(c)}', number, other, text, qp))
        font = ('<sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/>'
                '<scheme val="minor"/>')
        self.rich_bold = f"<r><rPr><b/>{font}</rPr>"
        self.rich_plain = f"<r><rPr>{font}</rPr>"

    def fast_row(self, row: int, sheet: _Sheet, values: list[Any]) -> bool:
        """Write one row of tag values; False (nothing written) if it needs the slow way."""
        cols = self.fast_cols
        if cols is None or row <= self.previous_row:
            return False
        r = str(row + 1) + '"'  # closes the r attribute
        out = [f'<row r="{r}>']
        first = last = -1
        for (c, how, prefix, number, other, plain, qp), value in zip(cols, values, strict=True):
            if value is None or value == "":
                continue
            ref = prefix + r  # '<c r="B12"'
            if how == _W_RICH:
                cell = self._rich(ref, value, number, other, plain)
                if cell is None:
                    return False
                out.append(cell)
            elif value.__class__ is str:
                t, formula = _short_text(value) if len(value) <= 64 else _text(value)
                if not t:
                    return False
                out.append(f'{ref}{qp if formula else plain} t="inlineStr"><is>{t}</is></c>')
            elif how == _W_YEAR:
                out.append(f'{ref}{number}><v>{value:.16G}</v></c>')
            elif how == _W_DATE:
                serial = self._convert_date_time(value)
                out.append(f'{ref}{number}><v>{serial:.16G}</v></c>')
            else:
                x = float(value)
                if x != x or x in (float("inf"), float("-inf")):
                    return False
                style = number if x.is_integer() else other
                out.append(f'{ref}{style}><v>{x:.16G}</v></c>')
            if first < 0:
                first = c
            last = c
        if first < 0:
            return False
        self._write_single_row(row)  # flush a row written the ordinary way, if any
        self._check_dimensions(row, first)
        self._check_dimensions(row, last)
        out.append("</row>")
        self.fh.write("".join(out))
        return True

    def _rich(self, ref: str, parts: tuple[str, str, str], plain: str, qp: str,
              bold: str) -> str | None:
        before, tagged, after = parts
        before = clean_text(before) if before else before
        tagged = clean_text_cached(tagged)
        after = clean_text(after) if after else after
        if not tagged or len(before) + len(tagged) + len(after) > _FAST_MAX_CHARS:
            return None
        if not before and not after:
            return f'{ref}{bold} t="inlineStr"><is>{_t(tagged)}</is></c>'
        style = qp if (before or tagged).startswith(FORMULA_STARTS) else plain
        body = f"<r>{_t(before, True)}</r>" if before else ""
        body += f"{self.rich_bold}{_t(tagged, True)}</r>"
        if after:
            body += f"{self.rich_plain}{_t(after, True)}</r>"
        return f'{ref}{style} t="inlineStr"><is>{body}</is></c>'


def _write_sampled_row(sheet: _Sheet, values: list[Any], f: _Formats) -> None:
    """A row among the first WIDTH_SAMPLE_ROWS, that the column widths are fitted on."""
    ws, row = sheet.ws, sheet.row
    for c, (col, value) in enumerate(zip(sheet.columns, values, strict=True)):
        if value is None or value == "":
            continue
        cell = col.cell
        shown: str
        if cell == RICH:
            shown = _write_rich(ws, row, c, value, f)
        elif isinstance(value, str):
            wrap = cell == LONG
            shown = _write_text(ws, row, c, value, f.wrap if wrap else f.text,
                                f.wrap_qp if wrap else f.text_qp)
        elif cell == DATE:
            ws.write_datetime(row, c, value, f.date)
            shown = "2025-01-01 00:00"
        elif cell in (YEAR, HIDDEN):
            ws.write_number(row, c, value, f.year)
            shown = str(value)
        else:
            number = float(value)
            ws.write_number(row, c, number, f.integer if number.is_integer() else f.decimal)
            shown = repr(number)
        width = display_width(shown) + 2 if cell != RICH else display_width(shown) / 3
        if width > sheet.widths[c]:
            sheet.widths[c] = min(width, MAX_WIDTH)
    sheet.row += 1


def _finish_sheet(sheet: _Sheet, f: _Formats) -> None:
    ws = sheet.ws
    for c, col in enumerate(sheet.columns):
        width = max(sheet.widths[c], col.width) if col.cell in (LONG, RICH) else sheet.widths[c]
        options = {"hidden": True} if col.cell == HIDDEN else None
        ws.set_column(c, c, min(width, MAX_WIDTH), None, options)
    ws.freeze_panes(1, 1)
    ws.autofilter(0, 0, max(sheet.row - 1, 1), len(sheet.columns) - 1)


def _header(ws: Any, headers: Sequence[str], f: _Formats, row: int = 0) -> None:
    for c, h in enumerate(headers):
        ws.write_string(row, c, h, f.header)


class _Summary:
    """Counts per report and kind, and metric values by region × indicator × period."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)
        self.pivot: dict[tuple[str, str, str], list[Decimal]] = defaultdict(list)
        self.units: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.regions: set[str] = set()

    def add(self, rec: TagRecord) -> None:
        self.counts[rec.report_id][rec.kind] += 1
        if rec.kind != "metric":
            return
        fields = rec.fields
        indicator = display(fields.get("indicator")).strip()
        if not indicator:
            return
        value, unit = normalised(fields)
        if value is None:
            return
        region = display(fields.get("region")).strip() or rec.region or "?"
        period = display(fields.get("period")).strip() or display(fields.get("period_label"))
        self.regions.add(region)
        self.pivot[(indicator, period, region)].append(value)
        self.units[(indicator, period)][unit] += 1


def _write_summary(ws: Any, kinds: Sequence[KindSpec], reports: Sequence[ReportInfo],
                   summary: _Summary, f: _Formats) -> None:
    ws.write_string(0, 0, "Tags per report and kind", f.title)
    headers = ["Report", "Region", "Year", *[k.name for k in kinds], "Total"]
    _header(ws, headers, f, 1)
    row = 2
    totals: Counter[str] = Counter()
    for rep in reports:
        counts = summary.counts.get(rep.id)
        if not counts:
            continue
        _write_text(ws, row, 0, rep.title, f.text, f.text_qp)
        if rep.region:
            _write_text(ws, row, 1, rep.region, f.text, f.text_qp)
        if rep.year is not None:
            ws.write_number(row, 2, rep.year, f.year)
        for c, kind in enumerate(kinds, start=3):
            ws.write_number(row, c, counts.get(kind.key, 0), f.integer)
        ws.write_number(row, 3 + len(kinds), sum(counts.values()), f.integer)
        totals.update(counts)
        row += 1
    ws.write_string(row, 0, "Total", f.bold)
    for c, kind in enumerate(kinds, start=3):
        ws.write_number(row, c, totals.get(kind.key, 0), f.integer)
    ws.write_number(row, 3 + len(kinds), sum(totals.values()), f.integer)
    row += 2
    ws.write_string(row, 0, "Metric values by region × indicator × period (normalised)", f.title)
    row += 1
    regions = sorted(summary.regions)
    _header(ws, ["Indicator", "Period", "Unit", *regions], f, row)
    row += 1
    column_of = {r: 3 + i for i, r in enumerate(regions)}
    pairs = sorted({(ind, per) for ind, per, _ in summary.pivot})
    for ind, per in pairs:
        _write_text(ws, row, 0, ind, f.text, f.text_qp)
        if per:
            _write_text(ws, row, 1, per, f.text, f.text_qp)
        unit = summary.units[(ind, per)].most_common(1)[0][0]
        if unit:
            _write_text(ws, row, 2, unit, f.text, f.text_qp)
        for region in regions:
            values = summary.pivot.get((ind, per, region))
            if not values:
                continue
            distinct = sorted(set(values))
            if len(distinct) == 1:
                number = float(distinct[0])
                ws.write_number(row, column_of[region], number,
                                f.integer if number.is_integer() else f.decimal)
            else:  # analysts disagree or several tags: show them all, never pick one
                _write_text(ws, row, column_of[region], " / ".join(str(v) for v in distinct),
                            f.text, f.text_qp)
        row += 1
    ws.set_column(0, 0, 36)
    ws.set_column(1, 2, 14)
    ws.set_column(3, 3 + max(len(kinds), len(regions)), 10)
    ws.freeze_panes(2, 1)


def _write_reports(ws: Any, kinds: Sequence[KindSpec], reports: Sequence[ReportInfo],
                   summary: _Summary, f: _Formats) -> None:
    headers = ["Report ID", "Title", "Agency", "Region", "Year", "Published", "Source file",
               "Characters", *[k.name for k in kinds]]
    _header(ws, headers, f)
    for r, rep in enumerate(reports, start=1):
        for c, text in ((0, rep.id), (1, rep.title), (2, rep.agency), (3, rep.region),
                        (5, rep.published), (6, rep.source_file)):
            if text:
                _write_text(ws, r, c, text, f.wrap if c == 1 else f.text,
                            f.wrap_qp if c == 1 else f.text_qp)
        if rep.year is not None:
            ws.write_number(r, 4, rep.year, f.year)
        ws.write_number(r, 7, rep.chars, f.integer)
        counts = summary.counts.get(rep.id, Counter())
        for c, kind in enumerate(kinds, start=8):
            ws.write_number(r, c, counts.get(kind.key, 0), f.integer)
    for c, width in enumerate([12, 40, 24, 8, 7, 12, 24, 11, *[10] * len(kinds)]):
        ws.set_column(c, c, width)
    ws.freeze_panes(1, 1)
    ws.autofilter(0, 0, max(len(reports), 1), len(headers) - 1)


def _write_meta(ws: Any, sheets: list[tuple[str, KindSpec, list[Column]]], meta: Meta) -> None:
    ws.write_string(0, 0, FORMAT_MARKER)
    ws.write_number(0, 1, FORMAT_VERSION)
    rows = [("project", meta.project), ("analyst", meta.analyst),
            ("exported_at", meta.exported_at.isoformat()),
            ("filters", json.dumps(meta.filters, ensure_ascii=False))]
    for r, (key, value) in enumerate(rows, start=1):
        ws.write_string(r, 0, key)
        ws.write_string(r, 1, clean_text(value))
    for r, (name, kind, cols) in enumerate(sheets, start=len(rows) + 1):
        ws.write_string(r, 0, "sheet")
        ws.write_string(r, 1, name)
        ws.write_string(r, 2, kind.key)
        ws.write_string(r, 3, json.dumps([[c.key, c.header] for c in cols], ensure_ascii=False))
    ws.very_hidden()


def write_xlsx(
    path: str | Path,
    kinds: Sequence[KindSpec],
    records: Iterable[TagRecord],
    reports: Sequence[ReportInfo],
    meta: Meta,
    *,
    progress: Callable[[int], None] | None = None,
    tmpdir: str | None = None,
) -> dict[str, int]:
    """Write the workbook to `path` (the caller renames it into place). Returns the number
    of tags written per kind key. `progress(n)` is called every PROGRESS_EVERY tags."""
    options: dict[str, Any] = {"constant_memory": True, "strings_to_formulas": False,
                               "strings_to_numbers": False, "strings_to_urls": False}
    if tmpdir:
        options["tmpdir"] = tmpdir
    wb = xlsxwriter.Workbook(str(path), options)
    try:
        f = _Formats(wb)
        taken: set[str] = {META_SHEET.lower(), "reports", "summary"}
        sheets: dict[str, _Sheet] = {}
        layout: list[tuple[str, KindSpec, list[Column]]] = []
        for kind in kinds:
            name = sheet_name(kind.name, taken)
            columns = kind_columns(kind)
            ws = wb.add_worksheet(name, worksheet_class=_FastSheet)
            _header(ws, [c.header for c in columns], f)
            sheets[kind.key] = _Sheet(ws, columns, f)
            ws.prepare_fast(sheets[kind.key], f)
            layout.append((name, kind, columns))
        reports_ws = wb.add_worksheet("Reports")
        summary_ws = wb.add_worksheet("Summary")
        meta_ws = wb.add_worksheet(META_SHEET)
        summary = _Summary()
        n = 0
        for rec in records:
            sheet = sheets.get(rec.kind)
            if sheet is None:
                continue
            _write_row(sheet, row_values(rec, sheet.columns), f)
            summary.add(rec)
            n += 1
            if progress is not None and n % PROGRESS_EVERY == 0:
                progress(n)
        for sheet in sheets.values():
            _finish_sheet(sheet, f)
        _write_reports(reports_ws, kinds, reports, summary, f)
        _write_summary(summary_ws, kinds, reports, summary, f)
        _write_meta(meta_ws, layout, meta)
        wb.set_properties({"title": "ReportMark export", "author": meta.analyst,
                           "comments": f"{FORMAT_MARKER} v{FORMAT_VERSION}"})
    finally:
        wb.close()
    return {key: sheet.row - 1 for key, sheet in sheets.items()}
