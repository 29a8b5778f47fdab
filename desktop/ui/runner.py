"""The one runner of user actions in a window (Anki's `CollectionOp`).

`Runner.run(op, text)` carries out an operation (desktop/services/operations.py),
publishes its change set on the bus and pushes its inverse on the undo stack; undo and
redo run the inverses through the same runner, with version checks. Work done in a
worker process (import, merge) hands its outcome to `finish` instead.

One error policy for all of them:
- a user error (a refusal, a stale tag, bad input) or an environment error (locked,
  read-only, disk full, connection lost) is shown in the window's language; nothing
  changed;
- anything else is a bug: logged with its traceback, and shown as "Something went
  wrong" with where the log is.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMessageBox

from desktop import APP_NAME
from desktop.logs import log_bug
from desktop.services import operations
from desktop.services.changes import Changes
from desktop.services.errors import USER_ERRORS, StaleTagError
from desktop.services.operations import Operation, Outcome
from desktop.services.project import Project
from desktop.ui.bus import ChangeBus
from desktop.ui.messages import bug_text, error_text


class Runner(QObject):
    refused = Signal(str)  # a user or environment error, as shown
    failed = Signal(str)  # a bug, as shown

    def __init__(self, project: Project, bus: ChangeBus, undo_stack: QUndoStack,
                 window: QMainWindow) -> None:
        super().__init__(window)
        self.project = project
        self.bus = bus
        self.undo_stack = undo_stack
        self.window = window

    def run(self, op: Operation, text: str,
            refused: Callable[[str], None] | None = None) -> Outcome | None:
        """Do `op`; None when it was refused or failed (already shown: by `refused`, a
        dialog's own error line, when given)."""
        outcome = self._attempt(lambda: operations.run(self.project, op), refused)
        if outcome is not None:
            self.finish(outcome, text)
        return outcome

    def finish(self, outcome: Outcome, text: str) -> None:
        """Publish an outcome and make it undoable (also for work done in a worker)."""
        self.bus.publish(outcome.changes)
        if outcome.inverse is not None:
            self.undo_stack.push(OpCommand(text, self, outcome.inverse))

    def replay(self, op: Operation) -> Outcome | None:
        """Undo or redo: `op` must find each tag as this window left it."""
        outcome = self._attempt(lambda: operations.replay(self.project, op))
        if outcome is not None:
            self.bus.publish(outcome.changes)
        return outcome

    def _attempt(self, call: Callable[[], Outcome],
                 refused: Callable[[str], None] | None = None) -> Outcome | None:
        try:
            return call()
        except USER_ERRORS as exc:
            (refused or self.show_error)(error_text(exc))
            if isinstance(exc, StaleTagError) and exc.report_id is not None:
                # show the colleague's version
                self.bus.publish(Changes(tags=frozenset({exc.report_id})))
            return None
        except Exception as exc:  # a bug: logged with its traceback, never swallowed silently
            self.show_bug(log_bug(exc, "running an action"))
            return None

    def show_error(self, message: str) -> None:
        """A refusal or failure a user can act on, in the window's language."""
        self.window.statusBar().showMessage(message, 8000)
        self.refused.emit(message)
        QMessageBox.warning(self.window, APP_NAME, message)

    def show_bug(self, log: Path) -> None:
        message = bug_text(log)
        self.window.statusBar().showMessage(message.replace("\n", " "), 8000)
        self.failed.emit(message)
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, message,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("bugBox")
        box.open()  # not modal to the application: the window stays usable


class OpCommand(QUndoCommand):
    """An undoable action as data: the operation that undoes it, and after an undo the
    one that redoes it. The action itself ran before the push, so the first redo (which
    QUndoStack.push calls) does nothing. A replay that is refused (a colleague changed
    the tag since) leaves the stack: it can no longer be undone or redone truthfully."""

    def __init__(self, text: str, runner: Runner, inverse: Operation) -> None:
        super().__init__(text)
        self._runner = runner
        self._undo_op: Operation | None = inverse
        self._redo_op: Operation | None = None
        self._first = True

    @property
    def inverse(self) -> Operation | None:
        return self._undo_op

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._undo_op = self._replay(self._redo_op)

    def undo(self) -> None:
        self._redo_op = self._replay(self._undo_op)

    def _replay(self, op: Operation | None) -> Operation | None:
        outcome = self._runner.replay(op) if op is not None else None
        if outcome is None or outcome.inverse is None:
            self.setObsolete(True)
            return None
        return outcome.inverse



Run = Callable[[Operation, str, Callable[[str], None]], Outcome | None]


def standalone(project: Project, publish: Callable[[Changes], None]) -> Run:
    """A dialog's runner outside a window (tests, a dialog shown alone): the operation
    runs and its change set is published; nothing to undo into."""

    def run(op: Operation, _text: str, refused: Callable[[str], None]) -> Outcome | None:
        try:
            outcome = operations.run(project, op)
        except USER_ERRORS as exc:
            refused(error_text(exc))
            return None
        publish(outcome.changes)
        return outcome

    return run
