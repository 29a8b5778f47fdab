"""Span arithmetic for the reader: an interval index over tags, lanes for overlaps, and
snapping a double-click to the number-with-unit or quoted name around it."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, MutableSequence, Sequence
from operator import sub
from typing import Any, overload


class IntervalIndex:
    """Spans sorted by start; `overlapping(a, b)` finds those meeting [a, b) by bisection
    (the longest span bounds how far back to look), so the cost follows what is visible,
    not how many tags the report has."""

    __slots__ = ("_ends", "_max_len", "_order", "_starts")

    def __init__(self, spans: Sequence[tuple[int, int]], *, presorted: bool = False) -> None:
        self._starts: MutableSequence[int]
        self._ends: MutableSequence[int]
        if presorted:
            self._order: list[int] | None = None
            self._starts = [s for s, _ in spans]
            self._ends = [e for _, e in spans]
        else:
            order = sorted(range(len(spans)), key=lambda i: spans[i])
            self._order = order
            self._starts = [spans[i][0] for i in order]
            self._ends = [spans[i][1] for i in order]
        self._max_len = max((e - s for s, e in spans), default=0)

    @classmethod
    def from_columns(cls, starts: MutableSequence[int], ends: MutableSequence[int]) -> IntervalIndex:
        """Columns (lists or arrays) already sorted by start (as the database returns
        them); no copy: the caller may insert into and delete from them in step."""
        if len(starts) != len(ends):
            raise ValueError("starts and ends differ in length")
        index = cls.__new__(cls)
        index._order = None
        index._starts, index._ends = starts, ends
        index._max_len = max(map(sub, ends, starts), default=0)
        return index

    def __len__(self) -> int:
        return len(self._starts)

    def widen(self, length: int) -> None:
        """A span of `length` was inserted into the shared columns (from_columns)."""
        self._max_len = max(self._max_len, length)

    def _orig(self, k: int) -> int:
        return k if self._order is None else self._order[k]

    def overlapping(self, a: int, b: int) -> Iterator[int]:
        """Indices (into the original sequence) of spans with start < b and end > a."""
        lo = bisect_left(self._starts, a - self._max_len)
        hi = bisect_left(self._starts, b)
        ends = self._ends
        for k in range(lo, hi):
            if ends[k] > a:
                yield self._orig(k)

    def at(self, pos: int) -> list[int]:
        return list(self.overlapping(pos, pos + 1))


class IdColumn(MutableSequence[str]):
    """A column of ids held as one string when they all have the same length (uuids):
    100 000 ids cost 3.6 MB in one block instead of 100 000 string objects (9 MB), and
    once the query's rows are dropped the small-object heap they filled is given back.
    Ids of differing lengths fall back to a plain list. Supports what a list of ids is
    used for: len, [i], iteration, index, insert and del."""

    __slots__ = ("_blob", "_list", "_width")

    def __init__(self, ids: Sequence[str] = ()) -> None:
        width = len(ids[0]) if ids else 0
        self._width = width
        self._list: list[str] | None = None
        self._blob = ""
        if width and min(map(len, ids)) == width == max(map(len, ids)):  # two C passes
            self._blob = "".join(ids)
        elif ids:
            self._list = list(ids)

    def copy(self) -> IdColumn:
        column = IdColumn()
        column._blob, column._width = self._blob, self._width  # a str: shared, not copied
        column._list = None if self._list is None else list(self._list)
        return column

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, IdColumn):
            return NotImplemented
        if len(self) != len(other):
            return False
        if self._list is None and other._list is None:
            return self._blob == other._blob
        return list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # mutable, as a list

    def __repr__(self) -> str:
        return f"IdColumn({list(self)!r})"

    def __len__(self) -> int:
        if self._list is not None:
            return len(self._list)
        return len(self._blob) // self._width if self._width else 0

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if self._list is not None:
            return self._list[i]
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("IdColumn index out of range")
        w = self._width
        return self._blob[i * w:(i + 1) * w]

    def __iter__(self) -> Iterator[str]:
        if self._list is not None:
            return iter(self._list)
        return (self[i] for i in range(len(self)))

    def index(self, tag_id: Any, start: int = 0, stop: int | None = None) -> int:
        """The row of `tag_id`; ValueError when absent (a C scan, as list.index)."""
        if start or stop is not None:
            return list(self).index(tag_id, start, len(self) if stop is None else stop)
        if self._list is not None:
            return self._list.index(tag_id)
        w = self._width
        if len(tag_id) == w and w:
            pos = self._blob.find(tag_id)
            while pos >= 0:
                if pos % w == 0:
                    return pos // w
                pos = self._blob.find(tag_id, pos + 1)
        raise ValueError(f"{tag_id!r} is not in the column")

    def insert(self, k: int, tag_id: str) -> None:
        if self._list is None and (not self._width or len(tag_id) == self._width):
            if not self._width:
                self._width = len(tag_id)
            k = max(0, min(k, len(self)))
            cut = k * self._width
            self._blob = self._blob[:cut] + tag_id + self._blob[cut:]
            return
        if self._list is None:
            self._list = list(self)
            self._blob = ""
        self._list.insert(k, tag_id)

    @overload
    def __setitem__(self, k: int, tag_id: str) -> None: ...

    @overload
    def __setitem__(self, k: slice, tag_id: Iterable[str]) -> None: ...

    def __setitem__(self, k: int | slice, tag_id: str | Iterable[str]) -> None:
        if isinstance(k, slice) or not isinstance(tag_id, str):
            raise TypeError("IdColumn takes one id at a time")
        del self[k]
        self.insert(k if k >= 0 else k + len(self) + 1, tag_id)

    def __delitem__(self, k: int | slice) -> None:
        if isinstance(k, slice):
            raise TypeError("IdColumn deletes one id at a time")
        if self._list is not None:
            del self._list[k]
            return
        n = len(self)
        if k < 0:
            k += n
        if not 0 <= k < n:
            raise IndexError("IdColumn index out of range")
        w = self._width
        self._blob = self._blob[:k * w] + self._blob[(k + 1) * w:]


def assign_lanes(spans: Sequence[tuple[int, int]]) -> list[int]:
    """Greedy interval colouring: overlapping spans get different lanes (0, 1, 2, …),
    so each keeps its own underline when they overlap."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], -spans[i][1]))
    lane_ends: list[int] = []
    lanes = [0] * len(spans)
    for i in order:
        start, end = spans[i]
        for lane, lane_end in enumerate(lane_ends):
            if lane_end <= start:
                lane_ends[lane] = end
                lanes[i] = lane
                break
        else:
            lanes[i] = len(lane_ends)
            lane_ends.append(end)
    return lanes


_NUMBER_WITH_UNIT = re.compile(
    r"(?:增长|下降|提高|降低|增加|减少|回落)?"
    r"[0-9０-９.．,，零〇一二两三四五六七八九十百千万亿]+"
    r"(?:[—–\-～至][0-9０-９.．]+)?"
    r"(?:万亿|亿|万|千)?"
    r"(?:个百分点|百分点|%|％|‰|倍|成|元|美元|吨|千瓦时|千瓦|平方米|公里|家|个|项|人次|人|件|台|辆|套|场|次|户|座|条|所|位|名|种|类|批)?"
    r"(?:左右|以上|以内|以下|多|余)?"
)
_QUOTED = re.compile(r"“[^“”\n]{1,40}”[^\W\d_]{0,4}|《[^《》\n]{1,60}》|「[^「」\n]{1,40}」")


def snap(text: str, pos: int) -> tuple[int, int] | None:
    """The quoted name (with a following type word such as 行动) or number with its unit
    around `pos`, for a double-click."""
    lo, hi = max(0, pos - 80), min(len(text), pos + 80)
    window = text[lo:hi]
    for pattern in (_QUOTED, _NUMBER_WITH_UNIT):
        for m in pattern.finditer(window):
            a, b = m.start() + lo, m.end() + lo
            if a <= pos < b and b - a > 0 and any(ch.isalnum() for ch in m.group()):
                if pattern is _QUOTED:
                    b = _trim_type_word(text, a, b)
                return a, b
    return None


_TYPE_WORDS = ("行动", "工程", "计划", "专项", "活动", "试点", "改革", "项目", "品牌", "平台", "基金")


def _trim_type_word(text: str, a: int, b: int) -> int:
    """Keep a type word after the closing quote, drop other trailing characters."""
    close = max(text.rfind("”", a, b), text.rfind("》", a, b), text.rfind("」", a, b))
    tail = text[close + 1 : b]
    for word in _TYPE_WORDS:
        if tail.startswith(word):
            return close + 1 + len(word)
    return close + 1
