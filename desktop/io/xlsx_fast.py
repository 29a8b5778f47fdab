"""The fast row path of the workbook writer: a constant-memory XlsxWriter worksheet that
takes a tag's whole row at once.

XlsxWriter builds each cell through several Python calls (argument conversion, a cell
tuple, attribute escaping, two regular expressions); with 100 000 tags × ~25 cells that
alone was over the export budget. `fast_row` writes the same XML that `set_row_pixels`
+ `write_string` / `write_number` / `write_datetime` / `write_rich_string` would (same
styles, same inline strings, same escaping, same row height:
tests/io/test_xlsx_export.py compares the two) straight to the sheet's row file, after
flushing any row written the ordinary way.

It relies on XlsxWriter internals (`fh`, `previous_row`, `_write_single_row`,
`_check_dimensions`, `_convert_date_time`, `_escape_control_characters`), so
pyproject.toml pins XlsxWriter to the releases the equivalence test has passed on.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from desktop.io.cells import FORMULA_STARTS, clean_text, clean_text_cached

# How a column's cells are written (worked out once per sheet, not per cell).
W_OTHER, W_RICH, W_DATE, W_YEAR = range(4)

# XlsxWriter escapes "_xHHHH_" literals and C0 controls in inline strings; we check for
# both at once and leave the rare hit to its own code.
_NEEDS_CONTROL_ESCAPE = re.compile(r"_x[0-9a-fA-F]{4}_|[\x00-\x08\x0b-\x1f\ufffe\uffff]")
CELL_CACHE_MAX = 4096  # per column
FAST_MAX_CHARS = 16_000  # beyond half of Excel's limit XlsxWriter counts UTF-16 units


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
    if len(text) > FAST_MAX_CHARS:
        return "", False
    return _t(text), text.startswith(FORMULA_STARTS)


_short_text = lru_cache(maxsize=8192)(_text)  # titles, statuses, field values repeat


class FastSheet(Worksheet):  # type: ignore[misc]
    """A constant-memory worksheet that also takes a tag's whole row at once; the first
    rows (that column widths are fitted on), the header, and any row with a very long
    text still go through XlsxWriter's API."""

    fast_cols: list[tuple[int, int, str, str, str, str, str]] | None = None
    rich_bold: str = ""
    rich_plain: str = ""
    cell_caches: list[dict[tuple[type, Any], str] | None]  # set by prepare_fast

    def prepare_fast(self, plan: list[tuple[int, int, Any, Any, Any]], f: Any,
                     hidden_cols: list[bool] | None = None) -> None:
        """`plan`: per column (index, W_* code, number format, text format, quote-prefixed
        text format); `f` the writer's formats (integer, decimal, wrap, wrap_qp, bold_wrap)."""
        def xf(fmt: Any) -> str:
            return f' s="{fmt._get_xf_index()}"'

        if hidden_cols is None:
            hidden_cols = [False] * len(plan)
        self.fast_cols = []
        for c, how, fmt, text_fmt, text_qp in plan:
            if how == W_RICH:
                number, other = xf(f.wrap), xf(f.wrap_qp)  # plain / quote-prefixed
                text, qp = xf(f.bold_wrap), ""
            else:  # years, dates: their format; other numbers: integer or decimal
                number = xf(fmt) if fmt is not None else xf(f.integer)
                other = xf(f.decimal)
                text, qp = xf(text_fmt), xf(text_qp)
            self.fast_cols.append((c, how, f'<c r="{xl_col_to_name(c)}', number, other, text, qp))
        font = ('<sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/>'
                '<scheme val="minor"/>')
        self.serials: dict[Any, float] = {}
        # Per column, (class, value) → the cell after its reference, for the columns whose
        # values repeat (not dates, sentences or the hidden ids and checksums)
        self.cell_caches: list[dict[tuple[type, Any], str] | None] = [
            {} if how == W_OTHER or (how == W_YEAR and not hidden) else None
            for (_c, how, _f, _t, _q), hidden in zip(plan, hidden_cols, strict=True)]
        self.rich_bold = f"<r><rPr><b/>{font}</rPr>"
        self.rich_plain = f"<r><rPr>{font}</rPr>"

    def fast_row(self, row: int, values: list[Any], height_px: int | None) -> bool:
        """Write one row of tag values (`height_px`: its height, None for the default);
        False (nothing written) if it needs the slow way."""
        cols = self.fast_cols
        if cols is None or row <= self.previous_row:
            return False
        r = str(row + 1) + '"'  # closes the r attribute
        if height_px is None:
            out = [f'<row r="{r}>']
        else:
            out = [f'<row r="{r} ht="{height_px * 0.75:.16g}" customHeight="1">']
        first = last = -1
        caches = self.cell_caches
        if len(values) != len(cols):
            raise ValueError(f"{len(values)} values for {len(cols)} columns")
        for i, value in enumerate(values):
            if value is None or value == "":
                continue  # an empty cell: its column's plan is not even looked at
            c, how, prefix, number, other, plain, qp = cols[i]
            cache = caches[i]
            ref = prefix + r  # '<c r="B12"'
            if cache is not None:
                cls = value.__class__
                # (not a float zero: -0.0 == 0.0, but their cells differ)
                if ((cls is str and len(value) <= 64) or cls is int
                        or (cls is float and value)):
                    key = (cls, value)
                    tail = cache.get(key)
                    if tail is None:
                        tail = self._tail(how, value, number, other, plain, qp)
                        if tail is None:
                            return False
                        if len(cache) >= CELL_CACHE_MAX:
                            cache.clear()
                        cache[key] = tail
                    out.append(ref + tail)
                    if first < 0:
                        first = c
                    last = c
                    continue
            if how == W_RICH:
                cell = self._rich(ref, value, number, other, plain)
                if cell is None:
                    return False
                out.append(cell)
            elif value.__class__ is str:
                t, formula = _short_text(value) if len(value) <= 64 else _text(value)
                if not t:
                    return False
                out.append(f'{ref}{qp if formula else plain} t="inlineStr"><is>{t}</is></c>')
            elif how == W_YEAR:
                out.append(f'{ref}{number}><v>{value:.16G}</v></c>')
            elif how == W_DATE:
                serial = self.serials.get(value)
                if serial is None:  # tags made together share their second
                    if len(self.serials) > 4096:
                        self.serials.clear()
                    serial = self.serials[value] = self._convert_date_time(value)
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

    def _tail(self, how: int, value: Any, number: str, other: str, plain: str,
              qp: str) -> str | None:
        """What follows '<c r="B12"' for a text, year or number cell (not a date or
        rich one), as the loop of `fast_row` writes it; None if it needs the slow way."""
        if value.__class__ is str:
            t, formula = _text(value)
            if not t:
                return None
            return f'{qp if formula else plain} t="inlineStr"><is>{t}</is></c>'
        if how == W_YEAR:
            return f'{number}><v>{value:.16G}</v></c>'
        x = float(value)
        if x != x or x in (float("inf"), float("-inf")):
            return None
        style = number if x.is_integer() else other
        return f'{style}><v>{x:.16G}</v></c>'

    def _rich(self, ref: str, parts: tuple[str, str, str], plain: str, qp: str,
              bold: str) -> str | None:
        before, tagged, after = parts
        before = clean_text(before) if before else before
        tagged = clean_text_cached(tagged)
        after = clean_text(after) if after else after
        if not tagged or len(before) + len(tagged) + len(after) > FAST_MAX_CHARS:
            return None
        if not before and not after:
            return f'{ref}{bold} t="inlineStr"><is>{_t(tagged)}</is></c>'
        style = qp if (before or tagged).startswith(FORMULA_STARTS) else plain
        body = f"<r>{_t(before, True)}</r>" if before else ""
        body += f"{self.rich_bold}{_t(tagged, True)}</r>"
        if after:
            body += f"{self.rich_plain}{_t(after, True)}</r>"
        return f'{ref}{style} t="inlineStr"><is>{body}</is></c>'
