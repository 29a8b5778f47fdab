"""Which parts of a report look ahead (plans, targets) and which look back (reviews).

Reports mix both: a year-end article reviews 2025 and then has a 2026年工作思路
section; a work report opens with 今年主要预期目标 and the year's tasks. Targets are
only proposed inside forward-looking parts, so this module finds them from the
headings and lead-in sentences, not from a list of report names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.domain.suggestion import ReportContext

# Lead-ins and headings that open a forward-looking part.
_PLAN_CUE = re.compile(
    r"主要预期目标|主要目标|预期目标|工作思路|工作安排|工作要点|工作打算|重点任务|"
    r"今年要|今年重点|重点做好|重点抓好|要重点|下一步|明年要|明年工作"
)
# The lead-in of an explicit target list: its items are targets even without a number.
TARGET_LIST_RE = re.compile(r"(?:主要预期目标|主要目标|预期目标)(?:是|为)?[:：]")
_YEAR_RE = re.compile(r"(20[0-9]{2})年")
# A heading is a short line without sentence-final punctuation.
_MAX_HEADING = 40


@dataclass(frozen=True, slots=True)
class PlanRegion:
    start: int
    end: int
    year: int | None  # the year the plan is for, when known


def _lines(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            out.append((start, i))
            start = i + 1
    out.append((start, len(text)))
    return out


def _is_heading(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= _MAX_HEADING and not s.endswith(("。", "；", "：", ":"))


def plan_regions(text: str, context: ReportContext) -> list[PlanRegion]:
    """Forward-looking parts of `text`.

    A part opens at a line containing a plan cue and runs until the next heading that
    carries no cue (a new article or a review section such as 2025年重点工作).
    A heading naming a year before the report's year never opens a part.
    """
    regions: list[PlanRegion] = []
    open_at: int | None = None
    open_year: int | None = None
    for start, end in _lines(text):
        line = text[start:end]
        heading = _is_heading(line)
        cue = _PLAN_CUE.search(line)
        years = [int(y) for y in _YEAR_RE.findall(line[:20])]
        looks_back = bool(
            years and context.year is not None and max(years) < context.year and heading
        )
        if open_at is not None and heading and (cue is None or looks_back):
            regions.append(PlanRegion(open_at, start, open_year))
            open_at = None
        if open_at is None and cue is not None and not looks_back:
            # A cue inside a paragraph opens the part at the cue's sentence.
            open_at = start if heading else _sentence_start(text, start + cue.start(), start)
            open_year = max(years) if years else context.year
    if open_at is not None:
        regions.append(PlanRegion(open_at, len(text), open_year))
    return regions


def _sentence_start(text: str, pos: int, floor: int) -> int:
    i = pos
    while i > floor and text[i - 1] not in "。！？\n":
        i -= 1
    return i


def region_at(regions: list[PlanRegion], pos: int) -> PlanRegion | None:
    for region in regions:
        if region.start <= pos < region.end:
            return region
    return None
