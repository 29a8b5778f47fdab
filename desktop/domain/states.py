"""The states a tag goes through, typed: its status, a reviewer's verdict, where it came
from (origin) and what a history entry records (action), each the string stored today
(StrEnum members are those strings, so no migration), and a tag's whole state as history
records it, built in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class TagStatus(StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    CORRECTED = "corrected"


class Verdict(StrEnum):
    ACCEPT = "accept"
    REJECT = "reject"
    CORRECT = "correct"
    COMMENT = "comment"  # a remark without a verdict: the status stays


# the one verdict → status map (a comment leaves the status as it is)
VERDICT_STATUS: Mapping[str, TagStatus] = {  # keyed by value: a stored str looks up too
    Verdict.ACCEPT: TagStatus.ACCEPTED,
    Verdict.REJECT: TagStatus.REJECTED,
    Verdict.CORRECT: TagStatus.CORRECTED,
}
# and back: the verdict that gives a status (a workbook's status column is applied so)
STATUS_VERDICT: Mapping[str, Verdict] = {s: Verdict(v) for v, s in VERDICT_STATUS.items()}


class Origin(StrEnum):
    """Where a tag came from. A suggestion's and a model's carry their rule or kind after
    the colon (`suggestion:RULE`, `learned:KIND`): those two are prefixes."""

    MANUAL = "manual"
    SUGGESTION = "suggestion:"
    LEARNED = "learned:"
    IMPORTED = "import:"  # brought in from an annotation file: import:FORMAT
    CORRECTION = "correction of "  # a reviewer's corrected copy: correction of ID8
    ADJUDICATED_PICKED = "adjudicated (picked)"
    ADJUDICATED_COMBINED = "adjudicated (combined)"
    ADJUDICATED_OWN = "adjudicated (own)"

    @classmethod
    def adjudicated(cls, how: str) -> Origin:
        """A consensus tag's: made by picking, combining or writing one's own."""
        return cls(f"adjudicated ({how})")


class HistoryAction(StrEnum):
    """What a history entry records. The column holds 30 characters: every value fits,
    and nothing free-form (a comment) is appended any more."""

    CREATED = "created"
    CREATED_CORRECTION = "created (correction)"
    RESTORED = "restored"
    DELETED = "deleted"
    RESIZED = "resized"
    EDITED = "edited"
    REVERTED = "reverted"
    KIND_CHANGED = "kind changed"
    EXCEL_EDIT = "excel edit"
    LINKED_PROGRAM = "linked program"
    UNLINKED_PROGRAM = "unlinked program"
    PROGRAM_RELINKED = "program relinked"
    LINKED_PART = "linked part"
    UNLINKED_PART = "unlinked part"
    LINKED_CORRECTS = "linked corrects"
    UNLINKED_CORRECTS = "unlinked corrects"
    LINKED_ADJUDICATES = "linked adjudicates"
    UNLINKED_ADJUDICATES = "unlinked adjudicates"
    REVIEWED_ACCEPT = "reviewed: accept"
    REVIEWED_REJECT = "reviewed: reject"
    REVIEWED_CORRECT = "reviewed: correct"
    REVIEWED_COMMENT = "reviewed: comment"
    ADJUDICATED_PICKED = "adjudicated: picked"
    ADJUDICATED_COMBINED = "adjudicated: combined"
    ADJUDICATED_OWN = "adjudicated: own"
    MERGED_OTHER = "merge: other version"
    MERGED_NEWER_KEPT = "merge: newer version kept"
    UNDONE = "undone"  # put back as it was before an action (undo, redo)
    REVIEW_WITHDRAWN = "review withdrawn"  # a verdict undone

    @classmethod
    def reviewed(cls, verdict: Verdict) -> HistoryAction:
        return cls(f"reviewed: {verdict}")

    @classmethod
    def adjudicated(cls, how: str) -> HistoryAction:
        return cls(f"adjudicated: {how}")

    @classmethod
    def linked(cls, link_type: str, linked: bool = True) -> HistoryAction:
        return cls(f"{'linked' if linked else 'unlinked'} {link_type}")


ACTION_LENGTH = 30  # tag_event.action is String(30)

# what a link between two tags says: a program tag names a registry entry, two tags
# are parts of one record, a reviewer's tag corrects another, a consensus tag
# adjudicates the versions it was made from
LINK_TYPES = ("program", "part", "corrects", "adjudicates")


@dataclass(frozen=True, slots=True)
class TagState:
    """A tag's whole state, as a history entry records it (so any version can be
    restored, and a merge or an undo reads it back). `extra` carries what one kind of
    entry adds (a consensus tag's sources, a merged version's stamp)."""

    id: str
    report_id: str
    kind: str
    start: int
    end: int
    quote: str
    fields: Mapping[str, Any]
    note: str
    author_id: str
    origin: str
    status: str
    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, tag: Any, kind: str, fields: Mapping[str, Any] | None = None,
           **extra: Any) -> TagState:
        """From anything with a tag's attributes (a model row); `fields` when the
        caller decoded them itself."""
        return cls(tag.id, tag.report_id, kind, tag.start, tag.end, tag.quote,
                   dict(tag.fields if fields is None else fields), tag.note, tag.author_id,
                   tag.origin, tag.status, extra)

    @classmethod
    def of_row(cls, row: Mapping[Any, Any], kind: str, fields: Mapping[str, Any] | None = None,
               **extra: Any) -> TagState:
        """From a row mapping (the bulk paths of a merge read rows, not objects)."""
        return cls(row["id"], row["report_id"], kind, row["start"], row["end"], row["quote"],
                   dict((row["fields"] or {}) if fields is None else fields), row["note"],
                   row["author_id"], row["origin"], row["status"], extra)

    def record(self) -> dict[str, Any]:
        """The JSON object stored in the history (the keys restore_tag reads)."""
        return {
            "id": self.id, "report_id": self.report_id, "kind": self.kind,
            "start": self.start, "end": self.end, "quote": self.quote,
            "fields": dict(self.fields), "note": self.note, "author_id": self.author_id,
            "origin": self.origin, "status": self.status, **self.extra,
        }
