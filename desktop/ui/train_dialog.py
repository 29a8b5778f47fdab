"""Tag ▸ Train suggestions: the project's learned suggesters trained in the worker process
(desktop.services.learning.train_project_job), with progress, Cancel and, at the end, a
line per kind (examples, sentences, seconds, or why it was not trained)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from desktop.services.learning import MIN_EXAMPLES, TrainOutcome, train_project_job
from desktop.ui.job_dialog import JobDialog
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


class TrainDialog(JobDialog):
    trained = Signal(object)  # list[TrainOutcome], at the end (empty after Cancel or failure)

    def __init__(self, target: str, analyst: str | None, names: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate(
            "TrainDialog", "Reading the project's tags and decisions…"), parent)
        self.setObjectName("trainDialog")
        self.setWindowTitle(self.tr("Train suggestions"))
        self.setMinimumWidth(480)
        self._target, self._analyst, self._names = str(target), analyst, names
        self.outcomes: list[TrainOutcome] | None = None

    def start(self, kinds: list[str] | None = None) -> None:
        self.follow(ProcessJob(train_project_job, {
            "target": self._target, "analyst": self._analyst, "kinds": kinds}, self))

    def _on_progress(self, done: int, total: int, kind: str) -> None:
        self.set_progress(done, total)
        if kind:
            self.status.setText(self.tr("Training %1 (%2 of %3)…").replace(
                "%1", self._names.get(kind, kind)).replace("%2", str(done + 1)).replace(
                "%3", str(total)))

    def _on_finished(self, outcomes: object) -> None:
        assert isinstance(outcomes, list)
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

    def _on_cancelled(self) -> None:
        self._finish([], self.tr(
            "Training cancelled. The models trained before stay in the project."))

    def _finish(self, outcomes: list[TrainOutcome], text: str) -> None:
        self.outcomes = outcomes
        head, _, rest = text.partition("\n")
        self.show_result(head, rest.strip())  # a line per kind under the summary
        self.trained.emit(outcomes)
