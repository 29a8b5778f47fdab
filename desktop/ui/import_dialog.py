"""The import dialog: progress and Cancel while files import in a spawned process, then
a summary of what was imported, skipped as a duplicate, or refused and why.

For the main window (menu "Import…" and drag-and-drop)::

    dialog = ImportDialog(project.target, project.analyst_name, parent=window)
    dialog.reports_imported.connect(lambda: bus.publish(Changes(library=True)))
    dialog.start(paths)        # files and/or folders; shows itself
    # or dialog.exec() after start() for a modal dialog

`reports_imported()` is emitted once at the end when the library may have changed
(reports added, or a Cancel after the first file); `finished_import(BatchSummary)`
always at the end (an empty summary after Cancel or a failure). Files already imported stay imported after Cancel: each file is
one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from desktop.services.batch_import import BatchSummary, import_batch
from desktop.ui.job_dialog import JobDialog
from desktop.ui.jobs import ProcessJob
from desktop.ui.messages import error_text


def summary_text(summary: BatchSummary, cancelled: bool = False) -> str:
    """What the import did, in the window's language; refusals translated one by one."""
    head = (QCoreApplication.translate("ImportDialog", "Import cancelled.") if cancelled
            else QCoreApplication.translate("ImportDialog", "Import finished."))
    lines = [head + " " + QCoreApplication.translate(
        "ImportDialog", "%1 imported, %2 skipped as duplicates, %3 refused.")
        .replace("%1", str(len(summary.imported))).replace("%2", str(len(summary.skipped)))
        .replace("%3", str(len(summary.refused)))]
    if summary.imported:
        lines += ["", QCoreApplication.translate("ImportDialog", "Imported:")]
        lines += [f"  {title}" for _id, title in summary.imported]
    if summary.skipped:
        lines += ["", QCoreApplication.translate("ImportDialog",
                                                 "Skipped (already in the project):")]
        lines += [f"  {title}" for title, _reason in summary.skipped]
    if summary.refused:
        lines += ["", QCoreApplication.translate("ImportDialog", "Refused:")]
        lines += [f"  {error_text(refusal)}" for refusal in summary.refusals]
    return "\n".join(lines)


class ImportDialog(JobDialog):
    reports_imported = Signal()  # the library may have changed: refresh it
    finished_import = Signal(object)  # BatchSummary (empty after Cancel or a failure)

    def __init__(self, target: str, analyst: str | None, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("ImportDialog", "Preparing…"), parent)
        self.setWindowTitle(self.tr("Import reports"))
        self.setMinimumWidth(520)
        self.resize(620, 400)  # the summary's refusals in sight, not below the fold
        self._target = str(target)
        self._analyst = analyst
        self._files_done = 0
        self.summary: BatchSummary | None = None

    def start(self, paths: Sequence[str | Path]) -> None:
        self.follow(ProcessJob(import_batch, {
            "target": self._target, "analyst": self._analyst,
            "paths": [str(p) for p in paths],
        }, self))

    # -- job events ------------------------------------------------------------------
    def _on_progress(self, done: int, total: int, message: str) -> None:
        self._files_done = done
        self.set_progress(done, total)
        if message == "Done":
            self.status.setText(self.tr("Finishing…"))
        elif done < total:
            self.status.setText(self.tr("Importing {0} ({1} of {2})").format(
                message, done + 1, total))
        else:
            self.status.setText(message)

    def _finish(self, summary: BatchSummary, text: str, changed: bool = False) -> None:
        self.summary = summary
        self.show_result(text.split("\n", 1)[0], text)
        if summary.library_changed or changed:
            self.reports_imported.emit()
        self.finished_import.emit(summary)

    def _on_finished(self, summary: object) -> None:
        assert isinstance(summary, BatchSummary)
        self._finish(summary, summary_text(summary))

    def _on_failed(self, message: str) -> None:
        self._finish(BatchSummary(), self.tr("The import failed: {0}").format(message))

    def _on_cancelled(self) -> None:
        # What was committed before Cancel stays; the summary of it comes from the
        # project, which the lead's library refresh shows (the process is gone).
        self._finish(BatchSummary(), self.tr(
            "Import cancelled. Files imported before Cancel stay in the project; "
            "the file in progress was not imported."), changed=self._files_done > 0)
