"""Suggestions that learn, in the window (issue 17): the models' work on the open report
(in the worker for long reports, kept while the models stay the same), Tag ▸ Train
suggestions (in the worker, with progress and a result per kind), training in the worker
after every TRAIN_EVERY decisions on a kind, and File ▸ Import annotations… (a preview of
the label → kind mapping and the counts, then all or nothing)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from desktop.services.changes import Changes
from desktop.services.errors import USER_ERRORS
from desktop.ui.features.context import FeatureContext
from desktop.ui.messages import error_text

if TYPE_CHECKING:  # imported when first used: the window does not need them to start
    from desktop.domain.suggestion import Suggestion
    from desktop.services.annotations import AnnotationOutcome, AnnotationPlan
    from desktop.services.learning import Predictions, TrainOutcome
    from desktop.ui.annotations_dialog import AnnotationsDialog
    from desktop.ui.jobs import ProcessJob
    from desktop.ui.train_dialog import TrainDialog

# a report whose characters × models stay under this is run through the models in the GUI
# process (about 13 µs a character and model: 80 ms at most); a longer one in the worker
INLINE_WORK = 6_000
# seconds of quiet after a decision before the window asks whether a kind is due
AUTO_TRAIN_DELAY_MS = 1500
_KEEP = 16  # reports whose predictions are kept
# what a file of annotations that cannot be brought in raises (one not in UTF-8 too)
BAD_FILE: tuple[type[Exception], ...] = (*USER_ERRORS, UnicodeDecodeError)


class LearnedPredictions(QObject):
    """The models' spans and rule confidences for reports, computed once per report and
    model version; `ready(report_id)` is called when a worker's result arrives."""

    def __init__(self, ctx: FeatureContext, ready: Callable[[str], None]) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self._ready = ready
        self._kept: dict[str, Predictions] = {}
        self.job: ProcessJob | None = None
        self._pending: str | None = None
        ctx.window.closing.connect(self.stop)

    def stop(self) -> None:
        """The window closes: a worker still running stops."""
        if self.job is not None and self.job.running:
            self.job.cancel()

    def get(self, report_id: str, ruled: list[Suggestion]) -> Predictions | None:
        """The report's predictions if they are at hand (computed now when the report is
        short); None while a worker computes them, or when there is no model."""
        from desktop.services import learning

        stamps = learning.model_stamps(self.ctx.project)
        if not stamps:  # no model (yet, or no longer)
            self._kept.pop(report_id, None)
            return None
        have = self._kept.get(report_id)
        work = learning.prediction_work(self.ctx.project, report_id, ruled, have, stamps)
        if work is None:
            return have
        if len(work.text) * len(work.models) <= INLINE_WORK:
            return self._keep(report_id, learning.predict_report(**work.kwargs))
        self._in_worker(work)
        return None

    def _keep(self, report_id: str, predicted: Predictions) -> Predictions:
        self._kept.pop(report_id, None)
        if len(self._kept) >= _KEEP:
            self._kept.pop(next(iter(self._kept)))
        self._kept[report_id] = predicted
        return predicted

    def _in_worker(self, work: Any) -> None:
        from desktop.services import learning
        from desktop.ui.jobs import ProcessJob

        if self._pending == work.report_id and self.job is not None and self.job.running:
            return
        if self.job is not None and self.job.running:
            self.job.cancel()
        self._pending = report_id = work.report_id
        self.job = ProcessJob(learning.predict_job, work.kwargs, self)
        self.job.finished.connect(lambda result: self._done(report_id, result))
        self.job.failed.connect(self._failed)
        self.job.start()

    def _done(self, report_id: str, predicted: Predictions) -> None:
        self._pending = None
        self._keep(report_id, predicted)
        self._ready(report_id)

    def _failed(self, message: str) -> None:
        self._pending = None
        self.ctx.window.statusBar().showMessage(
            self.tr("Learned suggestions failed: %1").replace("%1", message), 8000)


def kind_label(ctx: FeatureContext, key: str) -> str:
    from desktop.ui.i18n import pick

    kind = next((k for k in ctx.nav.kinds if k.key == key), None)
    return pick(kind.name, kind.name_zh) if kind is not None else key


class LearningFeature(QObject):
    def __init__(self, ctx: FeatureContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.job: ProcessJob | None = None  # a training started by decisions
        self.train_dialog: TrainDialog | None = None
        self.annotations_dialog: AnnotationsDialog | None = None
        self.last_outcomes: list[TrainOutcome] = []
        self.decisions_seen = 0
        self._auto_timer = QTimer(self, singleShot=True, interval=AUTO_TRAIN_DELAY_MS)
        self._auto_timer.timeout.connect(self.train_if_due)
        ctx.window.act_train.triggered.connect(self.train)
        ctx.window.act_import_annotations.triggered.connect(self.choose_annotations)
        ctx.bus.changed.connect(self._on_changes)
        ctx.window.closing.connect(self.stop)

    def stop(self) -> None:
        """The window closes: a training still running stops (the models it stored stay)."""
        self._auto_timer.stop()
        if self.job is not None and self.job.running:
            self.job.cancel()
        if self.train_dialog is not None and self.train_dialog.running:
            self.train_dialog.close()

    # --- training --------------------------------------------------------------------

    @property
    def training(self) -> bool:
        return (self.job is not None and self.job.running) or (
            self.train_dialog is not None and self.train_dialog.running)

    def train(self) -> TrainDialog:
        """Tag ▸ Train suggestions: every kind with enough tags, in the worker."""
        from desktop.ui.train_dialog import TrainDialog

        if self.train_dialog is not None and self.train_dialog.running:
            self.train_dialog.show()  # one training at a time: its dialog again
            return self.train_dialog
        if self.job is not None and self.job.running:
            self.job.cancel()  # the full training covers what it was doing
        project = self.ctx.project
        names = {k.key: kind_label(self.ctx, k.key) for k in self.ctx.nav.kinds}
        self.train_dialog = TrainDialog(project.target, project.analyst_name, names,
                                        parent=self.ctx.window)
        self.train_dialog.trained.connect(self._trained)
        self.train_dialog.start()
        return self.train_dialog

    def _on_changes(self, changes: Changes) -> None:
        if changes.tags or changes.created or changes.removed or changes.updated:
            self.count_decisions(len(changes.created | changes.updated | changes.removed) or 1)

    def count_decisions(self, n: int) -> None:
        """Decisions seen in this window; every TRAIN_EVERY of them the worker looks
        which kinds are due (counting the whole project's: colleagues' too)."""
        from desktop.services import learning

        self.decisions_seen += n
        if self.decisions_seen >= learning.TRAIN_EVERY:
            self._auto_timer.start()

    def train_if_due(self) -> None:
        """Train, quietly in the worker, the kinds with TRAIN_EVERY decisions since their
        model was trained (a training already running: looked at again when it ends)."""
        from desktop.services import learning
        from desktop.ui.jobs import ProcessJob

        if self.training:
            return
        self.decisions_seen = 0
        project = self.ctx.project
        self.job = ProcessJob(learning.train_due_job, {
            "target": project.target, "analyst": project.analyst_name,
            "every": learning.TRAIN_EVERY}, self)
        self.job.progress.connect(self._auto_progress)
        self.job.finished.connect(self._trained_quietly)
        self.job.failed.connect(self._auto_failed)
        self.job.start()

    def _auto_progress(self, _done: int, _total: int, kind: str) -> None:
        if kind:
            self.ctx.window.statusBar().showMessage(
                self.tr("Training suggestions (%1)…").replace("%1", kind_label(self.ctx, kind)))

    def _trained_quietly(self, outcomes: list[TrainOutcome]) -> None:
        from desktop.ui.train_dialog import outcome_line

        done = [outcome_line(o, kind_label(self.ctx, o.kind)) for o in outcomes if o.trained]
        if done:
            self.ctx.window.statusBar().showMessage(
                self.tr("Suggestions trained: %1").replace("%1", "; ".join(done)), 8000)
        self._trained(outcomes)

    def _auto_failed(self, message: str) -> None:
        self.ctx.window.statusBar().showMessage(
            self.tr("Training suggestions failed: %1").replace("%1", message), 8000)

    def _trained(self, outcomes: list[TrainOutcome]) -> None:
        from desktop.services import learning

        self.last_outcomes = list(outcomes)
        if any(o.trained for o in outcomes):
            self.ctx.nav.refresh_tags()  # the new models' suggestions
        if self.decisions_seen >= learning.TRAIN_EVERY:  # decisions made while it trained
            self._auto_timer.start()

    # --- annotations from other tools ------------------------------------------------

    def choose_annotations(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self.ctx.window, self.tr("Import annotations"), "",
            self.tr("Annotations (*.jsonl *.json *.ann *.tsv *.txt);;All files (*)"))
        if path:
            self.preview_annotations(Path(path))

    def preview_annotations(self, path: Path) -> AnnotationsDialog | None:
        """Read the file and show what importing it would do; nothing is written until
        the dialog's Import. A file that cannot be read gives one line and changes nothing."""
        from desktop.services import annotations
        from desktop.ui.annotations_dialog import AnnotationsDialog

        project = self.ctx.project
        try:
            fmt, docs = annotations.read(path)
            plan = annotations.plan(project, fmt, docs)
        except BAD_FILE as exc:
            why = (self.tr("%1 is not UTF-8 text").replace("%1", path.name)
                   if isinstance(exc, UnicodeDecodeError) else error_text(exc))
            self.ctx.runner.show_error(
                self.tr("The annotations were not imported: %1").replace("%1", why))
            return None
        names = {k.key: kind_label(self.ctx, k.key) for k in self.ctx.nav.kinds}
        self.annotations_dialog = AnnotationsDialog(
            path.name, plan, names, lambda: self.import_annotations(plan),
            parent=self.ctx.window)
        self.annotations_dialog.applied.connect(  # every imported tag is a decision
            lambda _changes, d=self.annotations_dialog: self.count_decisions(
                d.outcome.tags_created if d.outcome is not None else 0))
        self.annotations_dialog.show()
        return self.annotations_dialog

    def import_annotations(self, plan: AnnotationPlan) -> AnnotationOutcome | None:
        """One operation through the runner (published, undone with Ctrl+Z); a refusal
        is said in the dialog. None: nothing was imported."""
        from desktop.services.annotations import AnnotationOutcome
        from desktop.services.ops.annotations import ImportAnnotations

        dialog = self.annotations_dialog
        done = self.ctx.runner.run(ImportAnnotations(plan), self.tr("Import annotations"),
                                   dialog.refused if dialog is not None else None)
        summary = done.summary if done is not None else None
        return summary if isinstance(summary, AnnotationOutcome) else None


def install(ctx: FeatureContext) -> LearningFeature:
    return LearningFeature(ctx)
