"""Annotations brought in from another tool (File ▸ Import annotations…): one unit of
work, undone by taking out what it added (the reports imported, the kinds created, the
tags created) and redone by putting those back with the same ids."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.services import annotations as foreign
from desktop.services.annotations import AnnotationPlan
from desktop.services.operations import Outcome
from desktop.services.ops.batches import RemoveImported
from desktop.services.project import Project


@dataclass(frozen=True, slots=True)
class ImportAnnotations:
    plan: AnnotationPlan = field(hash=False)

    def run(self, project: Project) -> Outcome:
        done = foreign.apply(project, self.plan)
        added = done.report_ids or done.tag_ids or done.kind_ids
        undo = RemoveImported(done.report_ids, done.tag_ids, done.kind_ids) if added else None
        return Outcome(done.changes, undo, summary=done)
