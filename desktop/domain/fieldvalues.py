"""Turning what an analyst types into a field's stored value, per field type."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.domain.quantities import decimal_str, parse_number

_MAGNITUDES = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4,
               "千": Decimal(1000), "百": Decimal(100)}
# a number, an optional magnitude, and an optional unit that is a symbol or a few
# Chinese characters (元, 亿元, 家, 万吨, 个百分点 …)
_NUMBER = re.compile(
    r"^\s*([+-]?\d+(?:\.\d+)?)\s*(万亿|亿|万|千|百)?\s*([%‰]|[\u4e00-\u9fff/]{1,6})?\s*$"
)


class FieldValueError(ValueError):
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
            raise FieldValueError(f"{text!r} is not a number") from exc
        if m.group(2):
            value *= _MAGNITUDES[m.group(2)]
        return value, m.group(3) or ""
    parsed = parse_number(text)  # Chinese numerals and the other forms analysts write
    if parsed is not None:
        return parsed, ""
    raise FieldValueError(f"{text!r} is not a number")


def coerce(field_type: str, text: str) -> tuple[Any, str]:
    """The stored value for `text` typed into a field of `field_type` ('' clears it),
    and the unit typed with a number ('' when none)."""
    text = text.strip()
    if not text:
        return None, ""
    if field_type == "number":
        value, unit = parse_number_text(text)
        return decimal_str(value), unit
    return text, ""


def display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        if "value" in value:
            return f"{value['value']}{value.get('unit', '')}"
        if "label" in value:
            return str(value["label"])
    return str(value)
