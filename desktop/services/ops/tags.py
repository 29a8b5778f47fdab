"""Tag operations: create, delete, resize, edit a field, the note or the kind, revert,
link and unlink. A single-tag edit is undone by putting back the state it replaced."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.services import tags
from desktop.services.operations import Outcome
from desktop.services.project import Project

State = dict[str, Any]


@dataclass(frozen=True, slots=True)
class CreateTag:
    report_id: str
    kind: str
    start: int
    end: int
    fields: dict[str, Any] | None = None
    origin: str = "manual"

    def run(self, project: Project) -> Outcome:
        changes = tags.create_tag(project, self.report_id, self.kind, self.start, self.end,
                                  fields=self.fields, origin=self.origin)
        return Outcome(changes, DeleteTags(tuple(changes.created)))


@dataclass(frozen=True, slots=True)
class CreateTags:
    """Tag several spans of one report at once (tag all occurrences)."""

    report_id: str
    kind: str
    spans: tuple[tuple[int, int], ...]
    origin: str = "manual"
    fields: tuple[dict[str, Any], ...] | None = None

    def run(self, project: Project) -> Outcome:
        changes, ids = tags.create_many(
            project, self.report_id, self.kind, list(self.spans), origin=self.origin,
            fields=list(self.fields) if self.fields is not None else None)
        return Outcome(changes, DeleteTags(tuple(ids)) if ids else None)


@dataclass(frozen=True, slots=True)
class DeleteTags:
    ids: tuple[str, ...]

    def run(self, project: Project) -> Outcome:
        if len(self.ids) == 1:  # a changed or deleted tag is refused, not skipped
            changes, state = tags.delete_tag(project, self.ids[0])
            return Outcome(changes, RestoreTags((state,)))
        changes, states = tags.delete_many(project, list(self.ids))
        return Outcome(changes, RestoreTags(tuple(states)))


@dataclass(frozen=True, slots=True)
class RestoreTags:
    """Bring deleted tags back with their ids, history and links."""

    states: tuple[State, ...] = field(hash=False)

    def run(self, project: Project) -> Outcome:
        changes = tags.restore_many(project, list(self.states))
        return Outcome(changes, DeleteTags(tuple(s["id"] for s in self.states)))


@dataclass(frozen=True, slots=True)
class PutTagState:
    """Put a tag back to a recorded state: the undo and redo of every single-tag edit."""

    tag_id: str
    state: State = field(hash=False)

    def run(self, project: Project) -> Outcome:
        changes, before = tags.put_state(project, self.tag_id, self.state)
        return Outcome(changes, PutTagState(self.tag_id, before))


def _edited(tag_id: str, done: tuple[Any, State]) -> Outcome:
    changes, before = done
    return Outcome(changes, PutTagState(tag_id, before))


@dataclass(frozen=True, slots=True)
class ResizeTag:
    tag_id: str
    start: int
    end: int
    version: int | None = None

    def run(self, project: Project) -> Outcome:
        return _edited(self.tag_id, tags.resize(project, self.tag_id, self.start, self.end,
                                                self.version))


@dataclass(frozen=True, slots=True)
class SetField:
    """A field as the analyst typed it (parsed; a unit typed with the value fills the
    unit field too)."""

    tag_id: str
    key: str
    field_type: str
    text: str
    version: int | None = None

    def run(self, project: Project) -> Outcome:
        values = tags.typed_values(self.key, self.field_type, self.text)
        return _edited(self.tag_id, tags.set_fields_undoably(project, self.tag_id, values,
                                                             self.version))


@dataclass(frozen=True, slots=True)
class SetNote:
    tag_id: str
    note: str
    version: int | None = None

    def run(self, project: Project) -> Outcome:
        return _edited(self.tag_id, tags.note_undoably(project, self.tag_id, self.note,
                                                       self.version))


@dataclass(frozen=True, slots=True)
class SetKind:
    tag_id: str
    kind: str
    version: int | None = None

    def run(self, project: Project) -> Outcome:
        return _edited(self.tag_id, tags.kind_undoably(project, self.tag_id, self.kind,
                                                       self.version))


@dataclass(frozen=True, slots=True)
class RevertTag:
    tag_id: str
    event_id: int
    version: int | None = None

    def run(self, project: Project) -> Outcome:
        return _edited(self.tag_id, tags.revert_undoably(project, self.tag_id, self.event_id,
                                                         self.version))


@dataclass(frozen=True, slots=True)
class LinkTags:
    source_id: str
    target_id: str
    link_type: str

    def run(self, project: Project) -> Outcome:
        changes = tags.link_tags(project, self.source_id, self.target_id, self.link_type)
        return Outcome(changes, UnlinkTags(self.source_id, self.target_id, self.link_type))


@dataclass(frozen=True, slots=True)
class UnlinkTags:
    source_id: str
    target_id: str
    link_type: str

    def run(self, project: Project) -> Outcome:
        changes = tags.unlink_tags(project, self.source_id, self.target_id, self.link_type)
        return Outcome(changes, LinkTags(self.source_id, self.target_id, self.link_type))


@dataclass(frozen=True, slots=True)
class TagResults:
    """Tag every search result (report id, start, end) as one kind ("Tag all results")."""

    kind: str
    spans: tuple[tuple[str, int, int], ...]

    def run(self, project: Project) -> Outcome:
        from desktop.services import search

        changes, ids = search.tag_results(project, self.kind, list(self.spans))
        return Outcome(changes, DeleteTags(tuple(ids)) if ids else None)
