"""Undo and redo of a batch (an import of reports, an annotation import): what it added
is taken out, and put back with the same ids, so the undo entries made after it still
name the right tags.

`take_out` refuses (nothing changed) when a tag it would remove was changed since this
process last left it or is a colleague's (in team mode, a colleague's work is never
thrown away) or when a
kind it would remove is used by tags made since. `put_back` refuses when a report was
imported again or a kind key taken in the meantime.

A merge into a team database is undone the same way, by a `Swap` the merge recorded
(merge.py): the rows it added are taken out, the tags its colleague's tombstones deleted
are put back, and the tags and report states it changed get their earlier values; the
swap's inverse redoes it. Every tag and state it touches must be as the merge (or the
last undo or redo) left it, and nothing else may hang on a row it removes: else a
colleague worked on it since, and nothing is changed.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from db.errors import StaleTagError
from db.models import ReportState, Tag
from db.queries import batch_rows as q
from desktop.domain.errors import RefusedInput
from desktop.services import tag_versions
from desktop.services.changes import Changes
from desktop.services.project import Project


@dataclass(frozen=True, slots=True)
class Taken:
    """The rows a batch's undo took out, to put back as they were."""

    rows: q.Rows = field(hash=False)

    @property
    def report_ids(self) -> tuple[str, ...]:
        return tuple(r["id"] for r in self.rows.get("report", []))

    @property
    def tag_ids(self) -> tuple[str, ...]:
        return tuple(r["id"] for r in self.rows.get("tag", []))

    @property
    def kind_ids(self) -> tuple[str, ...]:
        return tuple(r["id"] for r in self.rows.get("tag_kind", []))

    def changes(self, *, added: bool) -> Changes:
        tag_ids = frozenset(self.tag_ids)
        reports = frozenset(self.report_ids)
        return Changes(library=bool(reports), kinds=bool(self.kind_ids), reports=reports,
                       tags=reports | frozenset(r["report_id"] for r in self.rows.get("tag", [])),
                       created=tag_ids if added else frozenset(),
                       removed=frozenset() if added else tag_ids)


def take_out(project: Project, report_ids: Collection[str] = (), tag_ids: Collection[str] = (),
             kind_ids: Collection[str] = ()) -> tuple[Changes, Taken]:
    """Remove reports (with everything on them), tags and kinds in one transaction."""
    from desktop.services import suggestions

    with project.uow.begin() as session:
        for tag_id, report_id, version, author in q.tag_versions(session, report_ids, tag_ids):
            left = tag_versions.expected(session, tag_id)
            if (left is not None and left != version) or author != project.analyst_id:
                raise StaleTagError(
                    "Someone else changed or made a tag on what this batch added since; it was "
                    "not undone.",
                    report_id, message_id="batch.tag_changed")
        used = q.kinds_used_elsewhere(session, kind_ids, report_ids, tag_ids)
        if used:
            raise RefusedInput("Tags of the kind {kinds} were made since; delete them or the "
                               "kind first.", message_id="batch.kind_used",
                               params={"kinds": ", ".join(used)})
        taken = Taken(q.take(session, report_ids, tag_ids, kind_ids))
    if taken.kind_ids:
        project.caches.kind_ids.clear()  # a key press looks the kinds up again
    for report_id in taken.report_ids:
        suggestions.forget(project, report_id)
    return taken.changes(added=False), taken


def put_back(project: Project, taken: Taken) -> Changes:
    """Put back what `take_out` took, with the same ids, in one transaction."""
    from desktop.services.indexing import index_reports

    with project.uow.begin() as session:
        clashes = q.clashes(session, taken.rows)
        if clashes:
            raise RefusedInput("It cannot be redone: {what} came into the project since.",
                               message_id="batch.clash", params={"what": ", ".join(clashes)})
        q.put(session, taken.rows)
    if taken.kind_ids:
        project.caches.kind_ids.clear()
    index_reports(project, taken.report_ids)  # derived data, in pieces (as an import does)
    return taken.changes(added=True)


@dataclass(frozen=True, slots=True)
class Swap:
    """One step of a merge's undo or redo, as data (picklable: the merge's worker process
    records the first one)."""

    remove: q.Ids = field(default_factory=dict, hash=False)  # rows to take out, by id
    put: q.Rows = field(default_factory=dict, hash=False)  # rows to put in, as they were
    versions: dict[str, int] = field(default_factory=dict, hash=False)  # tag → the version
    # it must be at (each tag removed or set)
    tag_values: dict[str, dict[str, Any]] = field(default_factory=dict, hash=False)  # tag →
    # the columns to set
    # report state id → (the updated_at it must have, the state and updated_at to set)
    states: dict[int, tuple[Any, str, Any]] = field(default_factory=dict, hash=False)
    undo: bool = True  # which way it goes (for its message)

    @property
    def empty(self) -> bool:
        return not (any(self.remove.values()) or any(self.put.values()) or self.tag_values
                    or self.states)


def swap(project: Project, step: Swap) -> tuple[Changes, Swap]:
    """Carry out a merge's undo (or redo) in one transaction; returns its inverse."""
    with project.uow.begin() as session:
        changed = _changed_since(session, step) + q.dependents(session, step.remove)
        if changed:
            raise StaleTagError(
                "A colleague has since changed {count} of the things this merge brought in "
                "or changed; to keep their work, the merge was not "
                + ("undone." if step.undo else "redone."),
                message_id="merge.undo_changed" if step.undo else "merge.redo_changed",
                params={"count": changed})
        clashes = q.clashes(session, step.put)
        if clashes:
            raise RefusedInput("It cannot be redone: {what} came into the project since.",
                               message_id="batch.clash", params={"what": ", ".join(clashes)})
        before = {tag_id: {c: getattr(tag, c) for c in values}
                  for tag_id, values in step.tag_values.items()
                  if (tag := session.get(Tag, tag_id)) is not None}
        states_before = {i: (s.state, s.updated_at) for i in step.states
                         if (s := session.get(ReportState, i)) is not None}
        taken = q.take_rows(session, step.remove)
        q.put(session, step.put)
        reports: set[str] = set()
        for tag_id, values in step.tag_values.items():
            tag = session.get(Tag, tag_id)
            assert tag is not None  # checked above
            reports.update((tag.report_id, values.get("report_id", tag.report_id)))
            for column, value in values.items():
                setattr(tag, column, value)  # the ORM raises the version
        for state_id, (_at, state, updated_at) in step.states.items():
            row = session.get(ReportState, state_id)
            assert row is not None
            row.state, row.updated_at = state, updated_at
        session.flush()
        put_tags = [r["id"] for r in step.put.get("tag", [])]
        versions = q.versions_of(session, [*put_tags, *step.tag_values])
        inverse = Swap(remove=q.ids_of(step.put), put=taken, versions=versions,
                       tag_values=before,
                       states={i: (step.states[i][2], *states_before[i]) for i in states_before},
                       undo=not step.undo)
    project.caches.clear()  # kinds, texts and suggestions of what came and went
    for rows in (taken, step.put):
        reports.update(r["report_id"] for r in rows.get("tag", []))
    return Changes(tags=frozenset(reports), library=True, kinds=True, analysts=True,
                   programs=True, everything=True), inverse


def _changed_since(session: Any, step: Swap) -> int:
    """How many of the tags and report states `step` touches are not as it expects."""
    found = q.versions_of(session, step.versions)
    # as the merge (or the last undo or redo) left it, or as this window last left it
    # (its own later edits of the tag were undone before: the undo stack is in order)
    tags = sum(1 for t, v in step.versions.items()
               if found.get(t) not in (v, tag_versions.expected(session, t)) or t not in found)
    tags += len(set(step.remove.get("tag", [])) - set(step.versions))  # made since
    states = 0
    for state_id, (at, _state, _updated) in step.states.items():
        row = session.get(ReportState, state_id)
        states += row is None or row.updated_at != at
    return tags + states
