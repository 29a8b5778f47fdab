"""Shared fixtures: every test gets a real project file built by the real migrations,
and never touches the user's real data folder or Qt settings."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests check results, not speed: on a 2-core machine shared with LibreOffice
# and PostgreSQL an example can outlast hypothesis's 200 ms deadline (speed lives in
# benchmarks/; hangs are caught by no_hang).
settings.register_profile("reportmark", deadline=None)
settings.load_profile("reportmark")

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_f66df8a97ae95764.txt"
SHARED_EVAL = REPO.parent / "shared" / "eval"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("REPORTMARK_DB", raising=False)
    monkeypatch.delenv("REPORTMARK_ANALYST", raising=False)
    # QSettings (window layout, layers, last report) never touches the real user's
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "qsettings"))
    yield
    from desktop import logs

    logs.close()  # a test's log file stays in its own home


@pytest.fixture(scope="session")
def template_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project file migrated to head once per session; tests copy it."""
    from db.engine import open_project

    path = tmp_path_factory.mktemp("template") / "template.rmk"
    engine = open_project(path)
    with engine.connect() as conn:  # fold the WAL into the main file before copying
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def project_path(template_project: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "project.rmk"
    shutil.copyfile(template_project, dest)
    return dest


@pytest.fixture
def project(project_path: Path) -> Iterator[Project]:  # noqa: F821
    from desktop.services.project import open_project_as

    proj = open_project_as(project_path, "alice")
    yield proj
    proj.close()


@pytest.fixture
def seeded(project: Project) -> Project:  # noqa: F821
    """A project holding the two seed reports (Hunan, Guangdong)."""
    from desktop.services.importing import import_files

    outcome = import_files(project, [SEED])
    assert len(outcome.imported) == 2
    return project


@contextmanager
def no_hang(seconds: int = 15) -> Iterator[None]:
    """Fail instead of hanging (e.g. on catastrophic regex backtracking, which takes
    minutes). A guard, not a speed test: speed is measured in benchmarks/."""
    import signal

    def stop(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s: it hangs")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
