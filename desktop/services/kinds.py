"""The project's tag kinds and their fields: frozen values for the views, and the schema
dialog's actions (one transaction each, each returning a change set with `kinds=True`).

A field's key is what tags store their values under, so keys and types never change once
made; removing a field hides it but leaves the values in the tags' JSON (a field added
again with the same key shows them again)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

from db.base import utcnow
from db.models import Tag, TagField, TagKind
from db.queries import kinds
from db.queries import tags as tag_queries
from desktop.domain.errors import NotFound, RefusedInput
from desktop.domain.kinds import FIELD_TYPES
from desktop.domain.states import HistoryAction, TagState
from desktop.services.changes import Changes
from desktop.services.project import Project
from desktop.services.values import FieldInfo, KindInfo

# keys the reader already answers to without a selection (next/previous tag, accept and
# reject a suggestion): a kind's shortcut would shadow them
RESERVED_SHORTCUTS = frozenset("npax")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_KEY = re.compile(r"[a-z][a-z0-9_]{0,39}")
_CHOICE_SPLIT = re.compile(r"[,，、;；\n]")








def list_kinds(project: Project) -> list[KindInfo]:
    with project.uow() as session:
        return [
            KindInfo(
                k.id, k.key, k.name, k.name_zh, k.colour, k.shortcut,
                tuple(FieldInfo(f.id, f.key, f.label, f.label_zh, f.type, tuple(f.choices))
                      for f in fields),
            )
            for k, fields in kinds.all_kinds(session)
        ]


def kind_usage(project: Project, kind_id: str) -> int:
    """How many tags are of this kind."""
    with project.uow() as session:
        return kinds.tag_count(session, kind_id)


def usage_by_kind(project: Project) -> dict[str, int]:
    """Tag counts by kind id (kinds without tags are absent)."""
    with project.uow() as session:
        return kinds.tag_counts(session)


def split_choices(text: str) -> tuple[str, ...]:
    """What an analyst types for a choice field's options: separated by commas (either
    width), 、, semicolons or new lines."""
    return tuple(part.strip() for part in _CHOICE_SPLIT.split(text) if part.strip())


# --- validation -----------------------------------------------------------------------


def _slug(text: str, fallback: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:32].strip("_")
    if not slug:
        return fallback
    return slug if slug[0].isalpha() else f"{fallback}_{slug}"


def _unique(base: str, taken: set[str]) -> str:
    key, n = base, 2
    while key in taken:
        key = f"{base}_{n}"
        n += 1
    return key


def _names(name: str, name_zh: str, what: str) -> tuple[str, str]:
    name, name_zh = name.strip(), name_zh.strip()
    if not name:
        name = name_zh
    kind = what == "kind"  # else a field: each its own message (a window translates by id)
    if not name:
        raise (RefusedInput("A kind needs a name.", message_id="schema.kind_no_name") if kind
               else RefusedInput("A field needs a name.", message_id="schema.field_no_name"))
    if len(name) > 80 or len(name_zh) > 80:
        raise (RefusedInput("A kind's name can have at most 80 characters.",
                            message_id="schema.kind_long_name") if kind
               else RefusedInput("A field's name can have at most 80 characters.",
                                 message_id="schema.field_long_name"))
    return name, name_zh


def _colour(colour: str) -> str:
    colour = colour.strip()
    if not _COLOUR.fullmatch(colour):
        raise RefusedInput("{colour!r} is not a colour; write it as #rrggbb.",
                           message_id="schema.bad_colour", params={"colour": colour})
    return colour.lower()


def _shortcut(shortcut: str) -> str:
    shortcut = shortcut.strip().lower()
    if not shortcut:
        return ""
    if len(shortcut) != 1 or not shortcut.isalnum() or not shortcut.isascii():
        raise RefusedInput("A kind's shortcut is a single letter or digit.",
                           message_id="schema.bad_shortcut")
    if shortcut in RESERVED_SHORTCUTS:
        raise RefusedInput(
            "{key} is already a key of the reader (N/P next and previous tag, "
            "A/X accept and reject a suggestion); choose another.",
            message_id="schema.reserved_shortcut", params={"key": shortcut.upper()},
        )
    return shortcut


def _check_clashes(session: Session, kind_id: str | None, name: str, name_zh: str,
                   shortcut: str) -> None:
    for other in kinds.kinds_except(session, kind_id):
        if other.name.casefold() == name.casefold():
            raise RefusedInput("There is already a kind called {name!r}.",
                               message_id="schema.kind_exists", params={"name": other.name})
        if name_zh and other.name_zh == name_zh:
            raise RefusedInput("There is already a kind called {name!r}.",
                               message_id="schema.kind_exists", params={"name": other.name_zh})
        if shortcut and other.shortcut.lower() == shortcut:
            raise RefusedInput(
                "The key {key!r} already tags as {kind}; choose another.",
                message_id="schema.shortcut_taken", params={"key": shortcut, "kind": other.name})


def _choices(field_type: str, choices: Iterable[str]) -> list[str]:
    if field_type != "choice":
        return []
    seen: list[str] = []
    for choice in choices:
        choice = choice.strip()
        if choice and choice not in seen:
            seen.append(choice)
    if not seen:
        raise RefusedInput("A choice field needs at least one choice.",
                           message_id="schema.no_choices")
    return ["", *seen]  # the empty choice: not filled in (as the default kinds have it)


def _check_label(fields: list[TagField], field_id: str | None, label: str) -> None:
    for f in fields:
        if f.id != field_id and f.label.casefold() == label.casefold():
            raise RefusedInput("This kind already has a field called {label!r}.",
                               message_id="schema.field_exists", params={"label": f.label})


def _kind(session: Session, kind_id: str) -> TagKind:
    row = kinds.kind(session, kind_id)
    if row is None:
        raise NotFound("This tag kind no longer exists (perhaps a colleague deleted it).",
                       message_id="schema.kind_gone")
    return row


def _field(session: Session, field_id: str) -> TagField:
    row = kinds.field(session, field_id)
    if row is None:
        raise NotFound("This field no longer exists (perhaps a colleague removed it).",
                       message_id="schema.field_gone")
    return row


# --- kinds ----------------------------------------------------------------------------


def add_kind(project: Project, name: str, name_zh: str = "", colour: str = "#6b7280",
             shortcut: str = "") -> tuple[Changes, str]:
    """A new kind without fields, after the others. Its key (what exports and the command
    line call it) comes from the name and never changes."""
    name, name_zh = _names(name, name_zh, "kind")
    colour, shortcut = _colour(colour), _shortcut(shortcut)
    with project.uow.begin() as session:
        _check_clashes(session, None, name, name_zh, shortcut)
        taken = {k.key for k in kinds.kinds_except(session, None)}
        row = TagKind(key=_unique(_slug(name, "kind"), taken), name=name, name_zh=name_zh,
                      colour=colour, shortcut=shortcut,
                      position=kinds.next_kind_position(session))
        session.add(row)
        session.flush()
        return Changes(kinds=True), row.id


def update_kind(project: Project, kind_id: str, *, name: str | None = None,
                name_zh: str | None = None, colour: str | None = None,
                shortcut: str | None = None) -> Changes:
    """Rename, recolour or rebind a kind; None leaves that attribute as it is."""
    project.caches.kind_ids.clear()  # a key press looks the kinds up again
    with project.uow.begin() as session:
        row = _kind(session, kind_id)
        new_name, new_zh = _names(row.name if name is None else name,
                                  row.name_zh if name_zh is None else name_zh, "kind")
        new_shortcut = row.shortcut if shortcut is None else _shortcut(shortcut)
        _check_clashes(session, kind_id, new_name, new_zh,
                       new_shortcut if shortcut is not None else "")
        row.name, row.name_zh, row.shortcut = new_name, new_zh, new_shortcut
        if colour is not None:
            row.colour = _colour(colour)
        return Changes(kinds=True)


def delete_kind(project: Project, kind_id: str, move_tags_to: str | None) -> Changes:
    """Delete a kind and its fields. Its tags, if any, either move to the kind with id
    `move_tags_to` (keeping the field values whose keys that kind has, dropping the others)
    or, with None, are deleted. Every tag touched gets a history event ("kind changed" or
    "deleted"), so a merge or an undo knows what happened."""
    project.caches.kind_ids.clear()  # a key press looks the kinds up again
    with project.uow.begin() as session:
        row = _kind(session, kind_id)
        if not kinds.kinds_except(session, kind_id):
            raise RefusedInput("A project needs at least one tag kind; add another first.",
                               message_id="schema.last_kind")
        target: TagKind | None = None
        if move_tags_to is not None:
            if move_tags_to == kind_id:
                raise RefusedInput("Tags cannot be moved to the kind being deleted.",
                                   message_id="schema.move_to_self")
            target = _kind(session, move_tags_to)
        keep = {f.key for f in kinds.fields_of(session, target.id)} if target else set()
        reports: set[str] = set()
        moved: set[str] = set()
        removed: set[str] = set()
        for tag in kinds.tags_of(session, kind_id):
            reports.add(tag.report_id)
            if target is None:
                state = TagState.of(tag, row.key, links=kinds.links_of(session, tag.id))
                tag_queries.record_event(session, tag, HistoryAction.DELETED,
                                         project.analyst_id, state)
                session.delete(tag)
                removed.add(tag.id)
                continue
            dropped = {k: v for k, v in tag.fields.items() if k not in keep}
            tag.fields = {k: v for k, v in tag.fields.items() if k in keep}
            tag.kind_id = target.id
            tag.updated_at = utcnow()
            session.flush()
            # the dropped field values are kept in the history, not on the tag
            state = TagState.of(tag, target.key, **({"dropped_fields": dropped} if dropped else {}))
            tag_queries.record_event(session, tag, HistoryAction.KIND_CHANGED,
                                     project.analyst_id, state)
            moved.add(tag.id)
        session.flush()
        session.delete(row)  # its fields go with it (ON DELETE CASCADE)
        return Changes(kinds=True, tags=frozenset(reports), library=bool(reports),
                       updated=frozenset(moved), removed=frozenset(removed))


# --- fields ---------------------------------------------------------------------------


def add_field(project: Project, kind_id: str, label: str, label_zh: str = "",
              type: str = "text", choices: Iterable[str] = (), *,
              key: str | None = None) -> tuple[Changes, str]:
    """A new field at the end of a kind's form. Its key comes from the label unless given;
    a key that a removed field had brings that field's stored values back into view."""
    label, label_zh = _names(label, label_zh, "field")
    if type not in FIELD_TYPES:
        raise RefusedInput("A field's type is one of {known}, not {type!r}.",
                           message_id="schema.bad_field_type",
                           params={"known": ", ".join(FIELD_TYPES), "type": type})
    stored_choices = _choices(type, choices)
    with project.uow.begin() as session:
        _kind(session, kind_id)
        fields = kinds.fields_of(session, kind_id)
        taken = {f.key for f in fields}
        if key is None:
            key = _unique(_slug(label, "field"), taken)
        else:
            key = key.strip()
            if not _KEY.fullmatch(key):
                raise RefusedInput(
                    "A field's key is lower-case letters, digits and _, starting with a letter.",
                    message_id="schema.bad_field_key")
            if key in taken:
                raise RefusedInput("This kind already has a field with the key {key!r}.",
                                   message_id="schema.field_key_exists", params={"key": key})
        _check_label(fields, None, label)
        row = TagField(kind_id=kind_id, key=key, label=label, label_zh=label_zh, type=type,
                       choices=stored_choices, position=len(fields))
        session.add(row)
        session.flush()
        return Changes(kinds=True), row.id


def _renumber(fields: list[TagField]) -> None:
    for pos, f in enumerate(fields):
        f.position = pos


def update_field(project: Project, field_id: str, *, label: str | None = None,
                 label_zh: str | None = None, choices: Iterable[str] | None = None,
                 position: int | None = None) -> Changes:
    """Relabel a field, change a choice field's choices, or move it to `position` (0 is
    first). Its key and type stay: tags store values under the key, in the type's form."""
    with project.uow.begin() as session:
        row = _field(session, field_id)
        siblings = kinds.fields_of(session, row.kind_id)
        new_label, new_zh = _names(row.label if label is None else label,
                                   row.label_zh if label_zh is None else label_zh, "field")
        _check_label(siblings, row.id, new_label)
        row.label, row.label_zh = new_label, new_zh
        if choices is not None:
            if row.type != "choice":
                raise RefusedInput("Only a choice field has choices.",
                                   message_id="schema.choices_on_non_choice")
            row.choices = _choices(row.type, choices)
        if position is not None:
            siblings.remove(row)
            siblings.insert(max(0, min(position, len(siblings))), row)
            _renumber(siblings)
        return Changes(kinds=True)


def move_field(project: Project, field_id: str, delta: int) -> Changes:
    """Move a field up (delta < 0) or down the kind's form; at either end nothing changes."""
    with project.uow.begin() as session:
        row = _field(session, field_id)
        siblings = kinds.fields_of(session, row.kind_id)
        old = siblings.index(row)
        new = max(0, min(old + delta, len(siblings) - 1))
        if new == old:
            return Changes()
        siblings.insert(new, siblings.pop(old))
        _renumber(siblings)
        return Changes(kinds=True)


def remove_field(project: Project, field_id: str) -> Changes:
    """Remove a field from its kind's form. Values already entered stay in the tags (and
    in exports of the raw JSON) but are no longer shown."""
    with project.uow.begin() as session:
        row = _field(session, field_id)
        kind_id = row.kind_id
        session.delete(row)
        session.flush()
        _renumber(kinds.fields_of(session, kind_id))
        return Changes(kinds=True)


# --- undo -----------------------------------------------------------------------------

_KIND_COLUMNS = ("id", "key", "name", "name_zh", "colour", "shortcut", "position")
_FIELD_COLUMNS = ("id", "kind_id", "key", "label", "label_zh", "type", "choices", "position")
Row = dict[str, Any]
Schema = tuple[tuple[Row, ...], tuple[Row, ...]]  # kinds, fields
TagStates = tuple[tuple[str, Row | None], ...]  # tag id → its state (None: absent)


def _rows(session: Session) -> Schema:
    pairs = kinds.all_kinds(session)
    return (tuple({c: getattr(k, c) for c in _KIND_COLUMNS} for k, _ in pairs),
            tuple({c: (list(v) if isinstance(v := getattr(f, c), list) else v)
                   for c in _FIELD_COLUMNS} for _, fs in pairs for f in fs))


def _states(session: Session, tag_ids: Iterable[str]) -> TagStates:
    out: list[tuple[str, Row | None]] = []
    for tag_id in tag_ids:
        tag = session.get(Tag, tag_id)
        if tag is None:
            out.append((tag_id, None))
            continue
        kind = session.get(TagKind, tag.kind_id)
        out.append((tag_id, TagState.of(tag, kind.key if kind else "",
                                        links=kinds.links_of(session, tag.id)).record()))
    return tuple(out)


def snapshot(project: Project, kind_id: str | None = None) -> tuple[Schema, TagStates]:
    """The kinds and fields as they are, and (for a kind about to be deleted) the state
    of its tags: what undoing a schema edit puts back."""
    with project.uow() as session:
        tag_ids = [t.id for t in kinds.tags_of(session, kind_id)] if kind_id else []
        return _rows(session), _states(session, tag_ids)


def _put_tag(session: Session, project: Project, tag_id: str, state: Row | None) -> None:
    from desktop.services import tags

    tag = session.get(Tag, tag_id)
    if state is None:
        if tag is not None:
            tag_queries.record_event(session, tag, HistoryAction.DELETED, project.analyst_id,
                                     TagState.of(tag, _kind_key(session, tag)))
            session.delete(tag)
        return
    if tag is None:
        tags.restore_in(session, project, state)
        return
    kind_row = kinds.kinds_except(session, None)
    tag.kind_id = next(k.id for k in kind_row if k.key == state["kind"])
    tag.fields = dict(state["fields"])
    tag.updated_at = utcnow()
    session.flush()
    tag_queries.record_event(session, tag, HistoryAction.UNDONE, project.analyst_id,
                             TagState.of(tag, state["kind"]))


def _kind_key(session: Session, tag: Tag) -> str:
    kind = session.get(TagKind, tag.kind_id)
    return kind.key if kind else ""


def restore_schema(project: Project, schema: Schema,
                   tag_states: TagStates = ()) -> tuple[Changes, Schema, TagStates]:
    """Put the kinds and fields back as `schema` has them (ids kept, so later edits on
    the undo stack still find them), and the given tags as they were. Returns the change
    set and what was replaced. A kind that tags still use is not removed: refused."""
    kind_rows, field_rows = schema
    project.caches.kind_ids.clear()  # a key press looks the kinds up again
    with project.uow.begin() as session:
        before = _rows(session), _states(session, [t for t, _ in tag_states])
        wanted_kinds = {r["id"]: r for r in kind_rows}
        wanted_fields = {r["id"]: r for r in field_rows}
        for _kind_row, fields in kinds.all_kinds(session):
            for f in fields:
                if f.id not in wanted_fields:
                    session.delete(f)
        session.flush()
        for row in kind_rows:
            existing = session.get(TagKind, row["id"])
            if existing is None:
                session.add(TagKind(**row))
            else:
                for column, value in row.items():
                    setattr(existing, column, value)
        session.flush()
        for row in field_rows:
            existing_field = session.get(TagField, row["id"])
            if existing_field is None:
                session.add(TagField(**row))
            else:
                for column, value in row.items():
                    setattr(existing_field, column, value)
        session.flush()
        for tag_id, state in tag_states:
            _put_tag(session, project, tag_id, state)
        session.flush()
        for kind in kinds.kinds_except(session, None):
            if kind.id not in wanted_kinds:
                if kinds.tag_count(session, kind.id):
                    raise RefusedInput("Tags of the kind “{kind}” exist now, so it is kept.",
                                       message_id="schema.kind_in_use",
                                       params={"kind": kind.name})
                session.delete(kind)
        reports = {s["report_id"] for _, s in (*tag_states, *before[1]) if s is not None}
        changes = Changes(kinds=True, tags=frozenset(reports), library=bool(reports))
    return changes, before[0], before[1]
