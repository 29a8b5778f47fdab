"""The project's analysts, for layers (View ▸ Analysts) and filters."""

from __future__ import annotations

from dataclasses import dataclass

from db.queries import analysts
from desktop.services.project import Project


@dataclass(frozen=True, slots=True)
class AnalystInfo:
    id: str
    name: str
    colour: str


def list_analysts(project: Project) -> list[AnalystInfo]:
    with project.uow() as session:
        return [AnalystInfo(a.id, a.name, a.colour) for a in analysts.all_analysts(session)]
