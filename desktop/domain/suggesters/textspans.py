"""Spans of a report text the suggesters share: quotes, titles, clauses, bold markers."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# A clause ends at these (GUIDELINES §3: 、 does not end a clause).
CLAUSE_DELIMITERS = "，；。：！？\n,;!?"
# Clauses are searched at most this far from a position, so that a text without
# punctuation (OCR noise, a pasted table) costs linear, not quadratic, time.
MAX_CLAUSE = 300
# “…” quotes longer than this are reported speech, not a name.
MAX_QUOTE = 40

_QUOTE_RE = re.compile(rf"“([^“”\n]{{1,{MAX_QUOTE}}})”")
_TITLE_RE = re.compile(r"《([^《》\n]{1,80})》")
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")


def has_han(text: str) -> bool:
    return _HAN_RE.search(text) is not None


@dataclass(frozen=True, slots=True)
class Spans:
    """Precomputed quotes and titles of one text, for fast 'is this inside' checks."""

    quotes: tuple[tuple[int, int], ...]  # (start of “, end after ”)
    titles: tuple[tuple[int, int], ...]  # (start of 《, end after 》)

    @classmethod
    def of(cls, text: str) -> Spans:
        quotes = tuple((m.start(), m.end()) for m in _QUOTE_RE.finditer(text))
        titles = tuple((m.start(), m.end()) for m in _TITLE_RE.finditer(text))
        return cls(quotes, titles)

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        return _containing(self.quotes, pos)

    def title_at(self, pos: int) -> tuple[int, int] | None:
        return _containing(self.titles, pos)


def _containing(spans: tuple[tuple[int, int], ...], pos: int) -> tuple[int, int] | None:
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return spans[i]
    return None


class Boundaries:
    """Clause and sentence delimiters of one text, for O(log n) clause look-ups."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._clause = [i for i, ch in enumerate(text) if ch in CLAUSE_DELIMITERS]
        self._sentence = [i for i in self._clause if text[i] in "。！？\n"]

    def clause(self, pos: int) -> tuple[int, int]:
        """Like `clause_bounds`, without rescanning the text."""
        i = bisect.bisect_right(self._clause, pos - 1)
        start = self._clause[i - 1] + 1 if i > 0 else 0
        end = self._clause[i] if i < len(self._clause) else len(self._text)
        start = max(start, pos - MAX_CLAUSE)
        end = min(end, pos + MAX_CLAUSE)
        text = self._text
        while start < end and text[start] in " \t\u3000":
            start += 1
        while end > start and text[end - 1] in " \t\u3000":
            end -= 1
        return start, end

    def sentence_start(self, pos: int) -> int:
        i = bisect.bisect_right(self._sentence, pos - 1)
        start = self._sentence[i - 1] + 1 if i > 0 else 0
        return max(start, pos - MAX_CLAUSE)


def clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """[start, end) of the clause around `pos`, without delimiters or edge spaces."""
    start = pos
    floor = max(0, pos - MAX_CLAUSE)
    while start > floor and text[start - 1] not in CLAUSE_DELIMITERS:
        start -= 1
    end = pos
    ceiling = min(len(text), pos + MAX_CLAUSE)
    while end < ceiling and text[end] not in CLAUSE_DELIMITERS:
        end += 1
    while start < end and text[start] in " \t\u3000":
        start += 1
    while end > start and text[end - 1] in " \t\u3000":
        end -= 1
    return start, end


def clauses(text: str) -> list[tuple[int, int]]:
    """All non-empty clauses of `text`, in order."""
    out: list[tuple[int, int]] = []
    start = 0
    for i, ch in enumerate(text):
        if ch in CLAUSE_DELIMITERS:
            _add_clause(text, start, i, out)
            start = i + 1
    _add_clause(text, start, len(text), out)
    return out


def _add_clause(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start] in " \t\u3000":
        start += 1
    while end > start and text[end - 1] in " \t\u3000":
        end -= 1
    if end > start:
        out.append((start, end))


def clause_start(text: str, pos: int, delimiters: str = CLAUSE_DELIMITERS) -> int:
    """Start of the clause (or, with other delimiters, sentence) containing `pos`."""
    i = pos
    floor = max(0, pos - MAX_CLAUSE)
    while i > floor and text[i - 1] not in delimiters:
        i -= 1
    return i


def sentence_start(text: str, pos: int) -> int:
    return clause_start(text, pos, "。！？\n")


def char_before(text: str, pos: int, skip: str = "* ") -> tuple[str, int]:
    """The character before `pos`, skipping bold markers and spaces; ('', -1) at the start."""
    i = pos - 1
    while i >= 0 and text[i] in skip:
        i -= 1
    return (text[i], i) if i >= 0 else ("", -1)
