"""Operations: every user action is a typed command run by one function.

An operation is a frozen dataclass naming what to do; `run(project, op)` carries it out
in one unit of work and returns an `Outcome`: the change set (what views refresh) and,
where the action can be undone, the inverse operation. Undo runs the inverse through
the same runner; the inverse's own outcome holds the operation that redoes it, and so
on. Replayed operations check each tag against the version this process left it at
(tag_versions.py), so in team mode a colleague's later edit is refused, never
overwritten (Anki's `CollectionOp` and `OpChanges`, with undo as data instead of
closures).

The operations live beside their services, one module per area, in
`desktop.services.ops`: tags, suggestions, review, reports, schema, programs, batches.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

from desktop.services.changes import Changes
from desktop.services.project import Project
from desktop.services.tag_versions import replaying


class Operation(Protocol):
    """A user action as data. `run` does it in one unit of work."""

    def run(self, project: Project) -> Outcome: ...


@dataclass(frozen=True, slots=True)
class Outcome:
    changes: Changes
    inverse: Operation | None = None  # None: the action cannot be undone (or redone)
    made: str | None = None  # the id of what it created, when the caller needs it
    summary: object = None  # what the caller shows of it (an import's counts), if anything


def run(project: Project, op: Operation) -> Outcome:
    """Carry out one operation."""
    return op.run(project)


@contextmanager
def as_replay() -> Iterator[None]:
    """Undo and redo: every tag an operation touches must be as this process left it."""
    with replaying():
        yield


def replay(project: Project, op: Operation) -> Outcome:
    """Run an inverse (undo) or the inverse of an inverse (redo), with version checks."""
    with as_replay():
        return op.run(project)
