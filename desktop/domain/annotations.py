"""Annotations brought in from (and taken out to) other tools, in a neutral form.

A `ForeignDoc` is one document's text as the tool holds it and its labelled spans in
code points (Python `str` indices, as tags are stored). Each reader converts its tool's
counting (UTF-16 units, code points) into code points and checks every span against the
text; a span that does not match is an `AnnotationError` naming the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.domain.errors import RefusedInput

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class AnnotationError(RefusedInput):
    """A file that cannot be brought in: names the file and the line."""

    def __init__(self, file: str, line: int, message: str) -> None:
        super().__init__("{file}, line {line}: {message}", message_id="annotations.refused",
                         params={"file": file, "line": line, "message": message})
        self.file, self.line = file, line


@dataclass(frozen=True, slots=True)
class ForeignSpan:
    start: int  # code points, end exclusive
    end: int
    label: str
    line: int = 0  # where the span is written in its file (1-based; 0 unknown)


@dataclass(slots=True)
class ForeignDoc:
    name: str  # a name for the document (file name, task id)
    text: str
    spans: list[ForeignSpan] = field(default_factory=list)
    source: str = ""  # the file it was read from


class Counting:
    """Offsets of one text in UTF-16 units ↔ code points."""

    __slots__ = ("_astral", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]

    def to_utf16(self, cp: int) -> int:
        if not self._astral:
            return cp
        from bisect import bisect_left

        return cp + bisect_left(self._astral, cp)

    def from_utf16(self, u16: int) -> int | None:
        """The code point at UTF-16 position `u16`; None inside a surrogate pair or
        beyond the text."""
        if not self._astral:
            return u16 if 0 <= u16 <= len(self.text) else None
        lo, hi = 0, len(self._astral)
        while lo < hi:  # astral chars wholly before u16
            mid = (lo + hi) // 2
            if self._astral[mid] + mid + 2 <= u16:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self._astral) and self._astral[lo] + lo + 1 == u16:
            return None  # between the two halves of a pair
        cp = u16 - lo
        return cp if 0 <= cp <= len(self.text) else None

    def utf16_len(self) -> int:
        return len(self.text) + len(self._astral)


def checked_span(doc: ForeignDoc, start: int, end: int, label: str, line: int,
                 quote: str | None = None) -> ForeignSpan:
    """A span in code points, refused (AnnotationError) when it falls outside the text or
    the quoted text the file gives does not match the characters there."""
    where = doc.source or doc.name
    if not label:
        raise AnnotationError(where, line, "a span without a label")
    if not 0 <= start < end <= len(doc.text):
        raise AnnotationError(where, line, f"the span {start}–{end} ({label}) is outside "
                              f"the text ({len(doc.text)} characters)")
    if quote is not None and doc.text[start:end] != quote:
        raise AnnotationError(where, line, f"the span {start}–{end} ({label}) reads "
                              f"{doc.text[start:end]!r} but the file says {quote!r}")
    return ForeignSpan(start, end, label, line)
