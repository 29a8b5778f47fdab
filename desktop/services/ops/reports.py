"""Report operations: edit metadata, mark a report done (or in progress)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.services import reports
from desktop.services.operations import Outcome
from desktop.services.project import Project


@dataclass(frozen=True, slots=True)
class EditMetadata:
    report_id: str
    values: dict[str, Any] = field(hash=False)

    def run(self, project: Project) -> Outcome:
        changes, before = reports.edit_metadata(project, self.report_id, self.values)
        return Outcome(changes, EditMetadata(self.report_id, before))


@dataclass(frozen=True, slots=True)
class SetReportState:
    """The acting analyst's state of a report: "done" is "Mark report done"."""

    report_id: str
    state: str

    def run(self, project: Project) -> Outcome:
        changes, before = reports.change_state(project, self.report_id, self.state)
        return Outcome(changes, SetReportState(self.report_id, before))
