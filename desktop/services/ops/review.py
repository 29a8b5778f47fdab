"""Review operations: a verdict on a colleague's tag (accept, reject, comment) or a
correction, each undone by withdrawing it; and adjudication (the agreement dialog's
consensus tags), undone by deleting the consensus tag."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.domain.states import Verdict
from desktop.services import agreement, review
from desktop.services.changes import Changes
from desktop.services.operations import Operation, Outcome
from desktop.services.ops.tags import DeleteTags
from desktop.services.project import Project


@dataclass(frozen=True, slots=True)
class GiveVerdict:
    tag_id: str
    verdict: str  # accept | reject | comment
    comment: str = ""
    version: int | None = None

    def run(self, project: Project) -> Outcome:
        done = review.give_verdict(project, self.tag_id, Verdict(self.verdict), self.comment,
                                   self.version)
        return Outcome(done.changes, WithdrawVerdict(self.tag_id, done, GiveVerdict(
            self.tag_id, self.verdict, self.comment)))


@dataclass(frozen=True, slots=True)
class CorrectTag:
    """The reviewer's own copy of a colleague's tag, linked to it ("corrects")."""

    tag_id: str
    fields: dict[str, Any] | None = field(default=None, hash=False)
    comment: str = ""
    version: int | None = None

    def run(self, project: Project) -> Outcome:
        done = review.correct_undoably(project, self.tag_id, fields=self.fields,
                                       comment=self.comment, expected_version=self.version)
        return Outcome(done.changes, WithdrawVerdict(self.tag_id, done, CorrectTag(
            self.tag_id, self.fields, self.comment)))


@dataclass(frozen=True, slots=True)
class WithdrawVerdict:
    tag_id: str
    done: review.Reviewed = field(hash=False)
    again: Operation = field(hash=False)  # the verdict, for redo

    def run(self, project: Project) -> Outcome:
        return Outcome(review.withdraw(project, self.tag_id, self.done), self.again)


# --- adjudication: a consensus tag, undone by deleting it ------------------------------


def _consensus(changes: Changes) -> Outcome:
    return Outcome(changes, DeleteTags(tuple(changes.created)))


@dataclass(frozen=True, slots=True)
class PickVersion:
    """Adopt one analyst's version as the consensus (`others`: the versions set aside)."""

    tag_id: str
    others: tuple[str, ...] = ()

    def run(self, project: Project) -> Outcome:
        return _consensus(agreement.pick(project, self.tag_id, self.others))


@dataclass(frozen=True, slots=True)
class CombineVersions:
    tag_ids: tuple[str, ...]

    def run(self, project: Project) -> Outcome:
        return _consensus(agreement.combine(project, self.tag_ids))


@dataclass(frozen=True, slots=True)
class WriteOwn:
    """The adjudicator's own version of a disputed place."""

    report_id: str
    kind: str
    start: int
    end: int

    def run(self, project: Project) -> Outcome:
        return _consensus(agreement.write_own(project, self.report_id, self.kind, self.start,
                                              self.end))
