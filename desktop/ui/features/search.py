"""Search: Ctrl+F in the open report, Ctrl+Shift+F across the project, in a panel next
to the library; a result opens its report with the hit selected; "Tag all results"."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.services.ops.tags import TagResults
from desktop.ui.features.context import FeatureContext
from desktop.ui.search_panel import SearchPanel


class SearchFeature(QObject):
    def __init__(self, ctx: FeatureContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        w = ctx.window
        self.panel = SearchPanel(ctx.project, w)
        w.left_tabs.addTab(self.panel, self.tr("Search"))
        w.act_find.triggered.connect(lambda: self.open(ctx.nav.report_id))
        w.act_find_all.triggered.connect(lambda: self.open(None))
        self.panel.result_activated.connect(self.show_hit)
        self.panel.tag_all_requested.connect(self.tag_all)

    def open(self, report_id: str | None) -> None:
        self.panel.set_scope(report_id)
        self.ctx.window.left_dock.show()
        self.ctx.window.left_tabs.setCurrentWidget(self.panel)
        self.panel.focus_query()

    def show_hit(self, report_id: str, start: int, end: int) -> None:
        self.ctx.nav.show_place(report_id, start, end)

    def tag_all(self, kind: str, spans: list[tuple[str, int, int]]) -> None:
        outcome = self.ctx.runner.run(TagResults(kind, tuple(spans)), self.tr("Tag all results"))
        if outcome is not None:
            self.ctx.window.statusBar().showMessage(
                self.tr("%1 tags created").replace("%1", str(len(outcome.changes.created))),
                5000)


def install(ctx: FeatureContext) -> SearchFeature:
    return SearchFeature(ctx)
