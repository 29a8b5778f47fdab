from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import TagField, TagKind
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
