"""Search over report text: width folding and matching, with offsets into stored text.

`fold` maps every character to exactly one character: its NFKC form where that is a
single character (full-width Ａ１％（ → half-width A1%(, the ideographic space → a
space, circled and compatibility ideographs → their plain forms). Because lengths never
change, an offset found in folded text is the offset in the stored text, so a hit can
be highlighted and tagged without any mapping. Case is folded by the matcher (ignore
case), not here, so regular expressions keep their meaning.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

Span = tuple[int, int]

CONTEXT_CHARS = 30


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0x80, 0x10000):
        ch = chr(cp)
        if 0xD800 <= cp <= 0xDFFF:
            continue
        folded = unicodedata.normalize("NFKC", ch)
        if folded != ch and len(folded) == 1:
            table[cp] = folded
    return table


def fold(text: str) -> str:
    """Width-folded text of the same length (see the module docstring)."""
    if text.isascii():
        return text
    return text.translate(_fold_table())


class BadPattern(ValueError):
    """A regular expression that does not compile; the message is for the user."""


@dataclass(frozen=True, slots=True)
class Query:
    """A compiled search: plain text (width- and case-insensitive) or a regular expression."""

    text: str
    regex: bool
    pattern: re.Pattern[str]

    @property
    def literal(self) -> str | None:
        """The folded literal, when the query is plain text (used to narrow by index)."""
        return None if self.regex else fold(self.text)


def compile_query(text: str, regex: bool = False) -> Query:
    if not text:
        raise BadPattern("Type something to search for.")
    if regex:
        try:
            pattern = re.compile(text, re.IGNORECASE | re.MULTILINE)
        except re.error as exc:
            raise BadPattern(f"The regular expression is not valid: {exc}.") from exc
    else:
        pattern = re.compile(re.escape(fold(text)), re.IGNORECASE)
    return Query(text, regex, pattern)


def find_spans(folded_text: str, query: Query, limit: int | None = None) -> list[Span]:
    """Non-overlapping, non-empty matches in text order."""
    spans: list[Span] = []
    for m in query.pattern.finditer(folded_text):
        if m.end() == m.start():
            continue
        spans.append((m.start(), m.end()))
        if limit is not None and len(spans) >= limit:
            break
    return spans


def context(text: str, span: Span, chars: int = CONTEXT_CHARS) -> tuple[str, str, str]:
    """(before, match, after) around a span, on one line for a results list."""
    start, end = span
    before = text[max(0, start - chars) : start].replace("\n", " ")
    after = text[end : end + chars].replace("\n", " ")
    return before, text[start:end], after
