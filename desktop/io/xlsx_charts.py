"""The Charts sheet: a native chart (XlsxWriter's chart API) for every indicator with
values for two or more regions or periods, each beside the small table it plots; first,
per region, a bar chart of its rates of change (the 增长 x% figures a brief compares).

Values that disagree (a conflict on the Summary) are left out of the table rather than
one of them picked; a fall (direction −1) is plotted below zero. Charts are objects of
the sheet, not rows, so they do not disturb constant-memory mode.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from desktop.io import workbook_labels as labels
from desktop.io.cells import FORMULA_STARTS, clean_text
from desktop.io.xlsx_summary import SummaryData, display_width

MAX_CHARTS = 40
CHART_ROWS = 17  # a 480 × 300 px chart and a gap, in rows of 20 px


@dataclass(slots=True)
class ChartGroup:
    indicator: str
    unit: str
    periods: dict[str, tuple[str, str]] = field(default_factory=dict)  # label → (start, end)
    values: dict[tuple[str, str], float] = field(default_factory=dict)  # (period, region) → value

    @property
    def regions(self) -> list[str]:
        return sorted({r for _, r in self.values})

    @property
    def period_labels(self) -> list[str]:
        return sorted(self.periods, key=lambda p: (self.periods[p], p))

    @property
    def chartable(self) -> bool:
        return len(self.regions) >= 2 or len(self.periods) >= 2


MAX_BARS = 30
RATE_UNITS = ("%", "个百分点", "百分点")


@dataclass(slots=True)
class RateGroup:
    """One region's rates of change in one unit: (label, signed value) bars."""

    region: str
    unit: str
    bars: list[tuple[str, float]]


def rate_groups(data: SummaryData) -> list[RateGroup]:
    """Per region and rate unit, the rises and falls of two or more indicators."""
    found: dict[tuple[str, str], list[tuple[str, str, float]]] = defaultdict(list)
    for p in data.points.values():
        shown = p.shown()
        value = p.signed()
        if shown is None or value is None or p.direction not in (1, -1):
            continue
        if shown[1] not in RATE_UNITS:
            continue
        found[(p.region or "—", shown[1])].append((p.indicator, p.period, value))
    out = []
    for (region, unit), items in sorted(found.items()):
        if len(items) < 2:
            continue
        one_period = len({period for _, period, _ in items}) == 1
        bars = [(ind if one_period else f"{ind} {period}", value) for ind, period, value in items]
        bars.sort(key=lambda b: -abs(b[1]))
        out.append(RateGroup(region, unit, sorted(bars[:MAX_BARS], key=lambda b: b[1])))
    return out


def chart_groups(data: SummaryData) -> list[ChartGroup]:
    """Indicators (per unit) worth a chart, those with most points first."""
    groups: dict[tuple[str, str], ChartGroup] = {}
    for p in data.points.values():
        value = p.signed()
        shown = p.shown()
        if value is None or shown is None:
            continue
        group = groups.get((p.indicator, shown[1]))
        if group is None:
            group = groups[(p.indicator, shown[1])] = ChartGroup(p.indicator, shown[1])
        period = p.period or "—"
        group.periods[period] = (p.start, p.end)
        group.values[(period, p.region or "—")] = value
    found = [g for g in groups.values() if g.chartable]
    found.sort(key=lambda g: (-len(g.values), g.indicator, g.unit))
    return found


def _text(ws: Any, row: int, col: int, value: str, f: Any, style: str = "text") -> None:
    """A label cell, through the formula guard like every other cell (a title or header
    that looks like a formula is shown with the text style's quote prefix)."""
    text = clean_text(value)
    fmt = f.text_qp if text.startswith(FORMULA_STARTS) else getattr(f, style)
    ws.write_string(row, col, text, fmt)


def _title(group: ChartGroup, lang: str) -> str:
    if not group.unit:
        return group.indicator
    return f"{group.indicator}（{group.unit}）" if lang == "zh_CN" else f"{group.indicator} ({group.unit})"


def write_charts(wb: Any, ws: Any, data: SummaryData, f: Any, lang: str) -> int:
    """Write the Charts sheet; returns the number of charts drawn."""
    w = labels.word
    groups = chart_groups(data)
    rates = rate_groups(data)
    widths: dict[int, float] = defaultdict(lambda: 8.0)
    row = 0
    for rate in rates:
        row = _rate_chart(wb, ws, rate, row, f, lang, widths)
    if not groups:
        ws.write_string(row, 0, w("No indicator has values for two or more regions or periods.", lang))
        _widths(ws, widths)
        return len(rates)
    drawn = groups[:MAX_CHARTS]
    for group in drawn:
        regions = group.regions
        periods = group.period_labels
        by_period = len(periods) >= 2
        _text(ws, row, 0, _title(group, lang), f, "title")
        head = row + 1
        first_header = w("Period", lang) if by_period else w("Region", lang)
        ws.write_string(head, 0, first_header, f.header)
        series_names = regions if by_period else [periods[0]]
        for c, s in enumerate(series_names, start=1):
            _text(ws, head, c, s, f, "header")
            widths[c] = max(widths[c], display_width(s) + 2)
        categories = periods if by_period else regions
        for i, cat in enumerate(categories, start=1):
            _text(ws, head + i, 0, cat, f)
            widths[0] = max(widths[0], min(display_width(cat) + 2, 30))
            for c, s in enumerate(series_names, start=1):
                key = (cat, s) if by_period else (s, cat)
                value = group.values.get(key)
                if value is not None:
                    ws.write_number(head + i, c, value,
                                    f.integer if value.is_integer() else f.decimal)
                    widths[c] = max(widths[c], len(f"{value:,.4f}".rstrip("0")) * 1.2 + 3)
        last = head + len(categories)
        chart = wb.add_chart({"type": "column"})
        for c in range(1, len(series_names) + 1):
            chart.add_series({
                "name": [ws.get_name(), head, c],
                "categories": [ws.get_name(), head + 1, 0, last, 0],
                "values": [ws.get_name(), head + 1, c, last, c],
                "data_labels": {"value": len(categories) * len(series_names) <= 12},
            })
        chart.set_title({"name": clean_text(_title(group, lang))[:255],
                         "name_font": {"size": 12, "bold": True}})
        chart.set_x_axis({"name": first_header})
        chart.set_y_axis({"name": f"{w('Unit', lang)}{'：' if lang == 'zh_CN' else ': '}"
                                  f"{group.unit or '—'}", "major_gridlines": {"visible": True}})
        chart.set_legend({"position": "bottom"} if len(series_names) > 1 else {"none": True})
        chart.set_size({"width": 560, "height": 300})
        ws.insert_chart(row, len(series_names) + 2, chart, {"x_offset": 10, "y_offset": 4})
        row = max(last + 2, row + CHART_ROWS)
    if len(groups) > len(drawn):
        ws.write_string(row, 0, f"… {len(groups) - len(drawn)} {w('more charts not drawn', lang)}")
    _widths(ws, widths)
    return len(rates) + len(drawn)


def _widths(ws: Any, widths: dict[int, float]) -> None:
    for c, width in widths.items():
        ws.set_column(c, c, min(width, 40))


def _rate_chart(wb: Any, ws: Any, rate: RateGroup, row: int, f: Any, lang: str,
                widths: dict[int, float]) -> int:
    """A bar chart of one region's rates; returns the next free row."""
    w = labels.word
    title = (f"{rate.region} 增减幅度（{rate.unit}）" if lang == "zh_CN"
             else f"{rate.region}: rises and falls ({rate.unit})")
    _text(ws, row, 0, title, f, "title")
    head = row + 1
    ws.write_string(head, 0, w("Indicator", lang), f.header)
    ws.write_string(head, 1, w("Value", lang), f.header)
    for i, (label, value) in enumerate(rate.bars, start=1):
        _text(ws, head + i, 0, label, f)
        widths[0] = max(widths[0], min(display_width(label) + 2, 36))
        ws.write_number(head + i, 1, value, f.integer if value.is_integer() else f.decimal)
        widths[1] = max(widths[1], len(f"{value:,.4f}".rstrip("0")) * 1.2 + 3)
    last = head + len(rate.bars)
    chart = wb.add_chart({"type": "bar"})
    chart.add_series({
        "name": [ws.get_name(), head, 1],
        "categories": [ws.get_name(), head + 1, 0, last, 0],
        "values": [ws.get_name(), head + 1, 1, last, 1],
        "data_labels": {"value": True},
        "invert_if_negative": False,
    })
    chart.set_title({"name": clean_text(title)[:255], "name_font": {"size": 12, "bold": True}})
    chart.set_x_axis({"name": f"{w('Unit', lang)}{'：' if lang == 'zh_CN' else ': '}{rate.unit}",
                      "major_gridlines": {"visible": True}})
    chart.set_legend({"none": True})
    height = max(300, 26 * len(rate.bars) + 90)
    chart.set_size({"width": 640, "height": height})
    ws.insert_chart(row, 3, chart, {"x_offset": 10, "y_offset": 4})
    return max(last + 2, row + height // 20 + 2)

