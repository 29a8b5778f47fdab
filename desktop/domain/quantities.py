"""Chinese quantities: numbers, magnitudes, units, qualifiers, ranges and direction.

Everything is `Decimal`; a float would turn 7851.5亿元 into 785149999999.9999.
Offsets are code points into the text as given: the text is never normalised as a
whole (NFKC is applied to single tokens only, so positions stay valid).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = [
    "CHANGE_VERBS",
    "Quantity",
    "QuantityMatch",
    "chinese_to_decimal",
    "decimal_str",
    "find_quantities",
    "parse_number",
    "parse_quantity",
]

_CN_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
CN_NUMERAL_CHARS = "零〇一二三四五六七八九十百千万亿两"

# Magnitude words written after an Arabic number (17.3万亿元). A lone 千 or 百 is
# left out: after digits they start units (2千米, 3千瓦) far more often.
_MAGNITUDES = {
    "万亿": Decimal(10) ** 12, "千亿": Decimal(10) ** 11, "百亿": Decimal(10) ** 10,
    "十亿": Decimal(10) ** 9, "亿": Decimal(10) ** 8, "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6, "十万": Decimal(10) ** 5, "万": Decimal(10) ** 4,
}

# Units as data: written form -> (normalised unit, factor to the normalised unit).
# Durations (年, 月, 天) are deliberately absent: they are periods, not quantities.
_UNITS: dict[str, tuple[str, Decimal]] = {
    "%": ("%", Decimal(1)), "％": ("%", Decimal(1)), "‰": ("‰", Decimal(1)),
    "个百分点": ("百分点", Decimal(1)), "百分点": ("百分点", Decimal(1)),
    "成": ("%", Decimal(10)), "倍": ("倍", Decimal(1)),
    "元": ("元", Decimal(1)), "美元": ("美元", Decimal(1)), "欧元": ("欧元", Decimal(1)),
    "港元": ("港元", Decimal(1)), "日元": ("日元", Decimal(1)),
    "吨": ("吨", Decimal(1)), "千克": ("千克", Decimal(1)), "公斤": ("千克", Decimal(1)),
    "斤": ("千克", Decimal("0.5")), "吨标准煤": ("吨标准煤", Decimal(1)),
    "亩": ("亩", Decimal(1)), "公顷": ("公顷", Decimal(1)),
    "平方米": ("平方米", Decimal(1)), "平方公里": ("平方公里", Decimal(1)),
    "平方千米": ("平方公里", Decimal(1)), "立方米": ("立方米", Decimal(1)),
    "公里": ("公里", Decimal(1)), "千米": ("公里", Decimal(1)), "米": ("米", Decimal(1)),
    "千瓦时": ("千瓦时", Decimal(1)), "度": ("千瓦时", Decimal(1)),
    "千瓦": ("千瓦", Decimal(1)), "兆瓦": ("千瓦", Decimal(1000)),
    "吉瓦": ("千瓦", Decimal(1_000_000)),
    "微克/立方米": ("微克/立方米", Decimal(1)), "毫克/立方米": ("毫克/立方米", Decimal(1)),
    "标箱": ("标箱", Decimal(1)), "标准箱": ("标箱", Decimal(1)),
    "人次": ("人次", Decimal(1)), "家次": ("家次", Decimal(1)), "架次": ("架次", Decimal(1)),
    "场次": ("场次", Decimal(1)), "车次": ("车次", Decimal(1)), "班次": ("班次", Decimal(1)),
    "艘次": ("艘次", Decimal(1)), "户次": ("户次", Decimal(1)),
}
# Measure words: a count of things; each normalises to itself.
_MEASURE_WORDS = (
    *"个家项位名类件套场人户条款台辆艘架列座所处只头张片篇部本首次例宗笔单轮间栋幢根支种",
    *"床份对组枚颗株棵块节门",
    "批次",
)
for _w in _MEASURE_WORDS:
    _UNITS.setdefault(_w, (_w, Decimal(1)))

# One-character measure words that may appear in a gloss: 万辆（艘、架、列）次.
_GLOSS_CHARS = "".join(sorted({u for u in _UNITS if len(u) == 1 and u not in "%％‰成倍"}))

CHANGE_VERBS: dict[str, int] = {
    "增长": 1, "提高": 1, "上涨": 1, "增加": 1, "上升": 1,
    "下降": -1, "降低": -1, "下跌": -1, "减少": -1, "回落": -1, "下滑": -1,
}
_DASHES = "—–－-～~至到"

_DIG = "0-9０-９"
_ARABIC = rf"[{_DIG}]+(?:,[{_DIG}]{{3}}(?![{_DIG}]))*(?:[.．][{_DIG}]+)?"
_MAG = "|".join(sorted(_MAGNITUDES, key=len, reverse=True))
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))


def _numeral_char(ch: str) -> str:
    """A numeral character, unless it starts a unit there (the 千 of 千瓦, 百 of 百分点)."""
    rests = sorted({u[1:] for u in _UNITS if len(u) > 1 and u[0] == ch}, key=len, reverse=True)
    if not rests:
        return re.escape(ch)
    return f"{re.escape(ch)}(?!{'|'.join(re.escape(r) for r in rests)})"


# A Chinese numeral, read as a whole (三千五百万, 两千五百万 before 千瓦, 三点五万).
# Each repetition takes one character, so matching stays linear.
_CN_PLAIN = "".join(ch for ch in CN_NUMERAL_CHARS if all(not u.startswith(ch) for u in _UNITS))
_CN_CHAR = "|".join([f"[{_CN_PLAIN}]", *(_numeral_char(ch) for ch in CN_NUMERAL_CHARS if ch not in _CN_PLAIN)])
_CN_NUMERAL = rf"(?:{_CN_CHAR})+(?:点[{''.join(_CN_DIGITS)}]+(?:万亿|亿|万)?)?"

# One number with what hangs on it. Every repeated piece is a single character
# class or a literal alternation, so matching is linear (no nested quantifiers).
_QUANTITY_RE = re.compile(
    rf"""
    (?<![{_DIG}.．,/])
    (?:
        (?P<frac_a>{_ARABIC})[/／](?P<frac_b>[{_DIG}]+)
      | 百分之(?P<pct_cn>[{CN_NUMERAL_CHARS}点]+)
      | (?P<frac_cb>[{CN_NUMERAL_CHARS}]+)分之(?P<frac_ca>[{CN_NUMERAL_CHARS}]+)
      | (?P<arabic>{_ARABIC})(?P<mag>{_MAG})?
      | (?P<cn>{_CN_NUMERAL})
    )
    (?:(?P<q1>多|余)(?P<mag_q>万亿|亿|万)?)?
    (?P<unit>
        (?:{_UNIT_ALT})(?!月|小时|工作日|季度)
        (?:[（(][{_GLOSS_CHARS}](?:、[{_GLOSS_CHARS}])*[)）]次?)?
    )?
    (?P<q2>左右|以上|以内|以下|上下|多|余)?
    """,
    re.VERBOSE,
)


def decimal_str(value: Decimal) -> str:
    """Plain decimal notation without exponent or trailing zeros (1.73E+13 → 17300000000000)."""
    if value == 0:
        return "0"
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def chinese_to_decimal(text: str) -> Decimal | None:
    """Value of a Chinese numeral: 三千五百, 十二, 两万, 三亿五千万, 二〇二五, 三点五.

    The numeral is read as a whole and checked: digits and 十/百/千 must come in
    falling order (三四万, 三百五千 and 万万 are None, never a guess). 零 marks a gap
    (一千零五十), 十 may stand without 一 (十五万) and a lone 百/千/万/亿 at the start
    means one of them (百亿, 千万). A final digit straight after 百/千/万/亿 is the
    spoken short form (三千五 = 3500, 一万五 = 15000, 两亿五 = 250000000); 三千零五
    is 3005. A string of bare digits is read digit by digit (二〇二五 → 2025).
    """
    if not text:
        return None
    if "点" in text:
        whole, _, frac = text.partition("点")
        head = _cn_int(whole) if whole else 0
        if head is None or not frac or any(ch not in _CN_DIGITS for ch in frac):
            return None
        digits = "".join(str(_CN_DIGITS[ch]) for ch in frac)
        return Decimal(head) + Decimal("0." + digits)
    value = _cn_int(text)
    return None if value is None else Decimal(value)


def _cn_int(text: str) -> int | None:
    """A whole Chinese numeral (see chinese_to_decimal), or None."""
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_SMALL and ch not in _CN_BIG for ch in text):
        return None
    if all(ch in _CN_DIGITS for ch in text):
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    # 万亿 is 万 of 亿s: everything before the first 亿 counts in 亿 (十二万亿, 三万五千亿).
    head, sep, tail = text.partition("亿")
    if not sep:
        return _cn_below_yi(text, leading=True, final=True)
    high = _cn_below_yi(head, leading=True, final=False) if head else 1
    if not high:
        return None
    if not tail:
        return high * 100_000_000
    low = _cn_short(tail, 100_000_000)
    if low is None:
        low = _cn_below_yi(tail, leading=False, final=True)
    return None if low is None else high * 100_000_000 + low


def _cn_below_yi(text: str, *, leading: bool, final: bool) -> int | None:
    """A numeral below 亿 (two groups: 万 and the section below it)."""
    head, sep, tail = text.partition("万")
    if not sep:
        return _cn_section(text, leading=leading, final=final)
    if head:
        high = _cn_section(head, leading=leading, final=False)
    else:
        high = 1 if leading else None
    if not high:
        return None
    if not tail:
        return high * 10_000
    low = _cn_short(tail, 10_000) if final else None
    if low is None:
        low = _cn_section(tail, leading=False, final=final)
    return None if low is None else high * 10_000 + low


def _cn_short(tail: str, big: int) -> int | None:
    """一万五 / 两亿五: one digit right after 万/亿 is a tenth of it."""
    if len(tail) == 1 and tail in _CN_DIGITS and _CN_DIGITS[tail]:
        return _CN_DIGITS[tail] * big // 10
    return None


def _cn_section(text: str, *, leading: bool, final: bool) -> int | None:
    """A numeral below 万: 三千五百, 一千零五十, 十二, 两百, (at the start) 百, 千."""
    if not text:
        return None
    value = 0
    place = 10_000  # the last place written; places must fall
    digit: int | None = None  # a digit waiting for its place
    zero = False  # a 零 since the last place
    for ch in text:
        if ch in _CN_DIGITS and _CN_DIGITS[ch] == 0:
            if digit is not None:
                return None  # 三零
            zero = True
        elif ch in _CN_DIGITS:
            if digit is not None:
                return None  # 三四: two digits for one place
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            p = _CN_SMALL[ch]
            if p >= place:
                return None  # 三百五千, 十十
            if digit is None:
                # 十五, 零十; 百亿, 千万 at the very start of the number
                if (ch == "十" and (value == 0 or zero)) or (leading and value == 0 and not zero):
                    digit = 1
                else:
                    return None
            value += digit * p
            place, digit, zero = p, None, False
        else:
            return None
    if digit is None:
        return None if zero else value
    if zero or place >= 10_000 or place == 10:
        return value + digit
    if final:
        return value + digit * place // 10  # 三千五 = 3500
    return None  # 三千五万: 3005万 or 3500万? neither is written so


def _arabic(text: str) -> Decimal | None:
    try:
        return Decimal(_nfkc(text).replace(",", ""))
    except InvalidOperation:
        return None


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity as written and normalised.

    `value` is the number in the written magnitude (17.3 for 17.3万亿元), `unit` the
    written unit including the magnitude (万亿元); `normalized_value` and
    `normalized_unit` drop the magnitude (17300000000000 元). A range keeps its low
    end in `value` and its high end in `high`.
    """

    value: Decimal
    unit: str
    normalized_value: Decimal
    normalized_unit: str
    qualifier: str = ""
    direction: int = 0
    high: Decimal | None = None
    normalized_high: Decimal | None = None
    verb: str = ""

    @property
    def low(self) -> Decimal:
        return self.value

    @property
    def is_range(self) -> bool:
        return self.high is not None


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    """A quantity found in a text: [start, end) covers verb, number, unit and qualifier."""

    start: int
    end: int
    text: str
    quantity: Quantity
    number_start: int  # where the number itself starts (after a change verb)
    numeral: str  # the number as written, e.g. "17.3万亿", "三千五百", "1/3"
    chinese: bool  # written in Chinese numerals only (三千五百, 百亿)


def _read_match(m: re.Match[str]) -> tuple[Decimal, Decimal, str, str] | None:
    """(value, magnitude factor, magnitude text, unit) of one regex match."""
    unit = m.group("unit") or ""
    if m.group("frac_a") is not None:
        num, den = _arabic(m.group("frac_a")), _arabic(m.group("frac_b"))
        if num is None or not den:
            return None
        return num / den, Decimal(1), "", unit
    if m.group("frac_ca") is not None:
        num, den = chinese_to_decimal(m.group("frac_ca")), chinese_to_decimal(m.group("frac_cb"))
        if num is None or not den:
            return None
        return num / den, Decimal(1), "", unit
    if m.group("pct_cn") is not None:
        pct = chinese_to_decimal(m.group("pct_cn"))
        if pct is None or unit:
            return None
        return pct, Decimal(1), "", "%"
    if m.group("arabic") is not None:
        arabic = _arabic(m.group("arabic"))
        read = None if arabic is None else (arabic, Decimal(1), m.group("mag") or "")
    else:
        read = _read_chinese(m.group("cn") or "")
    if read is None:
        return None
    value, _, mag = read
    # 3000多万元, 三千余亿元: the magnitude after the qualifier is the number's.
    if m.group("mag_q"):
        if mag:
            return None
        mag = m.group("mag_q")
    return value, _MAGNITUDES.get(mag, Decimal(1)), mag, unit


# The magnitude a Chinese numeral is written in: its highest 万/亿 word, when it
# ends in one (三千五百万 → 3500 万, 三亿五千万 → 3.5 亿, 两万三千亿 → 23000 亿).
_CN_TRAILING_MAGS = ("万亿", "亿", "万")


def _read_chinese(cn: str) -> tuple[Decimal, Decimal, str] | None:
    """(value, magnitude factor, magnitude text) of a Chinese numeral in a quantity."""
    if "点" in cn:  # 三点五万: a decimal with its magnitude
        mag = next((w for w in _CN_TRAILING_MAGS if cn.endswith(w)), "")
        value = chinese_to_decimal(cn[: len(cn) - len(mag)])
        if value is None:
            return None
        return value, _MAGNITUDES.get(mag, Decimal(1)), mag
    if len(cn) > 1 and all(ch in _CN_DIGITS for ch in cn):
        return None  # 三四个, 五六十: a range of guesses, not a number
    whole = _cn_int(cn)
    if whole is None:
        return None
    mag = ""
    if cn[-1] in _CN_BIG:
        mag = "万亿" if "万亿" in cn else "亿" if "亿" in cn else "万"
    factor = _MAGNITUDES.get(mag, Decimal(1))
    return _plain(Decimal(whole) / factor), factor, mag


def _plain(value: Decimal) -> Decimal:
    """3500.0000 → 3500, 3.50 → 3.5: the value as it would be written."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _build(
    m: re.Match[str], verb: str, direction: int
) -> tuple[Quantity, str, bool] | None:
    read = _read_match(m)
    if read is None:
        return None
    value, factor, mag, unit = read
    base = unit.split("（")[0].split("(")[0]
    norm_unit, unit_factor = _UNITS.get(base, (base, Decimal(1)))
    if m.group("pct_cn") is not None:
        norm_unit, unit_factor = "%", Decimal(1)
    if (m.group("frac_a") is not None or m.group("frac_ca") is not None) and not unit:
        norm_unit, unit_factor = "%", Decimal(100)
    qualifier = m.group("q2") or m.group("q1") or ""
    is_cn = m.group("cn") is not None
    group = next(
        g for g in ("mag_q", "mag", "arabic", "cn", "frac_b", "frac_ca", "pct_cn") if m.group(g)
    )
    numeral = m.string[m.start() : m.end(group)]
    quantity = Quantity(
        value=value,
        unit=mag + unit,
        normalized_value=value * factor * unit_factor,
        normalized_unit=norm_unit,
        qualifier=qualifier,
        direction=direction,
        verb=verb,
    )
    return quantity, numeral, is_cn


def _verb_before(text: str, pos: int) -> str:
    for length in (2,):
        word = text[max(0, pos - length) : pos]
        if word in CHANGE_VERBS:
            return word
    return ""


def find_quantities(text: str) -> list[QuantityMatch]:
    """Every number in `text` carrying a unit, a magnitude or a fraction, left to right.

    A change verb touching the number (增长5.3%) is taken into the span and gives the
    direction; ranges (5%—5.5%) are merged into one match. Bare numbers without unit
    (years, codes) are not returned; whether a match is a *metric* is the metric
    suggester's call (ranks, names and small counts are filtered there).
    """
    raw: list[tuple[re.Match[str], Quantity, str, bool]] = []
    for m in _QUANTITY_RE.finditer(text):
        if m.end() == m.start():
            continue
        verb = _verb_before(text, m.start())
        built = _build(m, verb, CHANGE_VERBS.get(verb, 0))
        if built is None:
            continue
        raw.append((m, *built))
    out: list[QuantityMatch] = []
    i = 0
    while i < len(raw):
        m, q, numeral, is_cn = raw[i]
        start, end = m.start(), m.end()
        # Range: 5%—5.5%, 5—5.5%: the low end has no qualifier and the same unit (or none).
        if i + 1 < len(raw) and not q.qualifier and end < len(text) and text[end] in _DASHES:
            m2, q2, _, _ = raw[i + 1]
            if m2.start() == end + 1 and q2.unit and q.unit in ("", q2.unit):
                factor = q2.normalized_value / q2.value if q2.value else Decimal(1)
                q = Quantity(
                    value=q.value, unit=q2.unit,
                    normalized_value=q.value * factor, normalized_unit=q2.normalized_unit,
                    qualifier=q2.qualifier, direction=q.direction, high=q2.value,
                    normalized_high=q2.normalized_value, verb=q.verb,
                )
                end = m2.end()
                i += 1
        i += 1
        if not q.is_range and not _counts(q, m, numeral):
            continue
        vstart = start - len(q.verb)
        out.append(QuantityMatch(vstart, end, text[vstart:end], q, start, numeral, is_cn))
    return out


def _counts(q: Quantity, m: re.Match[str], numeral: str) -> bool:
    """A number is a quantity when it has a unit, a 万/亿 magnitude or is a fraction."""
    if m.group("unit") or m.group("pct_cn") is not None:
        return True
    if m.group("frac_a") is not None or m.group("frac_ca") is not None:
        return True
    return m.group("arabic") is not None and bool(m.group("mag") or m.group("mag_q"))


def parse_quantity(text: str) -> Quantity | None:
    """The quantity that `text` is, as a whole (增长5.3%, 17.3万亿元, 5%—5.5%, 翻一番)."""
    stripped = text.strip()
    if stripped in ("翻一番", "翻一翻"):
        return Quantity(Decimal(2), "倍", Decimal(2), "倍", direction=1, verb="翻")
    if stripped.startswith("翻") and stripped.endswith("番"):
        times = chinese_to_decimal(stripped[1:-1])
        if times is not None:
            value = Decimal(2) ** int(times)
            return Quantity(value, "倍", value, "倍", direction=1, verb="翻")
    found = find_quantities(stripped)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        return found[0].quantity
    bare = parse_number(stripped)
    if bare is None:
        return None
    return Quantity(bare, "", bare, "")


def parse_number(text: str) -> Decimal | None:
    """The plain number an analyst types into a form: 7.8%, 1.2万亿, 3,500, 三千五百, ７．８.

    Always the number itself, in no unit: a magnitude is applied (1.2万亿 →
    1200000000000, 十五万四千 → 154000, 三点五万 → 35000) and a %/百分点 sign dropped.
    A caller whose field is counted in 万 or 亿 (unit 万家) must divide by that itself.
    """
    s = _nfkc(text).strip().replace(" ", "")
    if not s:
        return None
    sign = Decimal(1)
    if s[0] in "+-":
        sign = Decimal(-1) if s[0] == "-" else Decimal(1)
        s = s[1:]
    for suffix in ("个百分点", "百分点", "%", "‰"):
        if s.endswith(suffix):
            s = s[: -len(suffix)]
            break
    factor = Decimal(1)
    for mag in sorted(_MAGNITUDES, key=len, reverse=True):
        if s.endswith(mag) and len(s) > len(mag) and s[: -len(mag)][-1:].isdigit():
            factor = _MAGNITUDES[mag]
            s = s[: -len(mag)]
            break
    if re.fullmatch(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|\.[0-9]+", s):
        return sign * Decimal(s.replace(",", "")) * factor
    value = chinese_to_decimal(s)
    if value is None and "点" in s:
        read = _read_chinese(s)  # 三点五万
        value = None if read is None else read[0] * read[1]
    if value is None:
        return None
    return sign * value * factor
