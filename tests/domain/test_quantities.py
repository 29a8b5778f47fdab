"""Chinese quantity parser: table cases and round-trip properties."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.quantities import (
    chinese_to_decimal,
    decimal_str,
    find_quantities,
    parse_number,
    parse_quantity,
)
from tests.conftest import no_hang

# text, value, unit, normalised value, normalised unit, qualifier, direction
QUANTITY_CASES = [
    ("17.3万亿元", "17.3", "万亿元", "17300000000000", "元", "", 0),
    ("7851.5亿元", "7851.5", "亿元", "785150000000", "元", "", 0),
    ("1.2万", "1.2", "万", "12000", "", "", 0),
    ("3,500元", "3500", "元", "3500", "元", "", 0),
    ("三千五百元", "3500", "元", "3500", "元", "", 0),
    ("十二个", "12", "个", "12", "个", "", 0),
    ("两家", "2", "家", "2", "家", "", 0),
    ("７．８％", "7.8", "％", "7.8", "%", "", 0),
    ("增长5.3%", "5.3", "%", "5.3", "%", "", 1),
    ("下降2.1%", "2.1", "%", "2.1", "%", "", -1),
    ("提高0.5个百分点", "0.5", "个百分点", "0.5", "百分点", "", 1),
    ("回落1个百分点", "1", "个百分点", "1", "百分点", "", -1),
    ("降低3%", "3", "%", "3", "%", "", -1),
    ("减少20万吨", "20", "万吨", "200000", "吨", "", -1),
    ("增加15家", "15", "家", "15", "家", "", 1),
    ("上涨2%", "2", "%", "2", "%", "", 1),
    ("下跌4%", "4", "%", "4", "%", "", -1),
    ("55%左右", "55", "%", "55", "%", "左右", 0),
    ("5%以内", "5", "%", "5", "%", "以内", 0),
    ("20%以上", "20", "%", "20", "%", "以上", 0),
    ("3%以下", "3", "%", "3", "%", "以下", 0),
    ("300多场", "300", "场", "300", "场", "多", 0),
    ("50余场", "50", "场", "50", "场", "余", 0),
    ("3万余场次", "3", "万场次", "30000", "场次", "余", 0),
    ("3500多个", "3500", "个", "3500", "个", "多", 0),
    ("2个百分点以上", "2", "个百分点", "2", "百分点", "以上", 0),
    ("9成", "9", "成", "90", "%", "", 0),
    ("五成", "5", "成", "50", "%", "", 0),
    ("3倍", "3", "倍", "3", "倍", "", 0),
    ("52家", "52", "家", "52", "家", "", 0),
    ("63个", "63", "个", "63", "个", "", 0),
    ("3项", "3", "项", "3", "项", "", 0),
    ("123位", "123", "位", "123", "位", "", 0),
    ("124万名", "124", "万名", "1240000", "名", "", 0),
    ("12类", "12", "类", "12", "类", "", 0),
    ("45件", "45", "件", "45", "件", "", 0),
    ("3.5万套", "3.5", "万套", "35000", "套", "", 0),
    ("1.2万场", "1.2", "万场", "12000", "场", "", 0),
    ("340万人次", "340", "万人次", "3400000", "人次", "", 0),
    ("600万平方米", "600", "万平方米", "6000000", "平方米", "", 0),
    ("30微克/立方米", "30", "微克/立方米", "30", "微克/立方米", "", 0),
    ("7平方公里", "7", "平方公里", "7", "平方公里", "", 0),
    ("7400亩", "7400", "亩", "7400", "亩", "", 0),
    ("615亿斤左右", "615", "亿斤", "30750000000", "千克", "左右", 0),
    ("1亿千瓦", "1", "亿千瓦", "100000000", "千瓦", "", 0),
    ("百亿元", "100", "亿元", "10000000000", "元", "", 0),
    ("千亿元", "1000", "亿元", "100000000000", "元", "", 0),
    ("千万人次", "1000", "万人次", "10000000", "人次", "", 0),
    ("亿度", "1", "亿度", "100000000", "千瓦时", "", 0),
    ("百亿次", "100", "亿次", "10000000000", "次", "", 0),
    ("8097万标箱", "8097", "万标箱", "80970000", "标箱", "", 0),
    ("2061万架次", "2061", "万架次", "20610000", "架次", "", 0),
    ("3411公里", "3411", "公里", "3411", "公里", "", 0),
    ("500亿美元", "500", "亿美元", "50000000000", "美元", "", 0),
    ("2000万元以上", "2000", "万元", "20000000", "元", "以上", 0),
    ("9800亿元以上", "9800", "亿元", "980000000000", "元", "以上", 0),
    ("120万辆", "120", "万辆", "1200000", "辆", "", 0),
    ("1.8亿人次", "1.8", "亿人次", "180000000", "人次", "", 0),
    ("110万名", "110", "万名", "1100000", "名", "", 0),
    ("3万家次", "3", "万家次", "30000", "家次", "", 0),
    # Chinese numerals: the number they spell in the magnitude that ends them
    ("三亿五千万元", "3.5", "亿元", "350000000", "元", "", 0),
    ("万亿元", "1", "万亿元", "1000000000000", "元", "", 0),
    ("三千五百万元", "3500", "万元", "35000000", "元", "", 0),
    ("一百五十万人", "150", "万人", "1500000", "人", "", 0),
    ("一千零五十万吨", "1050", "万吨", "10500000", "吨", "", 0),
    ("两千五百万千瓦", "2500", "万千瓦", "25000000", "千瓦", "", 0),
    ("五十亿千瓦时", "50", "亿千瓦时", "5000000000", "千瓦时", "", 0),
    ("三千万元", "3000", "万元", "30000000", "元", "", 0),
    ("减少一百五十万吨", "150", "万吨", "1500000", "吨", "", -1),
    ("2千瓦", "2", "千瓦", "2", "千瓦", "", 0),
    ("1.2万千瓦", "1.2", "万千瓦", "12000", "千瓦", "", 0),
    ("50亿千瓦时", "50", "亿千瓦时", "5000000000", "千瓦时", "", 0),
    ("3千米", "3", "千米", "3", "公里", "", 0),
    ("3000多万元", "3000", "万元", "30000000", "元", "多", 0),
    ("1/3以上", "0.3333333333333333333333333333", "", "33.33333333333333333333333333", "%", "以上", 0),
    ("1/4", "0.25", "", "25", "%", "", 0),
    ("三分之一", "0.3333333333333333333333333333", "", "33.33333333333333333333333333", "%", "", 0),
    ("百分之五", "5", "%", "5", "%", "", 0),
    ("翻一番", "2", "倍", "2", "倍", "", 1),
    ("2813.8万辆（艘、架、列）次", "2813.8", "万辆（艘、架、列）次", "28138000", "辆", "", 0),
]


@pytest.mark.parametrize(
    ("text", "value", "unit", "norm", "norm_unit", "qualifier", "direction"), QUANTITY_CASES
)
def test_parse_quantity(
    text: str, value: str, unit: str, norm: str, norm_unit: str, qualifier: str, direction: int
) -> None:
    q = parse_quantity(text)
    assert q is not None
    assert decimal_str(q.value) == value
    assert q.unit == unit
    assert decimal_str(q.normalized_value) == norm
    assert q.normalized_unit == norm_unit
    assert q.qualifier == qualifier
    assert q.direction == direction
    assert isinstance(q.value, Decimal)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("5%—5.5%", "5", "5.5", "%"),
        ("增长5%—5.5%", "5", "5.5", "%"),
        ("5—5.5%", "5", "5.5", "%"),
        ("3～5万吨", "3", "5", "万吨"),
        ("2%-3%", "2", "3", "%"),
        ("10至20家", "10", "20", "家"),
    ],
)
def test_ranges(text: str, low: str, high: str, unit: str) -> None:
    q = parse_quantity(text)
    assert q is not None and q.is_range
    assert decimal_str(q.low) == low
    assert q.high is not None and decimal_str(q.high) == high
    assert q.unit == unit


NUMBER_CASES = [
    ("7.8%", "7.8"), ("1.2万亿", "1200000000000"), ("3,500", "3500"), ("三千五百", "3500"),
    ("７．８", "7.8"), ("十二", "12"), ("两", "2"), ("十", "10"), ("二十", "20"),
    ("一百零五", "105"), ("一千零一", "1001"), ("两万三千", "23000"), ("三亿五千万", "350000000"),
    ("二〇二五", "2025"), ("1.2万", "12000"), ("17.3万亿", "17300000000000"),
    ("7851.5亿", "785150000000"), ("0.5", "0.5"), ("-3", "-3"), ("+4.5", "4.5"),
    ("1,234,567", "1234567"), ("１２３", "123"), ("5个百分点", "5"), ("百", "100"),
    ("千", "1000"), ("万", "10000"), ("亿", "100000000"), ("万亿", "1000000000000"),
    ("三点五", "3.5"), ("十万", "100000"), ("一百万", "1000000"), ("九千九百九十九", "9999"),
    ("  42  ", "42"), ("3.5万", "35000"), ("100", "100"), ("0", "0"),
    ("十五万四千", "154000"), ("三千五百万", "35000000"), ("一百五十万", "1500000"),
    ("三点五万", "35000"),
]


@pytest.mark.parametrize(("text", "expected"), NUMBER_CASES)
def test_parse_number(text: str, expected: str) -> None:
    value = parse_number(text)
    assert value is not None
    assert decimal_str(value) == expected


@pytest.mark.parametrize("text", ["", "abc", "增长", "1.2.3", "万万", "三x", "%", "三四万", "三百五千"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("营业收入17.3万亿元、利润7851.5亿元", ["17.3万亿元", "7851.5亿元"]),
        ("分别增长6.5%和7%", ["增长6.5%", "7%"]),
        ("分别达1409万、1305万人次", ["1409万", "1305万人次"]),
        ("增长**7.8%**", ["7.8%"]),
        ("2025年1—10月", []),
        ("连续37年", []),
        ("13号线", []),
        ("12英寸产线", []),
        ("提前3个月", []),
        ("较上年增长超50%", ["50%"]),
        ("投资超千亿元", ["千亿元"]),
        ("新增装机两千五百万千瓦，发电五十亿千瓦时", ["两千五百万千瓦", "五十亿千瓦时"]),
        ("约三四万人", []),
    ],
)
def test_find_quantities(text: str, spans: list[str]) -> None:
    found = find_quantities(text)
    assert [m.text for m in found] == spans
    for m in found:
        assert text[m.start : m.end] == m.text


def test_decimal_only() -> None:
    q = parse_quantity("7851.5亿元")
    assert q is not None
    # a float would give 785149999999.9999
    assert decimal_str(q.normalized_value) == "785150000000"


def test_frozen() -> None:
    q = parse_quantity("3家")
    assert q is not None
    with pytest.raises(AttributeError):
        q.value = Decimal(1)  # type: ignore[misc]


_CN_DIGITS = "零一二三四五六七八九"


def spell(n: int) -> str:
    """Spell a non-negative integer below 10^12 in Chinese numerals (standard form)."""
    if n == 0:
        return "零"

    def below_10000(k: int, leading: bool) -> str:
        out = ""
        zero = False
        for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = k // unit_value % 10
            if d == 0:
                zero = bool(out) or not leading
                continue
            if zero and (out or not leading):
                out += "零"
            zero = False
            out += _CN_DIGITS[d] + unit
        return out

    parts = []
    for big, word in ((10**8, "亿"), (10**4, "万"), (1, "")):
        chunk = n // big % 10000 if big < 10**8 else n // big
        if chunk:
            leading = not parts
            text = below_10000(chunk, leading)
            if not leading and chunk < 1000:
                text = "零" + text.lstrip("零")
            parts.append(text + word)
    return "".join(parts)


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_chinese_round_trip(n: int) -> None:
    assert chinese_to_decimal(spell(n)) == Decimal(n)


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_arabic_round_trip(whole: int, frac: int) -> None:
    text = f"{whole:,}.{frac:02d}"
    assert parse_number(text) == Decimal(f"{whole}.{frac:02d}")


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False))
def test_wan_magnitude(d: Decimal) -> None:
    value = parse_number(f"{d}万")
    assert value == d * 10000


@given(st.text(alphabet="0123456789一二三万亿元%.,、—年月个", max_size=300))
def test_find_never_crashes_and_spans_are_valid(text: str) -> None:
    for m in find_quantities(text):
        assert text[m.start : m.end] == m.text
        assert 0 <= m.start <= m.number_start < m.end <= len(text)


@pytest.mark.parametrize("piece", ["1", "1,", "一二三", "三分", "百分之", "1—", "1.", "万亿"])
def test_no_catastrophic_backtracking(piece: str) -> None:
    text = piece * (20000 // len(piece))
    with no_hang():
        find_quantities(text)
