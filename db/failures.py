"""Driver errors that mean "your environment", not "a bug", turned into ProjectErrors
with one sentence saying what happened and what to do (qutebrowser's sql module keeps
the same split). Installed on every engine as a `handle_error` listener, so a failure
anywhere (an import, a merge, a save) reaches the window or the command line as the
same clear line; the transaction it interrupted is rolled back, so nothing changed.
"""

from __future__ import annotations

from sqlalchemy.engine import ExceptionContext

from db.errors import (
    ConnectionLostError,
    DiskFullError,
    LockedProjectError,
    ProjectError,
    ReadOnlyProjectError,
)

BUSY_TIMEOUT_S = 5.0
PG_CONNECT_TIMEOUT_S = 10
PG_STATEMENT_TIMEOUT_S = 120

LOCKED = (f"The project is busy: another window or program has held its write lock for more "
          f"than {BUSY_TIMEOUT_S:.0f} s. Nothing was changed; try again in a moment.")
READ_ONLY = ("The project file is read-only, so nothing was changed. Make it writable (or copy "
             "it to a folder you can write to) and try again.")
DISK_FULL = "The disk is full, so nothing was changed. Free some space and try again."


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0].rstrip(".") if lines else type(exc).__name__


def sqlite_failure(exc: BaseException) -> ProjectError | None:
    message = str(exc).lower()
    if "database is locked" in message or "database table is locked" in message:
        return LockedProjectError(LOCKED)
    if "readonly database" in message or "read-only" in message:
        return ReadOnlyProjectError(READ_ONLY)
    if "disk is full" in message or "disk i/o error" in message:
        if "full" in message:
            return DiskFullError(DISK_FULL)
        return DiskFullError("The disk reported an error, so nothing was changed. "
                             "Check the drive and try again.", message_id="project.disk_error")
    return None


def postgres_failure(exc: BaseException, disconnect: bool) -> ProjectError | None:
    import psycopg

    if isinstance(exc, psycopg.errors.QueryCanceled):
        return ConnectionLostError(
            "The team database did not finish within {seconds} s (its statement timeout), "
            "so nothing was changed. Try again later, or ask whoever runs the database "
            "whether it is overloaded.", message_id="project.db_timeout",
            params={"seconds": PG_STATEMENT_TIMEOUT_S})
    if "timeout expired" in str(exc):
        return ConnectionLostError(
            "The team database did not answer within {seconds} s. Check its address and "
            "your network, then try again.", params={"seconds": PG_CONNECT_TIMEOUT_S})
    if disconnect or isinstance(exc, psycopg.OperationalError):
        return ConnectionLostError(
            "The team database cannot be reached ({reason}), so nothing was changed. Check "
            "that it is running and that you are online, then try again.",
            params={"reason": _first_line(exc)})
    return None


def translate(context: ExceptionContext) -> None:
    """`handle_error` listener: raise the ProjectError the failure means, if any."""
    if context.is_pre_ping:  # the pool is testing a connection; it reconnects by itself
        return
    exc = context.original_exception
    if context.dialect is None:
        return
    if context.dialect.name == "sqlite":
        failure = sqlite_failure(exc)
    elif context.dialect.name == "postgresql":
        failure = postgres_failure(exc, context.is_disconnect)
    else:
        failure = None
    if failure is not None:
        raise failure from context.sqlalchemy_exception or exc
