"""One bus tells every view what an operation changed (Anki's OpChanges, QualCoder's
event bus); each view refreshes only what the change set names."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.services.changes import Changes


class ChangeBus(QObject):
    changed = Signal(object)  # Changes

    def publish(self, changes: Changes) -> None:
        if not changes.empty:
            self.changed.emit(changes)
