"""Reviewing colleagues' tags: the queue, and accept / reject / correct / comment.

Each verdict is one transaction that sets the tag's status, adds a `review` row and a
history event. A correction is a new tag by the reviewer, linked to the original with a
"corrects" link (new → original); the original keeps its text and gets status
"corrected". Verdicts carry the version the reviewer saw: a tag changed by someone else
since then is refused with StaleTagError, never silently overwritten.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.base import utcnow
from db.errors import StaleTagError
from db.models import Report, Review, Tag, TagKind, TagLink
from db.queries import review as rq
from db.queries import tags as q
from desktop.domain.errors import EmptySpan, RefusedInput, UnknownKind
from desktop.domain.states import (
    VERDICT_STATUS,
    HistoryAction,
    Origin,
    TagState,
    TagStatus,
    Verdict,
)
from desktop.services import tag_versions
from desktop.services.changes import Changes
from desktop.services.project import Project

CONSENSUS = "consensus"
STALE_MESSAGE = (
    "Someone else changed this tag since you loaded it; it has been reloaded, "
    "please check it and try again."
)


@dataclass(frozen=True, slots=True)
class QueueItem:
    """One row of the review queue."""

    tag_id: str
    report_id: str
    report_title: str
    kind: str
    start: int
    end: int
    quote: str
    author: str
    status: str
    version: int
    last_verdict: str  # "" when nobody reviewed it yet
    last_comment: str


@dataclass(frozen=True, slots=True)
class ReviewEntry:
    reviewer: str
    verdict: str
    comment: str
    at: datetime


def queue_ids(
    project: Project, *, report_id: str | None = None, author: str | None = None,
    status: str | None = TagStatus.OPEN, include_own: bool = False,
) -> list[str]:
    """Tag ids waiting for review, in report then text order. By default: colleagues'
    open tags (not the acting analyst's, not the consensus layer's)."""
    with project.uow() as session:
        return rq.queue_ids(session, besides_author=CONSENSUS,
                            acting=None if include_own else project.analyst_id,
                            report_id=report_id, author=author, status=status)


def queue_rows(project: Project, tag_ids: Sequence[str]) -> dict[str, QueueItem]:
    """The rows for some queue ids (a view fetches the visible ones); deleted tags are
    missing from the result."""
    if not tag_ids:
        return {}
    with project.uow() as session:
        rows = rq.queue_rows(session, tag_ids)
        last = rq.last_reviews(session, tag_ids)
        out: dict[str, QueueItem] = {}
        for tid, rid, title, kind, start, end, quote, author, status, version in rows:
            verdict, note = last.get(tid, ("", ""))
            out[tid] = QueueItem(tid, rid, title, kind, start, end, quote, author, status,
                                 version, verdict, note)
        return out


def queue(project: Project, **filters: Any) -> list[QueueItem]:
    ids = queue_ids(project, **filters)
    rows = queue_rows(project, ids)
    return [rows[i] for i in ids if i in rows]


def reviews(project: Project, tag_id: str) -> list[ReviewEntry]:
    with project.uow() as session:
        return [ReviewEntry(*entry) for entry in rq.reviews_of(session, tag_id)]


@dataclass(frozen=True, slots=True)
class Reviewed:
    """A verdict given: what undoing it takes away (the review row, the correction tag)
    and puts back (the tag's state before)."""

    changes: Changes
    review_id: str
    before: dict[str, Any]
    correction: str | None = None


def _load(session: Session, tag_id: str, expected_version: int | None) -> Tag:
    tag = session.get(Tag, tag_id)
    if tag is None:
        raise StaleTagError("This tag was deleted (perhaps by a colleague).",
                            message_id="tag.deleted")
    if expected_version is None:  # undo and redo: as this process left it
        expected_version = tag_versions.expected(session, tag_id)
    if expected_version is not None and tag.version != expected_version:
        raise StaleTagError(STALE_MESSAGE)
    return tag


def _state(session: Session, tag: Tag, **extra: Any) -> TagState:
    kind = session.get(TagKind, tag.kind_id)
    return TagState.of(tag, kind.key if kind else "", **extra)


def _verdict(
    project: Project, tag_id: str, verdict: Verdict, comment: str, expected_version: int | None,
) -> Changes:
    return give_verdict(project, tag_id, verdict, comment, expected_version).changes


def give_verdict(project: Project, tag_id: str, verdict: Verdict, comment: str = "",
                 expected_version: int | None = None) -> Reviewed:
    """Accept, reject or comment on a tag; returns what undoing it needs."""
    if verdict == Verdict.COMMENT and not comment.strip():
        raise RefusedInput("Write a comment first.", message_id="review.no_comment")
    try:
        with project.uow.begin() as session:
            tag = _load(session, tag_id, expected_version)
            before = _state(session, tag).record()
            review_id = _apply(session, project, tag, verdict, comment.strip())
            return Reviewed(Changes(tags=frozenset({tag.report_id}), updated=frozenset({tag.id})),
                            review_id, before)
    except StaleDataError as exc:  # changed between our read and our write
        raise StaleTagError(STALE_MESSAGE) from exc


def withdraw(project: Project, tag_id: str, done: Reviewed) -> Changes:
    """Undo a verdict: its review row goes, the correction it made is deleted, the tag's
    status and fields are put back. A tag changed since is refused (StaleTagError)."""
    with project.uow.begin() as session:
        tag = _load(session, tag_id, None)
        changes = Changes(tags=frozenset({tag.report_id}), updated=frozenset({tag.id}))
        if done.correction is not None:
            fixed = _load(session, done.correction, None)
            q.record_event(session, fixed, HistoryAction.DELETED, project.analyst_id,
                           _state(session, fixed))
            session.delete(fixed)
            changes = changes | Changes(removed=frozenset({fixed.id}))
        row = session.get(Review, done.review_id)
        if row is not None:
            session.delete(row)
        tag.status = done.before["status"]
        tag.fields = dict(done.before["fields"])
        tag.updated_at = utcnow()
        session.flush()
        q.record_event(session, tag, HistoryAction.REVIEW_WITHDRAWN, project.analyst_id,
                       TagState.of(tag, done.before["kind"]))
        return changes


def _apply(session: Session, project: Project, tag: Tag, verdict: Verdict, comment: str) -> str:
    review = Review(tag_id=tag.id, reviewer_id=project.analyst_id, verdict=verdict,
                    comment=comment)
    session.add(review)
    if verdict in VERDICT_STATUS:
        tag.status = VERDICT_STATUS[verdict]
        tag.updated_at = utcnow()
    session.flush()
    # the comment goes with the state, whole (it was cut to fit the action's 30 characters)
    state = _state(session, tag, comment=comment) if comment else _state(session, tag)
    q.record_event(session, tag, HistoryAction.reviewed(verdict), project.analyst_id, state)
    return review.id


def accept(project: Project, tag_id: str, comment: str = "",
           expected_version: int | None = None) -> Changes:
    return _verdict(project, tag_id, Verdict.ACCEPT, comment, expected_version)


def reject(project: Project, tag_id: str, comment: str = "",
           expected_version: int | None = None) -> Changes:
    return _verdict(project, tag_id, Verdict.REJECT, comment, expected_version)


def comment(project: Project, tag_id: str, text: str) -> Changes:
    """A comment without a verdict; the tag's status stays as it is."""
    if not text.strip():
        raise RefusedInput("Write a comment first.", message_id="review.no_comment")
    return _verdict(project, tag_id, Verdict.COMMENT, text.strip(), None)


def correct(
    project: Project, tag_id: str, *, start: int | None = None, end: int | None = None,
    kind: str | None = None, fields: dict[str, Any] | None = None, comment: str = "",
    expected_version: int | None = None,
) -> Changes:
    """Correct a colleague's tag: a new tag by the reviewer (the original's span, kind and
    fields, changed as given), linked to the original ("corrects")."""
    return correct_undoably(project, tag_id, start=start, end=end, kind=kind, fields=fields,
                            comment=comment, expected_version=expected_version).changes


def correct_undoably(
    project: Project, tag_id: str, *, start: int | None = None, end: int | None = None,
    kind: str | None = None, fields: dict[str, Any] | None = None, comment: str = "",
    expected_version: int | None = None,
) -> Reviewed:
    try:
        with project.uow.begin() as session:
            original = _load(session, tag_id, expected_version)
            before = _state(session, original).record()
            report = session.get(Report, original.report_id)
            assert report is not None
            new_start = original.start if start is None else start
            new_end = original.end if end is None else end
            if not 0 <= new_start < new_end <= len(report.text):
                raise EmptySpan
            kind_id = original.kind_id
            if kind is not None:
                kind_row = q.kind_by_key(session, kind)
                if kind_row is None:
                    raise UnknownKind(kind)
                kind_id = kind_row.id
            new_fields = dict(original.fields)
            for key, value in (fields or {}).items():
                if value is None or value == "":
                    new_fields.pop(key, None)
                else:
                    new_fields[key] = value
            fixed = q.add_tag(
                session, report_id=original.report_id, kind_id=kind_id, start=new_start,
                end=new_end, quote=report.text[new_start:new_end], fields=new_fields,
                author_id=project.analyst_id, origin=f"{Origin.CORRECTION}{original.id[:8]}")
            q.record_event(session, fixed, HistoryAction.CREATED_CORRECTION, project.analyst_id,
                           _state(session, fixed))
            session.add(TagLink(source_id=fixed.id, target_id=original.id, type="corrects"))
            review_id = _apply(session, project, original, Verdict.CORRECT, comment)
            changes = Changes(tags=frozenset({original.report_id}), created=frozenset({fixed.id}),
                              updated=frozenset({original.id}))
            return Reviewed(changes, review_id, before, fixed.id)
    except StaleDataError as exc:
        raise StaleTagError(STALE_MESSAGE) from exc


def corrections_of(project: Project, tag_id: str) -> list[str]:
    """Ids of the tags that correct `tag_id`."""
    with project.uow() as session:
        return rq.corrections_of(session, tag_id)
