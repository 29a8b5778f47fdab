"""Search over report text: width folding and matching, with offsets into stored text.

`fold` maps every character to exactly one character: its NFKC form where that is a
single character (full-width Ａ１％（ → half-width A1%(, the ideographic space → a
space, circled and compatibility ideographs → their plain forms). Because lengths never
change, an offset found in folded text is the offset in the stored text, so a hit can
be highlighted and tagged without any mapping. Case is folded by the matcher (ignore
case), not here, so regular expressions keep their meaning.

A search scans folded texts (cached in memory, see db/queries/search.py); `Unfold` holds
the few characters where a stored text differs from its folded form, so a hit's context
is shown as stored without keeping a second copy of every text.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
import warnings
from array import array
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from desktop.domain.errors import RefusedInput

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


@lru_cache(maxsize=1)
def _folded_chars() -> re.Pattern[str]:
    """Any character that `fold` changes."""
    cps = sorted(_fold_table())
    ranges: list[tuple[int, int]] = []
    for cp in cps:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    body = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return re.compile(f"[{body}]")


@dataclass(frozen=True, slots=True)
class Unfold:
    """Where a stored text differs from its folded form: ascending positions and the
    stored characters there. `restore` turns a slice of the folded text back into the
    stored text (a few percent of a Chinese text: full-width punctuation and digits)."""

    positions: array[int]
    chars: str

    @classmethod
    def of(cls, stored: str) -> Unfold:
        if stored.isascii():
            return cls(array("I"), "")
        found = _folded_chars().finditer(stored)
        positions = array("I", [m.start() for m in found])
        return cls(positions, "".join([stored[p] for p in positions]))

    def restore(self, folded: str, start: int, end: int) -> str:
        """stored[start:end], given folded = fold(stored)."""
        start = max(0, start)
        end = min(len(folded), end)
        piece = folded[start:end]
        i = bisect_left(self.positions, start)
        j = bisect_left(self.positions, end, i)
        if i == j:
            return piece
        chars = list(piece)
        for k in range(i, j):
            chars[self.positions[k] - start] = self.chars[k]
        return "".join(chars)

    def nbytes(self) -> int:
        return self.positions.itemsize * len(self.positions) + 2 * len(self.chars)


class BadPattern(RefusedInput):
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
        raise BadPattern("Type something to search for.", message_id="search.empty")
    if regex:
        try:
            pattern = re.compile(text, re.IGNORECASE | re.MULTILINE)
        except re.error as exc:
            raise BadPattern("The regular expression is not valid: {reason}.",
                             message_id="search.bad_regex", params={"reason": exc}) from exc
    else:
        pattern = re.compile(re.escape(fold(text)), re.IGNORECASE)
    return Query(text, regex, pattern)


@lru_cache(maxsize=2)
def _plane(astral: bool) -> str:
    if astral:
        return "".join(map(chr, range(0x10000, 0x110000)))
    return "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))


@lru_cache(maxsize=1024)
def _ignore_case_variants(ch: str) -> tuple[str, ...]:
    """Every character that `ch` matches under re.IGNORECASE (itself when uncased)."""
    if ch.lower() == ch == ch.upper() and ch.casefold() == ch:
        return (ch,)
    found = set(re.findall(re.escape(ch), _plane(ord(ch) > 0xFFFF), re.IGNORECASE))
    found.add(ch)
    return tuple(sorted(found))


def _required_chars(items: Any) -> list[str]:
    """Characters every match of a parsed pattern holds: its top-level literals, also
    inside groups and repeats of at least one (not in branches, sets or assertions)."""
    out: list[str] = []
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(av))
        elif name == "SUBPATTERN":
            out += _required_chars(av[-1])
        elif name == "ATOMIC_GROUP":
            out += _required_chars(av)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            out += _required_chars(av[2])
    return out


def _pattern_chars(query: Query) -> str:
    literal = query.literal
    if literal is not None:
        return literal
    try:  # a private module (the compiler's own parser): without it, no probe
        parser = importlib.import_module("re._parser")
        with warnings.catch_warnings():  # already shown when the query was compiled
            warnings.simplefilter("ignore")
            parsed = parser.parse(query.pattern.pattern, query.pattern.flags)
        return "".join(_required_chars(parsed))
    except Exception:
        return ""


def probe(query: Query) -> Callable[[str], bool] | None:
    """A quick test (single-character scans in C) that a folded text may hold a match:
    every character the query needs (all of a plain text's, a regular expression's
    literals outside branches and optional parts) occurs in it, in some case. A text
    that fails cannot match; one that passes may. None when nothing is required."""
    needed = _pattern_chars(query)
    if not needed:
        return None
    groups = [_ignore_case_variants(ch) for ch in dict.fromkeys(needed)]
    singles = [g[0] for g in groups if len(g) == 1]
    multi = [g for g in groups if len(g) > 1]

    def test(text: str) -> bool:
        for ch in singles:
            if ch not in text:
                return False
        return all(any(v in text for v in variants) for variants in multi)

    return test


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


def stored_context(folded: str, unfold: Unfold, span: Span,
                   chars: int = CONTEXT_CHARS) -> tuple[str, str, str]:
    """`context` of the stored text, from its folded form and its `Unfold`."""
    lo = max(0, span[0] - chars)
    window = unfold.restore(folded, lo, span[1] + chars)
    return context(window, (span[0] - lo, span[1] - lo), chars)
