"""Numbers that are never wrong: every integer up to 10^12, spelled as reports spell it.

Each integer is written one of the ways government reports write numbers (Chinese
numerals in 万/亿 groups with 零 for gaps and 两 for 2, an Arabic number with a 万/亿
magnitude, plain Arabic with thousands separators), followed by a unit, and must come
back as exactly that integer times the unit's magnitude, with the match covering the
number and the unit and nothing else. cn2an (test extra) is a second, independent
speller and reader; the app itself never imports it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given

try:  # imported here, not in a test: its first import outlasts hypothesis's deadline
    import cn2an
except ImportError:  # pragma: no cover - a test extra
    cn2an = None
from hypothesis import strategies as st

from desktop.domain.quantities import (
    Quantity,
    chinese_to_decimal,
    decimal_str,
    find_quantities,
    parse_number,
    parse_quantity,
)

# written unit -> (magnitude it carries, normalised unit)
UNITS = {
    "元": (1, "元"), "万元": (10**4, "元"), "亿元": (10**8, "元"), "人": (1, "人"),
    "吨": (1, "吨"), "千瓦": (1, "千瓦"), "千瓦时": (1, "千瓦时"), "公里": (1, "公里"),
    "平方米": (1, "平方米"), "个": (1, "个"),
}
# magnitudes a quantity's written unit may start with
MAGNITUDES = {
    "万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "十亿": 10**9, "亿": 10**8,
    "千万": 10**7, "百万": 10**6, "十万": 10**5, "万": 10**4,
}
DIGITS = "零一二三四五六七八九"
LIMIT = 10**12


def _section(k: int, *, first: bool, liang: bool, alone: bool) -> str:
    """0 < k < 10000 in 千/百/十 places; `first`: the number starts here (十五, not 一十五);
    `alone`: the group is followed by 万/亿 (两万)."""
    out = ""
    gap = False
    for place, word in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = k // place % 10
        if d == 0:
            gap = gap or bool(out)
            continue
        if gap:
            out += "零"
            gap = False
        if word == "十" and d == 1 and first and not out:
            out += "十"
        elif d == 2 and liang and (word in ("千", "百") or (alone and k == 2)):
            out += "两" + word
        else:
            out += DIGITS[d] + word
    return out


def spell_chinese(n: int, *, liang: bool = False) -> str:
    """n (0 ≤ n ≤ 10^12) in Chinese numerals as reports write it: 一千零五十万, 十五万,
    三百一十万, 三亿零五百万, 一万亿; with `liang`, 两 for a 2 before 千/百/万/亿."""
    if n == 0:
        return "零"
    groups = [(n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")]
    out = ""
    zero_before = False
    for value, word in groups:
        if value == 0:
            zero_before = bool(out)
            continue
        if word == "亿" and value >= 10**4:  # 一万亿: 万 of 亿s
            head = _section(value // 10**4, first=True, liang=liang, alone=True) + "万"
            rest = value % 10**4
            if rest:
                head += ("零" if rest < 1000 else "") + _section(rest, first=False, liang=liang, alone=True)
            out += head + word
            continue
        if out and (zero_before or value < 1000):
            out += "零"
        out += _section(value, first=not out, liang=liang, alone=bool(word)) + word
        zero_before = False
    return out


def spell_mixed(n: int, magnitude: str, separators: bool) -> str:
    """n as an Arabic number with a magnitude word: 3.5万, 1,234.5万, 17.3万亿."""
    number = decimal_str(Decimal(n) / MAGNITUDES[magnitude])
    if separators:
        whole, dot, frac = number.partition(".")
        number = f"{int(whole):,}" + dot + frac
    return number + magnitude


def spell_arabic(n: int, separators: bool) -> str:
    return f"{n:,}" if separators else str(n)


def _integers() -> st.SearchStrategy[int]:
    """Uniform integers miss the hard cases (gaps, round numbers), so mix in those."""
    sparse = st.lists(
        st.tuples(st.integers(0, 12), st.integers(1, 9)), min_size=1, max_size=4
    ).map(lambda parts: min(LIMIT, sum(d * 10**k for k, d in parts)))
    round_ = st.builds(lambda d, k: min(LIMIT, d * 10**k), st.integers(1, 9999), st.integers(0, 9))
    return st.one_of(st.integers(0, LIMIT), sparse, round_, st.sampled_from([0, 1, 2, 10, LIMIT]))


@st.composite
def written_numbers(draw: st.DrawFn) -> tuple[int, str]:
    n = draw(_integers())
    style = draw(st.sampled_from(["chinese", "chinese", "mixed", "arabic"]))
    if style == "chinese":
        return n, spell_chinese(n, liang=draw(st.booleans()))
    if style == "mixed":
        magnitude = draw(st.sampled_from(["万", "亿", "万亿"]))
        assume(n >= MAGNITUDES[magnitude])
        return n, spell_mixed(n, magnitude, draw(st.booleans()))
    return n, spell_arabic(n, draw(st.booleans()))


def _written_as(number: str, unit: str) -> bool:
    """Reports do not write 五万万元, 三亿亿元 or 零万元: a magnitude unit after a magnitude."""
    if number == "零" and unit[0] in "万亿":
        return False
    return not (unit[0] == "万" and ("万" in number or "亿" in number)) and not (
        unit[0] == "亿" and "亿" in number
    )


def check(q: Quantity, n: int, unit: str) -> None:
    unit_magnitude, normalized_unit = UNITS[unit]
    assert q.normalized_value == Decimal(n) * unit_magnitude
    assert q.normalized_unit == normalized_unit
    # value × written magnitude is the normalised value: the unit says what value counts in
    base = unit[1:] if unit_magnitude > 1 else unit
    assert q.unit.endswith(base)
    magnitude = q.unit[: len(q.unit) - len(base)]
    assert magnitude == "" or magnitude in MAGNITUDES, q.unit
    assert q.value * MAGNITUDES.get(magnitude, 1) == q.normalized_value
    assert q.qualifier == "" and q.direction == 0 and not q.is_range


@given(written_numbers(), st.sampled_from(sorted(UNITS)))
def test_every_integer_with_a_unit(written: tuple[int, str], unit: str) -> None:
    n, number = written
    assume(_written_as(number, unit))
    q = parse_quantity(number + unit)
    assert q is not None
    check(q, n, unit)


@given(written_numbers(), st.sampled_from(sorted(UNITS)))
def test_every_integer_in_a_sentence(written: tuple[int, str], unit: str) -> None:
    n, number = written
    assume(_written_as(number, unit))
    lead = "全年完成"
    text = f"{lead}{number}{unit}，同比增长"
    found = find_quantities(text)
    assert [(m.start, m.end) for m in found] == [(len(lead), len(lead) + len(number) + len(unit))]
    assert found[0].number_start == len(lead)
    check(found[0].quantity, n, unit)


@given(_integers(), st.booleans())
def test_chinese_numerals_read_whole(n: int, liang: bool) -> None:
    spelled = spell_chinese(n, liang=liang)
    assert chinese_to_decimal(spelled) == n
    assert parse_number(spelled) == n


@given(_integers(), st.booleans())
def test_speller_agrees_with_cn2an(n: int, liang: bool) -> None:
    """The speller above is checked against an independent reader."""
    if cn2an is None:
        pytest.skip("cn2an is not installed")
    assert cn2an.cn2an(spell_chinese(n, liang=liang), "smart") == n


@given(st.integers(0, LIMIT), st.sampled_from(sorted(UNITS)))
def test_cn2an_spelling(n: int, unit: str) -> None:
    """cn2an spells numbers its own way (一亿一千 for 100001000); we read them right too."""
    if cn2an is None:
        pytest.skip("cn2an is not installed")
    number = cn2an.an2cn(n)
    assume(_written_as(number, unit))
    q = parse_quantity(number + unit)
    assert q is not None
    check(q, n, unit)


# text, value, unit, normalised value, normalised unit
EXAMPLES = [
    ("三千五百万元", "3500", "万元", "35000000", "元"),
    ("一百五十万人", "150", "万人", "1500000", "人"),
    ("一千零五十万吨", "1050", "万吨", "10500000", "吨"),
    ("两千五百万千瓦", "2500", "万千瓦", "25000000", "千瓦"),
    ("五十亿千瓦时", "50", "亿千瓦时", "5000000000", "千瓦时"),
    ("三千万元", "3000", "万元", "30000000", "元"),
    ("三亿五千万元", "3.5", "亿元", "350000000", "元"),
    ("三亿零五百万元", "3.05", "亿元", "305000000", "元"),
    ("两万三千亿元", "23000", "亿元", "2300000000000", "元"),
    ("十二万亿元", "12", "万亿元", "12000000000000", "元"),
    ("十五万四千人", "154000", "人", "154000", "人"),
    ("三点五万吨", "3.5", "万吨", "35000", "吨"),
    ("三千多万元", "3000", "万元", "30000000", "元"),
    ("3000多万元", "3000", "万元", "30000000", "元"),
    ("10余亿元", "10", "亿元", "1000000000", "元"),
    ("2千瓦", "2", "千瓦", "2", "千瓦"),
    ("1.2万千瓦", "1.2", "万千瓦", "12000", "千瓦"),
    ("50亿千瓦时", "50", "亿千瓦时", "5000000000", "千瓦时"),
    ("3千米", "3", "千米", "3", "公里"),
    ("三千千瓦", "3000", "千瓦", "3000", "千瓦"),
    ("三千瓦", "3", "千瓦", "3", "千瓦"),
    ("一万五千元", "15000", "元", "15000", "元"),
    ("一万五元", "15000", "元", "15000", "元"),
    ("三千五元", "3500", "元", "3500", "元"),
    ("三千零五元", "3005", "元", "3005", "元"),
]


@pytest.mark.parametrize(("text", "value", "unit", "norm", "norm_unit"), EXAMPLES)
def test_examples(text: str, value: str, unit: str, norm: str, norm_unit: str) -> None:
    q = parse_quantity(text)
    assert q is not None
    assert (decimal_str(q.value), q.unit, decimal_str(q.normalized_value), q.normalized_unit) == (
        value, unit, norm, norm_unit,
    )


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("投资超千亿元，", "千亿元"),
        ("接待游客千万人次以上", "千万人次以上"),
        ("新增装机两千五百万千瓦，", "两千五百万千瓦"),
        ("发电量五十亿千瓦时。", "五十亿千瓦时"),
    ],
)
def test_spans(text: str, span: str) -> None:
    assert [m.text for m in find_quantities(text)] == [span]


@pytest.mark.parametrize("text", ["三四万人", "五六个", "三千五万元", "亿万人", "万万元", "三百五千元"])
def test_ambiguous_numerals_are_not_guessed(text: str) -> None:
    """Ranges of guesses (三四万) and malformed numerals give no quantity, not a wrong one."""
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("十五万四千", "154000"), ("三点五万", "35000"), ("一万五", "15000"), ("两亿五", "250000000")],
)
def test_parse_number_is_the_plain_number(text: str, expected: str) -> None:
    value = parse_number(text)
    assert value is not None and decimal_str(value) == expected
