"""Team work: merging a colleague's project (in a spawned process, with progress and
Cancel), connecting to a team database, and polling it for colleagues' changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from desktop.services.errors import ProjectError
from desktop.ui.features.context import FeatureContext
from desktop.ui.messages import error_text

if TYPE_CHECKING:  # imported when first used: the window does not need them to start
    from desktop.services import team
    from desktop.services.merge import MergeOutcome
    from desktop.ui.jobs import ProcessJob

POLL_MS = 3000


class TeamFeature(QObject):
    def __init__(self, ctx: FeatureContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.job: ProcessJob | None = None
        self.progress: QProgressDialog | None = None
        ctx.window.act_merge.triggered.connect(self.choose_merge)
        ctx.window.act_connect.triggered.connect(self.connect_team)
        self._stamp: team.TeamStamp | None = None
        self.poll_timer = QTimer(self, interval=POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        if ctx.project.is_team:
            self.poll()
            self.poll_timer.start()

    def choose_merge(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.ctx.window, self.tr("Merge a colleague's project"), "",
            self.tr("ReportMark projects (*.rmk *.sqlite *.db);;All files (*)"))
        if path:
            self.merge(path)

    def merge(self, other: str) -> ProcessJob:
        from desktop.services.merge import merge_job
        from desktop.ui.jobs import ProcessJob

        self.progress = QProgressDialog(self.tr("Merging…"), self.tr("Cancel"), 0, 0,
                                        self.ctx.window)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.job = ProcessJob(merge_job, {"target": self.ctx.project.target, "other": other}, self)
        self.job.progress.connect(self._on_progress)
        self.job.finished.connect(self._on_merged)
        self.job.failed.connect(self._on_failed)
        self.progress.canceled.connect(self.job.cancel)
        self.job.start()
        return self.job

    def _on_progress(self, done: int, total: int, message: str) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)
            self.progress.setLabelText(message)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _on_merged(self, outcome: MergeOutcome) -> None:
        from desktop.services.ops.batches import merged

        self._close_progress()
        # one undoable action: undo puts the project back as the backup taken before, or
        # (a team database) reverses what the merge recorded
        self.ctx.runner.finish(merged(outcome.changes(), outcome.backup, outcome.undo),
                               self.tr("Merge a colleague's project"))
        summary = self.merge_summary(outcome)
        self.ctx.window.statusBar().showMessage(summary.replace("\n", " "), 10000)
        QMessageBox.information(self.ctx.window, self.tr("Merge finished"), summary)

    def merge_summary(self, outcome: MergeOutcome) -> str:
        """What a merge brought in, in the window's language (the service's summary is
        the command line's English)."""
        return self.tr(
            "%1 reports added (%2 already here)\n%3 tags added, %4 updated to the newer "
            "version, %5 kept (the other version is in their history), %6 deleted\n"
            "%7 reviews, %8 links, %9 analysts added").replace("%1", str(outcome.reports_added)) \
            .replace("%2", str(outcome.reports_matched)).replace("%3", str(outcome.tags_added)) \
            .replace("%4", str(outcome.tags_updated)).replace("%5", str(outcome.tags_kept)) \
            .replace("%6", str(outcome.tags_deleted)).replace("%7", str(outcome.reviews_added)) \
            .replace("%8", str(outcome.links_added)).replace("%9", str(outcome.analysts_added))

    def _on_failed(self, message: str) -> None:
        self._close_progress()
        self.ctx.runner.show_error(message)

    def connect_team(self) -> None:
        from desktop.services import team
        from desktop.ui.connect_dialog import ConnectDialog

        dialog = ConnectDialog(team.check_connection, self.ctx.window)
        if dialog.exec():  # the connection was checked: open it in place of this project
            self.ctx.window.project_requested.emit(dialog.url())

    def poll(self) -> None:
        from desktop.services import team

        try:
            self._stamp, changes = team.poll(self.ctx.project, self._stamp)
        except ProjectError as exc:  # a dropped connection must not stop the window
            self.ctx.window.statusBar().showMessage(
                self.tr("Team database unreachable: %1").replace("%1", error_text(exc)), 5000)
            return
        if not changes.empty:
            self.ctx.bus.publish(changes)


def install(ctx: FeatureContext) -> TeamFeature:
    return TeamFeature(ctx)
