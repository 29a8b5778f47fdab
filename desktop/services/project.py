"""An open project: its session factory and who is acting. Every service function takes
it as its first argument and opens one transaction per user action."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from db.engine import is_url, make_sessionmaker, open_project
from db.engine import restore_backup as engine_restore_backup
from db.errors import ProjectError, UnopenableProjectError
from db.queries import analysts, kinds

DEFAULT_ANALYST = "analyst"


@dataclass(slots=True)
class ProjectCaches:
    """What an open project keeps in memory: it belongs to the project and goes with it
    when it closes (a second project in the same process never sees it)."""

    # report id → text: texts are immutable once imported, so the few being tagged are
    # kept and a key press slices memory instead of reading a megabyte
    texts: OrderedDict[str, str] = field(default_factory=OrderedDict)
    # (analyst id, report id) already marked in progress: one look per report, not per key
    started: set[tuple[str, str]] = field(default_factory=set)
    # report id → (rules version, (region, year), suggestions, their span index):
    # desktop/services/suggestions.py
    suggestions: OrderedDict[str, tuple[str, Any, tuple[Any, ...], Any]] = field(
        default_factory=OrderedDict)
    # kind key → kind id, for a key press (desktop/services/tags.py): forgotten whenever
    # the schema changes (desktop/services/kinds.py); never kept in team mode, where a
    # colleague may change the schema
    kind_ids: dict[str, str] = field(default_factory=dict)

    def clear(self) -> None:
        self.kind_ids.clear()
        self.texts.clear()
        self.started.clear()
        self.suggestions.clear()


@dataclass(slots=True)
class Project:
    target: str
    engine: Engine
    uow: sessionmaker[Session]
    analyst_id: str
    analyst_name: str
    caches: ProjectCaches = field(default_factory=ProjectCaches)

    @property
    def is_team(self) -> bool:
        return is_url(self.target)

    @property
    def display_name(self) -> str:
        if self.is_team:
            return self.engine.url.render_as_string(hide_password=True)
        return str(Path(self.target))

    def close(self) -> None:
        self.caches.clear()
        self.engine.dispose()


def open_project_as(target: str | Path, analyst_name: str | None, *,
                    create: bool = True) -> Project:
    """Open (with `create`, or create where no file exists) a project and make sure the
    kinds and the analyst exist."""
    engine = open_project(target, create=create)
    uow = make_sessionmaker(engine)
    name = (analyst_name or DEFAULT_ANALYST).strip() or DEFAULT_ANALYST
    with uow.begin() as session:
        kinds.seed_default_kinds(session)
        analyst = analysts.get_or_create(session, name)
        analyst_id = analyst.id
    return Project(str(target), engine, uow, analyst_id, name)


def switch_analyst(project: Project, name: str) -> None:
    with project.uow.begin() as session:
        analyst = analysts.get_or_create(session, name.strip())
        project.analyst_id = analyst.id
        project.analyst_name = analyst.name


def restore_backup(target: str | Path) -> tuple[Path, Path]:
    """Replace a project file that does not open with its newest backup that does;
    returns (the backup, where the replaced file was kept). Refuses a project that opens."""
    path = Path(target).expanduser()
    try:
        open_project(path, create=False).dispose()
    except UnopenableProjectError:
        return engine_restore_backup(path)
    raise ProjectError("{name} opens as it is; there is nothing to restore.",
                       message_id="project.nothing_to_restore", params={"name": path.name})
