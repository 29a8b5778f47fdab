"""What a report is about, read from its title, agency, file name and text.

Two facts drive every suggested row: the place (the region a figure belongs to when
its clause names none) and the year the report looks back on (a figure with no period
of its own is dated by its passage: the year reviewed, or the year after it in a plan).

How Chinese reports date themselves:
* a 政府工作报告 of year Y is delivered early in Y: it reviews Y-1 and plans Y;
* a year-end article or review of year Y speaks of the months of Y still under way
  (前三季度, 1—11月, 今年以来) and closes with the plans for Y+1 (Y+1年工作思路);
* a title or file name names the year (2026年江苏省政府工作报告, jiangsu_2026_plan.txt).
"""

from __future__ import annotations

import re
from collections import Counter

from desktop.domain.regions import main_region_of, region_of, region_of_name

__all__ = ["infer_region", "infer_year"]

_NAME_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
# A year in the text, unless it is a deadline (到2027年, 至2030年): goals name those.
_TEXT_YEAR = re.compile(r"(?<![0-9到至])((?:19|20)[0-9]{2})年")
_WORK_REPORT = re.compile(r"政府工作报告|工作报告")
# Words that date a figure inside the year still under way: the report reviews the
# year it was written in.
_IN_YEAR = re.compile(
    r"前三季度|上半年|今年以来|年初以来|[1１一][—–－\-～~至到](?:[1-9１-９]|1[01]|十一?|[二三四五六七八九])月"
    r"|(?:截至|至)(?:[1-9]|1[01]|十一?|[一二三四五六七八九])月(?:末|底)"
)
# Words a work report uses of the year it plans (今年主要预期目标) or has just reviewed.
_WORK_REPORT_TEXT = re.compile(r"主要预期目标|过去一年|过去的一年|各位代表|刚刚过去的")
_PLAN_HEADING_YEAR = re.compile(
    r"^(20[0-9]{2})年(工作思路|工作安排|工作目标|工作要点|主要目标|发展目标|工作打算)"
)
# A title that names a plan (2026年工作要点, …行动计划): its year is the year planned.
_PLAN_TITLE = re.compile(r"工作目标|工作思路|工作要点|工作安排|工作打算|计划|规划|实施方案")


def infer_region(title: str, agency: str, text: str, name: str = "") -> str:
    """The report's place: named by its agency or title, else by its file name, else the
    region its text names most often; '' when nothing names one."""
    return (
        region_of(agency) or region_of(title) or region_of_name(name) or main_region_of(text)
    )


def infer_year(title: str, text: str, headings: list[str], name: str = "") -> int | None:
    """The year the report looks back on (its plans are for the year after)."""
    for h in headings:
        m = _PLAN_HEADING_YEAR.match(h.strip())
        if m:
            return int(m.group(1)) - 1
    if not _looks_like_title(title):
        title = ""  # a text with no title line has its first sentence taken as one
    named = _named_year(title) or _named_year(name)
    if named is not None:
        if _WORK_REPORT.search(title) or _WORK_REPORT.search(name) or _PLAN_TITLE.search(title):
            return named - 1
        if _IN_YEAR.search(text):
            return named
        mentioned = [int(y) for y in _TEXT_YEAR.findall(text)]
        if named in mentioned and not _WORK_REPORT_TEXT.search(text):
            return named
        # A year named on a report that speaks of whole years only is the year it was
        # delivered in, as work reports are named: it looks back on the year before.
        return named - 1
    counts = Counter(int(y) for y in _TEXT_YEAR.findall(text))
    if not counts:
        return None
    year = max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
    if _WORK_REPORT_TEXT.search(text) and not _IN_YEAR.search(text):
        return year - 1
    return year


def _looks_like_title(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= 60 and not s.endswith(("。", "；", "：", ":", "，"))


def _named_year(name: str) -> int | None:
    years = [int(y) for y in _NAME_YEAR.findall(name)]
    return max(years) if years else None
