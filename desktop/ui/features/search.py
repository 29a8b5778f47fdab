"""Search: Ctrl+F in the open report, Ctrl+Shift+F across the project, in a panel next
to the library; a result opens its report with the hit selected; "Tag all results"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from desktop.services import search
from desktop.services.changes import Changes
from desktop.services.errors import USER_ERRORS
from desktop.services.tags import delete_many, restore_many
from desktop.ui.features.context import FeatureContext
from desktop.ui.search_panel import SearchPanel
from desktop.ui.undo import CallCommand


class SearchFeature(QObject):
    def __init__(self, ctx: FeatureContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        w = ctx.window
        self.panel = SearchPanel(ctx.project, w)
        w.left_tabs.addTab(self.panel, self.tr("Search"))
        w.act_find.triggered.connect(lambda: self.open(ctx.controller.report_id))
        w.act_find_all.triggered.connect(lambda: self.open(None))
        self.panel.result_activated.connect(self.show_hit)
        self.panel.tag_all_requested.connect(self.tag_all)

    def open(self, report_id: str | None) -> None:
        self.panel.set_scope(report_id)
        self.ctx.window.left_dock.show()
        self.ctx.window.left_tabs.setCurrentWidget(self.panel)
        self.panel.focus_query()

    def show_hit(self, report_id: str, start: int, end: int) -> None:
        controller = self.ctx.controller
        if controller.report_id != report_id:
            self.ctx.window.library.select(report_id, emit=False)
            controller.open_report(report_id)
        reader = self.ctx.window.reader
        reader.select_span(start, end)
        reader.centerCursor()

    def tag_all(self, kind: str, spans: list[tuple[str, int, int]]) -> None:
        project = self.ctx.project
        try:
            changes, ids = search.tag_results(project, kind, spans)
        except USER_ERRORS as exc:
            self.ctx.controller.show_error(exc)
            return
        self.ctx.bus.publish(changes)
        states: list[dict[str, Any]] = []

        def undo() -> Changes:
            nonlocal states
            result, states = delete_many(project, ids)
            return result

        self.ctx.window.undo_stack.push(CallCommand(
            self.tr("Tag all results"), lambda: restore_many(project, states), undo,
            self.ctx.bus.publish))
        self.ctx.window.statusBar().showMessage(
            self.tr("%1 tags created").replace("%1", str(len(ids))), 5000)


def install(ctx: FeatureContext) -> SearchFeature:
    return SearchFeature(ctx)
