"""Metric suggestions: one number with its unit (GUIDELINES §1 and §4)."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from desktop.domain.periods import Period, find_periods
from desktop.domain.quantities import (
    CHANGE_VERBS,
    CN_NUMERAL_CHARS,
    QuantityMatch,
    decimal_str,
    find_quantities,
)
from desktop.domain.suggesters.indicators import (
    ClauseFigure,
    SentenceState,
    indicators_of_clause,
)
from desktop.domain.suggesters.sections import Passage, passages
from desktop.domain.suggesters.textspans import Boundaries, Spans, char_before
from desktop.domain.suggestion import ReportContext, Suggestion

_SMALL_CN = set("零〇一二三四五六七八九十两")
_BIG_CN = set("百千万亿")
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


class PeriodIndex:
    """All periods of a text, found once, looked up by position (bisect).

    A comparison base (比上年, 较去年同期) is not the figure's period and is left out.
    """

    def __init__(self, text: str, year: int | None) -> None:
        self._found = [
            (a, b, p) for a, b, p in find_periods(text, year) if not _comparison_base(text, a, b)
        ]
        self._ends = [end for _, end, _ in self._found]

    def last_between(self, lo: int, hi: int) -> Period | None:
        """The last period lying inside [lo, hi)."""
        i = bisect.bisect_right(self._ends, hi) - 1
        if i >= 0 and self._found[i][0] >= lo:
            return self._found[i][2]
        return None

    def since(self, text: str, lo: int, hi: int) -> Period | None:
        """Like `last_between`; a month followed by 以来 (10月份上线以来) runs to the year's end."""
        i = bisect.bisect_right(self._ends, hi) - 1
        if i < 0 or self._found[i][0] < lo:
            return None
        _, end, period = self._found[i]
        if period.start == period.end and _SINCE.match(text, end):
            return Period(period.start_year, period.start_month, period.end_year, 12, period.label)
        return period


_SINCE = re.compile(r"[^，。；\d]{0,6}以来")


def _comparison_base(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 1) : start]
    after = text[end : end + 2]
    return before in ("比", "较", "同") or after.startswith("同期")


def _comparison(clause: str) -> str:
    if "环比" in clause:
        return "环比"
    if "同比" in clause or "比上年" in clause or "较上年" in clause:
        return "同比"
    if re.search(r"居.{0,6}第|首位|前列", clause):
        return "排名"
    if "累计" in clause:
        return "累计"
    return ""


_MEASURE_UNIT = re.compile(r"^(?:[万亿千百]*)(?:[个家项位名类件套场人户条款台辆艘架列座所处只头张片篇部本首例宗笔间栋幢根支种床份对组枚颗株棵块节门款]|批次|人次|家次)$")
# Level verbs: the figure is a level even when the verb says 增/升 (增至, 提高到).
_LEVEL_VERB = re.compile(r"(?:增至|增加到|提高到|提高至|提升至|提升到|升至|降至|下降到|扩展到|扩大到|达到|达)$")


_CHANGE_NEAR = re.compile(
    "(" + "|".join([*CHANGE_VERBS, "减量", "增", "降", "减"]) + r")(?:超过|超|近|约|逾|了)?$"
)


def _direction(text: str, clause_start: int, pos: int) -> int:
    near = text[max(clause_start, pos - 4) : pos].replace("*", "")
    if _LEVEL_VERB.search(near):
        return 0
    # the verb touches the figure, or a qualifier stands between (较上年增长超50%);
    # 增加值 and 增速 are nouns, not verbs
    m = _CHANGE_NEAR.search(near)
    if m is None:
        return 0
    return CHANGE_VERBS.get(m.group(1), -1 if m.group(1) in ("减量", "降", "减") else 1)


def suggest_metrics(text: str, context: ReportContext, spans: Spans | None = None) -> list[Suggestion]:
    spans = spans or Spans.of(text)
    bounds = Boundaries(text)
    found = [qm for qm in find_quantities(text) if accept(text, qm, spans)]
    parts = passages(text, context)
    indexes = {year: PeriodIndex(text, year) for year in {p.year for p in parts}}
    out: list[Suggestion] = []
    state = SentenceState()
    sentence = -1
    i = 0
    while i < len(found):
        cs, ce = bounds.clause(found[i].number_start)
        group = [found[i]]
        while i + len(group) < len(found) and found[i + len(group)].number_start < ce:
            group.append(found[i + len(group)])
        i += len(group)
        sent = bounds.sentence_start(cs)
        if sent != sentence:
            state, sentence = SentenceState(), sent
        figures = [
            ClauseFigure(qm.start, qm.end, bool(_MEASURE_UNIT.match(qm.quantity.unit)))
            for qm in group
        ]
        names, state = indicators_of_clause(text, (cs, ce), figures, state)
        group = _share_units(text, group)
        verb_sign = next((qm.quantity.direction for qm in group if qm.quantity.direction), 0)
        for qm, name in zip(group, names, strict=True):
            passage = _passage_at(parts, qm.start)
            index = indexes[passage.year]
            period = index.since(text, sent, qm.start)
            if period is None or period.start_year is None:
                period = None if passage.year is None else Period(
                    passage.year, 1, passage.year, 12, "")
            direction = qm.quantity.direction or _direction(text, cs, qm.start)
            if not direction and name.share_of_list:
                direction = verb_sign
            if not direction and name.leads_with_new:
                direction = 1
            out.append(_metric(text, qm, name.text, period, direction,
                               name.place or context.region, text[cs:ce]))
    return out


def _share_units(text: str, group: list[QuantityMatch]) -> list[QuantityMatch]:
    """分别达1409万、1305万人次: a bare magnitude takes the unit of the next figure of its
    list when that unit starts with the same magnitude (docs/fields.md §6, Units)."""
    out = list(group)
    for k in range(len(out) - 2, -1, -1):
        q, nxt = out[k].quantity, out[k + 1].quantity
        between = text[out[k].end : out[k + 1].start]
        if (
            q.unit in ("万", "亿", "万亿")
            and nxt.unit.startswith(q.unit)
            and len(nxt.unit) > len(q.unit)
            and between in ("、", "和", "与", "及", "，")
        ):
            shared = replace(q, unit=nxt.unit, normalized_unit=nxt.normalized_unit)
            out[k] = replace(out[k], quantity=shared)
    return out


def _passage_at(parts: list[Passage], pos: int) -> Passage:
    i = bisect.bisect_right([p.start for p in parts], pos) - 1
    return parts[max(i, 0)]


def _metric(text: str, qm: QuantityMatch, indicator: str, period: Period | None,
            direction: int, region: str, clause: str) -> Suggestion:
    q = qm.quantity
    fields: dict[str, str | int | None] = {
        "indicator": indicator,
        "value": decimal_str(q.value),
        "value_high": decimal_str(q.high) if q.high is not None else None,
        "unit": q.unit,
        "normalized_value": decimal_str(q.normalized_value),
        "normalized_unit": q.normalized_unit,
        "qualifier": q.qualifier,
        "direction": direction,
        "period": period.key() if period else None,
        "period_start": period.start if period else None,
        "period_end": period.end if period else None,
        "period_label": (period.label or f"{period.start_year}年") if period else "",
        "region": region,
        "comparison": _comparison(clause),
    }
    rule = "metric.change" if q.verb else "metric.number_unit"
    return Suggestion("metric", qm.start, qm.end, text[qm.start : qm.end], rule, fields)
