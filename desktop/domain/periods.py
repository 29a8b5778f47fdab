"""Reporting periods: 1—10月, 前三季度, 上半年, 全年, 2025年, 明年, “十四五”, 到2027年.

A period is normalised to a start and an end month so that different wordings of the
same span compare equal (1—9月 and 前三季度 of one year have the same `key()`).
Relative words (今年, 明年, 去年) and month ranges without a year are resolved
against the report's year; without one, the year stays unknown (None).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.domain.quantities import chinese_to_decimal

__all__ = ["Period", "find_periods", "five_year_plan_years", "parse_period"]


@dataclass(frozen=True, slots=True)
class Period:
    start_year: int | None
    start_month: int
    end_year: int | None
    end_month: int
    label: str

    def key(self) -> str:
        """'2025-01..2025-10'; an unknown year is written '????'."""
        return f"{_ym(self.start_year, self.start_month)}..{_ym(self.end_year, self.end_month)}"

    @property
    def start(self) -> str:
        return _ym(self.start_year, self.start_month)

    @property
    def end(self) -> str:
        return _ym(self.end_year, self.end_month)


def _ym(year: int | None, month: int) -> str:
    return f"{'????' if year is None else f'{year:04d}'}-{month:02d}"


_DASH = "[—–－\\-～~至到]"
_NUM = "[0-9０-９零〇一二三四五六七八九十两]"
_YEAR = "(?:[12][0-9]{3}|[12０-９][０-９]{3}|[一二][〇零一二三四五六七八九]{3})"
_REL_YEAR = "今年|明年|去年|上年|前年|后年|本年|当年|上一年|次年"
_PLAN = "十[一二三四五六七八九]?五"

# Longest forms first; the pieces inside are single classes, so matching is linear.
_PERIOD_RE = re.compile(
    rf"""
    (?P<plan>[“"]?(?P<plan_n>{_PLAN})[”"]?(?:时期|期间|末)?)
  | (?P<by>到|至|截至|截止)(?P<by_year>{_YEAR})年(?P<by_end>底|末)?
  | 未来(?P<future>[一二三四五六七八九十两2-9２-９])年
  | (?P<yr_range>(?P<y1>{_YEAR})年?{_DASH}(?P<y2>{_YEAR})年)
  | (?:(?P<year>{_YEAR})年|(?P<rel>{_REL_YEAR}))?(?P<yend>年?末|年?底)?
    (?:
        (?P<m1>{_NUM}{{1,3}})(?:月份?)?{_DASH}(?P<m2>{_NUM}{{1,3}})月(?:份|末|底)?
      | (?P<first>前|第?(?P<q>[一二三四1-4１-４])季度|上半年|下半年|全年)
        (?P<firstn>[一二三两2-3２-３]季度|半年)?
      | (?P<month>{_NUM}{{1,3}})月(?:份|末|底)?(?![0-9０-９一二三四五六七八九十]+日)
    )?
    """,
    re.VERBOSE,
)


def _int(text: str) -> int | None:
    value = chinese_to_decimal(text)
    if value is None:
        digits = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        return int(digits) if digits.isdigit() else None
    return int(value)


def five_year_plan_years(name: str) -> tuple[int, int] | None:
    """Years of a five-year plan: 十四五 → (2021, 2025). From the 3rd plan on (1966)
    the plans follow each other every five years."""
    m = re.fullmatch(_PLAN, name.strip("“”\""))
    if m is None:
        return None
    n = _int(name.strip("“”\"")[:-1])
    if n is None or n < 3:
        return None
    start = 1966 + 5 * (n - 3)
    return start, start + 4


def _resolve_year(m: re.Match[str], report_year: int | None) -> int | None:
    if m.group("year"):
        return _int(m.group("year"))
    rel = m.group("rel")
    if rel is None:
        return report_year
    if report_year is None:
        return None
    offset = {"明年": 1, "次年": 1, "后年": 2, "去年": -1, "上年": -1, "上一年": -1, "前年": -2}
    return report_year + offset.get(rel, 0)


def _from_match(m: re.Match[str], report_year: int | None) -> Period | None:
    label = m.group(0)
    if m.group("plan"):
        years = five_year_plan_years(m.group("plan_n"))
        if years is None:
            return None
        return Period(years[0], 1, years[1], 12, label)
    if m.group("by"):
        year = _int(m.group("by_year"))
        if year is None:
            return None
        if m.group("by_end"):  # 截至2025年底: a point in time
            return Period(year, 12, year, 12, label)
        return Period(year, 1, year, 12, label)  # 到2027年: the goal's year
    if m.group("future"):  # 未来三年, from the year after the one spoken of
        n = _int(m.group("future"))
        if n is None or report_year is None:
            return None
        return Period(report_year + 1, 1, report_year + n, 12, label)
    if m.group("yr_range"):
        y1, y2 = _int(m.group("y1")), _int(m.group("y2"))
        if y1 is None or y2 is None or y2 < y1:
            return None
        return Period(y1, 1, y2, 12, label)
    year = _resolve_year(m, report_year)
    has_year = bool(m.group("year") or m.group("rel"))
    yend = m.group("yend")
    if yend:  # 年末, 2025年底, 去年末: the year's last month
        if not has_year and not yend.startswith("年"):
            return None
        return Period(year, 12, year, 12, label)
    if m.group("m1"):
        a, b = _int(m.group("m1")), _int(m.group("m2"))
        if a is None or b is None or not 1 <= a <= b <= 12:
            return None
        return Period(year, a, year, b, label)
    if m.group("first"):
        return _quarters(m, year, label)
    if m.group("month"):
        month = _int(m.group("month"))
        if month is None or not 1 <= month <= 12:
            return None
        return Period(year, month, year, month, label)
    if has_year:
        return Period(year, 1, year, 12, label)
    return None


def _quarters(m: re.Match[str], year: int | None, label: str) -> Period | None:
    first = m.group("first")
    rest = m.group("firstn") or ""
    if first == "前":
        if rest == "半年":
            return Period(year, 1, year, 6, label)
        n = _int(rest[:1]) if rest else None
        if n is None:
            return None
        return Period(year, 1, year, 3 * n, label)
    if rest:
        return None
    if first == "上半年":
        return Period(year, 1, year, 6, label)
    if first == "下半年":
        return Period(year, 7, year, 12, label)
    if first == "全年":
        return Period(year, 1, year, 12, label)
    q = _int(m.group("q"))
    if q is None or not 1 <= q <= 4:
        return None
    return Period(year, 3 * q - 2, year, 3 * q, label)


# Characters a period can start with. The pattern is optional piece by piece, so it is
# tried only where one of them stands (a scan of every position costs 0.4 s per MB).
_STARTS = re.compile(r"[“\"十到至截未0-9０-９零〇一二三四五六七八九两今明去上前后本当次第下全年]")


def find_periods(text: str, report_year: int | None = None) -> list[tuple[int, int, Period]]:
    """Every period in `text` as (start, end, Period), left to right."""
    out: list[tuple[int, int, Period]] = []
    covered = 0
    for candidate in _STARTS.finditer(text):
        pos = candidate.start()
        if pos < covered:
            continue
        m = _PERIOD_RE.match(text, pos)
        if m is None or m.end() == m.start():
            continue
        covered = m.end()
        # A year must not be the tail of a longer number (12025年) or a code.
        if m.start() > 0 and text[m.start() - 1].isdigit():
            continue
        period = _from_match(m, report_year)
        if period is not None:
            out.append((m.start(), m.end(), period))
    return out


def parse_period(text: str, report_year: int | None = None) -> Period | None:
    """The period that `text` is as a whole (1—10月, 前三季度, 2025年1—10月, 明年, “十四五”)."""
    stripped = text.strip()
    m = _PERIOD_RE.fullmatch(stripped)
    if m is None or not stripped:
        return None
    return _from_match(m, report_year)
