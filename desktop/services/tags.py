"""Tagging use cases: one function per user action, one transaction each.

Every change is recorded in the tag's history (`tag_event`) with the tag's whole state
after it, so any version can be restored. Edits carry the version the analyst saw; a
tag changed by someone else since then is refused (StaleTagError), never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sqlalchemy.orm import Session

from db.base import utcnow
from db.errors import StaleTagError
from db.models import Tag, TagEvent, TagKind, TagLink
from db.queries import reports as report_queries
from db.queries import tags as q
from desktop.domain.errors import EmptySpan, NotFound, RefusedInput, ReportGone, UnknownKind
from desktop.domain.fieldvalues import coerce, period_months
from desktop.domain.states import LINK_TYPES, HistoryAction, Origin, TagState
from desktop.domain.validation import tag_warnings
from desktop.services import tag_versions
from desktop.services.changes import Changes
from desktop.services.project import Project
from desktop.services.values import (
    HistoryEntry,
    LinkInfo,
    SpanColumns,
    SpanRow,
    TagDetail,
    TagRow,
)


def _load(session: Session, tag_id: str, expected_version: int | None) -> Tag:
    """The tag, at the version the caller saw (undo and redo: the version this process
    left it at, tag_versions.py); a tag changed or deleted since is StaleTagError."""
    tag = session.get(Tag, tag_id)
    if tag is None:
        raise StaleTagError("This tag was deleted (perhaps by a colleague).",
                            message_id="tag.deleted")
    if expected_version is None:
        expected_version = tag_versions.expected(session, tag_id)
    if expected_version is not None and tag.version != expected_version:
        raise StaleTagError(
            "Someone else changed this tag since you loaded it; it has been reloaded, "
            "please check it and try again.", tag.report_id
        )
    return tag


def _kind_key(session: Session, tag: Tag) -> str:
    kind = session.get(TagKind, tag.kind_id)
    assert kind is not None
    return kind.key


def _touch(session: Session, project: Project, tag: Tag, action: HistoryAction,
           **extra: Any) -> None:
    tag.updated_at = utcnow()
    session.flush()
    q.record_event(session, tag, action, project.analyst_id,
                   TagState.of(tag, _kind_key(session, tag), **extra))


def _changed(tag: Tag, how: str = "updated") -> Changes:
    ids = frozenset({tag.id})
    return Changes(
        tags=frozenset({tag.report_id}),
        created=ids if how == "created" else frozenset(),
        updated=ids if how == "updated" else frozenset(),
    )


Change = Callable[[Session, Tag], None]


def edit(project: Project, tag_id: str, expected_version: int | None, action: HistoryAction,
         change: Change, **extra: Any) -> tuple[Changes, dict[str, Any]]:
    """One edit of one tag in one transaction: `change` alters it, the history records
    it. Returns the change set and the tag's state before (what undo puts back)."""
    with project.uow.begin() as session:
        tag = _load(session, tag_id, expected_version)
        before = TagState.of(tag, _kind_key(session, tag)).record()
        change(session, tag)
        _touch(session, project, tag, action, **extra)
        return _changed(tag), before


def _put(state: dict[str, Any]) -> Change:
    def put(session: Session, tag: Tag) -> None:
        kind_row = q.kind_by_key(session, state["kind"])
        if kind_row is None:
            raise UnknownKind(state["kind"])
        tag.kind_id = kind_row.id
        tag.start, tag.end, tag.quote = state["start"], state["end"], state["quote"]
        tag.fields = dict(state["fields"])
        tag.note = state["note"]
        tag.status = state.get("status", tag.status)
    return put


def put_state(project: Project, tag_id: str, state: dict[str, Any],
              action: HistoryAction = HistoryAction.UNDONE) -> tuple[Changes, dict[str, Any]]:
    """Put a tag back to a recorded state (undo and redo of an edit); returns the state
    it replaced."""
    return edit(project, tag_id, None, action, _put(state))


def put_in(session: Session, project: Project, state: dict[str, Any],
           action: HistoryAction = HistoryAction.UNDONE) -> tuple[Tag, dict[str, Any]]:
    """`put_state` inside the caller's transaction (undo and redo of a batch of edits):
    the tag must be as this process left it. Returns the tag and the state it replaced."""
    tag = _load(session, state["id"], None)
    before = TagState.of(tag, _kind_key(session, tag)).record()
    _put(state)(session, tag)
    _touch(session, project, tag, action)
    return tag, before


def create_tag(
    project: Project,
    report_id: str,
    kind: str,
    start: int,
    end: int,
    *,
    fields: dict[str, Any] | None = None,
    origin: str = Origin.MANUAL,
    tag_id: str | None = None,
) -> Changes:
    """Tag text[start:end] with `kind`. The span is trimmed of surrounding white space.
    The change set carries the new tag's detail (the inspector reads nothing back)."""
    with project.uow.begin() as session:
        tag, event = insert_tag(session, project, report_id, kind, start, end, fields, origin,
                                tag_id)
        return replace(_changed(tag, "created"),
                       details=(new_detail(session, project, tag, event, kind),))


def new_detail(session: Session, project: Project, tag: Tag, event: TagEvent,
               kind: str) -> TagDetail:
    """The inspector's view of a tag just made by the acting analyst, from what the
    session holds (only the twin check is a statement): no history or links to read."""
    session.flush()  # the history entry gets its id and time
    text = _report_text(session, project, tag.report_id)
    warnings = tag_warnings(kind, tag.quote, text[tag.start:tag.end], tag.fields,
                            q.has_twin(session, tag))
    name = project.analyst_name
    return TagDetail(
        tag.id, tag.report_id, kind, tag.start, tag.end, tag.quote, dict(tag.fields),
        tag.note, name, tag.origin, tag.status, tag.created_at, tag.updated_at, tag.version,
        (), (HistoryEntry(event.id, event.action, name, event.created_at, event.state),),
        tuple(warnings), tag.author_id,
    )


TEXTS_KEPT = 8  # report texts an open project keeps in memory (ProjectCaches.texts)


def _report_text(session: Session, project: Project, report_id: str) -> str:
    texts = project.caches.texts
    text = texts.get(report_id)
    if text is None:
        text = report_queries.text_of(session, report_id)
        if text is None:
            raise ReportGone
        texts[report_id] = text
        if len(texts) > TEXTS_KEPT:
            texts.popitem(last=False)
    else:
        texts.move_to_end(report_id)
    return text


def _kind_id(session: Session, project: Project, kind: str) -> str:
    """A kind's id by its key: looked up once per kind, not per key press (the project's
    cache, cleared by every schema change; in team mode always looked up)."""
    ids = project.caches.kind_ids
    kind_id = ids.get(kind)
    if kind_id is None:
        kind_row = q.kind_by_key(session, kind)
        if kind_row is None:
            raise UnknownKind(kind)
        kind_id = kind_row.id
        if not project.is_team:
            ids[kind] = kind_id
    return kind_id


def create_in(
    session: Session, project: Project, report_id: str, kind: str, start: int, end: int,
    fields: dict[str, Any] | None, origin: str, tag_id: str | None,
) -> Changes:
    """Create a tag inside a transaction the caller holds (for actions that create
    several tags at once, each with its own origin)."""
    return _changed(insert_tag(session, project, report_id, kind, start, end, fields, origin,
                               tag_id)[0], "created")


def insert_tag(
    session: Session, project: Project, report_id: str, kind: str, start: int, end: int,
    fields: dict[str, Any] | None, origin: str, tag_id: str | None,
) -> tuple[Tag, TagEvent]:
    """The new tag and its first history entry."""
    kind_id = _kind_id(session, project, kind)
    text = _report_text(session, project, report_id)
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    quote = text[start:end]
    stripped = quote.lstrip()
    start += len(quote) - len(stripped)
    quote = stripped.rstrip()
    end = start + len(quote)
    if start >= end:
        raise RefusedInput("Select some text to tag.", message_id="tag.no_selection")
    tag = q.add_tag(session, report_id=report_id, kind_id=kind_id, start=start, end=end,
                    quote=quote, fields=fields or {}, author_id=project.analyst_id,
                    origin=origin, tag_id=tag_id)
    event = q.record_event(session, tag, HistoryAction.CREATED, project.analyst_id,
                           TagState.of(tag, kind))
    started = (project.analyst_id, report_id)
    if started not in project.caches.started:  # one look per report, not per key press
        report_queries.set_state(session, report_id, project.analyst_id, "in_progress",
                                 only_if_missing=True)
        project.caches.started.add(started)
    return tag, event


def restore_tag(project: Project, state: dict[str, Any]) -> Changes:
    """Bring back a deleted tag exactly as it was (undo of a delete)."""
    with project.uow.begin() as session:
        return restore_in(session, project, state)


def restore_in(session: Session, project: Project, state: dict[str, Any]) -> Changes:
    """Restore a deleted tag inside a transaction the caller holds; its links come back
    where the other end still exists."""
    kind_row = q.kind_by_key(session, state["kind"])
    if kind_row is None:
        raise UnknownKind(state["kind"])
    if session.get(Tag, state["id"]) is not None:
        raise StaleTagError(
            "This tag is already back (perhaps a colleague restored it).",
            message_id="tag.already_back")
    tag = q.add_tag(session, report_id=state["report_id"], kind_id=kind_row.id,
                    start=state["start"], end=state["end"], quote=state["quote"],
                    fields=state["fields"], author_id=state["author_id"],
                    origin=state["origin"], status=state["status"], note=state["note"],
                    tag_id=state["id"])
    q.record_event(session, tag, HistoryAction.RESTORED, project.analyst_id,
                   TagState.of(tag, state["kind"]))
    for source, target, link_type in state.get("links", []):
        other = target if source == tag.id else source
        if session.get(Tag, other) is not None and \
                q.find_link(session, source, target, link_type) is None:
            session.add(TagLink(source_id=source, target_id=target, type=link_type))
    return _changed(tag, "created")


def delete_tag(project: Project, tag_id: str) -> tuple[Changes, dict[str, Any]]:
    """Delete a tag; returns its last state so the deletion can be undone."""
    with project.uow.begin() as session:
        tag = _load(session, tag_id, None)
        state = TagState.of(tag, _kind_key(session, tag), links=[
            (link.source_id, link.target_id, link.type) for link in q.links_of(session, tag_id)])
        q.record_event(session, tag, HistoryAction.DELETED, project.analyst_id, state)
        session.delete(tag)
        return (Changes(tags=frozenset({tag.report_id}), removed=frozenset({tag_id})),
                state.record())


def resize_tag(
    project: Project, tag_id: str, start: int, end: int, expected_version: int | None = None
) -> Changes:
    return resize(project, tag_id, start, end, expected_version)[0]


def resize(project: Project, tag_id: str, start: int, end: int,
           expected_version: int | None = None) -> tuple[Changes, dict[str, Any]]:
    def change(session: Session, tag: Tag) -> None:
        text = _report_text(session, project, tag.report_id)
        if not 0 <= start < end <= len(text):
            raise EmptySpan
        tag.start, tag.end, tag.quote = start, end, text[start:end]

    return edit(project, tag_id, expected_version, HistoryAction.RESIZED, change)


def set_fields(
    project: Project, tag_id: str, values: dict[str, Any], expected_version: int | None = None
) -> Changes:
    """Set field values already in stored form (None removes the field)."""
    return set_fields_undoably(project, tag_id, values, expected_version)[0]


def set_fields_undoably(project: Project, tag_id: str, values: dict[str, Any],
                        expected_version: int | None = None) -> tuple[Changes, dict[str, Any]]:
    def change(_session: Session, tag: Tag) -> None:
        fields = dict(tag.fields)
        for key, value in values.items():
            if value is None or value == "":
                fields.pop(key, None)
            else:
                fields[key] = value
        tag.fields = fields

    return edit(project, tag_id, expected_version, HistoryAction.EDITED, change)


def set_field_text(
    project: Project, tag_id: str, key: str, field_type: str, text: str,
    expected_version: int | None = None,
) -> Changes:
    """Set a field from what the analyst typed (FieldValueError if it does not parse).
    A unit typed with the value ('7.8%') fills the unit field too."""
    return set_fields(project, tag_id, typed_values(key, field_type, text), expected_version)


def typed_values(key: str, field_type: str, text: str) -> dict[str, Any]:
    """The stored values for what the analyst typed into one field."""
    value, unit = coerce(field_type, text)
    values: dict[str, Any] = {key: value}
    if unit and key == "value":
        values["unit"] = unit
    if field_type == "period":  # the months beside it follow the period typed
        months = period_months(value)
        values[f"{key}_start"], values[f"{key}_end"] = months or (None, None)
        values[f"{key}_label"] = None
    return values


def set_note(project: Project, tag_id: str, note: str, expected_version: int | None = None) -> Changes:
    return note_undoably(project, tag_id, note, expected_version)[0]


def note_undoably(project: Project, tag_id: str, note: str,
                  expected_version: int | None = None) -> tuple[Changes, dict[str, Any]]:
    def change(_session: Session, tag: Tag) -> None:
        tag.note = note

    return edit(project, tag_id, expected_version, HistoryAction.EDITED, change)


def set_kind(project: Project, tag_id: str, kind: str) -> Changes:
    return kind_undoably(project, tag_id, kind)[0]


def kind_undoably(project: Project, tag_id: str, kind: str,
                  expected_version: int | None = None) -> tuple[Changes, dict[str, Any]]:
    def change(session: Session, tag: Tag) -> None:
        kind_row = q.kind_by_key(session, kind)
        if kind_row is None:
            raise UnknownKind(kind)
        tag.kind_id = kind_row.id

    return edit(project, tag_id, expected_version, HistoryAction.EDITED, change)


def link_tags(project: Project, source_id: str, target_id: str, link_type: str) -> Changes:
    if source_id == target_id:
        raise RefusedInput("A tag cannot link to itself.", message_id="tag.self_link")
    if link_type not in LINK_TYPES:
        raise RefusedInput("{link_type!r} is not a kind of link ({known}).",
                           message_id="tag.bad_link_type",
                           params={"link_type": link_type, "known": ", ".join(LINK_TYPES)})
    with project.uow.begin() as session:
        source = _load(session, source_id, None)
        _load(session, target_id, None)
        if q.find_link(session, source_id, target_id, link_type) is None:
            session.add(TagLink(source_id=source_id, target_id=target_id, type=link_type))
            _touch(session, project, source, HistoryAction.linked(link_type))
        return _changed(source)


def unlink_tags(project: Project, source_id: str, target_id: str, link_type: str) -> Changes:
    with project.uow.begin() as session:
        source = _load(session, source_id, None)
        q.delete_link(session, source_id, target_id, link_type)
        _touch(session, project, source, HistoryAction.linked(link_type, linked=False))
        return _changed(source)


def revert_to(project: Project, tag_id: str, event_id: int) -> Changes:
    """Put a tag back to the state recorded in one of its history entries."""
    return revert_undoably(project, tag_id, event_id)[0]


def revert_undoably(project: Project, tag_id: str, event_id: int,
                    expected_version: int | None = None) -> tuple[Changes, dict[str, Any]]:
    def change(session: Session, tag: Tag) -> None:
        event = session.get(TagEvent, event_id)
        if event is None or event.tag_id != tag_id:
            raise NotFound("That version of the tag is not in its history.",
                           message_id="tag.no_version")
        state = dict(event.state)
        if q.kind_by_key(session, state["kind"]) is None:  # a kind deleted since: kept
            state["kind"] = _kind_key(session, tag)
        _put(state)(session, tag)

    return edit(project, tag_id, expected_version, HistoryAction.REVERTED, change,
                reverted_to=event_id)


def spans(project: Project, report_id: str) -> list[SpanRow]:
    with project.uow() as session:
        return [SpanRow(*row) for row in q.span_rows(session, report_id)]





def span_of(project: Project, tag_id: str) -> tuple[str, str, int, int, str, str] | None:
    """(id, kind, start, end, status, author id) of one tag."""
    with project.uow() as session:
        return q.span_of(session, tag_id)


def span_columns(project: Project, report_id: str) -> SpanColumns:
    with project.uow() as session:
        return SpanColumns(*q.span_columns(session, report_id))


def table_ids(project: Project, report_id: str, *, kind: str = "", author: str = "",
              status: str = "", sort: str = "text", descending: bool = False) -> list[str]:
    with project.uow() as session:
        return q.table_ids(session, report_id, kind=kind, author=author, status=status,
                           sort=sort, descending=descending)


def rows_by_id(project: Project, ids: list[str]) -> dict[str, TagRow]:
    with project.uow() as session:
        return {row[0]: TagRow(*row) for row in q.table_rows_by_id(session, ids)}


def authors_on(project: Project, report_id: str) -> list[str]:
    with project.uow() as session:
        return q.authors_on(session, report_id)


def table(project: Project, report_id: str) -> list[TagRow]:
    with project.uow() as session:
        return [TagRow(*row) for row in q.table_rows(session, report_id)]


def detail(project: Project, tag_id: str) -> TagDetail | None:
    with project.uow() as session:
        tag = session.get(Tag, tag_id)
        if tag is None:
            return None
        kind = _kind_key(session, tag)
        names = q.analyst_names(session)
        links: list[LinkInfo] = []
        for link in q.links_of(session, tag_id):
            outgoing = link.source_id == tag_id
            other = session.get(Tag, link.target_id if outgoing else link.source_id)
            if other is not None:
                links.append(LinkInfo(link.id, link.type, other.id,
                                      _kind_key(session, other), other.quote, outgoing))
        history = tuple(
            HistoryEntry(e.id, e.action, names.get(e.analyst_id or "", "?"), e.created_at, e.state)
            for e in q.history(session, tag_id)
        )
        text = _report_text(session, project, tag.report_id)  # cached: a click reads no megabytes
        warnings = tag_warnings(kind, tag.quote, text[tag.start:tag.end], tag.fields,
                                q.has_twin(session, tag))
        return TagDetail(
            tag.id, tag.report_id, kind, tag.start, tag.end, tag.quote, dict(tag.fields),
            tag.note, names.get(tag.author_id, "?"), tag.origin, tag.status,
            tag.created_at, tag.updated_at, tag.version, tuple(links), history,
            tuple(warnings), tag.author_id,
        )


def create_many(
    project: Project, report_id: str, kind: str, spans: list[tuple[int, int]],
    *, origin: str = Origin.MANUAL, fields: list[dict[str, Any]] | None = None,
) -> tuple[Changes, list[str]]:
    """Tag several spans at once (tag all occurrences, accept all suggestions of a kind)
    in one transaction; spans this analyst already tagged with this kind are skipped."""
    with project.uow.begin() as session:
        created = create_many_in(session, project, report_id, kind, spans, origin=origin,
                                 fields=fields)
    return Changes(tags=frozenset({report_id}), created=frozenset(created)), created


def create_many_in(
    session: Session, project: Project, report_id: str, kind: str,
    spans: list[tuple[int, int]], *, origin: str = Origin.MANUAL,
    fields: list[dict[str, Any]] | None = None,
) -> list[str]:
    """`create_many` inside a transaction the caller holds (tag all results: every
    report in one unit of work). Returns the ids created."""
    created: list[str] = []
    kind_row = q.kind_by_key(session, kind)
    if kind_row is None:
        raise UnknownKind(kind)
    existing = q.spans_by(session, report_id, kind_row.id, project.analyst_id)
    for i, (start, end) in enumerate(spans):
        if (start, end) in existing:
            continue
        existing.add((start, end))
        changes = create_in(session, project, report_id, kind, start, end,
                            fields[i] if fields else None, origin, None)
        created.extend(changes.created)
    return created


def delete_many(project: Project, tag_ids: list[str]) -> tuple[Changes, list[dict[str, Any]]]:
    states: list[dict[str, Any]] = []
    reports: set[str] = set()
    with project.uow.begin() as session:
        for tag_id in tag_ids:
            tag = session.get(Tag, tag_id)
            if tag is None:
                continue
            _load(session, tag_id, None)  # undo of a batch: changed since? refused
            state = TagState.of(tag, _kind_key(session, tag), links=[
                (link.source_id, link.target_id, link.type)
                for link in q.links_of(session, tag_id)])
            q.record_event(session, tag, HistoryAction.DELETED, project.analyst_id, state)
            states.append(state.record())
            reports.add(tag.report_id)
            session.delete(tag)
    return Changes(tags=frozenset(reports),
                   removed=frozenset(s["id"] for s in states)), states


def restore_many(project: Project, states: list[dict[str, Any]]) -> Changes:
    """Bring back deleted tags, in one transaction (undo of a batch or of a delete)."""
    changes = Changes()
    with project.uow.begin() as session:
        for state in states:
            changes = changes | restore_in(session, project, state)
    return changes


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if not needle:
        return spans
    pos = text.find(needle)
    while pos >= 0:
        spans.append((pos, pos + len(needle)))
        pos = text.find(needle, pos + len(needle))
    return spans
