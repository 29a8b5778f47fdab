"""A dialog that follows one job in the worker process (desktop/ui/jobs.py): a status
line, a progress bar and Cancel while it runs; at the end a summary line, details under
it and Close. Closing the window cancels the job. Subclasses start their job with
`follow()` and say what its progress and result mean."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.jobs import ProcessJob


class JobDialog(QDialog):
    def __init__(self, status: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._job: ProcessJob | None = None
        self.status = QLabel(status)
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self._on_cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)

    @property
    def running(self) -> bool:
        return self._job is not None and self._job.running

    def follow(self, job: ProcessJob) -> None:
        """Start `job` and show its progress, then its result."""
        self._job = job
        job.progress.connect(self._on_progress)
        job.finished.connect(self._on_finished)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)
        job.start()
        self.show()

    def show_result(self, head: str, details: str) -> None:
        """The job is over: its summary line, the details under it, and Close."""
        self.status.setText(head)
        self.details.setPlainText(details)
        self.details.setVisible(bool(details))
        self.progress.hide()
        self.buttons.clear()
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.accept)

    def set_progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    # what the job's events mean: the subclass says
    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.set_progress(done, total)

    def _on_finished(self, result: object) -> None:
        raise NotImplementedError

    def _on_failed(self, message: str) -> None:
        raise NotImplementedError

    def _on_cancelled(self) -> None:
        raise NotImplementedError

    def _on_cancel(self) -> None:
        if self.running and self._job is not None:
            self._job.cancel()
        else:
            self.reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running and self._job is not None:
            self._job.cancel()
        super().closeEvent(event)
