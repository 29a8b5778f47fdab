"""Non-blocking warnings about a tag, shown in the inspector and the tag table."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_DIGIT = re.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万亿半倍番]")
_YEAR = re.compile(r"(19|20)\d{2}")


def tag_warnings(
    kind: str,
    quote: str,
    current_text: str,
    fields: Mapping[str, Any],
    duplicate: bool = False,
) -> list[str]:
    warnings: list[str] = []
    if current_text != quote:
        warnings.append("The tagged text no longer matches the report.")
    if kind == "metric" and not _DIGIT.search(quote) and not fields.get("value"):
        warnings.append("A metric should carry a number.")
    if kind == "target" and not fields.get("year") and not _YEAR.search(quote):
        warnings.append("A target should have a target year.")
    if duplicate:
        warnings.append("You tagged this same span with this kind twice.")
    return warnings
