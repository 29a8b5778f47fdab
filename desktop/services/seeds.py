"""The bundled sample reports, imported into a new project on first run."""

from __future__ import annotations

from pathlib import Path

from db.models import Setting
from desktop.services.importing import ImportOutcome, import_files
from desktop.services.project import Project

SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"
_FLAG = "seeds_imported"


def seed_files() -> list[Path]:
    return sorted(SEEDS_DIR.glob("*.txt")) if SEEDS_DIR.is_dir() else []


def import_seeds_once(project: Project) -> ImportOutcome | None:
    """Import the seeds the first time a project opens; never again (a user who deletes
    them keeps them deleted)."""
    with project.uow() as session:
        if session.get(Setting, _FLAG) is not None:
            return None
    outcome = import_files(project, seed_files())
    with project.uow.begin() as session:
        session.merge(Setting(key=_FLAG, value="1"))
    return outcome
