"""Tag ▸ Train suggestions: the project's learned suggesters trained in the worker process
(desktop.services.learning.train_project_job), with progress, Cancel and, at the end, a
line per kind (examples, sentences, seconds, or why it was not trained)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
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

from desktop.services.learning import MIN_EXAMPLES, TrainOutcome, train_project_job
from desktop.ui.jobs import ProcessJob


def outcome_line(o: TrainOutcome, label: str) -> str:
    """One kind's result, in the window's language."""
    if o.trained:
        return QCoreApplication.translate(
            "TrainDialog", "%1: trained on %2 examples in %3 sentences (%4 s)").replace(
            "%1", label).replace("%2", str(o.examples)).replace("%3", str(o.sentences)).replace(
            "%4", f"{o.seconds:.2f}" if o.seconds < 10 else f"{o.seconds:.0f}")
    return QCoreApplication.translate(
        "TrainDialog", "%1: not trained, it needs %2 examples (%3 so far)").replace(
        "%1", label).replace("%2", str(MIN_EXAMPLES)).replace("%3", str(o.examples))


class TrainDialog(QDialog):
    trained = Signal(object)  # list[TrainOutcome], at the end (empty after Cancel or failure)

    def __init__(self, target: str, analyst: str | None, names: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainDialog")
        self.setWindowTitle(self.tr("Train suggestions"))
        self.setMinimumWidth(480)
        self._target, self._analyst, self._names = str(target), analyst, names
        self._job: ProcessJob | None = None
        self.outcomes: list[TrainOutcome] | None = None
        self.status = QLabel(self.tr("Reading the project's tags and decisions…"))
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

    def start(self, kinds: list[str] | None = None) -> None:
        self._job = ProcessJob(train_project_job, {
            "target": self._target, "analyst": self._analyst, "kinds": kinds}, self)
        self._job.progress.connect(self._on_progress)
        self._job.finished.connect(self._on_finished)
        self._job.failed.connect(self._on_failed)
        self._job.cancelled.connect(lambda: self._finish(
            [], self.tr("Training cancelled. The models trained before stay in the project.")))
        self._job.start()
        self.show()

    def _on_progress(self, done: int, total: int, kind: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        if kind:
            self.status.setText(self.tr("Training %1 (%2 of %3)…").replace(
                "%1", self._names.get(kind, kind)).replace("%2", str(done + 1)).replace(
                "%3", str(total)))

    def _on_finished(self, outcomes: list[TrainOutcome]) -> None:
        if not outcomes:
            text = self.tr("No kind has %1 tags yet: there is nothing to train.").replace(
                "%1", str(MIN_EXAMPLES))
        else:
            trained = sum(o.trained for o in outcomes)
            head = self.tr("Training finished: %1 of %2 kinds trained.").replace(
                "%1", str(trained)).replace("%2", str(len(outcomes)))
            lines = [outcome_line(o, self._names.get(o.kind, o.kind)) for o in outcomes]
            text = "\n".join([head, "", *lines])
        self._finish(list(outcomes), text)

    def _on_failed(self, message: str) -> None:
        self._finish([], self.tr("Training failed: %1").replace("%1", message))

    def _finish(self, outcomes: list[TrainOutcome], text: str) -> None:
        self.outcomes = outcomes
        head, _, rest = text.partition("\n")
        self.status.setText(head)
        self.details.setPlainText(rest.strip())  # a line per kind under the summary
        self.details.setVisible(bool(rest.strip()))
        self.progress.hide()
        self.buttons.clear()
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.accept)
        self.trained.emit(outcomes)

    def _on_cancel(self) -> None:
        if self.running and self._job is not None:
            self._job.cancel()
        else:
            self.reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running and self._job is not None:
            self._job.cancel()
        super().closeEvent(event)
