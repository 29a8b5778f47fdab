"""Undoable edits. Each command runs its service call before it is pushed (so an error
reaches the user and nothing lands on the stack); redo/undo call the services again
and publish their change sets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from desktop.services import tags
from desktop.services.changes import Changes
from desktop.services.errors import StaleTagError
from desktop.services.project import Project

Publish = Callable[[Changes], None]


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
        self._publish(self._redo())

    def undo(self) -> None:
        self._publish(self._undo())


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
        assert self._state is not None
        self._publish(tags.restore_tag(self._project, self._state))

    def undo(self) -> None:
        changes, self._state = tags.delete_tag(self._project, self._tag_id)
        self._publish(changes)


class DeleteTagCommand(QUndoCommand):
    def __init__(self, text: str, project: Project, state: dict[str, Any], publish: Publish) -> None:
        super().__init__(text)
        self._project, self._state, self._publish = project, state, publish
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        changes, self._state = tags.delete_tag(self._project, self._state["id"])
        self._publish(changes)

    def undo(self) -> None:
        changes = tags.restore_tag(self._project, self._state)
        for source, target, link_type in self._state.get("links", []):
            try:
                changes = changes | tags.link_tags(self._project, source, target, link_type)
            except (StaleTagError, ValueError):  # the other end is gone; the tag is back
                continue
        self._publish(changes)
