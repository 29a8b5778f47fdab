"""What the features share about the report being read, without the controller: the
navigation they may ask for (open a report, select a tag, show a place), tagging a
span, which analysts' tags are shown, and the hooks through which the suggestions
feature adds its marks to the reader. The shown report (desktop/ui/shown_report.py)
implements `Navigation`, the edit commands (tag_editing.py) `Tagging`; the composition
root hands features these narrow objects (desktop/ui/features/context.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from desktop.domain.states import Origin
from desktop.services.values import KindInfo
from desktop.ui.reader import Mark


class Navigation(Protocol):
    """Moving around the project: what is open, and going somewhere else."""

    @property
    def report_id(self) -> str | None: ...

    @property
    def kinds(self) -> list[KindInfo]: ...

    def open_report(self, report_id: str) -> None: ...

    def select_tag(self, tag_id: str, scroll: bool = False, flash: bool = False) -> None: ...

    def show_place(self, report_id: str, start: int, end: int) -> None: ...

    def refresh_tags(self) -> None: ...

    def refresh_layers(self) -> None: ...


class Tagging(Protocol):
    """Tagging a span of the open report (through the runner, so it can be undone)."""

    def create_tag(self, kind: str, start: int, end: int,
                   fields: dict[str, Any] | None = None,
                   origin: str = Origin.MANUAL) -> str | None: ...


@dataclass
class Layers:
    """Which analysts' tags the reader shows: ids hidden, and blind review (colleagues'
    tags hidden on reports this analyst has not marked done)."""

    hidden: set[str] = field(default_factory=set)
    blind: bool = False


# kind, text, fields, rule, confidence (of a learned suggestion)
SuggestionShown = tuple[str, str, dict[str, Any], str, float | None]


@dataclass
class SuggestionHooks:
    """How suggestions reach the reader: marks for a report, fields offered for a
    manual tag on a suggested span, a shown suggestion's detail, and their count."""

    sources: list[Callable[[str], list[Mark]]] = field(default_factory=list)
    prefill: Callable[[str, int, int], dict[str, Any] | None] | None = None
    detail: Callable[[str], SuggestionShown | None] | None = None
    count: int | None = None
    counted: Callable[[], None] = lambda: None  # the status bar shows `count` again


def taken_by(suggestion: Mark, tags: list[tuple[str, int, int]]) -> bool:
    """A tag takes a suggestion's place when it has the same span (whatever its kind:
    the analyst chose another kind) or overlaps it with the same kind (the analyst
    tagged it, or resized the tag, differently). A metric inside a target stays."""
    return any((start, end) == (suggestion.start, suggestion.end)
               or (kind == suggestion.kind and start < suggestion.end and suggestion.start < end)
               for kind, start, end in tags)
