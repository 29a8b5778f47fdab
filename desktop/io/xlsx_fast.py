"""The fast row path of the workbook writer: a constant-memory XlsxWriter worksheet that
takes a tag's whole row as XML, and the XML of each kind of cell.

XlsxWriter builds each cell through several Python calls (argument conversion, a cell
tuple, attribute escaping, two regular expressions); with 100 000 tags × ~25 cells that
alone was over the export budget. The cells made here are the XML that
`set_row_pixels` + `write_string` / `write_number` / `write_datetime` /
`write_rich_string` would write (same styles, same inline strings, same escaping, same
row height: tests/io/test_xlsx_export.py compares the two); `put_row` writes a row of
them straight to the sheet's row file, after flushing any row written the ordinary way.
`xlsx_rows` makes the rows.

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
# Text that needs no cleaning, escaping or quote prefix (ids, checksums)
_WORD = re.compile(r"[0-9A-Za-z][0-9A-Za-z-]{0,99}")
# Anything `clean_text` removes or the control escape changes: a sentence without any
# is written without either
_CLEANED_OR_ESCAPED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
FAST_MAX_CHARS = 16_000  # beyond half of Excel's limit XlsxWriter counts UTF-16 units


def _t(text: str, rich: bool = False, plain: bool = False) -> str:
    """A <t> element as XlsxWriter writes it: control characters escaped, white space at
    either end kept (judged before that escape in a rich run, after it in a plain
    string, as XlsxWriter does), then XML escaped. `plain`: the caller has checked
    that the text holds nothing that escape would change."""
    if rich:
        preserve = text[:1].isspace() or text[-1:].isspace()
    if not plain and _NEEDS_CONTROL_ESCAPE.search(text):
        text = Worksheet._escape_control_characters(text)
    if not rich:
        preserve = text[:1].isspace() or text[-1:].isspace()
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<t xml:space="preserve">{text}</t>' if preserve else f"<t>{text}</t>"


def _text(value: str) -> tuple[str, bool]:
    """(the <t> element, whether it looks like a formula) of a text cell; ("", False)
    if it is too long for the fast path."""
    text = clean_text(value)
    if len(text) > FAST_MAX_CHARS:
        return "", False
    return _t(text), text.startswith(FORMULA_STARTS)


_short_text = lru_cache(maxsize=8192)(_text)  # titles, statuses, field values repeat


class FastSheet(Worksheet):  # type: ignore[misc]
    """A constant-memory worksheet that also takes a whole row of cell XML at once; the
    first rows (that column widths are fitted on), the header, and any row with a very
    long text still go through XlsxWriter's API."""

    fast_cols: list[tuple[int, int, str, str, str, str, str]] | None = None
    rich_bold: str = ""
    rich_plain: str = ""

    def prepare_fast(self, plan: list[tuple[int, int, Any, Any, Any]], f: Any) -> None:
        """`plan`: per column (index, W_* code, number format, text format, quote-prefixed
        text format); `f` the writer's formats (integer, decimal, wrap, wrap_qp, bold_wrap).
        Sets `fast_cols`: per column (index, W_* code, '<c r="B', then the style
        attributes for a number, for another number, for text, for formula-like text)."""
        def xf(fmt: Any) -> str:
            return f' s="{fmt._get_xf_index()}"'

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
        self.rich_bold = f"<r><rPr><b/>{font}</rPr>"
        self.rich_plain = f"<r><rPr>{font}</rPr>"

    def put_row(self, row: int, cells: str, first: int, last: int,
                height_px: int | None) -> bool:
        """Write row `row` (0-based) holding `cells` (the <c> elements, columns `first`
        to `last`), `height_px` high (None: the default); False (nothing written) if
        the row cannot come now (a row at or before one already written)."""
        if row <= self.previous_row:
            return False
        self._write_single_row(row)  # flush a row written the ordinary way, if any
        self._check_dimensions(row, first)
        self._check_dimensions(row, last)
        if height_px is None:
            self.fh.write(f'<row r="{row + 1}">{cells}</row>')
        else:
            self.fh.write(f'<row r="{row + 1}" ht="{height_px * 0.75:.16g}" '
                          f'customHeight="1">{cells}</row>')
        return True

    def cell_tail(self, col: int, value: Any) -> str | None:
        """What follows '<c r="B12"' for a text, number, year or date cell of column
        `col`; None if it needs the slow way (a very long text, a number that is not
        finite)."""
        _c, how, _prefix, number, other, plain, qp = self.fast_cols[col]  # type: ignore[index]
        if value.__class__ is str:
            if _WORD.fullmatch(value):  # an id, a checksum: nothing to clean or escape
                return f'{plain} t="inlineStr"><is><t>{value}</t></is></c>'
            t, formula = _short_text(value) if len(value) <= 64 else _text(value)
            if not t:
                return None
            return f'{qp if formula else plain} t="inlineStr"><is>{t}</is></c>'
        if how == W_YEAR:
            return f'{number}><v>{value:.16G}</v></c>'
        if how == W_DATE:
            return f'{number}><v>{self._convert_date_time(value):.16G}</v></c>'
        x = float(value)
        if x != x or x in (float("inf"), float("-inf")):
            return None
        return f'{number if x.is_integer() else other}><v>{x:.16G}</v></c>'

    def rich_tail(self, col: int, parts: tuple[str, str, str]) -> str | None:
        """What follows '<c r="B12"' for the sentence (before, tagged, after), the tagged
        words bold; None if it needs the slow way."""
        _c, _how, _prefix, plain, qp, bold, _ = self.fast_cols[col]  # type: ignore[index]
        before, tagged, after = parts
        whole = f"{before}{tagged}{after}"
        plain_text = not _CLEANED_OR_ESCAPED.search(whole)
        if plain_text and "&" not in whole and "<" not in whole and ">" not in whole:
            return self._plain_rich(before, tagged, after, len(whole), plain, qp, bold)
        if not plain_text:  # (else clean_text would change none of them)
            before = clean_text(before) if before else before
            tagged = clean_text_cached(tagged)
            after = clean_text(after) if after else after
        if not tagged or len(before) + len(tagged) + len(after) > FAST_MAX_CHARS:
            return None
        if not before and not after:
            return f'{bold} t="inlineStr"><is>{_t(tagged, False, plain_text)}</is></c>'
        style = qp if (before or tagged).startswith(FORMULA_STARTS) else plain
        body = f"<r>{_t(before, True, plain_text)}</r>" if before else ""
        body += f"{self.rich_bold}{_t(tagged, True, plain_text)}</r>"
        if after:
            body += f"{self.rich_plain}{_t(after, True, plain_text)}</r>"
        return f'{style} t="inlineStr"><is>{body}</is></c>'

    def _plain_rich(self, before: str, tagged: str, after: str, length: int, plain: str,
                    qp: str, bold: str) -> str | None:
        """`rich_tail` of a sentence with nothing to clean or escape: only the white
        space at either end of a run is looked at."""
        if not tagged or length > FAST_MAX_CHARS:
            return None
        if not before and not after:
            return f'{bold} t="inlineStr"><is>{_kept(tagged)}</is></c>'
        style = qp if (before or tagged).startswith(FORMULA_STARTS) else plain
        body = f"<r>{_kept(before)}</r>{self.rich_bold}{_kept(tagged)}</r>" if before else (
            f"{self.rich_bold}{_kept(tagged)}</r>")
        if after:
            body = f"{body}{self.rich_plain}{_kept(after)}</r>"
        return f'{style} t="inlineStr"><is>{body}</is></c>'


def _kept(text: str) -> str:
    """A <t> element of text with nothing to escape, white space at either end kept."""
    if text[:1].isspace() or text[-1:].isspace():
        return f'<t xml:space="preserve">{text}</t>'
    return f"<t>{text}</t>"
