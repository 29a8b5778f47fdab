"""Metric suggestions: one number with its unit (GUIDELINES §1 and §4)."""

from __future__ import annotations

import bisect
import re

from desktop.domain.periods import Period, find_periods
from desktop.domain.quantities import (
    CHANGE_VERBS,
    CN_NUMERAL_CHARS,
    QuantityMatch,
    decimal_str,
    find_quantities,
)
from desktop.domain.suggesters.textspans import Boundaries, Spans, char_before
from desktop.domain.suggestion import ReportContext, Suggestion

_SMALL_CN = set("零〇一二三四五六七八九十两")
_BIG_CN = set("百千万亿")
# Words between the indicator and the number that are not part of the indicator.
_LEAD_WORDS = (
    "分别", "均", "共", "累计", "合计", "同比", "比上年", "较上年", "预计", "达到", "达", "为",
    "是", "超过", "超", "突破", "近", "约", "增至", "提升至", "提高到", "升至", "降至", "实现",
    "完成", "控制在", "保持在", "占", *CHANGE_VERBS,
)


def _is_small_chinese(numeral: str) -> bool:
    """一…十 and 两 without a magnitude are counts in prose (两届, 四轮), not metrics."""
    return all(ch in _SMALL_CN for ch in numeral)


def _bare_magnitude_ok(numeral: str) -> bool:
    """百亿, 千亿, 千万, 亿 alone are metrics (超百亿元); 千, 万 alone are idiom (千家万户)."""
    if "亿" in numeral:
        return True
    return "万" in numeral and len(numeral) >= 2


def accept(text: str, qm: QuantityMatch, spans: Spans) -> bool:
    """Whether a found quantity is a metric under the guidelines."""
    numeral = qm.numeral
    unit = qm.quantity.unit
    if qm.chinese and all(ch in CN_NUMERAL_CHARS for ch in numeral):
        digits = [ch for ch in numeral if ch not in _BIG_CN and ch != "十"]
        if not digits and not _bare_magnitude_ok(numeral):
            return False
        if _is_small_chinese(numeral) and unit != "成":
            return False
    prev, prev_at = char_before(text, qm.number_start)
    # Ranks and ordinals: 第5位, 第**10**, 前10名.
    if prev == "第" or (prev == "前" and unit in ("名", "位")):
        return False
    # Codes and model names: PM2.5, T8, AES100, N2.
    if prev.isascii() and prev.isalpha():
        return False
    if prev and prev in "-－" and prev_at > 0 and text[prev_at - 1].isascii() and text[prev_at - 1].isalpha():
        return False
    nxt = text[qm.end] if qm.end < len(text) else ""
    if nxt.isascii() and nxt.isalpha():
        return False
    # Numbers inside quoted names and titles (“民营经济30条”, 《流浪地球3》).
    if spans.quote_at(qm.number_start) is not None or spans.title_at(qm.number_start) is not None:
        return False
    # 5+5, 1+1+N, 4×4 and similar codes outside quotes.
    return not ((nxt and nxt in "+×") or (prev and prev in "+×"))


def _indicator(text: str, clause_start: int, number_start: int) -> str:
    head = text[max(clause_start, number_start - 40) : number_start].replace("*", "").strip()
    stripped = True
    while stripped:
        stripped = False
        for word in _LEAD_WORDS:
            if head.endswith(word):
                head, stripped = head[: -len(word)], True
    # Keep the last phrase: after a period word or a region the indicator starts.
    for sep in ("，", "、", "的"):
        if sep in head and sep != "的":
            head = head.rsplit(sep, 1)[-1]
    return head[-30:]


class PeriodIndex:
    """All periods of a text, found once, looked up by position (bisect)."""

    def __init__(self, text: str, year: int | None) -> None:
        self._found = find_periods(text, year)
        self._ends = [end for _, end, _ in self._found]

    def last_between(self, lo: int, hi: int) -> Period | None:
        """The last period lying inside [lo, hi)."""
        i = bisect.bisect_right(self._ends, hi) - 1
        if i >= 0 and self._found[i][0] >= lo:
            return self._found[i][2]
        return None


def _comparison(clause: str) -> str:
    if "环比" in clause:
        return "环比"
    if "同比" in clause or "比上年" in clause or "较上年" in clause:
        return "同比"
    if re.search(r"居.{0,6}第|首位|前列", clause):
        return "rank"
    return ""


def suggest_metrics(text: str, context: ReportContext, spans: Spans | None = None) -> list[Suggestion]:
    spans = spans or Spans.of(text)
    periods = PeriodIndex(text, context.year)
    bounds = Boundaries(text)
    out: list[Suggestion] = []
    for qm in find_quantities(text):
        if not accept(text, qm, spans):
            continue
        cs, ce = bounds.clause(qm.number_start)
        q = qm.quantity
        period = periods.last_between(bounds.sentence_start(cs), qm.start)
        clause = text[cs:ce]
        fields: dict[str, str | int | None] = {
            "indicator": _indicator(text, cs, qm.start),
            "value": decimal_str(q.value),
            "unit": q.unit,
            "normalized_value": decimal_str(q.normalized_value),
            "normalized_unit": q.normalized_unit,
            "qualifier": q.qualifier,
            "direction": q.direction or _direction_hint(text, cs, qm.start),
            "period_start": period.start if period else None,
            "period_end": period.end if period else None,
            "period_label": period.label if period else "",
            "region": context.region,
            "comparison": _comparison(clause),
        }
        if q.high is not None:
            fields["value_high"] = decimal_str(q.high)
        rule = "metric.change" if q.verb else "metric.number_unit"
        out.append(Suggestion("metric", qm.start, qm.end, text[qm.start : qm.end], rule, fields))
    return out


def _direction_hint(text: str, clause_start: int, pos: int) -> int:
    near = text[max(clause_start, pos - 4) : pos]
    if re.search("增长|提高|增加|上涨|上升|增", near):
        return 1
    if re.search("下降|降低|减少|回落|下跌|下滑|降", near):
        return -1
    return 0
