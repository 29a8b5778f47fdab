"""The project's tag kinds and their fields, as frozen values for the views."""

from __future__ import annotations

from dataclasses import dataclass

from db.queries import kinds
from desktop.services.project import Project


@dataclass(frozen=True, slots=True)
class FieldInfo:
    id: str
    key: str
    label: str
    label_zh: str
    type: str
    choices: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class KindInfo:
    id: str
    key: str
    name: str
    name_zh: str
    colour: str
    shortcut: str
    fields: tuple[FieldInfo, ...]


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
