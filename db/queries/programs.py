"""The program registry: entries, their aliases, and the tags that link to them.

A tag links to an entry through `fields["program_id"]` (the tag's field values are
data, so the link travels with the tag through merges and Excel round trips).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, delete, func, select, update
from sqlalchemy.orm import Session

from db.models import Program, ProgramAlias, Tag

PROGRAM_FIELD = "program_id"


def get(session: Session, program_id: str) -> Program | None:
    return session.get(Program, program_id)


def by_name(session: Session, name: str) -> Program | None:
    return session.scalar(select(Program).where(Program.name == name))


def by_alias(session: Session, alias: str) -> Program | None:
    return session.scalar(
        select(Program).join(ProgramAlias, ProgramAlias.program_id == Program.id)
        .where(ProgramAlias.alias == alias)
    )


def alias_row(session: Session, alias: str) -> ProgramAlias | None:
    return session.scalar(select(ProgramAlias).where(ProgramAlias.alias == alias))


def aliases_of(session: Session, program_id: str) -> list[str]:
    return list(session.scalars(
        select(ProgramAlias.alias).where(ProgramAlias.program_id == program_id)
        .order_by(ProgramAlias.alias)
    ))


def all_names(session: Session) -> list[tuple[str, str]]:
    """(name or alias, program id) for every entry's name and every alias."""
    names = [(n, i) for i, n in session.execute(select(Program.id, Program.name))]
    aliases = [(a, i) for a, i in session.execute(
        select(ProgramAlias.alias, ProgramAlias.program_id))]
    return names + aliases


def _linked_id() -> Any:
    return Tag.fields[PROGRAM_FIELD].as_string()


def rows(session: Session) -> list[Row[Any]]:
    """(id, name, category, level, lead_body, alias count, tag count), by name."""
    alias_counts = (
        select(ProgramAlias.program_id.label("pid"), func.count().label("n"))
        .group_by(ProgramAlias.program_id).subquery()
    )
    linked = _linked_id()
    tag_counts = (
        select(linked.label("pid"), func.count().label("n"))
        .where(linked.is_not(None)).group_by(linked).subquery()
    )
    return list(session.execute(
        select(
            Program.id, Program.name, Program.category, Program.level, Program.lead_body,
            func.coalesce(alias_counts.c.n, 0), func.coalesce(tag_counts.c.n, 0),
        )
        .outerjoin(alias_counts, alias_counts.c.pid == Program.id)
        .outerjoin(tag_counts, tag_counts.c.pid == Program.id)
        .order_by(Program.name)
    ))


def linked_tags(session: Session, program_id: str) -> list[Tag]:
    return list(session.scalars(select(Tag).where(_linked_id() == program_id)))


def move_aliases(session: Session, source_id: str, target_id: str) -> None:
    session.execute(
        update(ProgramAlias).where(ProgramAlias.program_id == source_id)
        .values(program_id=target_id)
    )


def all_programs(session: Session) -> list[Program]:
    return list(session.scalars(select(Program)))


def all_aliases(session: Session) -> list[ProgramAlias]:
    return list(session.scalars(select(ProgramAlias)))


def delete_all_aliases(session: Session) -> None:
    session.execute(delete(ProgramAlias))
