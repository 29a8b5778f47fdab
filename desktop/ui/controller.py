"""The main window's controller: it wires the window's parts together — the report shown
(desktop/ui/shown_report.py), the edit commands (tag_editing.py), the key-press path
(tag_updates.py) — loads the project into them, and routes the bus's change sets to
what each names."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QInputDialog

from desktop.services import kinds as kinds_service
from desktop.services import reports
from desktop.services.changes import Changes
from desktop.services.project import Project
from desktop.ui import help_text
from desktop.ui.bus import ChangeBus
from desktop.ui.i18n import pick
from desktop.ui.main_window import MainWindow
from desktop.ui.reader import KindStyle
from desktop.ui.shown_report import ShownReport
from desktop.ui.tag_editing import TagEditing
from desktop.ui.tag_updates import TagUpdates


class MainController(QObject):
    def __init__(self, project: Project, window: MainWindow, bus: ChangeBus,
                 shown: ShownReport, editing: TagEditing) -> None:
        super().__init__(window)
        self.project = project
        self.window = window
        self.bus = bus
        self.shown = shown
        self.editing = editing
        self.updates = TagUpdates(shown)

        w = window
        w.act_next.triggered.connect(lambda: w.reader.step(1))
        w.act_prev.triggered.connect(lambda: w.reader.step(-1))
        w.act_quit.triggered.connect(w.close)
        w.act_switch_analyst.triggered.connect(self.ask_analyst)
        w.act_keys.triggered.connect(lambda: help_text.show_keys(w, shown.kinds))
        w.act_about.triggered.connect(lambda: help_text.show_about(w))
        bus.changed.connect(self.on_changes)

    def start(self, report_id: str | None = None) -> None:
        """Load everything; open `report_id` (the last one read) or the first report."""
        self.shown.reload_analysts()
        self.reload_kinds()
        self.shown.reload_library()
        self.shown.show_status()
        library = self.window.library
        if report_id and library.model.row_of(report_id) >= 0:
            library.select(report_id)
            return
        first = library.model.index(0, 0)
        if first.isValid():
            library.select(first.data(library.model.ID_ROLE))

    def reload_kinds(self) -> None:
        self.shown.kinds = kinds = kinds_service.list_kinds(self.project)
        styles = [KindStyle(k.key, pick(k.name, k.name_zh), k.colour, k.shortcut)
                  for k in kinds]
        self.window.reader.set_kinds(styles)
        self.window.inspector.set_kinds(kinds)
        labels = {k.key: pick(k.name, k.name_zh) for k in kinds}
        self.window.tag_table.set_kinds(labels, {k.key: k.colour for k in kinds},
                                        {k.key: tuple(f.key for f in k.fields) for k in kinds})
        self.window.library.model.set_kinds(list(labels.items()))  # a count for each kind
        actions = self.window.set_kind_actions([(k.key, pick(k.name, k.name_zh), k.shortcut)
                                                 for k in kinds])
        for key, action in actions.items():
            action.triggered.connect(lambda _=False, k=key: self.editing.tag_selection(k))
        self.window.legend.setText(help_text.legend_text(kinds))

    def on_changes(self, changes: Changes) -> None:
        shown = self.shown
        if changes.everything:
            self._reload_everything()
            return
        if changes.analysts:
            shown.reload_analysts()
        if changes.kinds:
            self.reload_kinds()
        if changes.library or (changes.tags - {shown.report_id}):
            shown.library_timer.start()  # counts and lists a turn later, coalesced
        elif changes.reports:  # metadata or a state: those rows only
            self.window.library.update_rows(reports.library(self.project, changes.reports))
        if shown.report_id in changes.reports:
            shown.open_report(shown.report_id)
        elif shown.report_id and shown.report_id in changes.tags and not changes.kinds \
                and self.updates.apply(changes):
            pass
        elif shown.report_id and (shown.report_id in changes.tags or changes.kinds):
            shown.refresh_tags()
            shown.library_timer.start()

    def _reload_everything(self) -> None:
        """The project was put back as a backup has it (a merge undone)."""
        shown = self.shown
        shown.reload_analysts()
        self.reload_kinds()
        shown.reload_library()
        if shown.report_id and self.window.library.model.row_of(shown.report_id) >= 0:
            shown.open_report(shown.report_id)
        else:
            shown.close_report()

    def ask_analyst(self) -> None:
        from desktop.services.project import switch_analyst

        name, ok = QInputDialog.getText(self.window, self.tr("Switch analyst"),
                                        self.tr("Your name:"), text=self.project.analyst_name)
        if ok and name.strip():
            switch_analyst(self.project, name)
            self.window.undo_stack.clear()
            self.shown.show_status()
            self.bus.publish(Changes(analysts=True, library=True))

    def dispose(self) -> None:
        QTimer.singleShot(0, self.project.close)
