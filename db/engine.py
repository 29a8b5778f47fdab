"""The one place engines are made, and projects opened, checked and upgraded."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from db import backups
from db.backups import BACKUPS_KEPT, backup
from db.errors import (
    CorruptProjectError,
    LockedProjectError,
    NewerProjectError,
    ProjectError,
    ReadOnlyProjectError,
    StaleTagError,
    UnopenableProjectError,
)
from db.failures import BUSY_TIMEOUT_S, PG_CONNECT_TIMEOUT_S, PG_STATEMENT_TIMEOUT_S, translate
from db.migrations import HEAD_REVISION, KNOWN_REVISIONS

__all__ = ["BACKUPS_KEPT", "BUSY_TIMEOUT_S", "backup", "create_project_engine", "open_project"]

TEAM_DRIVERS = ("postgresql", "postgres", "postgresql+psycopg")
OUR_TABLES = frozenset({"analyst", "report", "tag", "tag_kind"})
STALE = ("Someone else changed or deleted this tag since you loaded it; it has been "
         "reloaded, please check it and try again.")


def is_url(target: str) -> bool:
    return "://" in target


def team_url(target: str) -> URL:
    """A team database URL, checked: PostgreSQL through psycopg, nothing else."""
    try:
        url = make_url(target)
    except ArgumentError as exc:
        raise ProjectError("That is not a database URL; a team database URL looks like "
                           "postgresql://user@host/database.",
                           message_id="project.bad_url") from exc
    if url.drivername not in TEAM_DRIVERS:
        raise ProjectError(
            "ReportMark's team databases are PostgreSQL; {driver}:// is not "
            "supported. Use a URL like postgresql://user@host/database.",
            message_id="project.not_postgres", params={"driver": url.drivername})
    return url.set(drivername="postgresql+psycopg")


def create_project_engine(target: str | Path) -> Engine:
    """An engine for a project file (SQLite) or a team database URL (PostgreSQL).

    SQLite: foreign keys on, WAL journal, synchronous=NORMAL, a busy timeout.
    The pysqlite driver opens a transaction implicitly and `PRAGMA foreign_keys`
    is a no-op inside a transaction, so the connect hook switches the DBAPI
    connection to autocommit around the PRAGMAs (the recipe in SQLAlchemy's SQLite
    dialect docs, "Foreign Key Support"); tests/db/test_engine.py proves it.
    PostgreSQL: a connect timeout and a statement timeout, so a host that never
    answers is reported instead of waited on forever.
    Both: driver failures the user can act on become ProjectErrors (db/failures.py).
    """
    target = str(target)
    if is_url(target):
        url = team_url(target)
        args: dict[str, Any] = {}
        if "connect_timeout" not in url.query:
            args["connect_timeout"] = PG_CONNECT_TIMEOUT_S
        if "options" not in url.query:
            args["options"] = f"-c statement_timeout={PG_STATEMENT_TIMEOUT_S * 1000}"
        engine = create_engine(url, pool_pre_ping=True, connect_args=args)
        event.listen(engine, "handle_error", translate)
        return engine

    engine = create_engine(
        f"sqlite+pysqlite:///{target}",
        connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False},
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

    event.listen(engine, "handle_error", translate)
    return engine


def _migration_engine(path: str) -> Engine:
    """An engine whose transactions really include DDL. pysqlite begins a transaction
    only before INSERT/UPDATE/DELETE, so CREATE TABLE would commit on its own and a
    crash halfway through an upgrade would leave half a schema. SQLAlchemy's recipe
    (SQLite dialect docs, "Serializable isolation / Savepoints / Transactional DDL"):
    the driver in autocommit, and BEGIN emitted by us. Foreign keys are off while the
    schema changes (Alembic's batch mode recreates tables; see its "batch" docs)."""
    engine = create_engine(f"sqlite+pysqlite:///{path}",
                           connect_args={"timeout": BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        dbapi_connection.execute("PRAGMA journal_mode=WAL")
        dbapi_connection.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    event.listen(engine, "handle_error", translate)
    return engine


def _inspect_file(path: Path) -> str | None:
    """Read-only look at an existing file before any engine touches it (the engine
    switches the journal to WAL, which would change a file that is not ours). Returns
    the schema revision. Raises CorruptProjectError for anything that is not one of our
    projects: an empty file, someone else's SQLite database (Alembic-managed or not)."""
    if path.stat().st_size == 0:
        raise CorruptProjectError(
            "{name} is an empty file, not a ReportMark project. ReportMark creates a "
            "project only where no file exists: choose a new name, or delete the file.",
            message_id="project.empty_file", params={"name": path.name})
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != b"SQLite format 3\x00":
        raise CorruptProjectError(
            "{name} is not a ReportMark project (it is not an SQLite database).",
            message_id="project.not_ours", params={"name": path.name})
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise CorruptProjectError("{name} cannot be opened ({reason}).", message_id="project.damaged",
                                  params={"name": path.name, "reason": exc}) from exc
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()
        if not check or check[0] != "ok":
            raise CorruptProjectError("{name} failed its integrity check: {check}.",
                                      message_id="project.damaged",
                                      params={"name": path.name, "check": check})
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables and tables & OUR_TABLES:
            raise CorruptProjectError(
                "{name} is an unfinished ReportMark project: its creation was "
                "interrupted before any work was saved in it. Delete it and open again.",
                message_id="project.unfinished", params={"name": path.name})
        if "alembic_version" not in tables or not tables >= OUR_TABLES:
            if tables:
                raise CorruptProjectError(
                    "{name} is an SQLite file but not a ReportMark project "
                    "(it belongs to another program).",
                    message_id="project.not_ours", params={"name": path.name})
            raise CorruptProjectError(
                "{name} is an empty SQLite database, not a ReportMark project. "
                "ReportMark creates a project only where no file exists: choose a new name.",
                message_id="project.empty_database", params={"name": path.name})
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None:
            raise CorruptProjectError("{name} is damaged: it has no schema version.",
                                      message_id="project.damaged", params={"name": path.name})
        return str(row[0])
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower():
            raise LockedProjectError(
                "{name} is locked by another program; close it there and try again.",
                message_id="project.locked_by", params={"name": path.name}) from exc
        raise CorruptProjectError("{name} is damaged and cannot be opened ({reason}).",
                                  message_id="project.damaged",
                                  params={"name": path.name, "reason": exc}) from exc
    except sqlite3.DatabaseError as exc:
        raise CorruptProjectError("{name} is damaged and cannot be opened ({reason}).",
                                  message_id="project.damaged",
                                  params={"name": path.name, "reason": exc}) from exc
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
    except LockedProjectError as exc:
        raise LockedProjectError(
            "{name} is locked by another program; close it there and try again.",
            message_id="project.locked_by", params={"name": name}) from exc
    except OperationalError as exc:
        raise ProjectError("{name} cannot be written: {reason}.",
                           message_id="project.cannot_write",
                           params={"name": name, "reason": exc.orig}) from exc


def upgrade(engine: Engine) -> None:
    """Run Alembic's migrations to head in one transaction: a crash or an error at any
    statement leaves the database as it was (imported only when there is work to do)."""
    if engine.dialect.name == "sqlite":
        migrating = _migration_engine(str(engine.url.database))
        try:
            _run_migrations(migrating)
        finally:
            migrating.dispose()
    else:  # PostgreSQL's DDL is transactional as it is
        _run_migrations(engine)


def _run_migrations(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    from db.migrations import SCRIPT_LOCATION

    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def open_project(target: str | Path, *, create: bool = True) -> Engine:
    """Open a project: check, back up, migrate. With `create`, a project is made where
    no file exists (never over an existing file, whatever it holds). Raises
    ProjectError, saying what to do; a project that cannot be opened names the newest
    backup that can (UnopenableProjectError.backup)."""
    target_s = str(target)
    if is_url(target_s):
        return _open_team(target_s, create)

    path = Path(target_s).expanduser()
    if path.is_dir():
        raise ProjectError("{name} is a folder, not a project file.", message_id="project.folder",
                           params={"name": path})
    if not path.exists():
        if not create:
            raise ProjectError(
                "There is no project at {path}. Import a report (reportmark --db {path} "
                "import FILE) or open the window to create one, or check the path.",
                message_id="project.none_at", params={"path": path})
        _create(path)
        return create_project_engine(path)
    _check_permissions(path)
    try:
        rev = _inspect_file(path)
    except CorruptProjectError as exc:
        raise _unopenable(path, exc) from exc
    if rev not in KNOWN_REVISIONS:
        raise NewerProjectError(
            "{name} was made by a newer version of ReportMark (schema {rev}); "
            "please update ReportMark to open it.", params={"name": path.name, "rev": rev})
    engine = create_project_engine(path)
    try:
        _check_writable(engine, path.name)
        if rev != HEAD_REVISION:
            made = backup(path, f"before-upgrade-{rev}", opens=_backup_opens)
            try:
                upgrade(engine)
            except BaseException:
                # the upgrade rolled back: the file is as it was, and a copy of a file
                # that does not upgrade must not push a good backup out of the rotation
                made.unlink(missing_ok=True)
                raise
    except DatabaseError as exc:
        engine.dispose()
        damaged = CorruptProjectError("{name} cannot be opened: {reason}.",
                                      message_id="project.damaged",
                                      params={"name": path.name, "reason": exc.orig})
        raise _unopenable(path, damaged) from exc
    except ProjectError:
        engine.dispose()
        raise
    return engine


def _open_team(target: str, create: bool) -> Engine:
    engine = create_project_engine(target)
    try:
        rev = current_revision(engine)
        if rev is None:
            tables = set(inspect(engine).get_table_names())
            if tables:
                raise CorruptProjectError(
                    "The team database holds another program's tables, not a ReportMark "
                    "project; use an empty database for ReportMark.",
                    message_id="project.foreign_tables")
            if not create:
                raise ProjectError(
                    "The team database is empty. Import a report or open the window to set "
                    "it up.", message_id="project.empty_team")
        elif rev not in KNOWN_REVISIONS:
            if not set(inspect(engine).get_table_names()) >= OUR_TABLES:
                raise CorruptProjectError(
                    "The team database belongs to another program (its schema is not "
                    "ReportMark's); use an empty database for ReportMark.",
                    message_id="project.foreign_schema")
            raise NewerProjectError(
                "{name} was made by a newer version of ReportMark (schema {rev}); "
                "please update ReportMark to open it.",
                params={"name": "The team database", "rev": rev})
        if rev != HEAD_REVISION:
            upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def _check_permissions(path: Path) -> None:
    """A project in a folder or file we cannot write is said to be so (SQLite would
    report it as "unable to open database file", which reads like damage)."""
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise ReadOnlyProjectError(
            "{name} is in a read-only folder ({folder}). ReportMark keeps its journal "
            "beside the project, so it needs to write there: copy the project to a folder "
            "you can write to, or make this folder writable.",
            message_id="project.read_only_folder",
            params={"name": path.name, "folder": path.parent})
    if not os.access(path, os.R_OK | os.W_OK):
        raise ReadOnlyProjectError(
            "{name} is read-only. Make it writable (or copy it to a folder you can write "
            "to) and open it again.", message_id="project.read_only_file",
            params={"name": path.name})


def _create(path: Path) -> None:
    """Build a new project under a temporary name and move it into place only when it
    is complete: a crash at any point leaves either no project or a whole one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(path)
    tmp = path.with_name(f".{path.name}.new-{os.getpid()}")
    engine = create_project_engine(tmp)
    try:
        upgrade(engine)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    with tmp.open("rb") as fh:
        os.fsync(fh.fileno())
    try:
        os.link(tmp, path)  # fails if a file appeared at `path` meanwhile: keep that one
    except FileExistsError:
        pass
    except OSError:  # a file system without hard links
        if not path.exists():
            os.replace(tmp, path)
    for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
        leftover.unlink(missing_ok=True)
    _fsync_folder(path.parent)


def _remove_abandoned(path: Path) -> None:
    """Temporary files of creations that were killed (their process is gone)."""
    for stale in path.parent.glob(f".{path.name}.new-*"):
        pid = stale.name.rsplit("-", 1)[-1] if stale.name[-4:] not in ("-wal", "-shm") else \
            stale.name[:-4].rsplit("-", 1)[-1]
        if pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid)):
            continue
        stale.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _backup_opens(candidate: Path) -> bool:
    return backups.trial_copy(candidate, lambda copy: open_project(copy, create=False).dispose())


def _unopenable(path: Path, exc: CorruptProjectError) -> UnopenableProjectError:
    """The refusal, with the newest backup that opens (if any) and how to restore it;
    the window translates it by the refusal's message id."""
    good = backups.newest_that_opens(path, _backup_opens)
    message = str(exc) if good is None else (
        f"{exc} Its backup {good.name} opens: restore it with "
        f"`reportmark --db {path} restore-backup` (the damaged file is kept aside).")
    err = UnopenableProjectError(message, good, message_id=exc.message_id)
    err.params = exc.params
    return err


def restore_backup(path: Path) -> tuple[Path, Path]:
    """Replace a project that does not open with its newest backup that does.
    Returns (the backup restored, where the replaced file was kept)."""
    good = backups.newest_that_opens(path, _backup_opens)
    if good is None:
        raise ProjectError("{name} has no backup that opens.",
                           message_id="project.no_good_backup", params={"name": path.name})
    kept = backups.restore(path, good)
    return good, kept


class ProjectSession(Session):
    """A session whose optimistic-locking failures say so in the user's words: an UPDATE
    or DELETE that matched no row means someone changed the row since it was read."""

    def flush(self, objects: Any = None) -> None:
        try:
            super().flush(objects)
        except StaleDataError as exc:
            raise StaleTagError(STALE) from exc


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, class_=ProjectSession, expire_on_commit=False)


@contextmanager
def connect(target: str | Path) -> Iterator[sessionmaker[Session]]:
    engine = open_project(target)
    try:
        yield make_sessionmaker(engine)
    finally:
        engine.dispose()
