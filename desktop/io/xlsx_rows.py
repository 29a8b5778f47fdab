"""The fast rows of a kind's sheet: a tag's record straight to its row's XML, in one
pass over the columns.

How each column gets its value (a field, the record, the normalised quantity, a
period's bounds, the sentence, the checksum) is worked out once per sheet. Per column,
the finished cell (its XML after the cell reference), its canonical text for the
checksum and the lines it needs when wrapped are remembered by the value they come from
(the raw field, the record's attribute), so a value that comes back (titles, statuses,
units, indicators, periods, dates) costs one look-up, and only what is new to a row (the
sentence, the id, the checksum, a value not seen before) is worked out. A miss computes
the value with the functions `export_rows.row_values` uses; the equivalence test in
tests/io/test_xlsx_export.py compares these rows byte by byte with XlsxWriter's API.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import Any

from desktop.io.export_rows import (
    LONG,
    RICH,
    Column,
    TagRecord,
    canon,
    checksum,
    field_cell,
    normalised,
    period_bounds,
    plain_value,
)
from desktop.io.xlsx_fast import FastSheet

LINE_PX = 21  # one line of 11-point text, CJK included (Noto Sans CJK is taller than Calibri)
MAX_ROW_PX = 545  # Excel's limit, 409 points
CACHE_MAX = 4096  # cells remembered per column

# The record's attribute a column shows, where its key is not that attribute's name.
_ATTRS = {"report": "report_title", "text": "quote"}

# Where a column's value comes from.
(_FIELD, _PLAIN, _UNIQUE, _START, _END, _NORM_VALUE, _NORM_UNIT, _SENTENCE, _CHECKSUM,
 _GROUP) = range(10)
_FROM_FIELDS = frozenset((_FIELD, _START, _END, _NORM_VALUE, _NORM_UNIT))
# The record's attributes that most tags share with the tags around them (the report's,
# the author's, the review's).
_SHARED = frozenset(("report", "region", "agency", "year", "author", "origin", "status",
                     "note", "reviewer", "verdict", "review_comment"))
GROUP_CACHE_MAX = 2048  # groups of cells remembered per group of columns
UNGROUP_AFTER = 1024  # misses after which a group found less than half the time is undone
_SEP = "\x00"  # never in a cell's XML (clean_text removes it; XlsxWriter escapes controls)


def _groups(slots: list[tuple[Any, ...]], keys: list[str]) -> list[tuple[Any, ...]]:
    """`slots` with each stretch of two or more neighbouring columns that come from the
    same thing made one slot, its cells remembered together: the columns made from the
    tag's fields (by the fields' stored text and the report's year, which a period's
    bounds are read against), and those of _SHARED attributes (by those attributes)."""
    out: list[tuple[Any, ...]] = []
    stretch: list[tuple[Any, ...]] = []
    kind = ""

    def close() -> None:
        if len(stretch) == 1:
            out.append(stretch[0])
        elif stretch:
            get_key = (_fields_key if kind == "fields"
                       else attrgetter(*[member[1][2] for member in stretch]))
            editable = any(member[5] for member in stretch)
            out.append((_GROUP, (list(stretch), get_key, [0, 0]), {}, "", stretch[0][4],
                        editable))
        stretch.clear()

    for slot, key in zip(slots, keys, strict=True):
        of = ("fields" if slot[0] in _FROM_FIELDS
              else "record" if slot[0] == _PLAIN and key in _SHARED else "")
        if of != kind or not of:
            close()
        kind = of
        if of:
            stretch.append(slot)
        else:
            out.append(slot)
    close()
    return out


def _ungrouped(slots: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """`slots` with the groups found less than half the time back to their columns (a
    project whose metrics each have their own values: every row would miss)."""
    out: list[tuple[Any, ...]] = []
    for slot in slots:
        if slot[0] == _GROUP and slot[1][2][1] * 2 > slot[1][2][0]:
            out.extend(slot[1][0])
        else:
            out.append(slot)
    return out


def _fields_key(rec: TagRecord) -> Any:
    """What the cells made from a tag's fields depend on: None (nothing to go by) when
    the fields did not come as their stored text."""
    return None if rec.fields_json is None else (rec.fields_json, rec.year)


def lines_needed(value: Any, width: float) -> int:
    """The lines a wrapped cell of `width` units needs for `value` (a text, or the
    sentence's (before, tagged, after)); 1 for anything else."""
    if not value:
        return 1
    text = "".join(value) if value.__class__ is tuple else value
    if text.__class__ is not str:
        return 1
    n = len(text)
    if n * 2 < width - 2 and "\n" not in text:
        return 1  # one line even if all of it is Han characters
    wide = (len(text.encode("utf-8", "replace")) - n) // 2  # ≈ CJK characters
    # A Han character is ~2.1 units of Calibri 11 in Excel, ~1.5 in LibreOffice: rows
    # are sized for Excel (never cut), LibreOffice shows a little room below
    units = n + wide * 0.8
    return int(units // max(width - 1.5, 1.0)) + 1 + text.count("\n")


def row_height(lines: int) -> int | None:
    """A row's height in pixels for `lines` lines of wrapped text; None for one line."""
    return None if lines == 1 else min(lines * LINE_PX + 4, MAX_ROW_PX)


class _Slow(Exception):
    """A cell the fast path does not write (a very long text, a number not finite)."""


class RowWriter:
    """Writes tags' rows to one FastSheet whose columns are `columns`; `widths[c]` is
    column c's width where its text wraps (it sets the row's height)."""

    def __init__(self, ws: FastSheet, columns: Sequence[Column], widths: Sequence[float]) -> None:
        self.ws = ws
        self.slots: list[tuple[Any, ...]] = []
        self.meta: list[tuple[float, dict[Any, str] | None]] = []  # per column: wrap width, words
        assert ws.fast_cols is not None
        for c, col in enumerate(columns):
            key = col.key
            arg: Any = None
            if key.startswith("field:"):
                assert col.field is not None
                # field_cell(f, fields) is None when f is absent, unless a period (its
                # start/end fields) or the unit (a value's own unit)
                code, arg = _FIELD, (col.field, col.field.type != "period"
                                     and col.field.key != "unit")
            elif key.startswith(("start:", "end:")):
                code = _START if key.startswith("start:") else _END
                arg = key.split(":", 1)[1]
            elif key in ("norm_value", "norm_unit"):
                code = _NORM_VALUE if key == "norm_value" else _NORM_UNIT
            elif key == "sentence":
                code = _SENTENCE
            elif key == "checksum":
                code = _CHECKSUM
            elif key == "tag_id":
                code, arg = _UNIQUE, plain_value(key)
            else:  # the record's own attribute, remembered by its raw value
                attr = _ATTRS.get(key, key)
                code, arg = _PLAIN, (attrgetter(attr), plain_value(key), attr)
            self.slots.append((code, arg, {}, ws.fast_cols[c][2], c, col.editable))
            self.meta.append((widths[c] if col.cell in (LONG, RICH) else 0.0,
                              col.show() if col.shown else None))
        self.slots = _groups(self.slots, [c.key for c in columns])
        self.ungroup = False

    def _cell(self, c: int, editable: bool, value: Any) -> tuple[str, str, int]:
        """(column c's cell after its reference, "" if empty; its canonical text if
        editable; its lines)."""
        wrap, shown = self.meta[c]
        if shown is not None and value is not None:
            value = shown.get(value, value)
        if value is None or value == "":
            return "", "", 1
        tail = (self.ws.rich_tail(c, value) if value.__class__ is tuple
                else self.ws.cell_tail(c, value))
        if tail is None:
            raise _Slow
        return (tail, canon(value) if editable else "",
                lines_needed(value, wrap) if wrap else 1)

    def write(self, rec: TagRecord, row: int) -> bool:
        """Write `rec` as row `row` (0-based); False (nothing written) if a cell needs
        XlsxWriter's own path."""
        try:
            cells, first, last, lines = self._cells(rec, f'{row + 1}"', self.slots, [])
        except _Slow:
            return False
        finally:
            if self.ungroup:  # groups that seldom repeat cost more than they save
                self.slots = _ungrouped(self.slots)
                self.ungroup = False
        if first < 0:
            return False
        return self.ws.put_row(row, cells, first, last, row_height(lines))

    def _cells(self, rec: TagRecord, r: str, slots: list[tuple[Any, ...]],
               canons: list[str]) -> tuple[str, int, int, int]:
        """(the <c> elements of `slots` in `rec`'s row, the first and last column
        written (-1: none), the lines they need); `r` is the row number and the quote
        closing the reference; the canonical texts of editable cells go to `canons`."""
        fields = rec.fields
        norm: Any = None
        bounds: dict[str, tuple[str, str]] = {}
        out: list[str] = []
        first = last = -1
        lines = 1
        cell_of = self._cell
        hit: tuple[str, str, int] | None
        key: Any
        for code, arg, cache, prefix, c, editable in slots:
            if code == _PLAIN:
                raw = arg[0](rec)
                if raw.__class__ is str and len(raw) > 64:  # long texts are not remembered
                    hit = cell_of(c, editable, arg[1](rec))
                else:  # short texts, numbers, times, None: no two of them compare equal here
                    hit = cache.get(raw)
                    if hit is None:
                        hit = cell_of(c, editable, arg[1](rec))
                        if len(cache) >= CACHE_MAX:
                            cache.clear()
                        cache[raw] = hit
            elif code == _GROUP:
                members, get_key, tries = arg
                key = get_key(rec)
                group = cache.get(key) if key is not None else None
                tries[0] += 1
                if group is None:
                    tries[1] += 1
                    if tries[1] >= UNGROUP_AFTER and tries[1] * 2 > tries[0]:
                        self.ungroup = True
                    group_canons: list[str] = []
                    xml, g_first, g_last, n = self._cells(rec, _SEP, members, group_canons)
                    group = (xml.split(_SEP), group_canons, g_first, g_last, n)
                    if key is not None and len(xml) <= 4096:  # (not a long note)
                        if len(cache) >= GROUP_CACHE_MAX:
                            cache.clear()
                        cache[key] = group
                pieces, group_canons, g_first, g_last, n = group
                if editable:
                    canons.extend(group_canons)
                if g_first >= 0:
                    out.append(r.join(pieces))
                    if first < 0:
                        first = g_first
                    last = g_last
                    if n > lines:
                        lines = n
                continue
            elif code == _FIELD:
                spec, plain_empty = arg
                raw = fields.get(spec.key)
                if raw is None and plain_empty:  # an absent field: an empty cell
                    if editable:
                        canons.append("")
                    continue
                cls = raw.__class__
                if cls is str and raw:
                    key = raw
                elif cls is int or (cls is float and raw):  # (not a float zero: -0.0 == 0.0)
                    key = (cls, raw)
                else:
                    key = None
                hit = cache.get(key) if key is not None else None
                if hit is None:
                    hit = cell_of(c, editable, field_cell(spec, fields))
                    if key is not None:
                        if len(cache) >= CACHE_MAX:
                            cache.clear()
                        cache[key] = hit
            elif code == _SENTENCE:
                hit = cell_of(c, editable, (rec.before, rec.quote, rec.after))
            elif code == _CHECKSUM:
                hit = cell_of(c, editable, checksum(canons))
            elif code == _UNIQUE:
                hit = cell_of(c, editable, arg(rec))
            else:
                if code in (_NORM_VALUE, _NORM_UNIT):
                    if norm is None:
                        norm = normalised(fields)
                    value = ((float(norm[0]) if norm[0] is not None else None)
                             if code == _NORM_VALUE else norm[1] or None)
                else:  # a period's start or end
                    pair = bounds.get(arg)
                    if pair is None:
                        pair = bounds[arg] = period_bounds(arg, fields, rec.year)
                    value = (pair[0] if code == _START else pair[1]) or None
                # (a float zero is not remembered: -0.0 == 0.0, but their cells differ)
                key = value if value or value.__class__ is not float else None
                hit = cache.get(key) if key is not None else None
                if hit is None:
                    hit = cell_of(c, editable, value)
                    if key is not None:
                        if len(cache) >= CACHE_MAX:
                            cache.clear()
                        cache[key] = hit
            tail, text, n = hit
            if editable:
                canons.append(text)
            if tail:
                out.append(prefix + r + tail)
                if first < 0:
                    first = c
                last = c
                if n > lines:
                    lines = n
        return "".join(out), first, last, lines

