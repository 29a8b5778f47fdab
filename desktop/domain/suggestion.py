"""What a suggester returns: a candidate tag with its fields and the rule that fired."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class ReportContext:
    """What suggesters may know of a report besides its text."""

    region: str = ""
    # the year the report looks back on; its plans are for the year after
    year: int | None = None
    # (start, end) code-point ranges of headings, in text order, with their text
    headings: tuple[tuple[int, int, str], ...] = ()

    @property
    def plan_year(self) -> int | None:
        return None if self.year is None else self.year + 1


@dataclass(frozen=True, slots=True)
class Suggestion:
    kind: str  # "metric" | "program" | "target"
    start: int  # code points, end exclusive
    end: int
    text: str
    rule: str
    fields: dict[str, Any] = field(default_factory=dict)
