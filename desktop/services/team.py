"""Connecting to a team database (PostgreSQL): building and checking its URL."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from db.engine import create_project_engine, current_revision
from db.errors import ConnectionLostError, ProjectError
from db.migrations import HEAD_REVISION, KNOWN_REVISIONS
from db.queries import team as tq
from desktop.services.changes import Changes
from desktop.services.project import Project

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5


@dataclass(frozen=True, slots=True)
class ConnectionCheck:
    ok: bool
    message: str


def build_url(host: str, port: int, user: str, password: str, database: str) -> str:
    """A postgresql:// URL from the Connect dialog's fields (the password is escaped)."""
    url = URL.create("postgresql", username=user or None, password=password or None,
                     host=host or None, port=port or None, database=database or None)
    return url.render_as_string(hide_password=False)


def check_connection(url: str) -> ConnectionCheck:
    """Reach the database and say what is there, without changing anything."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return ConnectionCheck(False, "That is not a database URL (postgresql://user@host/db).")
    if not parsed.drivername.startswith("postgres"):
        return ConnectionCheck(False, "A team database URL starts with postgresql://.")
    if "connect_timeout" not in parsed.query:
        parsed = parsed.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT_S)})
    engine = create_project_engine(parsed.render_as_string(hide_password=False))
    try:
        with engine.connect():
            pass
        rev = current_revision(engine)
    except (SQLAlchemyError, ProjectError) as exc:  # db/failures.py words most of them
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        return ConnectionCheck(False, f"Cannot connect: {reason}")
    finally:
        engine.dispose()
    if rev is None:
        return ConnectionCheck(True, "Connected. The database is empty; ReportMark will set "
                               "it up when you open it.")
    if rev not in KNOWN_REVISIONS:
        return ConnectionCheck(False, "Connected, but the team database was made by a newer "
                               "version of ReportMark; please update ReportMark.")
    if rev != HEAD_REVISION:
        return ConnectionCheck(True, "Connected. The team database will be upgraded when "
                               "you open it.")
    return ConnectionCheck(True, "Connected to a ReportMark team database.")


@dataclass(frozen=True, slots=True)
class TeamStamp:
    """Where the last poll left off: the newest history event and the number of reports."""

    event_id: int
    reports: int


def poll(project: Project, since: TeamStamp | None) -> tuple[TeamStamp, Changes]:
    """See `_poll`; a dropped connection becomes a ProjectError the window can show."""
    try:
        return _poll(project, since)
    except DBAPIError as exc:
        log.warning("team poll failed: %s", exc.orig)
        raise ConnectionLostError("The team database cannot be reached: {reason}",
                                  params={"reason": exc.orig}) from exc


def _poll(project: Project, since: TeamStamp | None) -> tuple[TeamStamp, Changes]:
    """What colleagues changed since the last poll (for a QTimer in team mode).

    Every tag change records a history event with an increasing id, so the newest event
    id marks a point in time; `since=None` only takes the current stamp. Returns the new
    stamp and Changes naming the reports whose tags colleagues changed (and the library,
    when reports were added or removed): hand it to the ChangeBus like any operation's.
    """
    with project.uow() as session:
        reports = tq.report_count(session)
        if since is None:
            return TeamStamp(tq.newest_event(session), reports), Changes()
        rows = tq.events_after(session, since.event_id)
    newest = max([since.event_id, *(int(r[0]) for r in rows)])
    changed = frozenset(
        str(state["report_id"]) for _id, state, analyst in rows
        if isinstance(state, dict) and "report_id" in state and analyst != project.analyst_id
    )
    return TeamStamp(newest, reports), Changes(tags=changed, library=reports != since.reports)


def password_file() -> Path:
    """libpq's password file: $PGPASSFILE, else ~/.pgpass (what psycopg reads)."""
    return Path(os.environ.get("PGPASSFILE") or Path.home() / ".pgpass")


def _pgpass_field(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def keep_password(url: str) -> str:
    """Move a URL's password into libpq's password file (readable by the user only) and
    return the URL without it: a password is never shown, saved in settings, or put
    on a command line. libpq finds it there when ReportMark connects."""
    try:
        parsed = make_url(url)
    except ArgumentError:  # not a URL: nothing to keep ("Test connection" says so)
        return url
    if not parsed.password:
        return url
    line = ":".join(_pgpass_field(str(v)) for v in (
        parsed.host or "localhost", parsed.port or 5432, parsed.database or "*",
        parsed.username or "*", parsed.password))
    key = line.rsplit(":", 1)[0] + ":"
    path = password_file()
    kept = [old for old in (path.read_text(encoding="utf-8").splitlines() if path.exists() else [])
            if not old.startswith(key)]
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("\n".join([*kept, line]) + "\n")
    path.chmod(0o600)  # libpq ignores a password file others can read
    return without_password(url)


def without_password(url: str) -> str:
    """The URL with its password left out (URL.set(password=None) would keep it); text
    that is not a URL comes back as it is ("Test connection" says what is wrong)."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return url
    return URL.create(parsed.drivername, username=parsed.username, host=parsed.host,
                      port=parsed.port, database=parsed.database,
                      query=parsed.query).render_as_string(hide_password=False)
