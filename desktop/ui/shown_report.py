"""The report open in the reader and what the window shows of it: its tags in the reader
and the table, the selected one in the inspector, the analysts whose tags are shown, the
library's rows around it. It is the features' `Navigation` (desktop/ui/reading.py)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut

from desktop.domain.fieldvalues import display
from desktop.services import reports, tags
from desktop.services.analysts import AnalystInfo, list_analysts
from desktop.services.project import Project
from desktop.services.values import KindInfo
from desktop.ui.i18n import pick
from desktop.ui.main_window import MainWindow
from desktop.ui.reading import Layers, SuggestionHooks
from desktop.ui.status_line import StatusLine
from desktop.ui.tag_table import status_labels


class ShownReport(QObject):
    def __init__(self, project: Project, window: MainWindow) -> None:
        super().__init__(window)
        self.project = project
        self.window = window
        self.kinds: list[KindInfo] = []  # the project's, as the controller last loaded them
        self.analysts: list[AnalystInfo] = []
        self.report_id: str | None = None
        self.counts: dict[str, int] = {}  # the reader's tags of each kind
        self.status = StatusLine(project, window)
        self._table_timer = QTimer(self, singleShot=True, interval=0)
        self._table_timer.timeout.connect(self._refresh_table)
        self.library_timer = QTimer(self, singleShot=True, interval=150)
        self.library_timer.timeout.connect(self.reload_library)
        # analyst layers: ids hidden from the reader; blind review hides colleagues'
        # tags on reports this analyst has not marked done
        self.layers = Layers()
        self._report_state = "untouched"
        # suggestion marks, prefilled fields and details, supplied by the suggestions feature
        self.suggestions = SuggestionHooks(counted=self.show_status)

        w = window
        w.library.report_chosen.connect(self.open_report)
        w.reader.tooltip_provider = self.tooltip
        w.reader.mark_clicked.connect(self._on_mark_clicked)
        w.tag_table.tag_chosen.connect(self._on_table_choice)
        w.inspector.link_activated.connect(lambda tag_id: self.select_tag(tag_id, scroll=True))
        # F2 edits the selected tag's fields from anywhere in the window
        QShortcut(QKeySequence(Qt.Key.Key_F2), w, self._focus_first_field)

    # --- loading ------------------------------------------------------------------------

    def reload_analysts(self) -> None:
        self.analysts = list_analysts(self.project)
        reader = self.window.reader
        reader.author_colours = {a.id: a.colour for a in self.analysts}
        reader.colour_by_author = len(self.analysts) - len(self.layers.hidden) > 1 \
            and not self.layers.blind

    def reload_library(self) -> None:
        self.window.library.set_rows(reports.library(self.project), keep=self.report_id)

    def open_report(self, report_id: str) -> None:
        doc = reports.document(self.project, report_id)
        if doc is None:
            return
        # the shown report's document and tags go before the next one's are built: the
        # two never sit in memory together, and the heap does not grow by both
        self.window.reader.clear_report()
        self.report_id = report_id
        w = self.window
        w.report_title.setText(f"{doc.title}   ·   {doc.agency}  {doc.region}  {doc.year or ''}")
        self._report_state = reports.state_of(self.project, report_id)
        w.reader.set_report(doc.text, doc.structure)
        self.refresh_tags()
        w.inspector.show_tag(None)

    def close_report(self) -> None:
        """No report is open (the one open is no longer in the project)."""
        self.report_id = None
        self.window.reader.clear_report()
        self.window.inspector.show_tag(None)

    def refresh_tags(self) -> None:
        """Reload the current report's tags into the reader now, the table a turn later
        (the reader paints first). For a new report, a layer shown or hidden, a kind
        changed: single edits go through `TagUpdates.apply`."""
        if self.report_id is None:
            return
        reader = self.window.reader
        cols = tags.span_columns(self.project, self.report_id)
        shown = self.visible_authors()
        if shown is None:
            reader.set_tags(cols.ids, cols.kinds, cols.starts, cols.ends, cols.statuses,
                            cols.authors)
        else:
            keep = [i for i, a in enumerate(cols.authors) if a in shown]
            reader.set_tags([cols.ids[i] for i in keep], [cols.kinds[i] for i in keep],
                            [cols.starts[i] for i in keep], [cols.ends[i] for i in keep],
                            [cols.statuses[i] for i in keep], [cols.authors[i] for i in keep])
        self.counts = reader.kind_counts()
        self.refresh_suggestions()
        current = reader.selected_mark()
        if current is not None and reader.mark(current.id) is not None:
            reader.select_mark(current.id)
        else:
            reader.select_mark(None)
        self.show_status()
        self._table_timer.start()

    def refresh_suggestions(self) -> None:
        """Ask the suggestion sources again (a report opened, a rejection undone)."""
        if self.report_id is None:
            return
        for source in self.suggestions.sources:
            self.window.reader.set_suggestions(source(self.report_id))

    def refresh_layers(self) -> None:
        """The analysts shown changed (a layer, blind review): the reader follows."""
        self.reload_analysts()
        if self.report_id is not None:
            self._report_state = reports.state_of(self.project, self.report_id)
        self.refresh_tags()

    def visible_authors(self) -> set[str] | None:
        """Analyst ids whose tags the reader shows, or None for everyone."""
        if self.layers.blind and self._report_state != "done":
            return {self.project.analyst_id}
        if not self.layers.hidden:
            return None
        return {a.id for a in self.analysts if a.id not in self.layers.hidden}

    def _refresh_table(self) -> None:
        if self.report_id is None:
            return
        report_id = self.report_id
        current = self.window.reader.selected_mark()
        if current is None:
            self.window.inspector.show_tag(None)
        else:  # a tag, or the suggestion selected after accepting the one before
            self.show_detail(current.id)
        self.window.tag_table.set_source(
            lambda kind, author, status, sort, desc: tags.table_ids(
                self.project, report_id, kind=kind, author=author, status=status, sort=sort,
                descending=desc),
            lambda ids: tags.rows_by_id(self.project, ids),
            tags.authors_on(self.project, report_id),
            keep=current.id if current else None,
        )

    def show_status(self) -> None:
        self.status.show(self.kinds, self.counts, self.suggestions.count)

    def tooltip(self, tag_id: str) -> str:
        detail = tags.detail(self.project, tag_id)
        if detail is None:
            return ""
        kind = next((k for k in self.kinds if k.key == detail.kind), None)
        label = pick(kind.name, kind.name_zh) if kind else detail.kind
        status = status_labels().get(detail.status, detail.status)
        lines = [f"{label} · {detail.author} · {status}"]
        if kind:
            lines += [f"{pick(f.label, f.label_zh)}: {display(detail.fields[f.key])}"
                      for f in kind.fields if detail.fields.get(f.key)]
        return "\n".join(lines)

    # --- selection ----------------------------------------------------------------------

    def _on_mark_clicked(self, mark_id: str) -> None:
        if not mark_id:
            self.window.inspector.show_tag(None)
            self.window.tag_table.select(None, emit=False)
            return
        self.show_detail(mark_id)
        self.window.tag_table.select(mark_id, emit=False)

    def _on_table_choice(self, tag_id: str) -> None:
        self.select_tag(tag_id, scroll=True, flash=True)

    def show_place(self, report_id: str, start: int, end: int) -> None:
        """Open a report (if it is not open) with a span selected and centred."""
        if self.report_id != report_id:
            self.window.library.select(report_id, emit=False)
            self.open_report(report_id)
        self.window.reader.select_span(start, end)
        self.window.reader.centerCursor()

    def select_tag(self, tag_id: str, scroll: bool = False, flash: bool = False) -> None:
        detail = tags.detail(self.project, tag_id)
        if detail is None:
            return
        if detail.report_id != self.report_id:
            self.window.library.select(detail.report_id, emit=False)
            self.open_report(detail.report_id)
        self.window.reader.select_mark(tag_id, scroll=scroll, flash=flash)
        self.window.tag_table.select(tag_id, emit=False)
        self.window.inspector.show_tag(detail)

    def show_detail(self, tag_id: str) -> None:
        """The inspector shows a mark of the reader: a tag, or a suggestion's detail."""
        mark = self.window.reader.mark(tag_id)
        if mark is not None and not mark.suggestion:
            self.window.inspector.show_tag(tags.detail(self.project, tag_id))
            return
        hook = self.suggestions.detail
        shown = hook(tag_id) if mark is not None and hook is not None else None
        if shown is not None:
            self.window.inspector.show_suggestion(*shown)
        else:
            self.window.inspector.show_tag(None)

    def _focus_first_field(self) -> None:
        self.window.inspector.focus_first_field()
