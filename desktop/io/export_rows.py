"""The shape of an export, shared by the xlsx, CSV and JSON Lines writers and by the
reader of round-tripped workbooks: the columns of a kind's sheet, the cell values of one
tag, and the canonical form of a cell that tells an edited row from an untouched one.

Plain data in, plain values out: no SQL here (the service turns query rows into
`TagRecord`s), no file format either.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from desktop.domain.fieldvalues import display, period_months, period_text
from desktop.domain.periods import parse_period
from desktop.domain.quantities import decimal_str, parse_quantity
from desktop.io import workbook_labels as labels
from desktop.io.cells import clean_text

FORMAT_MARKER = "ReportMark export"
FORMAT_VERSION = 1
META_SHEET = "_reportmark"

SENTENCE_ENDS = "。！？!?；;\n"
SENTENCE_LIMIT = 240  # code points either side at most


@dataclass(frozen=True, slots=True)
class FieldSpec:
    key: str
    label: str
    type: str = "text"
    choices: tuple[str, ...] = ()
    label_zh: str = ""

    def label_in(self, lang: str) -> str:
        return (self.label_zh if lang == "zh_CN" and self.label_zh else self.label) or self.key


@dataclass(frozen=True, slots=True)
class KindSpec:
    key: str
    name: str
    name_zh: str = ""
    fields: tuple[FieldSpec, ...] = ()

    def name_in(self, lang: str) -> str:
        return (self.name_zh if lang == "zh_CN" and self.name_zh else self.name) or self.key


@dataclass(frozen=True, slots=True)
class ReportInfo:
    id: str
    title: str
    agency: str
    region: str
    year: int | None
    published: str
    source_file: str
    chars: int


@dataclass(slots=True)
class TagRecord:
    id: str
    kind: str
    report_id: str
    report_title: str
    region: str
    agency: str
    year: int | None
    quote: str
    before: str  # the sentence before the tagged words
    after: str  # and after them
    fields: dict[str, Any]
    note: str
    author: str
    origin: str
    status: str
    reviewer: str
    verdict: str
    review_comment: str
    created: datetime | None
    updated: datetime | None
    version: int
    start: int = 0
    end: int = 0
    fields_json: str | None = None  # `fields` as stored, when the query gave that text


# Cell kinds: how a writer formats a column.
TEXT, LONG, RICH, NUMBER, YEAR, DATE, HIDDEN = "text", "long", "rich", "number", "year", "date", "hidden"


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # "tag_id", "field:value", "norm_value", …: stable, stored in the workbook
    header: str
    cell: str = TEXT
    editable: bool = False
    width: float = 14.0
    field: FieldSpec | None = None
    shown: tuple[tuple[Any, str], ...] = ()  # (stored, shown) for a choice in words
    choices: tuple[str, ...] = ()  # what the cell's drop-down list offers

    def show(self) -> dict[Any, str]:
        return dict(self.shown)


@dataclass(slots=True)
class Meta:
    project: str
    analyst: str
    exported_at: datetime
    filters: dict[str, Any] = field(default_factory=dict)


def sentence_around(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(before, tagged, after): the sentence holding text[start:end], cut at 。！？；
    or a line break, and at most SENTENCE_LIMIT code points either side."""
    lo = start
    floor = max(0, start - SENTENCE_LIMIT)
    while lo > floor and text[lo - 1] not in SENTENCE_ENDS:
        lo -= 1
    hi = end
    ceiling = min(len(text), end + SENTENCE_LIMIT)
    while hi < ceiling and text[hi] not in SENTENCE_ENDS:
        hi += 1
    if hi < len(text) and text[hi] in SENTENCE_ENDS and text[hi] != "\n":
        hi += 1
    return text[lo:start].lstrip(), text[start:end], text[end:hi].rstrip()


_SENTENCE_END_RE = re.compile("[" + re.escape(SENTENCE_ENDS) + "]")


def sentence_ends(text: str) -> list[int]:
    """The offsets of every sentence end in `text`, ascending: computed once per report,
    so that `sentence_in` finds a tag's sentence by bisection instead of a scan."""
    return [m.start() for m in _SENTENCE_END_RE.finditer(text)]


def sentence_in(text: str, ends: Sequence[int], start: int, end: int) -> tuple[str, str]:
    """(before, after) exactly as `sentence_around` cuts them, `ends` being
    `sentence_ends(text)`."""
    i = bisect_left(ends, start)  # ends[i - 1] is the last end before `start`
    lo = max(start - SENTENCE_LIMIT, 0)
    if i and ends[i - 1] + 1 > lo:
        lo = ends[i - 1] + 1
    n = len(text)
    ceiling = min(n, end + SENTENCE_LIMIT)
    j = bisect_left(ends, end)  # the first end at or after `end`
    hi = ends[j] if j < len(ends) and ends[j] < ceiling else ceiling
    if hi < n and text[hi] in SENTENCE_ENDS and text[hi] != "\n":
        hi += 1
    return text[lo:start].lstrip(), text[end:hi].rstrip()


# Fields the suggesters fill beside a number (docs/fields.md): shown on every kind with a
# number `value`, whether or not the kind's schema lists them.
EXTRA_FIELDS = (
    FieldSpec("direction", "Direction", "direction", label_zh="方向"),
    FieldSpec("qualifier", "Qualifier", "text", label_zh="限定词"),
    FieldSpec("value_high", "Range end", "number", label_zh="区间上限"),
)
# The order of what identifies and measures a row (issue 12): where, when, what, how much.
_LEAD = ("region", "period", "year", "indicator", "name", "value", "unit", "direction",
         "qualifier", "value_high")


def extra_fields(kind: KindSpec) -> tuple[FieldSpec, ...]:
    """The EXTRA_FIELDS a kind's sheet shows (those its schema does not define itself)."""
    if not any(f.key == "value" and f.type == "number" for f in kind.fields):
        return ()
    keys = {f.key for f in kind.fields}
    return tuple(f for f in EXTRA_FIELDS if f.key not in keys)


def _field_column(f: FieldSpec, lang: str) -> Column:
    label = f.label_in(lang)
    if f.type == "direction":
        shown = labels.direction_labels(lang)
        return Column(f"field:{f.key}", label, TEXT, editable=True, width=5, field=f,
                      shown=tuple(shown.items()), choices=tuple(shown.values()))
    cell = NUMBER if f.type == "number" else TEXT
    if f.type == "number" and f.key == "year":
        cell = YEAR
    choices = tuple(c for c in f.choices if c) if f.type == "choice" else ()
    width = 6 if cell == YEAR else 9 if cell == NUMBER else 7 if choices else 14
    if f.key in ("indicator", "name", "statement"):
        cell, width = LONG, 18  # wrapped: a long indicator makes the row taller, not wider
    elif f.key in ("region", "unit", "qualifier"):
        width = 6
    elif f.type == "period":
        cell, width = LONG, 9  # 2025年前三季度 on two lines
    return Column(f"field:{f.key}", label, cell, editable=True, width=width, field=f,
                  choices=choices)


def kind_columns(kind: KindSpec, lang: str = "en") -> list[Column]:
    """The columns of a kind's sheet, in reading order: what identifies and measures the
    row (report, region, period, indicator, value, unit, direction, qualifier, range end,
    normalised value and unit, the kind's other fields), the tagged text and its
    sentence, the review, then context; ids, version and checksum last (hidden)."""
    h = labels.header
    fields = [*kind.fields, *extra_fields(kind)]
    by_key = {f.key: f for f in fields}
    lead = [by_key[k] for k in _LEAD if k in by_key]
    rest = [f for f in fields if f.key not in _LEAD]
    cols = [Column("report", h("report", lang), TEXT, width=16)]
    if "region" not in by_key:
        cols.append(Column("region", h("region", lang), TEXT, width=6))
    has_value = "value" in by_key and by_key["value"].type == "number"
    norm_after = next((k for k in ("value_high", "qualifier", "direction", "unit", "value")
                       if k in by_key), None) if has_value else None
    for f in [*lead, *rest]:
        cols.append(_field_column(f, lang))
        if f.type == "period":
            label = f.label_in(lang)
            start, end = ((f"{label}起", f"{label}止") if lang == "zh_CN"
                          else (f"{label} start", f"{label} end"))
            cols.append(Column(f"start:{f.key}", start, TEXT, width=8))
            cols.append(Column(f"end:{f.key}", end, TEXT, width=8))
        if f.key == norm_after:
            cols.append(Column("norm_value", h("norm_value", lang), NUMBER, width=12))
            cols.append(Column("norm_unit", h("norm_unit", lang), TEXT, width=6))
    status = labels.status_labels(lang)
    cols += [
        Column("text", h("text", lang), LONG, width=12),
        Column("sentence", h("sentence", lang), RICH, width=42),
        Column("status", h("status", lang), TEXT, editable=True, width=7,
               shown=tuple(status.items()), choices=tuple(status.values())),
        Column("note", h("note", lang), LONG, editable=True, width=12),
        Column("author", h("author", lang), TEXT, width=8),
        Column("reviewer", h("reviewer", lang), TEXT, width=8),
        Column("verdict", h("verdict", lang), TEXT, width=6,
               shown=tuple(labels.verdict_labels(lang).items())),
        Column("review_comment", h("review_comment", lang), LONG, editable=True, width=12),
        Column("created", h("created", lang), DATE, width=11),
        Column("updated", h("updated", lang), DATE, width=11),
        Column("origin", h("origin", lang), TEXT, width=10),
        Column("agency", h("agency", lang), TEXT, width=12),
        Column("year", h("year", lang), YEAR, width=6),
    ]
    if "region" in by_key:
        cols.append(Column("region", h("region", lang), TEXT, width=6))
    cols += [
        Column("tag_id", h("tag_id", lang), HIDDEN, width=36),
        Column("version", h("version", lang), HIDDEN, width=6),
        Column("checksum", h("checksum", lang), HIDDEN, width=6),
    ]
    return cols


def frozen_columns(columns: Sequence[Column]) -> int:
    """How many leading columns stay in view: through the indicator (or name)."""
    for i, col in enumerate(columns):
        if col.key in ("field:indicator", "field:name"):
            return i + 1
    return 1


def to_decimal(value: Any) -> Decimal | None:
    """A stored number field (7.8, "7.8", {"value": "7.8", "unit": "%"}) as a Decimal."""
    if isinstance(value, dict):
        value = value.get("value")
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


_SIMPLE = (str, int, float, type(None))
_TEXT_OR_NONE = frozenset((str, type(None)))
_norm_cache: dict[tuple[Any, ...], tuple[Decimal | None, str]] = {}


def normalised(fields: dict[str, Any]) -> tuple[Decimal | None, str]:
    """The normalised value and unit: as a suggestion filled them, else parsed from the
    value and unit (17.3 万亿元 → 17300000000000 元) when the quantities parser exists.
    Remembered by those four fields when they are plain values (the rows of an export
    and its summary ask for the same few quantities over and over)."""
    raw = (fields.get("normalized_value"), fields.get("normalized_unit"), fields.get("value"),
           fields.get("unit"))
    key: tuple[Any, ...]
    if _TEXT_OR_NONE.issuperset(map(type, raw)):
        key = raw  # (texts and None: no two of them compare equal unless the same)
    elif not all(v.__class__ in _SIMPLE and (v or v.__class__ is not float) for v in raw):
        return _normalised(fields)  # (-0.0 == 0.0, but their cells differ)
    else:
        key = tuple((v.__class__, v) for v in raw)
    hit = _norm_cache.get(key)
    if hit is None:
        if len(_norm_cache) >= 8192:
            _norm_cache.clear()
        hit = _norm_cache[key] = _normalised(fields)
    return hit


def _normalised(fields: dict[str, Any]) -> tuple[Decimal | None, str]:
    stored = fields.get("normalized_value")
    if stored not in (None, ""):
        return to_decimal(stored), str(fields.get("normalized_unit") or "")
    value = fields.get("value")
    number = to_decimal(value)
    if number is None:
        return None, ""
    unit = str(fields.get("unit") or (value.get("unit", "") if isinstance(value, dict) else ""))
    if unit:
        parsed = _parsed_quantity(decimal_str(number), unit)
        if parsed is not None:
            return parsed
    return number, unit


@lru_cache(maxsize=4096)
def _parsed_quantity(number: str, unit: str) -> tuple[Decimal | None, str] | None:
    """parse_quantity(number + unit), by (value, unit): an export parses the same few
    quantities over and over (Decimal is immutable, so sharing the result is safe)."""
    q = parse_quantity(number + unit)
    return None if q is None else (q.normalized_value, q.normalized_unit)


def period_bounds(key: str, fields: dict[str, Any], year: int | None) -> tuple[str, str]:
    """(start, end) months of a period field: from its key ("2025-01..2025-09", as an
    accepted suggestion stores it), else from the words typed (前三季度, read against the
    report's year), else from the `{key}_start`/`{key}_end` fields beside it."""
    value = fields.get(key)
    months = period_months(value)
    if months is not None:
        return months
    start = end = None
    if isinstance(value, dict):
        start, end = value.get("start"), value.get("end")
    if not start and not end and value:
        parsed = _parsed_period(display(value), year)
        if parsed is not None:
            start, end = parsed
    if not start and not end:
        start, end = fields.get(f"{key}_start"), fields.get(f"{key}_end")
    return str(start or ""), str(end or "")


def period_cell(key: str, fields: dict[str, Any]) -> str | None:
    """A period field's cell: what an analyst reads (2025年前三季度), not the key; a tag
    holding only `{key}_start`/`{key}_end` shows those months the same way."""
    value = fields.get(key)
    if value in (None, ""):
        value = f"{fields.get(f'{key}_start')}..{fields.get(f'{key}_end')}"
        if period_months(value) is None:
            return None
    return period_text(value) or None


@lru_cache(maxsize=4096)
def _parsed_period(text: str, year: int | None) -> tuple[Any, Any] | None:
    """(start, end) of parse_period(text, year), by (text, year)."""
    period = parse_period(text, year)
    return None if period is None else (period.start, period.end)


def canon(value: Any) -> str:
    """The canonical text of a cell value, the same before and after a round trip."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _canon_text(value) if len(value) <= _CANON_CACHED_LEN else clean_text(value).strip()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        number = Decimal(repr(value)) if isinstance(value, float) else value
        return decimal_str(number) if number.is_finite() else str(value)
    if isinstance(value, datetime):  # to the nearest second: a spreadsheet stores a float
        return (value + _HALF_SECOND).isoformat(sep=" ", timespec="seconds")
    return clean_text(str(value)).strip()


_HALF_SECOND = timedelta(microseconds=500_000)
_CANON_CACHED_LEN = 64  # short texts (statuses, field values) repeat across tags


@lru_cache(maxsize=8192)
def _canon_text(value: str) -> str:
    return clean_text(value).strip()


def number_cell(value: Any) -> float | str | None:
    """A stored number as the cell shows it: a float, or the text if it is not one."""
    number = to_decimal(value)
    if number is not None:
        return float(number)
    if value in (None, ""):
        return None
    return display(value)


def field_cell(f: FieldSpec, fields: dict[str, Any]) -> Any:
    """A field's cell value: numbers as numbers (a year as an int), the rest as text."""
    raw = fields.get(f.key)
    if f.type == "number":
        value = number_cell(raw)
        if isinstance(value, float) and f.key == "year" and value.is_integer():
            return int(value)
        return value
    if f.type == "period":
        return period_cell(f.key, fields)
    if f.type == "direction":
        return direction_of(raw)
    if raw in (None, ""):
        if f.key == "unit" and isinstance(fields.get("value"), dict):
            return fields["value"].get("unit") or None
        return None
    return display(raw)


def direction_of(raw: Any) -> int | str | None:
    """A stored direction (1, -1, 0, "1", 1.0) as the int it is; other text as it is."""
    if raw is None or raw == "" or isinstance(raw, bool):
        return None
    try:
        number = int(float(raw))
    except (TypeError, ValueError):
        return display(raw)
    return number if number in (1, -1, 0) and number == float(raw) else display(raw)


EDITABLE_KEYS = ("note", "status", "review_comment")


def is_editable(key: str) -> bool:
    return key.startswith("field:") or key in EDITABLE_KEYS


def row_values(rec: TagRecord, columns: Sequence[Column]) -> list[Any]:
    """The cell values of one tag, column by column (the sentence as a (before, tagged,
    after) triple; a status or direction in the workbook's words; the checksum filled
    last, over the editable cells)."""
    out: list[Any] = []
    fields = rec.fields
    norm: tuple[Decimal | None, str] | None = None
    editable: list[str] = []
    for code, arg, is_editable, shown in _plan(columns):
        value: Any
        if code == _P_PLAIN:
            value = arg(rec)
        elif code == _P_FIELD:
            spec, cache, plain_empty = arg
            raw = fields.get(spec.key)
            if raw is None and plain_empty:  # an absent field: an empty cell
                out.append(None)
                if is_editable:
                    editable.append("")
                continue
            cls = raw.__class__
            if (cls is str or cls is int or (cls is float and raw)) and raw != "":
                # (a float zero is left out: -0.0 == 0.0, but their cells differ)
                # field_cell, the shown word and canon depend on the raw value alone here
                hit = cache.get((cls, raw))
                if hit is None:
                    value = field_cell(spec, fields)
                    if shown is not None and value is not None:
                        value = shown.get(value, value)
                    if len(cache) >= _FIELD_CACHE_MAX:
                        cache.clear()
                    hit = cache[(cls, raw)] = (value, canon(value))
                out.append(hit[0])
                if is_editable:
                    editable.append(hit[1])
                continue
            value = field_cell(spec, fields)
        elif code == _P_SENTENCE:
            value = (rec.before, rec.quote, rec.after)
        elif code == _P_CHECKSUM:
            value = checksum(editable)
        elif code in (_P_NORM_VALUE, _P_NORM_UNIT):
            if norm is None:
                norm = normalised(fields)
            if code == _P_NORM_VALUE:
                value = float(norm[0]) if norm[0] is not None else None
            else:
                value = norm[1] or None
        else:  # a period's start or end
            bounds = period_bounds(arg, fields, rec.year)
            value = (bounds[0] if code == _P_START else bounds[1]) or None
        if shown is not None and value is not None:
            value = shown.get(value, value)
        if is_editable:
            editable.append(canon(value))
        out.append(value)
    return out


# Per field column of a plan: (raw class, raw) → (cell value, its canon); the same few
# field values (indicators, units, periods, numbers) come back on most rows.
_FIELD_CACHE_MAX = 16_384

_P_PLAIN, _P_FIELD, _P_START, _P_END, _P_NORM_VALUE, _P_NORM_UNIT, _P_SENTENCE, _P_CHECKSUM = range(8)
_Plan = list[tuple[int, Any, bool, dict[Any, str] | None]]
_plans: dict[int, tuple[Sequence[Column], _Plan]] = {}


def _plan(columns: Sequence[Column]) -> _Plan:
    """How to fill each column, worked out once per column list (an export calls
    `row_values` with the same few lists 100 000 times)."""
    cached = _plans.get(id(columns))
    if cached is not None and cached[0] is columns and len(cached[1]) == len(columns):  # the list is held, so its id is unique
        return cached[1]
    plan: _Plan = []
    for col in columns:
        key = col.key
        code: int
        arg: Any = None
        if key.startswith("field:"):
            assert col.field is not None
            # field_cell(f, fields) is None when f is absent, unless a period (its
            # start/end fields) or the unit (a value's own unit)
            code, arg = _P_FIELD, (col.field, {}, col.field.type != "period"
                                   and col.field.key != "unit")
        elif key.startswith("start:") or key.startswith("end:"):
            code = _P_START if key.startswith("start:") else _P_END
            arg = key.split(":", 1)[1]
        elif key in ("norm_value", "norm_unit"):
            code = _P_NORM_VALUE if key == "norm_value" else _P_NORM_UNIT
        elif key == "sentence":
            code = _P_SENTENCE
        elif key == "checksum":
            code = _P_CHECKSUM
        else:
            code, arg = _P_PLAIN, _PLAIN[key]
        plan.append((code, arg, col.editable, col.show() if col.shown else None))
    if isinstance(columns, list):  # a tuple may be a fresh one each call: not worth keeping
        if len(_plans) > 64:
            _plans.clear()
        _plans[id(columns)] = (columns, plan)
    return plan


def plain_value(key: str) -> Callable[[TagRecord], Any]:
    """How the cell of a column that is not a field (report, status, created, …) is
    read from a record."""
    return _PLAIN[key]


def checksum(canon_values: Sequence[str]) -> str:
    return hashlib.blake2b("\x1f".join(canon_values).encode(), digest_size=8).hexdigest()


def _second(value: datetime | None) -> datetime | None:
    """A time to the second, as a workbook shows it (and reads it back exactly)."""
    return value.replace(microsecond=0) if value is not None else None


_PLAIN: dict[str, Callable[[TagRecord], Any]] = {
    "tag_id": lambda r: r.id,
    "report": lambda r: r.report_title,
    "region": lambda r: r.region or None,
    "agency": lambda r: r.agency or None,
    "year": lambda r: r.year,
    "text": lambda r: r.quote,
    "note": lambda r: r.note or None,
    "author": lambda r: r.author,
    "origin": lambda r: r.origin,
    "status": lambda r: r.status,
    "reviewer": lambda r: r.reviewer or None,
    "verdict": lambda r: r.verdict or None,
    "review_comment": lambda r: r.review_comment or None,
    "created": lambda r: _second(r.created),
    "updated": lambda r: _second(r.updated),
    "version": lambda r: r.version,
}
