"""Importing reports: File ▸ Import… and drag-and-drop of files or folders onto the
window, run in a spawned process with progress, Cancel and a summary."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog

from desktop.services.changes import Changes
from desktop.ui.features.context import FeatureContext

if TYPE_CHECKING:  # imported when first used: the window does not need it to start
    from desktop.services.batch_import import BatchSummary
    from desktop.ui.import_dialog import ImportDialog



class ImportFeature(QObject):
    def __init__(self, ctx: FeatureContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.dialog: ImportDialog | None = None
        ctx.window.act_import.triggered.connect(self.choose_files)
        ctx.window.setAcceptDrops(True)
        ctx.window.installEventFilter(self)
        ctx.window.reader.viewport().setAcceptDrops(False)  # drops go to the window

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.ctx.window, self.tr("Import reports"), "",
            self.tr("Reports (*.txt *.md *.docx *.pdf *.html *.htm);;All files (*)"))
        if paths:
            self.start([Path(p) for p in paths])

    def start(self, paths: list[Path]) -> ImportDialog:
        from desktop.ui.import_dialog import ImportDialog

        project = self.ctx.project
        self.dialog = ImportDialog(project.target, project.analyst_name, parent=self.ctx.window)
        self.dialog.reports_imported.connect(
            lambda: self.ctx.bus.publish(Changes(library=True)))
        self.dialog.finished_import.connect(self._imported)
        self.dialog.start(paths)
        return self.dialog

    def _imported(self, summary: BatchSummary) -> None:
        """The import is one undoable action: undo removes the reports it added."""
        from desktop.services.ops.batches import imported

        if summary.imported:
            self.ctx.runner.finish(imported(tuple(rid for rid, _title in summary.imported)),
                                   self.tr("Import reports"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.DragEnter and isinstance(event, QDragEnterEvent)
                and event.mimeData().hasUrls()):
            event.acceptProposedAction()
            return True
        if event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
            if paths:
                event.acceptProposedAction()
                self.start(paths)
                return True
        return super().eventFilter(watched, event)


def install(ctx: FeatureContext) -> ImportFeature:
    return ImportFeature(ctx)
