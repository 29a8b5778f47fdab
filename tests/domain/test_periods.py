"""Periods: wording → normalised start and end month."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.periods import find_periods, five_year_plan_years, parse_period

DASHES = ["—", "–", "－", "-", "～", "至"]

CASES = [
    ("前三季度", 2025, "2025-01..2025-09"),
    ("上半年", 2025, "2025-01..2025-06"),
    ("下半年", 2025, "2025-07..2025-12"),
    ("一季度", 2025, "2025-01..2025-03"),
    ("第一季度", 2025, "2025-01..2025-03"),
    ("二季度", 2025, "2025-04..2025-06"),
    ("第三季度", 2025, "2025-07..2025-09"),
    ("四季度", 2025, "2025-10..2025-12"),
    ("前两季度", 2025, "2025-01..2025-06"),
    ("全年", 2025, "2025-01..2025-12"),
    ("2025年", None, "2025-01..2025-12"),
    ("2025年1—10月", None, "2025-01..2025-10"),
    ("2025年前三季度", None, "2025-01..2025-09"),
    ("2024年上半年", 2025, "2024-01..2024-06"),
    ("今年", 2026, "2026-01..2026-12"),
    ("明年", 2025, "2026-01..2026-12"),
    ("去年", 2026, "2025-01..2025-12"),
    ("上年", 2026, "2025-01..2025-12"),
    ("明年一季度", 2025, "2026-01..2026-03"),
    ("今年前三季度", 2025, "2025-01..2025-09"),
    ("“十四五”", None, "2021-01..2025-12"),
    ("十四五", None, "2021-01..2025-12"),
    ("“十五五”", None, "2026-01..2030-12"),
    ("十三五", None, "2016-01..2020-12"),
    ("“十四五”期间", None, "2021-01..2025-12"),
    ("到2027年", 2026, "2027-01..2027-12"),
    ("到2030年", 2026, "2030-01..2030-12"),
    ("截至2025年底", 2025, "2025-12..2025-12"),
    ("未来三年", 2025, "2026-01..2028-12"),
    ("年末", 2025, "2025-12..2025-12"),
    ("2024年底", None, "2024-12..2024-12"),
    ("去年末", 2026, "2025-12..2025-12"),
    ("10月", 2025, "2025-10..2025-10"),
    ("10月份", 2025, "2025-10..2025-10"),
    ("10月末", 2025, "2025-10..2025-10"),
    ("二〇二五年", None, "2025-01..2025-12"),
    ("2021—2025年", None, "2021-01..2025-12"),
    ("一至十月", 2025, "2025-01..2025-10"),
    ("1—10月", None, "????-01..????-10"),
]
CASES += [(f"1{d}10月", 2025, "2025-01..2025-10") for d in DASHES]
CASES += [(f"{a}{d}{b}月", 2024, f"2024-{a:02d}..2024-{b:02d}") for d in DASHES for a, b in ((1, 9), (3, 11), (1, 12), (2, 5))]


@pytest.mark.parametrize(("text", "year", "key"), CASES)
def test_parse_period(text: str, year: int | None, key: str) -> None:
    period = parse_period(text, year)
    assert period is not None, text
    assert period.key() == key


@pytest.mark.parametrize(
    ("a", "b"),
    [("1—9月", "前三季度"), ("1-6月", "上半年"), ("1至3月", "一季度"), ("1—12月", "全年"), ("今年", "2025年")],
)
def test_equivalent_periods(a: str, b: str) -> None:
    pa, pb = parse_period(a, 2025), parse_period(b, 2025)
    assert pa is not None and pb is not None
    assert pa.key() == pb.key()


@pytest.mark.parametrize("text", ["", "连续37年", "13月", "10—3月", "第一", "abc", "37年"])
def test_not_periods(text: str) -> None:
    assert parse_period(text, 2025) is None


def test_find_periods_in_sentence() -> None:
    text = "1—10月，广东规上工业企业实现营业收入17.3万亿元；前三季度，湖南工业增长7.8%。"
    found = [(text[s:e], p.key()) for s, e, p in find_periods(text, 2025)]
    assert found == [("1—10月", "2025-01..2025-10"), ("前三季度", "2025-01..2025-09")]


def test_five_year_plans() -> None:
    assert five_year_plan_years("十四五") == (2021, 2025)
    assert five_year_plan_years("“十五五”") == (2026, 2030)
    assert five_year_plan_years("十一五") == (2006, 2010)
    assert five_year_plan_years("十") is None


@given(st.integers(1, 12), st.integers(1, 12), st.integers(1990, 2100), st.sampled_from(DASHES))
def test_month_range_property(a: int, b: int, year: int, dash: str) -> None:
    lo, hi = min(a, b), max(a, b)
    period = parse_period(f"{year}年{lo}{dash}{hi}月")
    assert period is not None
    assert period.key() == f"{year:04d}-{lo:02d}..{year:04d}-{hi:02d}"


@given(st.integers(1990, 2100))
def test_relative_years(year: int) -> None:
    this, nxt, last = (parse_period(w, year) for w in ("今年", "明年", "去年"))
    assert this is not None and nxt is not None and last is not None
    assert (this.start_year, nxt.start_year, last.start_year) == (year, year + 1, year - 1)
