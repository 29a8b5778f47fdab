"""What an operation changed, so each view refreshes only that (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Changes:
    reports: frozenset[str] = field(default_factory=frozenset)  # report ids whose metadata changed
    tags: frozenset[str] = field(default_factory=frozenset)  # report ids whose tags changed
    kinds: bool = False
    library: bool = False  # reports added or removed
    analysts: bool = False
    programs: bool = False
    # the tag to select after the change (e.g. the one just created), if any
    focus_tag: str | None = None
    # which tags, when known: views apply these without reloading the rest
    created: frozenset[str] = field(default_factory=frozenset)
    updated: frozenset[str] = field(default_factory=frozenset)
    removed: frozenset[str] = field(default_factory=frozenset)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            reports=self.reports | other.reports,
            tags=self.tags | other.tags,
            kinds=self.kinds or other.kinds,
            library=self.library or other.library,
            analysts=self.analysts or other.analysts,
            programs=self.programs or other.programs,
            focus_tag=other.focus_tag or self.focus_tag,
            created=(self.created | other.created) - other.removed,
            updated=self.updated | other.updated,
            removed=(self.removed | other.removed) - other.created,
        )

    @property
    def empty(self) -> bool:
        return not (self.reports or self.tags or self.kinds or self.library
                    or self.analysts or self.programs)
