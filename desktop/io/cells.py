"""What may go into a spreadsheet cell: text that can never become a formula, no control
characters, Excel's 32 767-character limit, legal and unique sheet names.

In an xlsx file a string cell is never evaluated, so text that looks like a formula is
written as a string with Excel's quote-prefix style (editing the cell keeps it text).
In CSV there is no cell type: the OWASP recommendation is a leading apostrophe.
https://owasp.org/www-community/attacks/CSV_Injection
"""

from __future__ import annotations

import re
from functools import lru_cache

MAX_CELL_CHARS = 32_767
TRUNCATION_MARKER = "…[truncated]"
MAX_SHEET_NAME = 31

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# C0 controls except tab, line feed and carriage return; DEL; C1 controls. XML 1.0 cannot
# carry most of them and Excel shows the rest as boxes.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SHEET_ILLEGAL = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_RESERVED_SHEET_NAMES = {"history"}


def clean_text(text: str) -> str:
    """Control characters removed, cut to Excel's cell limit with a visible marker."""
    text = _CONTROL.sub("", text)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - len(TRUNCATION_MARKER)] + TRUNCATION_MARKER
    return text


_clean_short = lru_cache(maxsize=8192)(clean_text)
SHORT_TEXT = 64


def clean_text_cached(text: str) -> str:
    """`clean_text`, remembered for short texts: an export writes the same titles,
    regions, statuses and field values on every row."""
    return _clean_short(text) if len(text) <= SHORT_TEXT else clean_text(text)


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def csv_text(text: str) -> str:
    """A text cell for CSV: cleaned, and prefixed with ' if a spreadsheet would run it."""
    text = clean_text(text)
    return "'" + text if looks_like_formula(text) else text


def sheet_name(name: str, taken: set[str]) -> str:
    """A legal sheet name for `name`, unique (case-insensitively) among `taken`; the
    name returned is added to `taken`."""
    base = _SHEET_ILLEGAL.sub("_", _CONTROL.sub("", name)).strip().strip("'").strip()
    if not base or base.lower() in _RESERVED_SHEET_NAMES:
        base = (base + " sheet").strip() if base else "Sheet"
    base = base[:MAX_SHEET_NAME]
    candidate, n = base, 2
    while candidate.lower() in taken:
        suffix = f" ({n})"
        candidate = base[: MAX_SHEET_NAME - len(suffix)] + suffix
        n += 1
    taken.add(candidate.lower())
    return candidate
