"""The values services hand to views: frozen, plain, and importable without the
database layer, so the window can be built (and painted) before SQLAlchemy loads."""

from __future__ import annotations

import json
from array import array
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.domain.report_text import Structure
from desktop.domain.spans import IdColumn


@dataclass(frozen=True, slots=True)
class ReportRow:
    id: str
    title: str
    agency: str
    region: str
    year: int | None
    chars: int
    source_file: str
    tag_counts: dict[str, int]
    state: str = "untouched"  # for the acting analyst: untouched | in_progress | done
    analysts: tuple[str, ...] = ()  # names of the analysts who tagged it
    # read by OCR: the pages below the confidence threshold (None: not a scan)
    ocr_flagged: tuple[int, ...] | None = None

    @property
    def total_tags(self) -> int:
        return sum(self.tag_counts.values())


@dataclass(frozen=True, slots=True)
class ReportDoc:
    id: str
    title: str
    agency: str
    region: str
    year: int | None
    text: str
    structure: Structure
    source_file: str
    published: str = ""


@dataclass(frozen=True, slots=True)
class FieldInfo:
    id: str
    key: str
    label: str
    label_zh: str
    type: str
    choices: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class KindInfo:
    id: str
    key: str
    name: str
    name_zh: str
    colour: str
    shortcut: str
    fields: tuple[FieldInfo, ...]


@dataclass(frozen=True, slots=True)
class SpanRow:
    """What the reader paints: one tag, in code points."""

    id: str
    kind: str
    start: int
    end: int
    author_id: str
    status: str
    origin: str


@dataclass(frozen=True, slots=True)
class TagRow:
    id: str
    kind: str
    start: int
    end: int
    quote: str
    fields: dict[str, Any]
    author: str
    origin: str
    status: str
    updated_at: datetime
    note: str


@dataclass(frozen=True, slots=True)
class LinkInfo:
    id: str
    type: str
    other_id: str
    other_kind: str
    other_quote: str
    outgoing: bool


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    id: int
    action: str
    analyst: str
    at: datetime
    state: dict[str, Any]


@dataclass(frozen=True, slots=True)
class TagDetail:
    id: str
    report_id: str
    kind: str
    start: int
    end: int
    quote: str
    fields: dict[str, Any]
    note: str
    author: str
    origin: str
    status: str
    created_at: datetime
    updated_at: datetime
    version: int
    links: tuple[LinkInfo, ...]
    history: tuple[HistoryEntry, ...]
    warnings: tuple[str, ...]
    author_id: str = ""

    def row(self, author: str) -> TagRow:
        """The tag table's row of this tag, its author named `author`."""
        return TagRow(self.id, self.kind, self.start, self.end, self.quote, self.fields, author,
                      self.origin, self.status, self.updated_at, self.note)


@dataclass(frozen=True, slots=True)
class SpanColumns:
    """A report's tags for the reader, as parallel columns in start order (ids in one
    block, positions as machine ints: db/span_columns.py)."""

    ids: IdColumn
    kinds: list[str]
    starts: array[int]
    ends: array[int]
    statuses: list[str]
    authors: list[str]  # analyst ids


def ocr_pages(flagged: Any) -> tuple[int, ...] | None:
    """The flagged pages of a scan as stored (a JSON list), None for a report not read
    by OCR."""
    if flagged is None:
        return None
    if isinstance(flagged, str):  # a driver that hands JSON back as text
        flagged = json.loads(flagged)
    return tuple(int(p) for p in flagged) if isinstance(flagged, list) else ()
