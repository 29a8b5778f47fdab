"""Turning what an analyst types into a field's stored value, per field type."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

_MAGNITUDES = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4,
               "千": Decimal(1000), "百": Decimal(100)}
_NUMBER = re.compile(r"^\s*([+-]?\d+(?:\.\d+)?)\s*(万亿|亿|万|千|百)?\s*(.*?)\s*$")


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
    """'7.8%' → (7.8, '%'); '1.2万亿' → (1200000000000, ''); '3,500' → (3500, '')."""
    cleaned = _halfwidth(text).replace(",", "").strip()
    m = _NUMBER.match(cleaned)
    if m:
        try:
            value = Decimal(m.group(1))
        except InvalidOperation as exc:  # pragma: no cover - the regex admits only numbers
            raise FieldValueError(f"{text!r} is not a number") from exc
        if m.group(2):
            value *= _MAGNITUDES[m.group(2)]
        return value.normalize() if value == value.to_integral() else value, m.group(3)
    raise FieldValueError(f"{text!r} is not a number")


def coerce(field_type: str, text: str) -> Any:
    """The stored value for `text` typed into a field of `field_type` ('' clears it)."""
    text = text.strip()
    if not text:
        return None
    if field_type == "number":
        value, unit = parse_number_text(text)
        plain = format(value, "f")
        return plain if not unit else {"value": plain, "unit": unit}
    return text


def display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        if "value" in value:
            return f"{value['value']}{value.get('unit', '')}"
        if "label" in value:
            return str(value["label"])
    return str(value)
