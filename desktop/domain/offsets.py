"""Code points (storage) ↔ UTF-16 units (Qt's QString positions).

Characters outside the BMP (𠮷, emoji) take two UTF-16 units. The map is built once per
report; for the common all-BMP text both directions are the identity.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def _bmp_only(text: str) -> bool:
    return text.isascii() or len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)


class OffsetMap:
    __slots__ = ("_astral",)

    def __init__(self, text: str) -> None:
        # code-point indices of the characters that take two UTF-16 units; the scan runs
        # in C (a Python loop over 1 MB of text takes a quarter of a second). Most texts
        # have none: their UTF-16 length (an encoding, twice as fast as the regex's scan
        # of a 5 MB report) says so first.
        self._astral = [] if _bmp_only(text) else [m.start() for m in _ASTRAL.finditer(text)]

    @property
    def identity(self) -> bool:
        return not self._astral

    def to_utf16(self, cp: int) -> int:
        if not self._astral:
            return cp
        return cp + bisect_left(self._astral, cp)

    def to_codepoint(self, u16: int) -> int:
        if not self._astral:
            return u16
        # the k-th astral char (0-based) sits at utf16 position astral[k] + k
        lo, hi = 0, len(self._astral)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._astral[mid] + mid < u16:
                lo = mid + 1
            else:
                hi = mid
        # `lo` astral chars lie wholly before u16; a position inside a surrogate pair
        # rounds down to the character's start
        cp = u16 - lo
        if lo and self._astral[lo - 1] + (lo - 1) + 1 == u16:
            cp = self._astral[lo - 1]
        return cp
