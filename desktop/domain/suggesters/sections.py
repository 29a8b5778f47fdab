"""Which parts of a report look ahead (plans, targets) and which look back (reviews).

Reports mix both: a year-end article reviews 2025 and then has a 2026年工作思路
section; a work report opens with 今年主要预期目标 and the year's tasks, or looks back
on the year before. Each sentence is classed by its own words (力争, 要, 主要预期目标
against 了, 同比, 居全国, 1—11月), each heading by its year and its words; a sentence
that says neither belongs to the passage it stands in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.domain.suggestion import ReportContext

__all__ = ["TARGET_LIST_RE", "Passage", "PlanRegion", "passages", "plan_regions", "region_at"]

PLAN, REVIEW = "plan", "review"

# The lead-in of an explicit target list: its items are targets even without a number.
TARGET_LIST_RE = re.compile(r"(?:主要预期目标|主要目标|预期目标)(?:是|为)?[:：]")

# Words of a sentence that plans: goals, deadlines, the year ahead (strong) …
_PLAN_STRONG = re.compile(
    r"主要预期目标|预期目标|主要目标(?:是|为)|工作思路|工作安排|工作要点|工作打算|重点任务"
    r"|下一步|明年|今年(?:要|将|重点|主要|经济社会)|做好今年|计划(?:到|在|于)|到20[0-9]{2}年"
    r"|[十][四五六七]五.{0,3}(?:时期|期间)"
)
# … and what is to be done (weak: a review says 将 and 确保 too).
_PLAN_WEAK = re.compile(
    r"力争|确保|争取(?!到)|(?:^|[，；：])(?:我们|全省|全市|各地|各级)?(?:要|将)(?![求素点是])"
)
# Words of a sentence that looks back: results, comparisons, ranks, months gone by.
_REVIEW_WORDS = re.compile(
    r"过去一年|过去的一年|刚刚过去|去年|上年|同比|(?<![为除])了(?!解)|已经|已(?!有)"
    r"|居全国|位居|首位|前列|创历史新高|创新高|再创|取得|成功|获批|荣获|以来"
    r"|[0-9０-９]{1,2}[—–－\-][0-9０-９]{1,2}月|前三季度|上半年|月末|月底"
    r"|增长[0-9]+[.．][0-9]+[%％](?!左右|以上|以内)"
)
_HEADING_PLAN = re.compile(r"工作思路|工作安排|工作要点|工作打算|重点任务|展望|目标")
_HEADING_REVIEW = re.compile(r"回顾|成效|成绩|进展")
_YEAR_RE = re.compile(r"(20[0-9]{2})年")
# How many sentences of its opening tell what a text is.
_OPENING = 8
# A heading is a short line without sentence-final punctuation.
_MAX_HEADING = 40


@dataclass(frozen=True, slots=True)
class Passage:
    start: int
    end: int
    kind: str  # "plan" | "review"
    year: int | None  # the year its figures belong to when they name none


@dataclass(frozen=True, slots=True)
class PlanRegion:
    start: int
    end: int
    year: int | None  # the year the plan is for, when known


def _units(text: str) -> list[tuple[int, int, bool]]:
    """Sentences and heading lines of `text` as (start, end, is_heading)."""
    out: list[tuple[int, int, bool]] = []
    line_start = 0
    for line_end in [*(i for i, ch in enumerate(text) if ch == "\n"), len(text)]:
        line = text[line_start:line_end]
        stripped = line.strip()
        if stripped:
            if len(stripped) <= _MAX_HEADING and not stripped.endswith(("。", "；", "：", ":", "！", "？")):
                out.append((line_start, line_end, True))
            else:
                start = line_start
                for m in re.finditer(r"[。！？]", line):
                    out.append((start, line_start + m.end(), False))
                    start = line_start + m.end()
                if start < line_end:
                    out.append((start, line_end, False))
        line_start = line_end + 1
    return out


def _heading_kind(line: str, review_year: int | None) -> str | None:
    years = [int(y) for y in _YEAR_RE.findall(line[:20])]
    if years and review_year is not None:
        return PLAN if max(years) > review_year else REVIEW
    if _HEADING_PLAN.search(line):
        return PLAN
    if _HEADING_REVIEW.search(line):
        return REVIEW
    return None


def _scores(sentence: str) -> tuple[int, int, int]:
    """(strong plan words, weak plan words, review words) of a sentence."""
    return (
        len(_PLAN_STRONG.findall(sentence)),
        len(_PLAN_WEAK.findall(sentence)),
        len(_REVIEW_WORDS.findall(sentence)),
    )


def _sentence_kind(sentence: str, current: str, review_year: int | None = None) -> str | None:
    """The sentence's own class, or None when its words do not decide.

    Passages hold on to their class: leaving a plan takes two more words that look back
    than forward (a plan's tasks mention what exists: 已形成, 以来), and leaving a review
    takes a word of the year ahead or two of what is to be done (a review says 将 too).
    """
    strong, weak, review = _scores(sentence)
    if review_year is not None and any(int(y) > review_year for y in _YEAR_RE.findall(sentence)):
        strong += 1  # 2026年，力争… in a report looking back on 2025
    plan = strong + weak
    if plan > review and (current == PLAN or strong or weak >= 2):
        return PLAN
    if review > plan and (current == REVIEW or review - plan >= 2):
        return REVIEW
    return None


def _opening_kind(units: list[tuple[int, int, bool]], text: str) -> str:
    """What a text is before anything in it decides: an excerpt that opens with tasks
    (加快…，要…) is a plan, one that opens with results a review; the words of its
    first sentences up to the first heading are counted."""
    plan = review = 0
    for a, b, heading in units[:_OPENING]:
        if heading:
            break
        strong, weak, back = _scores(text[a:b])
        plan, review = plan + strong + weak, review + back
    return PLAN if plan > review else REVIEW


def passages(text: str, context: ReportContext) -> list[Passage]:
    """The text cut into plan and review passages, in order, covering all of it."""
    review_year = context.year
    plan_year = context.plan_year
    out: list[Passage] = []
    units = _units(text)
    kind, start = _opening_kind(units, text), 0
    for a, b, heading in units:
        line = text[a:b]
        found = (
            _heading_kind(line, review_year) if heading
            else _sentence_kind(line, kind, review_year)
        )
        if found is not None and found != kind:
            if a > start:
                out.append(Passage(start, a, kind, review_year if kind == REVIEW else plan_year))
            kind, start = found, a
    out.append(Passage(start, len(text), kind, review_year if kind == REVIEW else plan_year))
    return out


def plan_regions(text: str, context: ReportContext) -> list[PlanRegion]:
    """The forward-looking passages of `text`."""
    return [PlanRegion(p.start, p.end, p.year) for p in passages(text, context) if p.kind == PLAN]


def region_at(regions: list[PlanRegion], pos: int) -> PlanRegion | None:
    for region in regions:
        if region.start <= pos < region.end:
            return region
    return None
