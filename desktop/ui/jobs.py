"""Long work (export, import, merge) in a spawned process, with progress and cancel.

A Python thread would starve the GUI of the GIL (an xlsx export in a thread froze frames
for up to 2.3 s; in a spawned process the worst gap was 21 ms: docs/design.md guard-rails).
The target is a top-level function `target(report, **kwargs) -> result` whose
`report(done, total, message)` sends progress back; its result must be picklable.
Targets that write files write a temporary file and rename it at the end, so a
cancelled job (the process is terminated) leaves nothing behind.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.logs import log_bug_text
from desktop.ui.messages import bug_text, error_text

_CTX = mp.get_context("spawn")


def _child(target: Callable[..., Any], kwargs: dict[str, Any], channel: Any) -> None:
    def report(done: int, total: int, message: str = "") -> None:
        channel.put(("progress", done, total, message))

    try:
        result = target(report, **kwargs)
    except Exception as exc:
        from desktop.services.errors import USER_ERRORS

        if isinstance(exc, USER_ERRORS):  # the error itself: the window translates it
            channel.put(("failed", exc.with_traceback(None)))
        else:  # a bug: its traceback, for the log
            channel.put(("bug", "".join(traceback.format_exception(exc))))
    else:
        channel.put(("finished", result))


class ProcessJob(QObject):
    progress = Signal(int, int, str)  # done, total, message
    finished = Signal(object)
    failed = Signal(str)  # what went wrong, in the window's language
    cancelled = Signal()

    POLL_MS = 30

    def __init__(self, target: Callable[..., Any], kwargs: dict[str, Any],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._target = target
        self._kwargs = kwargs
        self._channel: Any = None
        self._process: Any = None
        self._timer = QTimer(self)
        self._timer.setInterval(self.POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._done = False
        self._reaping = False

    @property
    def running(self) -> bool:
        return self._process is not None and not self._done

    def start(self) -> None:
        self._channel = _CTX.Queue()
        self._process = _CTX.Process(
            target=_child, args=(self._target, self._kwargs, self._channel), daemon=True
        )
        self._process.start()
        self._timer.start()

    def cancel(self) -> None:
        if not self.running:
            return
        self._finish()
        self._process.terminate()
        self._process.join(5)
        self.cancelled.emit()

    def wait(self, timeout_s: float = 60.0) -> None:
        """Block until the process ends (tests and the command line only)."""
        if self._process is not None:
            self._process.join(timeout_s)
            self._poll()
            self._poll()  # reap

    def _finish(self) -> None:
        self._done = True
        self._timer.stop()

    def _finish_later(self) -> None:
        """The result is in; the child still has to shut its interpreter down (tens of
        milliseconds). Reap it from the timer instead of joining here, which would block
        the GUI thread that long."""
        self._done = True
        self._reaping = True

    def _poll(self) -> None:
        if self._reaping:
            if not self._process.is_alive():
                self._process.join(0)
                self._reaping = False
                self._timer.stop()
            return
        if self._done or self._channel is None:
            return
        while True:
            try:
                message = self._channel.get_nowait()
            except queue.Empty:
                break
            kind = message[0]
            if kind == "progress":
                self.progress.emit(message[1], message[2], message[3])
            elif kind == "finished":
                self._finish_later()
                self.finished.emit(message[1])
                return
            elif kind == "failed":
                self._finish_later()
                self.failed.emit(error_text(message[1]))
                return
            elif kind == "bug":
                self._finish_later()
                self.failed.emit(bug_text(log_bug_text(message[1], "running a background task")))
                return
        if not self._process.is_alive() and self._channel.empty():
            self._finish()
            self.failed.emit(f"The background task stopped unexpectedly (exit code {self._process.exitcode}).")
