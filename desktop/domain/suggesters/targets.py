"""Target suggestions: forward-looking clauses stating a goal (GUIDELINES §3)."""

from __future__ import annotations

import bisect
import re

from desktop.domain.suggesters.indicator_words import strip_words
from desktop.domain.suggesters.metrics import PeriodIndex
from desktop.domain.suggesters.sections import TARGET_LIST_RE, PlanRegion, plan_regions, region_at
from desktop.domain.suggesters.textspans import clauses, sentence_start
from desktop.domain.suggestion import ReportContext, Suggestion

# Words that state a goal outright (the rule name says so).
_GOAL_CUE = re.compile(r"力争|确保|争取|目标(?:是|为)|到20[0-9]{2}年|计划到")
# Forecasts and estimates are not goals (GUIDELINES §4).
_PROJECTION = re.compile(r"预计|预期将|有望")
# Where the goal object of a qualitative target ends.
_GOAL_VERB = re.compile(r"增长|实现|保持|高于|低于|快于|下降|降低|完成|达到|控制|同步|进一步|稳定|好于")
# A clause that only hedges the previous list item.
_HEDGE = re.compile(r"^(?:在实际工作中|实际工作中)|努力争取更好结果|争取更好结果")


def suggest_targets(
    text: str, context: ReportContext, metrics: list[Suggestion]
) -> list[Suggestion]:
    regions = plan_regions(text, context)
    # 今年 and 明年 in a plan count from the year it plans
    periods = PeriodIndex(text, context.plan_year)
    starts = sorted(m.start for m in metrics)
    out: list[Suggestion] = []
    seen: set[tuple[int, int]] = set()
    for cs, ce in _list_items(text, regions):
        if (cs, ce) not in seen:
            seen.add((cs, ce))
            out.append(_target(text, cs, ce, context, metrics, "target.list_item", regions, periods))
    for cs, ce in clauses(text):
        if (cs, ce) in seen:
            continue
        i = bisect.bisect_left(starts, cs)
        if i >= len(starts) or starts[i] >= ce:
            continue
        clause = text[cs:ce]
        if _PROJECTION.search(clause):
            continue
        # A review passage never yields a target, whatever words it contains.
        if region_at(regions, cs) is None:
            continue
        rule = "target.goal_quantity" if _GOAL_CUE.search(clause) else "target.plan_quantity"
        seen.add((cs, ce))
        out.append(_target(text, cs, ce, context, metrics, rule, regions, periods))
    out.sort(key=lambda s: s.start)
    return out


def _list_items(text: str, regions: list[PlanRegion]) -> list[tuple[int, int]]:
    """Clauses of explicit target lists: from the lead-in's colon to the sentence end."""
    items: list[tuple[int, int]] = []
    covered = 0
    for m in TARGET_LIST_RE.finditer(text):
        if m.start() < covered:
            continue  # a lead-in repeated inside the list it opens
        end = m.end()
        limit = min(len(text), m.end() + 2000)  # a list is one sentence, never pages
        while end < limit and text[end] not in "。\n":
            end += 1
        covered = end
        for cs, ce in clauses(text[m.end() : end]):
            a, b = cs + m.end(), ce + m.end()
            if _HEDGE.search(text[a:b]):
                continue
            items.append((a, b))
    return items


def _target(
    text: str,
    cs: int,
    ce: int,
    context: ReportContext,
    metrics: list[Suggestion],
    rule: str,
    regions: list[PlanRegion],
    periods: PeriodIndex,
) -> Suggestion:
    # metrics are sorted by start: take the ones inside the clause by bisection
    lo = bisect.bisect_left(metrics, cs, key=lambda m: m.start)
    inside = [m for m in metrics[lo : lo + 64] if m.start < ce and m.end <= ce]
    first = inside[0].fields if inside else {}
    region = region_at(regions, cs)
    year = region.year if region is not None else context.plan_year
    period = periods.last_between(sentence_start(text, cs), ce)
    if period is not None and period.end_year is not None and period.start_year != period.end_year:
        year = period.end_year  # 到2027年, “十五五”: the deadline
    elif period is not None and period.end_year is not None and period.end_year > (year or 0):
        year = period.end_year
    fields: dict[str, str | int | None] = {
        "year": year,
        "indicator": str(first.get("indicator", "")) if inside else _indicator(text[cs:ce]),
        "value": first.get("value") if inside else None,
        "unit": first.get("unit") if inside else None,
        "statement": text[cs:ce],
    }
    return Suggestion("target", cs, ce, text[cs:ce], rule, fields)


def _indicator(clause: str) -> str:
    """For a qualitative list item, its first goal object: the words before its first
    verb, without the leading verbs and the issuer (完成国家下达的…), the first of
    several objects joined by 和 (节能减排和碳排放强度下降 → 节能减排)."""
    s = strip_words(clause)
    s = re.sub(r"^.{0,8}下达的", "", s)
    m = _GOAL_VERB.search(s, 1)
    if m:
        s = s[: m.start()]
    return s.split("和")[0] or s
