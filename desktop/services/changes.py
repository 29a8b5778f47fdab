"""What an operation changed, so each view refreshes only that (Anki's OpChanges).

A change set names what changed and nothing about what a screen should do next: the
caller that created a tag selects it (`new_tag` says which one that was)."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.services.values import TagDetail


@dataclass(frozen=True, slots=True)
class Changes:
    reports: frozenset[str] = field(default_factory=frozenset)  # report ids whose metadata changed
    tags: frozenset[str] = field(default_factory=frozenset)  # report ids whose tags changed
    kinds: bool = False
    library: bool = False  # reports added or removed
    analysts: bool = False
    programs: bool = False
    # which tags, when known: views apply these without reloading the rest
    created: frozenset[str] = field(default_factory=frozenset)
    updated: frozenset[str] = field(default_factory=frozenset)
    removed: frozenset[str] = field(default_factory=frozenset)
    # suggestions rejected (their ids) and report ids whose rejections were lifted: a
    # rejection drops one mark and recomputes nothing
    rejected: frozenset[str] = field(default_factory=frozenset)
    suggestions: frozenset[str] = field(default_factory=frozenset)
    everything: bool = False  # the whole project was put back (a merge undone)
    # the tags created or updated as they are now, when the operation had them at hand:
    # views show these without reading them again (a key press stays a few statements)
    details: tuple[TagDetail, ...] = ()

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            reports=self.reports | other.reports,
            tags=self.tags | other.tags,
            kinds=self.kinds or other.kinds,
            library=self.library or other.library,
            analysts=self.analysts or other.analysts,
            programs=self.programs or other.programs,
            created=(self.created | other.created) - other.removed,
            updated=self.updated | other.updated,
            removed=(self.removed | other.removed) - other.created,
            rejected=self.rejected | other.rejected,
            suggestions=self.suggestions | other.suggestions,
            everything=self.everything or other.everything,
            details=(*(d for d in self.details if d.id not in other.removed),
                     *other.details),
        )

    @property
    def empty(self) -> bool:
        return not (self.reports or self.tags or self.kinds or self.library
                    or self.analysts or self.programs or self.rejected or self.suggestions
                    or self.everything)

    def detail(self, tag_id: str) -> TagDetail | None:
        """The state of a tag this change set carries, if it does."""
        return next((d for d in reversed(self.details) if d.id == tag_id), None)

    @property
    def new_tag(self) -> str | None:
        """The tag created, when exactly one was."""
        return next(iter(self.created)) if len(self.created) == 1 else None
