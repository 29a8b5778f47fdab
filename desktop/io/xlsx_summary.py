"""The Summary sheet: tags per report and kind, metric values by indicator × region ×
period (built from the fields), and a table of values that disagree.

A number cell only ever holds one number. Where tags give different values for the
same indicator, region, period, unit and direction, the summary row says so and the
conflicts table lists each value with its tags; nothing is picked. Column widths are
fitted to the numbers as LibreOffice and Excel show them, so no cell shows `###`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from desktop.domain.fieldvalues import display, period_text
from desktop.io import workbook_labels as labels
from desktop.io.cells import FORMULA_STARTS, clean_text
from desktop.io.export_rows import (
    KindSpec,
    ReportInfo,
    TagRecord,
    direction_of,
    normalised,
    period_bounds,
    to_decimal,
)

MAX_CONFLICT_ROWS = 2000
IDS_PER_VALUE = 3


def display_width(text: str) -> float:
    """Approximate column units: CJK and full-width characters take two."""
    return float(sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text))


def _text(value: Any) -> str:
    """A field as text, stripped (the common case, a str, without `display`)."""
    if value.__class__ is str:
        return str(value).strip()
    return display(value).strip() if value is not None else ""


def number_text(x: float) -> str:
    """A number as the integer / decimal formats show it (for fitting widths)."""
    if x.is_integer():
        return f"{int(x):,}"
    return f"{x:,.10f}".rstrip("0").rstrip(".")


@dataclass(slots=True)
class _Value:
    written: Decimal | None  # in the tag's own unit
    count: int = 0
    ids: list[str] = field(default_factory=list)
    quote: str = ""
    report: str = ""


@dataclass(slots=True)
class Point:
    """One indicator × region × period × unit × direction."""

    indicator: str
    region: str
    period: str  # the label an analyst reads (2025年前三季度)
    start: str
    end: str
    unit: str  # normalised
    direction: int | None
    written_units: Counter[str] = field(default_factory=Counter)
    values: dict[Decimal, _Value] = field(default_factory=dict)

    @property
    def conflict(self) -> bool:
        return len(self.values) > 1

    def shown(self) -> tuple[float, str] | None:
        """The one value and its unit, in the written unit when every tag wrote the same
        one (17.3 万亿元 rather than 17300000000000 元); None for a conflict."""
        if self.conflict:
            return None
        (norm, value), = self.values.items()
        if len(self.written_units) == 1 and value.written is not None:
            return float(value.written), next(iter(self.written_units))
        return float(norm), self.unit

    def signed(self) -> float | None:
        shown = self.shown()
        if shown is None:
            return None
        return -shown[0] if self.direction == -1 else shown[0]


class SummaryData:
    """Collected while the rows are written (one pass, bounded memory)."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)
        self.points: dict[tuple[str, str, str, str, int | None], Point] = {}

    def add(self, rec: TagRecord) -> None:
        self.counts[rec.report_id][rec.kind] += 1
        if rec.kind != "metric":
            return
        fields = rec.fields
        indicator = _text(fields.get("indicator"))
        if not indicator:
            return
        norm, unit = normalised(fields)
        if norm is None:
            return
        region = _text(fields.get("region")) or rec.region
        raw_period = fields.get("period")
        period_key = _text(raw_period)
        raw_direction = fields.get("direction")
        direction = raw_direction if raw_direction.__class__ is int else direction_of(raw_direction)
        direction = direction if isinstance(direction, int) else None
        key = (indicator, region, period_key, unit, direction)
        point = self.points.get(key)
        if point is None:
            start, end = period_bounds("period", fields, rec.year)
            label = period_text(raw_period) if raw_period not in (None, "") else ""
            point = self.points[key] = Point(indicator, region, label or period_key, start,
                                             end, unit, direction)
        written_unit = _text(fields.get("unit"))
        point.written_units[written_unit] += 1
        value = point.values.get(norm)
        if value is None:
            value = point.values[norm] = _Value(to_decimal(fields.get("value")), 0, [],
                                                rec.quote, rec.report_title)
        value.count += 1
        if len(value.ids) < IDS_PER_VALUE:
            value.ids.append(rec.id)

    def sorted_points(self) -> list[Point]:
        return sorted(self.points.values(),
                      key=lambda p: (p.indicator, p.region, p.start, p.end, p.period, p.unit))


class _Widths:
    def __init__(self) -> None:
        self.w: dict[int, float] = defaultdict(lambda: 6.0)

    def text(self, c: int, text: str, cap: float = 40.0) -> None:
        self.w[c] = max(self.w[c], min(display_width(text) + 2, cap))

    def number(self, c: int, x: float) -> None:
        # LibreOffice draws digits a little wider than Excel's unit: keep a margin
        self.w[c] = max(self.w[c], len(number_text(x)) * 1.2 + 3)


def write_summary(ws: Any, kinds: Sequence[KindSpec], reports: Sequence[ReportInfo],
                  data: SummaryData, f: Any, lang: str) -> None:
    """`f`: the writer's formats (title, header, text, text_qp, integer, decimal, year,
    bold, flag)."""
    w = labels.word
    widths = _Widths()

    def text(row: int, col: int, value: str, fmt: Any = None) -> None:
        value = clean_text(value)
        if not value:
            return
        ws.write_string(row, col, value,
                        fmt or (f.text_qp if value.startswith(FORMULA_STARTS) else f.text))
        widths.text(col, value)

    def number(row: int, col: int, x: float) -> None:
        ws.write_number(row, col, x, f.integer if x.is_integer() else f.decimal)
        widths.number(col, x)

    def header(row: int, names: Sequence[str]) -> None:
        for c, name in enumerate(names):
            name = clean_text(name)
            ws.write_string(row, c, name, f.header_qp if name.startswith(FORMULA_STARTS) else f.header)
            widths.text(c, name, 16)

    ws.write_string(0, 0, w("Tags per report and kind", lang), f.title)
    header(1, [w("Report", lang), w("Region", lang), w("Year", lang),
               *[k.name_in(lang) for k in kinds], w("Total", lang)])
    row = 2
    totals: Counter[str] = Counter()
    for rep in reports:
        counts = data.counts.get(rep.id)
        if not counts:
            continue
        text(row, 0, rep.title)
        text(row, 1, rep.region)
        if rep.year is not None:
            ws.write_number(row, 2, rep.year, f.year)
        for c, kind in enumerate(kinds, start=3):
            number(row, c, float(counts.get(kind.key, 0)))
        number(row, 3 + len(kinds), float(sum(counts.values())))
        totals.update(counts)
        row += 1
    ws.write_string(row, 0, w("Total", lang), f.bold)
    for c, kind in enumerate(kinds, start=3):
        number(row, c, float(totals.get(kind.key, 0)))
    number(row, 3 + len(kinds), float(sum(totals.values())))
    row += 2

    direction = labels.direction_labels(lang)
    ws.write_string(row, 0, w("Metric values by indicator × region × period", lang), f.title)
    row += 1
    header(row, [w("Indicator", lang), w("Region", lang), w("Period", lang),
                 w("Period start", lang), w("Period end", lang), w("Value", lang),
                 w("Unit", lang), w("Direction", lang), w("Tags", lang), w("Conflict", lang)])
    header_row = row
    row += 1
    points = data.sorted_points()
    for p in points:
        text(row, 0, p.indicator)
        text(row, 1, p.region)
        text(row, 2, p.period)
        text(row, 3, p.start)
        text(row, 4, p.end)
        shown = p.shown()
        if shown is not None:
            number(row, 5, shown[0])
            text(row, 6, shown[1])
        else:
            text(row, 6, p.unit)
            text(row, 9, w("conflict: see below", lang), f.flag)
        if p.direction is not None:
            text(row, 7, direction[p.direction])
        number(row, 8, float(sum(v.count for v in p.values.values())))
        row += 1
    ws.autofilter(header_row, 0, max(row - 1, header_row + 1), 9)
    conflicts = [p for p in points if p.conflict]
    if conflicts:
        row += 1
        ws.write_string(row, 0, w("Conflicting values", lang), f.title)
        row += 1
        header(row, [w("Indicator", lang), w("Region", lang), w("Period", lang),
                     w("Period start", lang), w("Period end", lang), w("Value", lang),
                     w("Unit", lang), w("Direction", lang), w("Tags", lang), w("Tag IDs", lang),
                     w("Tagged text", lang), w("Report", lang)])
        row += 1
        written = 0
        total = sum(len(p.values) for p in conflicts)
        for p in conflicts:
            for norm, value in sorted(p.values.items()):
                if written == MAX_CONFLICT_ROWS:
                    break
                text(row, 0, p.indicator)
                text(row, 1, p.region)
                text(row, 2, p.period)
                text(row, 3, p.start)
                text(row, 4, p.end)
                number(row, 5, float(norm))
                text(row, 6, p.unit)
                if p.direction is not None:
                    text(row, 7, direction[p.direction])
                number(row, 8, float(value.count))
                ids = ", ".join(i[:8] for i in value.ids)
                text(row, 9, ids + ("…" if value.count > len(value.ids) else ""))
                text(row, 10, value.quote)
                text(row, 11, value.report)
                row += 1
                written += 1
        if written < total:
            text(row, 0, f"… {total - written} {w('more rows not shown', lang)}")
    for c, width in sorted(widths.w.items()):
        ws.set_column(c, c, width)
    ws.freeze_panes(0, 1)
