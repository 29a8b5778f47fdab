"""The log: a rotating file in the data folder (desktop/paths.py), set up once by the
window (desktop/app.py) and by the command line (desktop/cli.py).

Modules log through `logging.getLogger(__name__)` as usual; this module only decides
where it goes. A bug (an exception that is not a UserError) is written here with its
traceback by `log_bug`, which returns the file's path so the message the user sees can
name it (qutebrowser's crash log does the same).
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from desktop.paths import data_dir

LOG_FILE = "reportmark.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("reportmark")


class _Handler(logging.handlers.RotatingFileHandler):
    """Ours, so setting up again (tests, a second window) replaces it, never doubles it."""


def log_path() -> Path:
    return data_dir() / "logs" / LOG_FILE


def _ours() -> _Handler | None:
    return next((h for h in logging.getLogger().handlers if isinstance(h, _Handler)), None)


def setup(path: Path | None = None, level: int = logging.INFO) -> Path:
    """Send warnings and errors of every module (and this app's info) to the rotating
    file at `path` (the data folder's by default). The file is opened on the first
    record, so a run that logs nothing creates nothing."""
    path = path or log_path()
    root = logging.getLogger()
    close()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = _Handler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8",
                       delay=True)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level > logging.WARNING or root.level == logging.NOTSET:
        root.setLevel(logging.WARNING)
    log.setLevel(level)
    for name in ("desktop", "db"):
        logging.getLogger(name).setLevel(level)
    return path


def close() -> None:
    """Stop writing to the log file (setting up again starts anew)."""
    handler = _ours()
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()


def current_path() -> Path:
    """Where the log is written (the default place when it was never set up)."""
    handler = _ours()
    return Path(handler.baseFilename) if handler is not None else log_path()


def log_bug(exc: BaseException, doing: str = "") -> Path:
    """Write an unexpected exception with its traceback; returns the log file's path."""
    if _ours() is None:
        setup()
    log.error("Unexpected error%s", f" while {doing}" if doing else "",
              exc_info=(type(exc), exc, exc.__traceback__))
    return current_path()


def log_bug_text(text: str, doing: str = "") -> Path:
    """A traceback already formatted (a worker process sent it): written as it is."""
    if _ours() is None:
        setup()
    log.error("Unexpected error%s\n%s", f" while {doing}" if doing else "", text.rstrip())
    return current_path()
