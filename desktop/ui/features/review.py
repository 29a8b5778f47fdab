"""Review: a queue of colleagues' tags (keys A, R, C), the agreement dialog with
adjudication, and each report's state (mark done) for blind review."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QInputDialog

from desktop.ui.features.context import FeatureContext
from desktop.ui.review_panel import ReviewPanel

if TYPE_CHECKING:  # imported when first shown: the window does not need it to start
    from desktop.ui.agreement_dialog import AgreementDialog


class ReviewFeature(QObject):
    def __init__(self, ctx: FeatureContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        w = ctx.window
        self.panel = ReviewPanel(ctx.project, ctx.runner.run, w)
        w.left_tabs.addTab(self.panel, self.tr("Review"))
        self.panel.tag_activated.connect(lambda _rid, tag_id: ctx.nav.select_tag(
            tag_id, scroll=True, flash=True))
        self.panel.failed.connect(ctx.runner.show_error)
        self.panel.edit_requested.connect(self._edit_copy)
        # the queue follows changes a moment later, and only while it is on screen (a
        # key press with the queue hidden starts nothing; showing it refreshes it)
        self._refresh_timer = QTimer(self, singleShot=True, interval=200)
        self._refresh_timer.timeout.connect(self._refresh_if_shown)
        ctx.bus.changed.connect(self._changed)
        w.left_tabs.currentChanged.connect(lambda _i: self._refresh_if_shown())
        w.act_agreement.triggered.connect(self.show_agreement)
        self.dialog: AgreementDialog | None = None

    def _edit_copy(self, _report_id: str, tag_id: str) -> None:
        """"Correct" made the reviewer's copy: show it and put the cursor in its first
        field, ready to be fixed."""
        self.ctx.nav.select_tag(tag_id, scroll=True)
        self.ctx.window.inspector.focus_first_field()

    def _changed(self, _changes: object) -> None:
        if self.panel.isVisible():
            self._refresh_timer.start()

    def _refresh_if_shown(self) -> None:
        if self.panel.isVisible():
            self.panel.refresh()

    def show_agreement(self) -> AgreementDialog:
        from desktop.ui.agreement_dialog import AgreementDialog

        self.dialog = dialog = AgreementDialog(self.ctx.project, parent=self.ctx.window,
                                               run=self.ctx.runner.run)
        dialog.disagreement_activated.connect(self._show_place)
        dialog.write_own_requested.connect(self._write_own)
        dialog.show()
        return dialog

    def _show_place(self, report_id: str, start: int, end: int) -> None:
        self.ctx.nav.show_place(report_id, start, end)

    def _write_own(self, report_id: str, start: int, end: int, kind: str) -> None:
        """The adjudicator's own version: the span as currently selected in the reader
        (select it there first), else the disputed place."""
        self._show_place(report_id, start, end)
        kinds = [k.key for k in self.ctx.nav.kinds]
        label, ok = QInputDialog.getItem(self.ctx.window, self.tr("Write your own"),
                                         self.tr("Kind of the consensus tag:"), kinds,
                                         max(kinds.index(kind), 0) if kind in kinds else 0, False)
        if not ok:
            return
        from desktop.services.ops.review import WriteOwn

        if self.ctx.runner.run(WriteOwn(report_id, label, start, end),
                               self.tr("Write your own")) is None:
            return
        if self.dialog is not None:
            self.dialog.recompute()


def install(ctx: FeatureContext) -> ReviewFeature:
    return ReviewFeature(ctx)
