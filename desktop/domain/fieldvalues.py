"""Turning what an analyst types into a field's stored value, per field type."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.domain.errors import RefusedInput
from desktop.domain.quantities import decimal_str, parse_number

_MAGNITUDES = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4,
               "千": Decimal(1000), "百": Decimal(100)}
# a number, an optional magnitude, and an optional unit that is a symbol or a few
# Chinese characters (元, 亿元, 家, 万吨, 个百分点 …)
_NUMBER = re.compile(
    r"^\s*([+-]?\d+(?:\.\d+)?)\s*(万亿|亿|万|千|百)?\s*([%‰]|[\u4e00-\u9fff/]{1,6})?\s*$"
)


class FieldValueError(RefusedInput):
    """The typed text is not a value of the field's type; the message says why."""


def _halfwidth(text: str) -> str:
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            ch = chr(code - 0xFEE0)
        elif ch == "\u3000":
            ch = " "
        out.append(ch)
    return "".join(out).replace("，", ",").replace("．", ".")


def parse_number_text(text: str) -> tuple[Decimal, str]:
    """'7.8%' → (7.8, '%'); '1.2万亿' → (1200000000000, ''); '3,500' → (3500, '');
    '三千五百' → (3500, ''); '52家' → (52, '家'). FieldValueError otherwise."""
    cleaned = _halfwidth(text).replace(",", "").strip()
    m = _NUMBER.match(cleaned)
    if m:
        try:
            value = Decimal(m.group(1))
        except InvalidOperation as exc:  # pragma: no cover - the regex admits only numbers
            raise FieldValueError("{text!r} is not a number", message_id="field.not_number",
                                  params={"text": text}) from exc
        if m.group(2):
            value *= _MAGNITUDES[m.group(2)]
        return value, m.group(3) or ""
    parsed = parse_number(text)  # Chinese numerals and the other forms analysts write
    if parsed is not None:
        return parsed, ""
    raise FieldValueError("{text!r} is not a number", message_id="field.not_number",
                          params={"text": text})


def coerce(field_type: str, text: str) -> tuple[Any, str]:
    """The stored value for `text` typed into a field of `field_type` ('' clears it),
    and the unit typed with a number ('' when none)."""
    text = text.strip()
    if not text:
        return None, ""
    if field_type == "number":
        value, unit = parse_number_text(text)
        return decimal_str(value), unit
    if field_type == "period":
        return period_key(text) or text, ""
    return text, ""


# A period as docs/fields.md stores it: the months it covers, "2025-01..2025-09".
_KEY = re.compile(r"^\s*(\d{4})-(0[1-9]|1[0-2])\s*\.\.\s*(\d{4})-(0[1-9]|1[0-2])\s*$")
_SPAN = re.compile(r"^\s*(\d{4})年(\d{1,2})月\s*[—–-]\s*(\d{4})年(\d{1,2})月\s*$")
_NAMED = {(1, 3): "一季度", (1, 6): "上半年", (1, 9): "前三季度", (7, 12): "下半年"}


def period_months(value: Any) -> tuple[str, str] | None:
    """("2025-01", "2025-09") of a stored period key, else None."""
    if not isinstance(value, str):
        return None
    m = _KEY.match(value)
    if m is None:
        return None
    return f"{m.group(1)}-{m.group(2)}", f"{m.group(3)}-{m.group(4)}"


def period_key(text: str) -> str | None:
    """The key ("2025-01..2025-09") of a period written with its year (a key itself,
    2025年前三季度, 2025年1—9月, 2026—2030年); None when the text is no period or leaves
    its year to the report (前三季度, 明年)."""
    months = period_months(text)
    if months is not None:
        return f"{months[0]}..{months[1]}"
    m = _SPAN.match(text)
    if m is not None:
        y1, m1, y2, m2 = (int(g) for g in m.groups())
        if 1 <= m1 <= 12 and 1 <= m2 <= 12 and (y1, m1) <= (y2, m2):
            return f"{y1:04d}-{m1:02d}..{y2:04d}-{m2:02d}"
        return None
    # imported here: the window builds its inspector before the first paint, and the
    # period grammar is only needed once an analyst types a period
    from desktop.domain.periods import parse_period

    period = parse_period(text)
    if period is None or period.start_year is None or period.end_year is None:
        return None
    return period.key()


def period_text(value: Any) -> str:
    """A period as an analyst reads it: the key 2025-01..2025-09 as 2025年前三季度,
    2025-01..2025-12 as 2025年, 2025-10..2025-10 as 2025年10月, 2026-01..2030-12 as
    2026—2030年; what `period_key` reads back to the same key. Other values as
    `display` shows them."""
    months = period_months(value)
    if months is None:
        return display(value)
    (y1, m1), (y2, m2) = ((int(p) for p in ym.split("-")) for ym in months)
    if y1 == y2:
        if (m1, m2) == (1, 12):
            return f"{y1}年"
        if m1 == m2:
            return f"{y1}年{m1}月"
        named = _NAMED.get((m1, m2))
        return f"{y1}年{named}" if named else f"{y1}年{m1}—{m2}月"
    if (m1, m2) == (1, 12):
        return f"{y1}—{y2}年"
    return f"{y1}年{m1}月—{y2}年{m2}月"


def display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        if "value" in value:
            return f"{value['value']}{value.get('unit', '')}"
        if "label" in value:
            return str(value["label"])
    return str(value)
