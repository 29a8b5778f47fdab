"""Analyst layers (View ▸ Analysts: show or hide each analyst's tags, drawn in the
analyst's colour), blind review, and marking a report done. The choices persist."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap

from desktop.services.analysts import list_analysts
from desktop.services.ops.reports import SetReportState
from desktop.ui.features.context import FeatureContext


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class LayersFeature(QObject):
    def __init__(self, ctx: FeatureContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        w = ctx.window
        self.settings = QSettings()
        self.menu = w.view_menu.addMenu(self.tr("&Analysts"))
        self.act_blind = QAction(self.tr("&Blind review (hide colleagues' tags until done)"), w)
        self.act_blind.setObjectName("actBlind")
        self.act_blind.setCheckable(True)
        self.act_blind.setChecked(bool(self.settings.value("layers/blind", False, bool)))
        self.act_blind.toggled.connect(self.set_blind)
        w.view_menu.addAction(self.act_blind)
        self.act_done = QAction(self.tr("Mark report &done"), w)
        self.act_done.setObjectName("actDone")
        self.act_done.setShortcut(QKeySequence("Ctrl+D"))
        self.act_done.triggered.connect(self.mark_done)
        w.tag_menu.addAction(self.act_done)
        hidden = self.settings.value("layers/hidden", [], list)
        ctx.layers.hidden = {str(h) for h in hidden} if isinstance(hidden, list) else set()
        ctx.layers.blind = self.act_blind.isChecked()
        self.menu.aboutToShow.connect(self.fill_menu)

    def fill_menu(self) -> None:
        self.menu.clear()
        for analyst in list_analysts(self.ctx.project):
            action = self.menu.addAction(_swatch(analyst.colour), analyst.name)
            action.setCheckable(True)
            action.setChecked(analyst.id not in self.ctx.layers.hidden)
            action.toggled.connect(lambda on, a=analyst.id: self.show_author(a, on))

    def show_author(self, analyst_id: str, shown: bool) -> None:
        hidden = self.ctx.layers.hidden
        (hidden.discard if shown else hidden.add)(analyst_id)
        self.settings.setValue("layers/hidden", sorted(hidden))
        self.ctx.nav.refresh_layers()

    def set_blind(self, on: bool) -> None:
        self.ctx.layers.blind = on
        self.settings.setValue("layers/blind", on)
        self.ctx.nav.refresh_layers()

    def mark_done(self) -> None:
        report_id = self.ctx.nav.report_id
        if report_id is None:
            return
        if self.ctx.runner.run(SetReportState(report_id, "done"), self.tr("Mark report done")):
            self.ctx.window.statusBar().showMessage(self.tr("Report marked done."), 4000)


def install(ctx: FeatureContext) -> LayersFeature:
    return LayersFeature(ctx)
