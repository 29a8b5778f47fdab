"""The program registry: entries with a canonical name and aliases, which program tags
link to (`fields["program_id"]`). Rename, merge and add alias are user actions, one
transaction each; `find_aliases` finds every registered name anywhere in a text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy.orm import Session

from db.models import Program, ProgramAlias, Tag, TagKind
from db.queries import programs as q
from db.queries import tags as tag_queries
from desktop.domain.errors import NotFound, RefusedInput, TagDeleted
from desktop.domain.program_names import AliasMatcher, canonical_name
from desktop.domain.states import HistoryAction, TagState
from desktop.domain.suggestion import Suggestion
from desktop.services.changes import Changes
from desktop.services.project import Project

PROGRAM_FIELD = q.PROGRAM_FIELD
REGISTRY_RULE = "program.registry"


@dataclass(frozen=True, slots=True)
class ProgramRow:
    id: str
    name: str
    category: str
    level: str
    lead_body: str
    alias_count: int
    tag_count: int


@dataclass(frozen=True, slots=True)
class AliasHit:
    start: int
    end: int
    alias: str
    program_id: str
    name: str
    category: str


def entries(project: Project) -> list[ProgramRow]:
    with project.uow() as session:
        return [ProgramRow(*row) for row in q.rows(session)]


def entry(project: Project, program_id: str) -> ProgramRow | None:
    return next((r for r in entries(project) if r.id == program_id), None)


def aliases(project: Project, program_id: str) -> list[str]:
    with project.uow() as session:
        return q.aliases_of(session, program_id)


def _clean(name: str) -> str:
    cleaned = canonical_name(name)
    if not cleaned:
        raise RefusedInput("A program needs a name.", message_id="programs.no_name")
    return cleaned


def _owner(session: Session, name: str) -> Program | None:
    return q.by_name(session, name) or q.by_alias(session, name)


def _load(session: Session, program_id: str) -> Program:
    program = q.get(session, program_id)
    if program is None:
        raise NotFound("That program is no longer in the registry.", message_id="programs.gone")
    return program


def _add_alias(session: Session, program: Program, alias: str) -> bool:
    """Register `alias` for `program` unless it is its name or already registered;
    an alias of another entry is refused."""
    alias = " ".join(alias.split())
    if not alias or alias == program.name:
        return False
    owner = _owner(session, alias)
    if owner is not None:
        if owner.id == program.id:
            return False
        raise RefusedInput("“{alias}” already names the program “{program}”.",
                           message_id="programs.alias_taken",
                           params={"alias": alias, "program": owner.name})
    session.add(ProgramAlias(program_id=program.id, alias=alias))
    session.flush()
    return True


def ensure_entry(session: Session, surface: str, category: str = "") -> Program:
    """The registry entry a program mention (`surface`, as in the text) belongs to,
    created when there is none; the surface form becomes an alias."""
    name = _clean(surface)
    program = _owner(session, name) or _owner(session, surface.strip())
    if program is None:
        program = Program(name=name, category=category)
        session.add(program)
        session.flush()
    elif category and not program.category:
        program.category = category
    if _owner(session, surface.strip()) is None:
        _add_alias(session, program, surface.strip())
    return program


def create(project: Project, name: str, category: str = "", level: str = "",
           lead_body: str = "") -> tuple[Changes, str]:
    with project.uow.begin() as session:
        cleaned = _clean(name)
        if _owner(session, cleaned) is not None:
            raise RefusedInput("“{name}” is already in the registry.",
                               message_id="programs.exists", params={"name": cleaned})
        program = Program(name=cleaned, category=category, level=level, lead_body=lead_body)
        session.add(program)
        session.flush()
        if _owner(session, name.strip()) is None:  # the form as typed (“…”行动) is found too
            _add_alias(session, program, name.strip())
        return Changes(programs=True), program.id


def rename(project: Project, program_id: str, new_name: str) -> Changes:
    """Give an entry a new canonical name; the old one stays as an alias, so mentions
    of it are still found. Linked tags show the new name."""
    with project.uow.begin() as session:
        program = _load(session, program_id)
        name = _clean(new_name)
        if name == program.name:
            return Changes()
        owner = _owner(session, name)
        if owner is not None and owner.id != program.id:
            raise RefusedInput("“{name}” names another program; merge the two instead.",
                               message_id="programs.name_taken", params={"name": name})
        old = program.name
        existing = q.alias_row(session, name)
        if existing is not None:
            session.delete(existing)
            session.flush()
        program.name = name
        session.flush()
        _add_alias(session, program, old)
        return _relink(session, project, program_id, program)


def add_alias(project: Project, program_id: str, alias: str) -> Changes:
    with project.uow.begin() as session:
        program = _load(session, program_id)
        if not alias.strip():
            raise RefusedInput("An alias cannot be empty.", message_id="programs.empty_alias")
        _add_alias(session, program, alias)
        return Changes(programs=True)


def remove_alias(project: Project, program_id: str, alias: str) -> Changes:
    with project.uow.begin() as session:
        row = q.alias_row(session, alias)
        if row is not None and row.program_id == program_id:
            session.delete(row)
        return Changes(programs=True)


def merge(project: Project, source_id: str, target_id: str) -> Changes:
    """Fold `source` into `target`: its name and aliases become the target's aliases,
    its tags link to the target, and the source entry goes."""
    if source_id == target_id:
        raise RefusedInput("Choose two different programs to merge.", message_id="programs.same")
    with project.uow.begin() as session:
        source = _load(session, source_id)
        target = _load(session, target_id)
        q.move_aliases(session, source_id, target_id)
        old_name = source.name
        for attr in ("category", "level", "lead_body"):
            if not getattr(target, attr):
                setattr(target, attr, getattr(source, attr))
        changes = _relink(session, project, source_id, target)
        session.delete(source)
        session.flush()
        session.expire_all()
        _add_alias(session, target, old_name)
        return changes


def _relink(session: Session, project: Project, old_id: str, program: Program) -> Changes:
    reports: set[str] = set()
    ids: set[str] = set()
    for tag in q.linked_tags(session, old_id):
        _set_link(session, project, tag, program, HistoryAction.PROGRAM_RELINKED)
        reports.add(tag.report_id)
        ids.add(tag.id)
    return Changes(programs=True, tags=frozenset(reports), updated=frozenset(ids))


def _set_link(session: Session, project: Project, tag: Tag, program: Program,
              action: HistoryAction) -> None:
    fields = dict(tag.fields)
    fields[PROGRAM_FIELD] = program.id
    fields["name"] = program.name
    if program.category and not fields.get("category"):
        fields["category"] = program.category
    tag.fields = fields
    session.flush()
    kind = session.get(TagKind, tag.kind_id)
    tag_queries.record_event(session, tag, action, project.analyst_id,
                             TagState.of(tag, kind.key if kind else "program"))


def link_program_tag(project: Project, tag_id: str, program_id: str | None = None) -> Changes:
    """Link a program tag to a registry entry: the one given, or the entry its quoted
    text names (created when there is none)."""
    with project.uow.begin() as session:
        tag = session.get(Tag, tag_id)
        if tag is None:
            raise TagDeleted
        if program_id is not None:
            program = _load(session, program_id)
        else:
            program = ensure_entry(session, tag.quote, str(tag.fields.get("category", "")))
        _set_link(session, project, tag, program, HistoryAction.LINKED_PROGRAM)
        return Changes(programs=True, tags=frozenset({tag.report_id}),
                       updated=frozenset({tag.id}))


def unlink_program_tag(project: Project, tag_id: str) -> Changes:
    with project.uow.begin() as session:
        tag = session.get(Tag, tag_id)
        if tag is None:
            raise TagDeleted
        fields = dict(tag.fields)
        fields.pop(PROGRAM_FIELD, None)
        tag.fields = fields
        session.flush()
        kind = session.get(TagKind, tag.kind_id)
        tag_queries.record_event(session, tag, HistoryAction.UNLINKED_PROGRAM, project.analyst_id,
                                 TagState.of(tag, kind.key if kind else "program"))
        return Changes(programs=True, tags=frozenset({tag.report_id}),
                       updated=frozenset({tag.id}))


@lru_cache(maxsize=4)
def _matcher(names: tuple[str, ...]) -> AliasMatcher:
    return AliasMatcher(names)


def _registry(session: Session) -> tuple[AliasMatcher, dict[str, str], dict[str, Program]]:
    pairs = q.all_names(session)
    owner = {name: pid for name, pid in pairs}
    programs = {p.id: p for p in session.query(Program)}
    return _matcher(tuple(sorted(owner))), owner, programs


def hits_in(session: Session, text: str) -> list[AliasHit]:
    matcher, owner, programs = _registry(session)
    out: list[AliasHit] = []
    for hit in matcher.find(text):
        program = programs.get(owner.get(hit.alias, ""))
        if program is not None:
            out.append(AliasHit(hit.start, hit.end, hit.alias, program.id, program.name,
                                program.category))
    return out


def find_aliases(project: Project, text: str) -> list[AliasHit]:
    """Every registered name or alias in `text` (leftmost-longest, no overlaps)."""
    with project.uow() as session:
        return hits_in(session, text)


def as_suggestions(text: str, hits: Sequence[AliasHit]) -> list[Suggestion]:
    return [
        Suggestion("program", h.start, h.end, text[h.start:h.end], REGISTRY_RULE,
                   {"name": h.name, "category": h.category, PROGRAM_FIELD: h.program_id})
        for h in hits
    ]


# --- undo -----------------------------------------------------------------------------

Registry = tuple[tuple[dict[str, Any], ...], tuple[tuple[str, str, str], ...]]
TagFields = tuple[tuple[str, dict[str, Any]], ...]  # tag id → its fields


def _registry_rows(session: Session) -> Registry:
    programs, aliases = q.all_programs(session), q.all_aliases(session)
    return (tuple({"id": p.id, "name": p.name, "category": p.category, "level": p.level,
                   "lead_body": p.lead_body} for p in programs),
            tuple((a.id, a.program_id, a.alias) for a in aliases))


def registry_snapshot(project: Project, *program_ids: str) -> tuple[Registry, TagFields]:
    """The registry as it is, and the fields of the tags linked to `program_ids`: what
    undoing a registry edit puts back."""
    with project.uow() as session:
        linked = [t for pid in program_ids for t in q.linked_tags(session, pid)]
        return _registry_rows(session), tuple((t.id, dict(t.fields)) for t in linked)


def restore_registry(project: Project, registry: Registry,
                     tag_fields: TagFields = ()) -> tuple[Changes, Registry, TagFields]:
    """Put the registry back as `registry` has it (ids kept) and the given tags' fields;
    returns the change set and what was replaced."""
    programs, aliases = registry
    with project.uow.begin() as session:
        before = _registry_rows(session)
        before_fields: list[tuple[str, dict[str, Any]]] = []
        q.delete_all_aliases(session)
        wanted = {row["id"]: row for row in programs}
        for program in q.all_programs(session):
            if program.id not in wanted:
                session.delete(program)
        session.flush()
        for row in programs:
            existing = session.get(Program, row["id"])
            if existing is None:
                session.add(Program(**row))
            else:
                for column, value in row.items():
                    setattr(existing, column, value)
        session.flush()
        session.add_all(ProgramAlias(id=a, program_id=p, alias=alias) for a, p, alias in aliases)
        reports: set[str] = set()
        for tag_id, fields in tag_fields:
            tag = session.get(Tag, tag_id)
            if tag is None:
                continue
            before_fields.append((tag_id, dict(tag.fields)))
            tag.fields = dict(fields)
            session.flush()
            kind = session.get(TagKind, tag.kind_id)
            tag_queries.record_event(session, tag, HistoryAction.PROGRAM_RELINKED,
                                     project.analyst_id,
                                     TagState.of(tag, kind.key if kind else "program"))
            reports.add(tag.report_id)
        changes = Changes(programs=True, tags=frozenset(reports),
                          updated=frozenset(t for t, _ in before_fields))
        return changes, before, tuple(before_fields)
