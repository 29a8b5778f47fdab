"""Schema operations: the schema dialog's edits of kinds and fields. Each is undone by
putting the kinds and fields back as they were (and, for a deleted kind, its tags)."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.services import kinds
from desktop.services.changes import Changes
from desktop.services.operations import Outcome
from desktop.services.project import Project


@dataclass(frozen=True, slots=True)
class RestoreSchema:
    schema: kinds.Schema = field(hash=False)
    tag_states: kinds.TagStates = field(default=(), hash=False)

    def run(self, project: Project) -> Outcome:
        changes, schema, states = kinds.restore_schema(project, self.schema, self.tag_states)
        return Outcome(changes, RestoreSchema(schema, states))


def _undoable(changes: Changes, before: kinds.Schema, states: kinds.TagStates = (),
              made: str | None = None) -> Outcome:
    if changes.empty:
        return Outcome(changes)
    return Outcome(changes, RestoreSchema(before, states), made)


@dataclass(frozen=True, slots=True)
class AddKind:
    name: str
    name_zh: str = ""
    colour: str = "#6b7280"
    shortcut: str = ""

    def run(self, project: Project) -> Outcome:
        before = kinds.snapshot(project)[0]
        changes, kind_id = kinds.add_kind(project, self.name, self.name_zh, self.colour,
                                          self.shortcut)
        return _undoable(changes, before, made=kind_id)


@dataclass(frozen=True, slots=True)
class UpdateKind:
    kind_id: str
    name: str | None = None
    name_zh: str | None = None
    colour: str | None = None
    shortcut: str | None = None

    def run(self, project: Project) -> Outcome:
        before = kinds.snapshot(project)[0]
        changes = kinds.update_kind(project, self.kind_id, name=self.name, name_zh=self.name_zh,
                                    colour=self.colour, shortcut=self.shortcut)
        return _undoable(changes, before)


@dataclass(frozen=True, slots=True)
class DeleteKind:
    kind_id: str
    move_tags_to: str | None = None

    def run(self, project: Project) -> Outcome:
        before, states = kinds.snapshot(project, self.kind_id)
        changes = kinds.delete_kind(project, self.kind_id, self.move_tags_to)
        return _undoable(changes, before, states)


@dataclass(frozen=True, slots=True)
class AddField:
    kind_id: str
    label: str
    label_zh: str = ""
    type: str = "text"
    choices: tuple[str, ...] = ()
    key: str | None = None

    def run(self, project: Project) -> Outcome:
        before = kinds.snapshot(project)[0]
        changes, field_id = kinds.add_field(project, self.kind_id, self.label, self.label_zh,
                                            self.type, self.choices, key=self.key)
        return _undoable(changes, before, made=field_id)


@dataclass(frozen=True, slots=True)
class UpdateField:
    field_id: str
    label: str | None = None
    label_zh: str | None = None
    choices: tuple[str, ...] | None = None

    def run(self, project: Project) -> Outcome:
        before = kinds.snapshot(project)[0]
        changes = kinds.update_field(project, self.field_id, label=self.label,
                                     label_zh=self.label_zh, choices=self.choices)
        return _undoable(changes, before)


@dataclass(frozen=True, slots=True)
class MoveField:
    field_id: str
    delta: int

    def run(self, project: Project) -> Outcome:
        before = kinds.snapshot(project)[0]
        return _undoable(kinds.move_field(project, self.field_id, self.delta), before)


@dataclass(frozen=True, slots=True)
class RemoveField:
    field_id: str

    def run(self, project: Project) -> Outcome:
        before = kinds.snapshot(project)[0]
        return _undoable(kinds.remove_field(project, self.field_id), before)
