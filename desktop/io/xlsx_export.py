"""The workbook writer: one sheet per tag kind, a Summary sheet, a Charts sheet, a
Reports sheet and a very hidden `_reportmark` sheet that lets `xlsx_edits` recognise
the workbook, all in the language of the window (`workbook_labels`).

Each kind sheet is ready to print and to edit: landscape A4, one page wide, the header
row repeated, a project/date footer; row heights set for the wrapped sentence (LibreOffice
does not grow rows on load as Excel does); a drop-down list on every choice column.

XlsxWriter in constant-memory mode streams each sheet's rows to a temporary file, so
memory stays flat with 100 000 tags (docs/design.md budget: < 8 s, < 50 MB; openpyxl
write-only was slower in the same run, see benchmarks/bench_export.py). In that mode a
sheet's rows must come in ascending order, which they do: each kind's sheet is appended
to as its tags arrive; Reports and Summary are written at the end.

Every string goes through `cells.clean_text`; text that looks like a formula gets the
quote-prefix style, and no cell is ever written with `write_formula`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from desktop.io import workbook_labels as labels
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
    NUMBER,
    RICH,
    YEAR,
    Column,
    KindSpec,
    Meta,
    ReportInfo,
    TagRecord,
    frozen_columns,
    kind_columns,
    row_values,
)
from desktop.io.xlsx_charts import write_charts
from desktop.io.xlsx_fast import W_DATE, W_OTHER, W_RICH, W_YEAR, FastSheet
from desktop.io.xlsx_rows import RowWriter, lines_needed, row_height
from desktop.io.xlsx_summary import SummaryData, display_width, number_text, write_summary

WIDTH_SAMPLE_ROWS = 500  # column widths are fitted on the first rows of each sheet
FAST_ROWS = True  # rows by xlsx_rows (False: all by XlsxWriter's API, which tests compare)
MAX_WIDTH = 60.0
PROGRESS_EVERY = 2000
LIST_SHEET = "_lists"  # drop-down lists too long to write inline
HEADER_PX = 36  # two lines of header


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
        self.date = wb.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
        self.title = wb.add_format({"bold": True, "font_size": 12})
        self.flag = wb.add_format({"valign": "top", "font_color": "#B91C1C", "bold": True})
        self.header_qp = wb.add_format({
            "bold": True, "bg_color": "#1F4E78", "font_color": "#FFFFFF", "text_wrap": True,
            "valign": "top", "border": 1, "quote_prefix": True,
        })


class _ListSheet:
    """A hidden sheet holding the drop-down lists too long for an inline list (Excel
    allows 255 characters there); one column per list, written at the end."""

    def __init__(self) -> None:
        self.lists: list[tuple[str, ...]] = []

    def range_of(self, choices: tuple[str, ...]) -> str:
        if choices not in self.lists:
            self.lists.append(choices)
        col = xl_col_to_name(self.lists.index(choices))
        return f"={LIST_SHEET}!${col}$1:${col}${len(choices)}"

    def write(self, ws: Any) -> None:
        for r in range(max((len(c) for c in self.lists), default=0)):
            for c, choices in enumerate(self.lists):
                if r < len(choices):
                    ws.write_string(r, c, clean_text(choices[r]))
        ws.hide()


class _Sheet:
    """One kind's sheet: the next row, the fitted widths, and per column how to write it
    (a code and the plain and quote-prefixed formats for text)."""

    def __init__(self, ws: Any, columns: list[Column], f: _Formats) -> None:
        self.ws = ws
        self.columns = columns
        self.row = 1
        # Wrapped columns keep their width; text columns are fitted to the first rows up
        # to their width (a longer text is cut at the cell's edge, not the page's); number
        # columns are fitted with no cap, so that a number never shows as ###.
        self.widths = [max(c.width, 5.0) if c.cell in (LONG, RICH)
                       else min(max(display_width(c.header) * 0.5 + 1, 5.0), c.width)
                       for c in columns]
        self.plan: list[tuple[int, int, Any, Any, Any]] = []
        # (index, width) of the wrapped columns whose text sets a row's height
        self.wrapped: list[tuple[int, float]] = []
        for c, col in enumerate(columns):
            cell = col.cell
            text, text_qp = (f.wrap, f.wrap_qp) if cell == LONG else (f.text, f.text_qp)
            if cell in (LONG, RICH):
                self.wrapped.append((c, self.widths[c]))
            if cell == RICH:
                self.plan.append((c, W_RICH, None, text, text_qp))
            elif cell == DATE:
                self.plan.append((c, W_DATE, f.date, text, text_qp))
            elif cell in (YEAR, HIDDEN):
                self.plan.append((c, W_YEAR, f.year, text, text_qp))
            else:
                self.plan.append((c, W_OTHER, None, text, text_qp))

        self.fast: RowWriter | None = None  # set once the sheet's formats are known

    def height(self, values: list[Any]) -> int | None:
        """The row's height in pixels when a wrapped text needs more than one line."""
        lines = 1
        for c, width in self.wrapped:
            need = lines_needed(values[c], width)
            if need > lines:
                lines = need
        return row_height(lines)


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


def _write_row(sheet: _Sheet, rec: TagRecord, f: _Formats) -> None:
    """Write a tag's row: by the fast path (`xlsx_rows`) unless a cell needs XlsxWriter's
    API; the first WIDTH_SAMPLE_ROWS rows fit the column widths on the way."""
    row = sheet.row
    sheet.row += 1
    values = None
    if row <= WIDTH_SAMPLE_ROWS:
        values = row_values(rec, sheet.columns)
        _fit_widths(sheet, values)
    if FAST_ROWS and sheet.fast is not None and sheet.fast.write(rec, row):
        return
    if values is None:
        values = row_values(rec, sheet.columns)
    ws = sheet.ws
    height = sheet.height(values)
    if height is not None:
        ws.set_row_pixels(row, height)
    write_string = ws.write_string
    write_number = ws.write_number
    for (c, how, fmt, text_fmt, text_qp), value in zip(sheet.plan, values, strict=True):
        if value is None or value == "":
            continue
        if how == W_RICH:
            _write_rich(ws, row, c, value, f)
        elif value.__class__ is str:  # text in any other column (a number field's "abc" too)
            text = clean_text_cached(value)
            write_string(row, c, text, text_qp if text.startswith(FORMULA_STARTS) else text_fmt)
        elif how == W_YEAR:
            write_number(row, c, value, fmt)
        elif how == W_DATE:
            ws.write_datetime(row, c, value, fmt)
        else:  # a number (in a text column too)
            number = float(value)
            write_number(row, c, number, f.integer if number.is_integer() else f.decimal)


def _fit_widths(sheet: _Sheet, values: list[Any]) -> None:
    """Widen the columns that are not wrapped to what this row shows (numbers without a
    cap, so that none shows as ###; text up to the column's width)."""
    for c, (col, value) in enumerate(zip(sheet.columns, values, strict=True)):
        if value is None or value == "":
            continue
        cell = col.cell
        if cell in (LONG, HIDDEN, RICH):
            continue  # wrapped to a fixed width / not shown
        if isinstance(value, str):
            shown = clean_text(value)
        elif cell == DATE:
            shown = "2025-01-01"
        elif cell == YEAR:
            shown = str(value)
        else:
            shown = number_text(float(value)) + "00"  # room for a longer number further down
        width = display_width(shown) * 1.1 + 2
        if width > sheet.widths[c]:
            cap = MAX_WIDTH if cell == NUMBER else col.width
            sheet.widths[c] = min(width, cap)


def _print_setup(ws: Any, meta: Meta, lang: str, repeat_header: bool = True) -> None:
    """Landscape A4, one page wide, the header row on every page, a footer naming the
    project, the sheet, the page and the export date."""
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    if repeat_header:
        ws.repeat_rows(0)
    project = clean_text(meta.project).replace("\\", "/").rsplit("/", 1)[-1][:60].replace("&", "&&")
    date = meta.exported_at.strftime("%Y-%m-%d")
    page = "第 &P / &N 页" if lang == "zh_CN" else "Page &P of &N"
    ws.set_footer(f"&L{project} · &A&C{page}&R{labels.word('Exported', lang)} {date}",
                  {"margin": 0.3})


def _validate(sheet: _Sheet, lang: str, lists: _ListSheet) -> None:
    """A drop-down list on every choice column, refusing anything else."""
    last = max(sheet.row - 1, 1)
    for c, col in enumerate(sheet.columns):
        if not col.choices:
            continue
        options: dict[str, Any] = {
            "validate": "list", "ignore_blank": True, "dropdown": True,
            "error_type": "stop",
            "error_title": labels.word("Not in the list", lang),
            "error_message": labels.word("Choose a value from the list.", lang),
        }
        source = ",".join(col.choices)
        if len(source) <= 255 and not any(('"' in v or "," in v) for v in col.choices):
            options["source"] = list(col.choices)
        else:  # too long for an inline list: the list sheet holds it
            options["source"] = lists.range_of(col.choices)
        sheet.ws.data_validation(1, c, last, c, options)


def _finish_sheet(sheet: _Sheet, meta: Meta, lang: str, lists: _ListSheet) -> None:
    ws = sheet.ws
    for c, col in enumerate(sheet.columns):
        options = {"hidden": True} if col.cell == HIDDEN else None
        ws.set_column(c, c, min(sheet.widths[c], MAX_WIDTH), None, options)
    ws.freeze_panes(1, frozen_columns(sheet.columns))
    visible = [c for c, col in enumerate(sheet.columns) if col.cell != HIDDEN]
    ws.autofilter(0, 0, max(sheet.row - 1, 1), len(sheet.columns) - 1)
    ws.print_area(0, 0, max(sheet.row - 1, 1), visible[-1])
    ws.hide_gridlines(0)  # print the cell borders: a table on paper needs them
    _validate(sheet, lang, lists)
    _print_setup(ws, meta, lang)


def _header(ws: Any, headers: Sequence[str], f: _Formats, row: int = 0) -> None:
    """A header row: labels come from the kind schema, which users edit, so they pass the
    same formula guard as every other cell."""
    for c, h in enumerate(headers):
        text = clean_text(h)
        ws.write_string(row, c, text, f.header_qp if looks_like_formula(text) else f.header)


def _write_reports(ws: Any, kinds: Sequence[KindSpec], reports: Sequence[ReportInfo],
                   summary: SummaryData, f: _Formats, lang: str) -> None:
    w = labels.word
    headers = [w("Title", lang), w("Agency", lang), w("Region", lang), w("Year", lang),
               w("Published", lang), w("Source file", lang), w("Characters", lang),
               *[k.name_in(lang) for k in kinds], w("Report ID", lang)]
    _header(ws, headers, f)
    id_col = len(headers) - 1
    for r, rep in enumerate(reports, start=1):
        for c, text in ((0, rep.title), (1, rep.agency), (2, rep.region),
                        (4, rep.published), (5, rep.source_file), (id_col, rep.id)):
            if text:
                _write_text(ws, r, c, text, f.wrap if c == 0 else f.text,
                            f.wrap_qp if c == 0 else f.text_qp)
        if rep.year is not None:
            ws.write_number(r, 3, rep.year, f.year)
        ws.write_number(r, 6, rep.chars, f.integer)
        counts = summary.counts.get(rep.id, Counter())
        for c, kind in enumerate(kinds, start=7):
            ws.write_number(r, c, counts.get(kind.key, 0), f.integer)
    for c, width in enumerate([40, 24, 8, 7, 12, 24, 11, *[8] * len(kinds), 38]):
        ws.set_column(c, c, width)
    ws.freeze_panes(1, 1)
    ws.autofilter(0, 0, max(len(reports), 1), len(headers) - 1)


def _write_meta(ws: Any, sheets: list[tuple[str, KindSpec, list[Column], int]], meta: Meta,
                lang: str) -> None:
    ws.write_string(0, 0, FORMAT_MARKER)
    ws.write_number(0, 1, FORMAT_VERSION)
    rows = [("project", meta.project), ("analyst", meta.analyst),
            ("exported_at", meta.exported_at.isoformat()),
            ("filters", json.dumps(meta.filters, ensure_ascii=False)),
            ("lang", lang)]
    for r, (key, value) in enumerate(rows, start=1):
        ws.write_string(r, 0, key)
        ws.write_string(r, 1, clean_text(value))
    for r, (name, kind, cols, n) in enumerate(sheets, start=len(rows) + 1):
        ws.write_string(r, 0, "sheet")
        ws.write_string(r, 1, name)
        ws.write_string(r, 2, kind.key)
        ws.write_string(r, 3, json.dumps([[c.key, c.header] for c in cols], ensure_ascii=False))
        ws.write_number(r, 4, n)  # rows written: import-edits reads no more than this (+ room)
    ws.very_hidden()


def write_xlsx(
    path: str | Path,
    kinds: Sequence[KindSpec],
    records: Iterable[TagRecord],
    reports: Sequence[ReportInfo],
    meta: Meta,
    *,
    lang: str = "en",
    progress: Callable[[int], None] | None = None,
    tmpdir: str | None = None,
) -> dict[str, int]:
    """Write the workbook to `path` (the caller renames it into place) in `lang` ("zh_CN"
    or "en"). Returns the number of tags written per kind key. `progress(n)` is called
    every PROGRESS_EVERY tags."""
    options: dict[str, Any] = {"constant_memory": True, "strings_to_formulas": False,
                               "strings_to_numbers": False, "strings_to_urls": False}
    if tmpdir:
        options["tmpdir"] = tmpdir
    wb = xlsxwriter.Workbook(str(path), options)
    try:
        f = _Formats(wb)
        w = labels.word
        taken: set[str] = {META_SHEET.lower(), LIST_SHEET.lower()}
        fixed = {key: sheet_name(w(key, lang), taken) for key in ("Summary", "Charts", "Reports")}
        sheets: dict[str, _Sheet] = {}
        layout: list[tuple[str, KindSpec, list[Column]]] = []
        lists = _ListSheet()
        for kind in kinds:
            name = sheet_name(kind.name_in(lang), taken)
            columns = kind_columns(kind, lang)
            ws = wb.add_worksheet(name, worksheet_class=FastSheet)
            ws.set_row_pixels(0, HEADER_PX)
            _header(ws, [c.header for c in columns], f)
            sheet = sheets[kind.key] = _Sheet(ws, columns, f)
            ws.prepare_fast(sheet.plan, f)
            sheet.fast = RowWriter(ws, columns, sheet.widths)
            layout.append((name, kind, columns))
        summary_ws = wb.add_worksheet(fixed["Summary"])
        charts_ws = wb.add_worksheet(fixed["Charts"])
        reports_ws = wb.add_worksheet(fixed["Reports"])
        meta_ws = wb.add_worksheet(META_SHEET)
        list_ws = wb.add_worksheet(LIST_SHEET)
        summary = SummaryData()
        n = 0
        for rec in records:
            target = sheets.get(rec.kind)
            if target is None:
                continue
            _write_row(target, rec, f)
            summary.add(rec)
            n += 1
            if progress is not None and n % PROGRESS_EVERY == 0:
                progress(n)
        for sheet in sheets.values():
            _finish_sheet(sheet, meta, lang, lists)
        write_summary(summary_ws, kinds, reports, summary, f, lang)
        _print_setup(summary_ws, meta, lang, repeat_header=False)
        write_charts(wb, charts_ws, summary, f, lang)
        _print_setup(charts_ws, meta, lang, repeat_header=False)
        _write_reports(reports_ws, kinds, reports, summary, f, lang)
        _print_setup(reports_ws, meta, lang)
        counts = {key: sheet.row - 1 for key, sheet in sheets.items()}
        _write_meta(meta_ws, [(name, kind, cols, counts[kind.key]) for name, kind, cols in layout],
                    meta, lang)
        lists.write(list_ws)
        wb.set_properties({"title": "ReportMark export", "author": meta.analyst,
                           "comments": f"{FORMAT_MARKER} v{FORMAT_VERSION}"})
    finally:
        wb.close()
    return counts
