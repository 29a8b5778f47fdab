"""The last line of the error policy: an exception no one caught in the GUI thread (a
slot, a paint) is a bug. It goes to the log with its traceback (desktop/logs.py) and the
window says that something went wrong and where the details are, instead of the
traceback vanishing into a terminal the analyst never sees."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import APP_NAME
from desktop.logs import log_bug
from desktop.ui.messages import bug_text

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def bug_hook(parent: Callable[[], QWidget | None]) -> Hook:
    """An excepthook that logs the bug and tells the user, over `parent()`'s window."""

    def hook(kind: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        path = log_bug(exc.with_traceback(tb), "handling an event in the window")
        QMessageBox.critical(parent(), APP_NAME, bug_text(path))

    return hook


def install(parent: Callable[[], QWidget | None]) -> bool:
    """Install the hook unless someone else has one (a test harness such as pytest-qt
    catches exceptions in slots itself). Returns whether it was installed."""
    if sys.excepthook is not sys.__excepthook__:
        return False
    sys.excepthook = bug_hook(parent)
    return True
