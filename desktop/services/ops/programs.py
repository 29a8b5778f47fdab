"""Program registry operations (the registry dialog): create, rename, add or remove an
alias, merge two entries. Each is undone by putting the registry back as it was, with
the fields of the tags it relinked."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.services import programs
from desktop.services.changes import Changes
from desktop.services.operations import Outcome
from desktop.services.project import Project


@dataclass(frozen=True, slots=True)
class RestoreRegistry:
    registry: programs.Registry = field(hash=False)
    tag_fields: programs.TagFields = field(default=(), hash=False)

    def run(self, project: Project) -> Outcome:
        changes, registry, fields = programs.restore_registry(project, self.registry,
                                                              self.tag_fields)
        return Outcome(changes, RestoreRegistry(registry, fields))


def _undoable(changes: Changes, before: tuple[programs.Registry, programs.TagFields],
              made: str | None = None) -> Outcome:
    if changes.empty:
        return Outcome(changes)
    return Outcome(changes, RestoreRegistry(*before), made)


@dataclass(frozen=True, slots=True)
class CreateProgram:
    name: str
    category: str = ""
    level: str = ""
    lead_body: str = ""

    def run(self, project: Project) -> Outcome:
        before = programs.registry_snapshot(project)
        changes, program_id = programs.create(project, self.name, self.category, self.level,
                                              self.lead_body)
        return _undoable(changes, before, program_id)


@dataclass(frozen=True, slots=True)
class RenameProgram:
    program_id: str
    name: str

    def run(self, project: Project) -> Outcome:
        before = programs.registry_snapshot(project, self.program_id)
        return _undoable(programs.rename(project, self.program_id, self.name), before)


@dataclass(frozen=True, slots=True)
class AddAlias:
    program_id: str
    alias: str

    def run(self, project: Project) -> Outcome:
        before = programs.registry_snapshot(project)
        return _undoable(programs.add_alias(project, self.program_id, self.alias), before)


@dataclass(frozen=True, slots=True)
class RemoveAlias:
    program_id: str
    alias: str

    def run(self, project: Project) -> Outcome:
        before = programs.registry_snapshot(project)
        return _undoable(programs.remove_alias(project, self.program_id, self.alias), before)


@dataclass(frozen=True, slots=True)
class MergePrograms:
    source_id: str
    target_id: str

    def run(self, project: Project) -> Outcome:
        before = programs.registry_snapshot(project, self.source_id)
        return _undoable(programs.merge(project, self.source_id, self.target_id), before)
