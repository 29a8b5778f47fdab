"""Edits brought back from a workbook (File ▸ Import edits…): applied in one unit of
work, undone by putting back each edited tag's previous state and removing the review
rows the edits added; redone by putting back the edited states and those rows (same
ids). Both check each tag against the version this process left it at."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.services import excel_edits
from desktop.services.excel_edits import PutBack
from desktop.services.operations import Outcome
from desktop.services.project import Project


@dataclass(frozen=True, slots=True)
class ApplyEdits:
    path: str

    def run(self, project: Project) -> Outcome:
        changes, _, back = excel_edits.apply_undoably(project, self.path)
        return Outcome(changes, PutEditsBack(back) if back.states else None)


@dataclass(frozen=True, slots=True)
class PutEditsBack:
    what: PutBack = field(hash=False)

    def run(self, project: Project) -> Outcome:
        changes, again = excel_edits.put_back(project, self.what)
        return Outcome(changes, PutEditsBack(again))

