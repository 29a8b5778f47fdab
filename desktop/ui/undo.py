"""Undoable edits. Each command runs its service call before it is pushed (so an error
reaches the user and nothing lands on the stack); redo/undo call the services again
and publish their change sets.

Undo and redo check versions like every other edit: each replayed call must find its
tag as this window left it (desktop/services/tag_versions.py). A tag a colleague
changed or deleted since is refused with the stale-tag message, and the command leaves
the stack (it can no longer be undone or redone truthfully)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_NAME
from desktop.services import tags
from desktop.services.changes import Changes
from desktop.services.errors import USER_ERRORS, StaleTagError
from desktop.services.project import Project
from desktop.services.tag_versions import replaying

Publish = Callable[[Changes], None]


def _replay(command: QUndoCommand, call: Callable[[], Changes], publish: Publish) -> None:
    """Run an undo or redo; a refusal is shown, and the command leaves the stack."""
    try:
        with replaying():
            changes = call()
    except USER_ERRORS as exc:
        command.setObsolete(True)
        QMessageBox.warning(QApplication.activeWindow(), APP_NAME, str(exc))
        if isinstance(exc, StaleTagError) and exc.report_id is not None:
            publish(Changes(tags=frozenset({exc.report_id})))  # show the colleague's version
        return
    publish(changes)


class CallCommand(QUndoCommand):
    """An edit whose undo and redo are plain service calls."""

    def __init__(self, text: str, redo: Callable[[], Changes], undo: Callable[[], Changes],
                 publish: Publish) -> None:
        super().__init__(text)
        self._redo, self._undo, self._publish = redo, undo, publish
        self._first = True

    def redo(self) -> None:
        if self._first:  # already done by the caller
            self._first = False
            return
        _replay(self, self._redo, self._publish)

    def undo(self) -> None:
        _replay(self, self._undo, self._publish)


class CreateTagCommand(QUndoCommand):
    """Creating a tag; undo deletes it, redo restores it with the same id and history."""

    def __init__(self, text: str, project: Project, tag_id: str, publish: Publish) -> None:
        super().__init__(text)
        self._project, self._tag_id, self._publish = project, tag_id, publish
        self._state: dict[str, Any] | None = None
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        state = self._state
        assert state is not None
        _replay(self, lambda: tags.restore_tag(self._project, state), self._publish)

    def undo(self) -> None:
        def delete() -> Changes:
            changes, self._state = tags.delete_tag(self._project, self._tag_id)
            return changes

        _replay(self, delete, self._publish)


class DeleteTagCommand(QUndoCommand):
    def __init__(self, text: str, project: Project, state: dict[str, Any], publish: Publish) -> None:
        super().__init__(text)
        self._project, self._state, self._publish = project, state, publish
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        def delete() -> Changes:
            changes, self._state = tags.delete_tag(self._project, self._state["id"])
            return changes

        _replay(self, delete, self._publish)

    def undo(self) -> None:
        _replay(self, self._restore, self._publish)

    def _restore(self) -> Changes:
        changes = tags.restore_tag(self._project, self._state)
        for source, target, link_type in self._state.get("links", []):
            try:
                changes = changes | tags.link_tags(self._project, source, target, link_type)
            except (StaleTagError, ValueError):  # the other end is gone; the tag is back
                continue
        return changes
