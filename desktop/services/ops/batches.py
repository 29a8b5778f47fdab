"""Operations over a whole batch: the undo of an import (the reports it added go, with
everything on them; redo puts them back with the same ids) and of a merge (into a
project file: the file is put back as the backup taken before the merge has it; into a
team database: what the merge recorded is reversed, row by row, leaving colleagues'
work alone). The import and the merge themselves run in a worker process
(desktop/ui/jobs.py); their outcomes are built here from what the worker returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.services import batch_rows
from desktop.services.batch_rows import Swap, Taken
from desktop.services.changes import Changes
from desktop.services.operations import Outcome
from desktop.services.project import Project


@dataclass(frozen=True, slots=True)
class RemoveImported:
    """Undo of an import (of reports, or of annotations): the reports, tags and kinds it
    added go. Its inverse puts them back with the same ids (redo)."""

    report_ids: tuple[str, ...]
    tag_ids: tuple[str, ...] = ()
    kind_ids: tuple[str, ...] = ()

    def run(self, project: Project) -> Outcome:
        changes, taken = batch_rows.take_out(project, self.report_ids, self.tag_ids,
                                             self.kind_ids)
        return Outcome(changes, PutBackImported(taken))


@dataclass(frozen=True, slots=True)
class PutBackImported:
    """Redo of an import: what its undo took out, back with the same ids."""

    taken: Taken = field(hash=False)

    def run(self, project: Project) -> Outcome:
        changes = batch_rows.put_back(project, self.taken)
        return Outcome(changes, RemoveImported(self.taken.report_ids, self.taken.tag_ids,
                                               self.taken.kind_ids))


def imported(report_ids: tuple[str, ...]) -> Outcome:
    """The outcome of an import done in a worker."""
    return Outcome(Changes(library=True),
                   RemoveImported(report_ids) if report_ids else None)


@dataclass(frozen=True, slots=True)
class RestoreBackup:
    """Undo of a merge: the project as the backup taken before it has it. Its own undo
    restores the backup taken just before (redo of the merge)."""

    backup: str

    def run(self, project: Project) -> Outcome:
        from desktop.services.merge import restore_from

        changes, made = restore_from(project, self.backup)
        return Outcome(changes, RestoreBackup(made) if made else None)


@dataclass(frozen=True, slots=True)
class SwapMerged:
    """Undo of a merge into a team database, and its redo: the rows the merge added go,
    the tags it deleted come back, the tags and states it changed get their earlier
    values (and the other way round); refused, changing nothing, when a colleague has
    changed any of them since."""

    step: Swap = field(hash=False)

    def run(self, project: Project) -> Outcome:
        changes, inverse = batch_rows.swap(project, self.step)
        return Outcome(changes, SwapMerged(inverse))


def merged(changes: Changes, backup: str | None, undo: Swap | None = None) -> Outcome:
    """The outcome of a merge done in a worker: undone by the backup it took (a project
    file) or by what it recorded (a team database)."""
    if backup:
        return Outcome(changes, RestoreBackup(backup))
    return Outcome(changes, SwapMerged(undo) if undo is not None and not undo.empty else None)
