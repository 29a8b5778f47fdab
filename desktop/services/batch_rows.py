"""Undo and redo of a batch (an import of reports, an annotation import): what it added
is taken out, and put back with the same ids, so the undo entries made after it still
name the right tags.

`take_out` refuses (nothing changed) when a tag it would remove was changed since this
process last left it or is a colleague's (in team mode, a colleague's work is never
thrown away) or when a
kind it would remove is used by tags made since. `put_back` refuses when a report was
imported again or a kind key taken in the meantime.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from db.errors import StaleTagError
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
