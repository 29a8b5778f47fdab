"""Suggestion operations: accept one (as a tag), accept those shown (all of a kind), reject
one and take a rejection back."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.suggestion import Suggestion
from desktop.services import suggestions
from desktop.services.operations import Outcome
from desktop.services.ops.tags import DeleteTags
from desktop.services.project import Project


@dataclass(frozen=True, slots=True)
class AcceptSuggestion:
    report_id: str
    suggestion: Suggestion

    def run(self, project: Project) -> Outcome:
        changes = suggestions.accept(project, self.report_id, self.suggestion)
        return Outcome(changes, DeleteTags(tuple(changes.created)))


@dataclass(frozen=True, slots=True)
class RejectSuggestion:
    report_id: str
    suggestion: Suggestion

    def run(self, project: Project) -> Outcome:
        changes = suggestions.reject(project, self.report_id, self.suggestion)
        return Outcome(changes, Unreject(self.report_id, self.suggestion))


@dataclass(frozen=True, slots=True)
class Unreject:
    report_id: str
    suggestion: Suggestion

    def run(self, project: Project) -> Outcome:
        changes = suggestions.unreject(project, self.report_id, self.suggestion)
        return Outcome(changes, RejectSuggestion(self.report_id, self.suggestion))


@dataclass(frozen=True, slots=True)
class AcceptThese:
    """Accept these suggestions at once (every one of a kind shown in the reader, the
    learned ones included)."""

    report_id: str
    found: tuple[Suggestion, ...]

    def run(self, project: Project) -> Outcome:
        changes, ids = suggestions.accept_these(project, self.report_id, list(self.found))
        return Outcome(changes, DeleteTags(tuple(ids)) if ids else None)
