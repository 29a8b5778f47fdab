"""The one place engines are made, and projects opened, checked and upgraded."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from db.errors import CorruptProjectError, LockedProjectError, NewerProjectError, ProjectError
from db.migrations import HEAD_REVISION, KNOWN_REVISIONS

BUSY_TIMEOUT_S = 5.0
BACKUPS_KEPT = 5


def is_url(target: str) -> bool:
    return "://" in target


def create_project_engine(target: str | Path) -> Engine:
    """An engine for a project file (SQLite) or a team database URL (PostgreSQL).

    SQLite: foreign keys on, WAL journal, synchronous=NORMAL, a busy timeout.
    The pysqlite driver opens a transaction implicitly and `PRAGMA foreign_keys`
    is a no-op inside a transaction, so the connect hook switches the DBAPI
    connection to autocommit around the PRAGMAs (the recipe in SQLAlchemy's SQLite
    dialect docs, "Foreign Key Support"); tests/db/test_engine.py proves it.
    """
    target = str(target)
    if is_url(target):
        url = make_url(target)
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        return create_engine(url, pool_pre_ping=True, future=True)

    engine = create_engine(
        f"sqlite+pysqlite:///{target}",
        connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False},
        future=True,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        previous = dbapi_connection.isolation_level
        dbapi_connection.isolation_level = None  # autocommit while setting PRAGMAs
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        cursor.close()
        dbapi_connection.isolation_level = previous

    return engine


def _inspect_file(path: Path) -> str | None:
    """Read-only look at a file before any engine touches it (the engine switches the
    journal to WAL, which would change a file that is not ours). Returns the schema
    revision, or None for a new, empty file. Raises CorruptProjectError."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != b"SQLite format 3\x00":
        raise CorruptProjectError(
            f"{path.name} is not a ReportMark project (it is not an SQLite database)."
        )
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise CorruptProjectError(f"{path.name} cannot be opened ({exc}).") from exc
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()
        if not check or check[0] != "ok":
            raise CorruptProjectError(f"{path.name} failed its integrity check: {check}.")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            if tables:
                raise CorruptProjectError(
                    f"{path.name} is an SQLite file but not a ReportMark project."
                )
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower():
            raise LockedProjectError(
                f"{path.name} is locked by another program; close it there and try again."
            ) from exc
        raise CorruptProjectError(f"{path.name} is damaged and cannot be opened ({exc}).") from exc
    except sqlite3.DatabaseError as exc:
        raise CorruptProjectError(f"{path.name} is damaged and cannot be opened ({exc}).") from exc
    finally:
        conn.close()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        except (OperationalError, DatabaseError):
            return None
    return row[0] if row else None


def _check_writable(engine: Engine, name: str) -> None:
    """Take and release the write lock, so 'locked' is said when the project opens."""
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            conn.exec_driver_sql("ROLLBACK")
    except OperationalError as exc:
        if "locked" in str(exc.orig).lower():
            raise LockedProjectError(
                f"{name} is locked by another program; close it there and try again."
            ) from exc
        raise ProjectError(f"{name} cannot be written: {exc.orig}.") from exc


def backup(path: Path, reason: str) -> Path:
    """Copy a project file aside (consistent even in WAL mode) and keep the newest few."""
    folder = path.parent / f"{path.stem}.backups"
    folder.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = folder / f"{path.stem}.{stamp}.{reason}{path.suffix or '.rmk'}"
    src, dst = sqlite3.connect(path), sqlite3.connect(dest)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    old = sorted(folder.glob(f"{path.stem}.*"))
    for stale in old[:-BACKUPS_KEPT]:
        stale.unlink(missing_ok=True)
    return dest


def upgrade(engine: Engine) -> None:
    """Run Alembic's migrations to head (imported only when there is work to do)."""
    from alembic import command
    from alembic.config import Config

    from db.migrations import SCRIPT_LOCATION

    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def open_project(target: str | Path) -> Engine:
    """Open (creating if new) a project: check, back up, migrate. Raises ProjectError."""
    target_s = str(target)
    if is_url(target_s):
        engine = create_project_engine(target_s)
        try:
            rev = current_revision(engine)
        except OperationalError as exc:
            raise ProjectError(f"Cannot reach the team database: {exc.orig}".strip()) from exc
        _refuse_unknown(rev, "The team database")
        if rev != HEAD_REVISION:
            upgrade(engine)
        return engine

    path = Path(target_s).expanduser()
    if path.is_dir():
        raise ProjectError(f"{path} is a folder, not a project file.")
    path.parent.mkdir(parents=True, exist_ok=True)
    rev = _inspect_file(path)
    _refuse_unknown(rev, path.name)
    engine = create_project_engine(path)
    try:
        _check_writable(engine, path.name)
        if rev != HEAD_REVISION:
            if rev is not None:
                backup(path, f"before-upgrade-{rev}")
            upgrade(engine)
    except DatabaseError as exc:
        engine.dispose()
        raise CorruptProjectError(f"{path.name} cannot be opened: {exc.orig}.") from exc
    except ProjectError:
        engine.dispose()
        raise
    return engine


def _refuse_unknown(rev: str | None, name: str) -> None:
    if rev is not None and rev not in KNOWN_REVISIONS:
        raise NewerProjectError(
            f"{name} was made by a newer version of ReportMark (schema {rev}); "
            "please update ReportMark to open it."
        )


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def connect(target: str | Path) -> Iterator[sessionmaker[Session]]:
    engine = open_project(target)
    try:
        yield make_sessionmaker(engine)
    finally:
        engine.dispose()
