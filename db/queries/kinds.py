from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Tag, TagField, TagKind, TagLink
from desktop.domain.kinds import DEFAULT_KINDS


def seed_default_kinds(session: Session) -> bool:
    """Add the default kinds to a project that has none. Returns whether it did."""
    if session.scalar(select(TagKind.id).limit(1)) is not None:
        return False
    for pos, kind in enumerate(DEFAULT_KINDS):
        row = TagKind(
            key=kind.key, name=kind.name, name_zh=kind.name_zh, colour=kind.colour,
            shortcut=kind.shortcut, position=pos,
        )
        session.add(row)
        session.flush()
        for fpos, f in enumerate(kind.fields):
            session.add(
                TagField(
                    kind_id=row.id, key=f.key, label=f.label, label_zh=f.label_zh,
                    type=f.type, choices=list(f.choices), position=fpos,
                )
            )
    return True


def all_kinds(session: Session) -> list[tuple[TagKind, list[TagField]]]:
    kinds = session.scalars(select(TagKind).order_by(TagKind.position, TagKind.name)).all()
    fields = session.scalars(select(TagField).order_by(TagField.position)).all()
    by_kind: dict[str, list[TagField]] = {}
    for f in fields:
        by_kind.setdefault(f.kind_id, []).append(f)
    return [(k, by_kind.get(k.id, [])) for k in kinds]


def kind(session: Session, kind_id: str) -> TagKind | None:
    return session.get(TagKind, kind_id)


def field(session: Session, field_id: str) -> TagField | None:
    return session.get(TagField, field_id)


def kinds_except(session: Session, kind_id: str | None) -> list[TagKind]:
    """Every kind but one (all of them for None): what a new or renamed kind must not clash with."""
    query = select(TagKind)
    if kind_id is not None:
        query = query.where(TagKind.id != kind_id)
    return list(session.scalars(query))


def next_kind_position(session: Session) -> int:
    top = session.scalar(select(func.max(TagKind.position)))
    return 0 if top is None else top + 1


def fields_of(session: Session, kind_id: str) -> list[TagField]:
    return list(session.scalars(
        select(TagField).where(TagField.kind_id == kind_id)
        .order_by(TagField.position, TagField.key)
    ))


def tag_count(session: Session, kind_id: str) -> int:
    return session.scalar(select(func.count(Tag.id)).where(Tag.kind_id == kind_id)) or 0


def tag_counts(session: Session) -> dict[str, int]:
    rows = session.execute(select(Tag.kind_id, func.count(Tag.id)).group_by(Tag.kind_id))
    return {kind_id: count for kind_id, count in rows.tuples()}


def tags_of(session: Session, kind_id: str) -> list[Tag]:
    return list(session.scalars(select(Tag).where(Tag.kind_id == kind_id).order_by(Tag.id)))


def links_of(session: Session, tag_id: str) -> list[tuple[str, str, str]]:
    rows = session.execute(
        select(TagLink.source_id, TagLink.target_id, TagLink.type)
        .where((TagLink.source_id == tag_id) | (TagLink.target_id == tag_id))
    )
    return [(s, t, kind) for s, t, kind in rows.tuples()]
