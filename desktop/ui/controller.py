"""The main window's controller: it receives the project, the bus and the window, turns
user input into service calls (through the undo stack) and refreshes views from the
change sets the services return."""

from __future__ import annotations

from functools import partial
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop.domain.fieldvalues import display
from desktop.domain.states import Origin
from desktop.services import kinds as kinds_service
from desktop.services import reports, tags
from desktop.services.analysts import AnalystInfo, list_analysts
from desktop.services.changes import Changes
from desktop.services.ops import tags as ops
from desktop.services.ops.reports import EditMetadata
from desktop.services.project import Project
from desktop.services.values import KindInfo, TagDetail
from desktop.ui.bus import ChangeBus
from desktop.ui.i18n import pick
from desktop.ui.main_window import MainWindow
from desktop.ui.messages import error_text
from desktop.ui.reader import KindStyle, Mark
from desktop.ui.reading import Layers, SuggestionHooks, taken_by
from desktop.ui.runner import Runner
from desktop.ui.tag_table import status_labels


class MainController(QObject):
    def __init__(self, project: Project, window: MainWindow, bus: ChangeBus,
                 runner: Runner) -> None:
        super().__init__(window)
        self.project = project
        self.window = window
        self.bus = bus
        self.runner = runner
        self.undo = window.undo_stack
        self.kinds: list[KindInfo] = []
        self.report_id: str | None = None
        self._counts: dict[str, int] = {}
        self.analysts: list[AnalystInfo] = []
        self._table_timer = QTimer(self, singleShot=True, interval=0)
        self._table_timer.timeout.connect(self._refresh_table)
        self._library_timer = QTimer(self, singleShot=True, interval=150)
        self._library_timer.timeout.connect(self.reload_library)
        self._names: dict[str, str] = {}
        # analyst layers: ids hidden from the reader; blind review hides colleagues'
        # tags on reports this analyst has not marked done
        self.layers = Layers()
        self._report_state = "untouched"
        # suggestion marks, prefilled fields and details, supplied by the suggestions feature
        self.suggestions = SuggestionHooks(counted=self._update_status)

        w = window
        w.library.report_chosen.connect(self.open_report)
        w.library.edit_requested.connect(self.edit_metadata)
        w.reader.tooltip_provider = self.tooltip
        w.reader.tag_requested.connect(self.create_tag)
        w.reader.mark_clicked.connect(self._on_mark_clicked)
        w.reader.delete_requested.connect(self.delete_tag)
        w.reader.resize_requested.connect(self.resize_tag)
        w.reader.tag_all_requested.connect(self.tag_all)
        w.tag_table.tag_chosen.connect(self._on_table_choice)
        w.inspector.field_edited.connect(self.edit_field)
        w.inspector.note_edited.connect(self.edit_note)
        w.inspector.kind_changed.connect(self.change_kind)
        w.inspector.revert_requested.connect(self.revert)
        w.inspector.link_requested.connect(self.link)
        w.inspector.unlink_requested.connect(self.unlink)
        w.inspector.link_activated.connect(lambda tag_id: self.select_tag(tag_id, scroll=True))
        w.act_next.triggered.connect(lambda: w.reader.step(1))
        w.act_prev.triggered.connect(lambda: w.reader.step(-1))
        w.act_quit.triggered.connect(w.close)
        w.act_switch_analyst.triggered.connect(self.ask_analyst)
        w.act_keys.triggered.connect(self.show_keys)
        w.act_about.triggered.connect(self.show_about)
        bus.changed.connect(self.on_changes)
        # F2 edits the selected tag's fields from anywhere in the window
        QShortcut(QKeySequence(Qt.Key.Key_F2), w, self._focus_first_field)

    # --- loading ------------------------------------------------------------------------

    def start(self, report_id: str | None = None) -> None:
        """Load everything; open `report_id` (the last one read) or the first report."""
        self.reload_analysts()
        self.reload_kinds()
        self.reload_library()
        self._update_status()
        if report_id and self.window.library.model.row_of(report_id) >= 0:
            self.window.library.select(report_id)
            return
        first = self.window.library.model.index(0, 0)
        if first.isValid():
            self.window.library.select(first.data(self.window.library.model.ID_ROLE))

    def reload_kinds(self) -> None:
        self.kinds = kinds_service.list_kinds(self.project)
        styles = [KindStyle(k.key, pick(k.name, k.name_zh), k.colour, k.shortcut)
                  for k in self.kinds]
        self.window.reader.set_kinds(styles)
        self.window.inspector.set_kinds(self.kinds)
        labels = {k.key: pick(k.name, k.name_zh) for k in self.kinds}
        self.window.tag_table.set_kinds(labels, {k.key: k.colour for k in self.kinds},
                                        {k.key: tuple(f.key for f in k.fields) for k in self.kinds})
        self.window.library.model.set_kinds(list(labels.items()))  # a count for each kind
        actions = self.window.set_kind_actions([(k.key, pick(k.name, k.name_zh), k.shortcut)
                                                 for k in self.kinds])
        for key, action in actions.items():
            action.triggered.connect(lambda _=False, k=key: self._tag_selection(k))
        self.window.legend.setText(self.legend_text())

    def legend_text(self) -> str:
        """One line under the title: what the marks mean, and the keys to walk them."""
        kinds = " ".join(f'<span style="color:{k.colour}">■ {escape(pick(k.name, k.name_zh))}</span>'
                         for k in self.kinds)
        marks = self.tr("dashed outline: a suggestion · underline: a tag · ✓ accepted · "
                        "✎ corrected · struck through: rejected")
        shortcuts = " ".join(escape(k.shortcut) for k in self.kinds if k.shortcut)
        keys = (self.tr("N / P next / previous · Enter accept · X reject · %1 tag or accept "
                        "as that kind · F1 all keys").replace("%1", shortcuts) if shortcuts
                else self.tr("N / P next / previous · Enter accept · X reject · F1 all keys"))
        return f"{kinds} &nbsp;·&nbsp; {marks}<br><b>{keys}</b>"

    def keys_text(self) -> str:
        """Help ▸ Keyboard shortcuts (F1): the kinds' keys as the project defines them."""
        mine = [k for k in self.kinds if k.shortcut]
        first = self.tr("%1 — tag the selection as %2").replace(
            "%1", " / ".join(k.shortcut for k in mine)).replace(
            "%2", " / ".join(pick(k.name, k.name_zh) for k in mine))
        rest = self.tr(
            "N / P — next / previous tag or suggestion\n"
            "Enter or A — accept the selected suggestion; Shift+Enter — accept all of its kind\n"
            "Delete or X — reject the selected suggestion; Delete — delete the selected tag\n"
            "Shift+← / → — move the selected tag's end; Alt+← / → — move its start\n"
            "Double-click — select the number with its unit, or the quoted name\n"
            "F2 — edit the selected tag's first field\n"
            "Ctrl+Z / Ctrl+Y — undo / redo · Ctrl+F — find · Ctrl+Shift+F — search the project\n"
            "Ctrl+E — export")
        return f"{first}\n{rest}" if mine else rest

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

    def refresh_tags(self) -> None:
        """Reload the current report's tags into the reader now, the table a turn later
        (the reader paints first). For a new report, a layer shown or hidden, a kind
        changed: single edits go through `_apply_tag_changes`."""
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
        self._counts = reader.kind_counts()
        self.refresh_suggestions()
        current = reader.selected_mark()
        if current is not None and reader.mark(current.id) is not None:
            reader.select_mark(current.id)
        else:
            reader.select_mark(None)
        self._update_status()
        self._table_timer.start()

    def refresh_suggestions(self) -> None:
        """Ask the suggestion sources again (a report opened, a rejection undone)."""
        if self.report_id is None:
            return
        for source in self.suggestions.sources:
            self.window.reader.set_suggestions(source(self.report_id))

    def visible_authors(self) -> set[str] | None:
        """Analyst ids whose tags the reader shows, or None for everyone."""
        if self.layers.blind and self._report_state != "done":
            return {self.project.analyst_id}
        if not self.layers.hidden:
            return None
        return {a.id for a in self.analysts if a.id not in self.layers.hidden}

    def _apply_tag_changes(self, changes: Changes) -> bool:
        """Apply a few named tag changes to the views without reloading the report (the
        key-press path): the reader now, the inspector, the table and the library's counts
        a turn later (the reader paints first). False when a full reload is needed."""
        touched = changes.created | changes.updated | changes.removed
        if not touched or len(touched) > 50:
            return False
        reader = self.window.reader
        delta: dict[str, int] = {}
        before = {t: reader.mark(t) for t in touched}
        selected = reader.selected_mark()
        for tag_id in changes.removed | changes.updated:
            reader.remove_tag(tag_id)
        known = {d.id: d for d in changes.details}
        spans = {t: (d.id, d.kind, d.start, d.end, d.status, d.author_id)
                 for t, d in known.items()}
        for tag_id in (changes.created | changes.updated) - known.keys():
            span = tags.span_of(self.project, tag_id)
            if span is not None:
                spans[tag_id] = span
        shown = self.visible_authors()
        for old in before.values():
            if old is not None:
                delta[old.kind] = delta.get(old.kind, 0) - 1
        for tag_id, (_id, kind, start, end, status, author) in spans.items():
            if shown is not None and author not in shown:
                continue
            reader.add_tag(Mark(tag_id, kind, start, end, status=status, author=author))
            reader.drop_suggestions(partial(taken_by, tags=[(kind, start, end)]), (start, end))
            delta[kind] = delta.get(kind, 0) + 1
        if selected is not None and selected.id in changes.updated \
                and reader.mark(selected.id) is not None:
            reader.select_mark(selected.id)  # an edited tag stays selected
        for kind, n in delta.items():
            self._counts[kind] = self._counts.get(kind, 0) + n
        self._update_status()
        report_id = self.report_id
        assert report_id is not None
        QTimer.singleShot(0, lambda: self._follow(report_id, changes, delta, before))
        return True

    def _follow(self, report_id: str, changes: Changes, delta: dict[str, int],
                before: dict[str, Mark | None]) -> None:
        """The second half of a named change: the table's rows, the inspector, the
        library's counts. Reads only the rows the change set does not carry."""
        if report_id != self.report_id:
            return
        table = self.window.tag_table
        table.remove_ids(changes.removed)
        known = {d.id: d for d in changes.details}
        names = {a.id: a.name for a in self.analysts}
        rows = {t: d.row(names.get(d.author_id, d.author)) for t, d in known.items()}
        missing = [t for t in changes.created | changes.updated if t not in rows]
        if missing:
            rows.update(tags.rows_by_id(self.project, missing))
        table.put_rows(rows, self._order_of)
        current = self.window.reader.selected_mark()
        table.select(current.id if current is not None and not current.suggestion else None,
                     emit=False, scroll=False)
        if current is None:
            self.window.inspector.show_tag(None)
        elif current.id in known:
            self.window.inspector.show_tag(known[current.id])
        elif current.id in changes.created | changes.updated or current.suggestion:
            self._show_detail(current.id)
        if any(m is None for t, m in before.items() if t in changes.removed | changes.updated):
            self._library_timer.start()  # a hidden layer's tag: its kind is not known here
        else:
            self.window.library.adjust(report_id, delta,
                                       "in_progress" if changes.created else None)

    def _order_of(self, tag_id: str) -> tuple[int, int] | None:
        mark = self.window.reader.mark(tag_id)
        return None if mark is None else (mark.start, mark.end)

    def _refresh_table(self) -> None:
        if self.report_id is None:
            return
        report_id = self.report_id
        current = self.window.reader.selected_mark()
        if current is None:
            self.window.inspector.show_tag(None)
        else:  # a tag, or the suggestion selected after accepting the one before
            self._show_detail(current.id)
        self.window.tag_table.set_source(
            lambda kind, author, status, sort, desc: tags.table_ids(
                self.project, report_id, kind=kind, author=author, status=status, sort=sort,
                descending=desc),
            lambda ids: tags.rows_by_id(self.project, ids),
            tags.authors_on(self.project, report_id),
            keep=current.id if current else None,
        )

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

    def on_changes(self, changes: Changes) -> None:
        if changes.everything:
            self._reload_everything()
            return
        if changes.analysts:
            self.reload_analysts()
        if changes.kinds:
            self.reload_kinds()
        if changes.library or (changes.tags - {self.report_id}):
            self._library_timer.start()  # counts and lists a turn later, coalesced
        elif changes.reports:  # metadata or a state: those rows only
            self.window.library.update_rows(reports.library(self.project, changes.reports))
        if self.report_id in changes.reports:
            self.open_report(self.report_id)
        elif self.report_id and self.report_id in changes.tags and not changes.kinds \
                and self._apply_tag_changes(changes):
            pass
        elif self.report_id and (self.report_id in changes.tags or changes.kinds):
            self.refresh_tags()
            self._library_timer.start()

    def _reload_everything(self) -> None:
        """The project was put back as a backup has it (a merge undone)."""
        self.reload_analysts()
        self.reload_kinds()
        self.reload_library()
        if self.report_id and self.window.library.model.row_of(self.report_id) >= 0:
            self.open_report(self.report_id)
        else:
            self.report_id = None
            self.window.reader.clear_report()
            self.window.inspector.show_tag(None)

    def _update_status(self) -> None:
        w = self.window
        w.status_analyst.setText(self.tr("Analyst: %1").replace("%1", self.project.analyst_name))
        where = self.project.display_name
        w.status_project.setText(where if self.project.is_team else Path(where).name)
        w.status_project.setToolTip(where)
        counts = self._counts
        if self.suggestions.count is not None:
            w.status_suggestions.setText(
                self.tr("%1 suggestions").replace("%1", str(self.suggestions.count)))
        else:
            w.status_suggestions.setText("")
        w.status_counts.setText("  ".join(f"{pick(k.name, k.name_zh)} {counts.get(k.key, 0)}"
                                          for k in self.kinds))

    # --- selection ----------------------------------------------------------------------

    def _on_mark_clicked(self, mark_id: str) -> None:
        if not mark_id:
            self.window.inspector.show_tag(None)
            self.window.tag_table.select(None, emit=False)
            return
        self._show_detail(mark_id)
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

    def refresh_layers(self) -> None:
        """The analysts shown changed (a layer, blind review): the reader follows."""
        self.reload_analysts()
        if self.report_id is not None:
            self._report_state = reports.state_of(self.project, self.report_id)
        self.refresh_tags()

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

    def _show_detail(self, tag_id: str) -> None:
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

    # --- edits --------------------------------------------------------------------------

    def show_error(self, error: BaseException | str) -> None:
        """A refusal or failure a user can act on, in the window's language (an error is
        translated by its message id; a text is shown as it is)."""
        self.runner.show_error(error if isinstance(error, str) else error_text(error))

    def _tag_selection(self, kind: str) -> None:
        span = self.window.reader.selection_span()
        if span is None:
            self.window.statusBar().showMessage(self.tr("Select some text first."), 4000)
            return
        self.create_tag(kind, *span)

    def kind_label(self, key: str) -> str:
        return next((pick(k.name, k.name_zh) for k in self.kinds if k.key == key), key)

    def create_tag(self, kind: str, start: int, end: int, fields: dict[str, Any] | None = None,
                   origin: str = Origin.MANUAL) -> str | None:
        """Tag a span of the open report; the new tag is selected. Its id, or None."""
        if self.report_id is None:
            return None
        if fields is None and self.suggestions.prefill is not None:
            fields = self.suggestions.prefill(kind, start, end)
        outcome = self.runner.run(ops.CreateTag(self.report_id, kind, start, end, fields, origin),
                                  self.tr("Tag as %1").replace("%1", self.kind_label(kind)))
        made = outcome.changes.new_tag if outcome else None
        if made is not None:  # selected now; the inspector and the table follow a turn later
            self.window.reader.select_mark(made)
            self.window.reader.setFocus()
        return made

    def tag_all(self, kind: str, text: str) -> None:
        if self.report_id is None:
            return
        spans = tags.occurrences(self.window.reader.text(), text)
        self.create_many(kind, spans, origin=Origin.MANUAL, label=self.tr("Tag all occurrences"))

    def create_many(self, kind: str, spans: list[tuple[int, int]], origin: str, label: str,
                    fields: list[dict[str, object]] | None = None) -> list[str]:
        if self.report_id is None or not spans:
            return []
        outcome = self.runner.run(ops.CreateTags(
            self.report_id, kind, tuple(spans), origin,
            tuple(fields) if fields is not None else None), label)
        if outcome is None:
            return []
        ids = sorted(outcome.changes.created)
        self.window.statusBar().showMessage(self.tr("%1 tags created").replace("%1", str(len(ids))), 4000)
        return ids

    def delete_tag(self, tag_id: str) -> None:
        self.runner.run(ops.DeleteTags((tag_id,)), self.tr("Delete tag"))

    def resize_tag(self, tag_id: str, start: int, end: int) -> None:
        """Shift/Alt+arrows move a tag's ends, a key repeat at a time: each press acts on
        the tag as it is (the inspector's copy may be a turn behind)."""
        if self.window.reader.mark(tag_id) is not None:
            self.runner.run(ops.ResizeTag(tag_id, start, end), self.tr("Resize tag"))

    def _current(self) -> TagDetail | None:
        return self.window.inspector.detail()

    def edit_field(self, key: str, field_type: str, text: str) -> None:
        detail = self._current()
        if detail is None:
            return
        done = self.runner.run(ops.SetField(detail.id, key, field_type, text, detail.version),
                               self.tr("Edit %1").replace("%1", key))
        if done is None:  # refused: the form shows the tag as it is
            self.window.inspector.show_tag(tags.detail(self.project, detail.id))

    def edit_note(self, text: str) -> None:
        detail = self._current()
        if detail is not None:
            self.runner.run(ops.SetNote(detail.id, text, detail.version), self.tr("Edit note"))

    def change_kind(self, kind: str) -> None:
        detail = self._current()
        if detail is None:
            return
        if self.runner.run(ops.SetKind(detail.id, kind, detail.version), self.tr("Change kind")):
            self.window.statusBar().showMessage(
                self.tr("Kind changed to %1 — Ctrl+Z changes it back")
                .replace("%1", self.kind_label(kind)), 8000)

    def revert(self, event_id: int) -> None:
        detail = self._current()
        if detail is not None:
            self.runner.run(ops.RevertTag(detail.id, event_id, detail.version),
                            self.tr("Revert tag"))

    def link(self, link_type: str) -> None:
        detail = self._current()
        if detail is None:
            return
        wanted = "program" if link_type == "program" else None
        rows = tags.table(self.project, detail.report_id)
        choices = [r for r in rows if r.id != detail.id and (wanted is None or r.kind == wanted)]
        if not choices:
            self.window.statusBar().showMessage(self.tr("There is no tag to link to in this report."), 5000)
            return
        labels = [f"{r.quote}  [{self.kind_label(r.kind)} · {r.start}]" for r in choices]
        picked, ok = QInputDialog.getItem(self.window, self.tr("Link tag"), self.tr("Link to:"),
                                          labels, 0, False)
        if ok:
            self.link_to(choices[labels.index(picked)].id, link_type)

    def link_to(self, other_id: str, link_type: str) -> None:
        detail = self._current()
        if detail is not None:
            self.runner.run(ops.LinkTags(detail.id, other_id, link_type), self.tr("Link tags"))

    def unlink(self, other_id: str, link_type: str) -> None:
        detail = self._current()
        if detail is not None:
            self.runner.run(ops.UnlinkTags(detail.id, other_id, link_type),
                            self.tr("Remove link"))

    # --- misc ---------------------------------------------------------------------------

    def edit_metadata(self, report_id: str) -> None:
        from desktop.ui.metadata_dialog import MetadataDialog

        row = self.window.library.row(report_id)
        doc = reports.document(self.project, report_id)
        if row is None or doc is None:
            return
        self.metadata_dialog = dialog = MetadataDialog(row, doc.published, self.window)
        dialog.accepted.connect(lambda: self.runner.run(
            EditMetadata(report_id, dialog.values()), self.tr("Edit report details")))
        dialog.show()

    def ask_analyst(self) -> None:
        from desktop.services.project import switch_analyst

        name, ok = QInputDialog.getText(self.window, self.tr("Switch analyst"),
                                        self.tr("Your name:"), text=self.project.analyst_name)
        if ok and name.strip():
            switch_analyst(self.project, name)
            self.undo.clear()
            self._update_status()
            self.bus.publish(Changes(analysts=True, library=True))

    def show_keys(self) -> None:
        QMessageBox.information(self.window, self.tr("Keyboard shortcuts"), self.keys_text())

    def show_about(self) -> None:
        from desktop import __version__

        QMessageBox.about(self.window, self.tr("About ReportMark"),
                          f"ReportMark {__version__}\n" + self.tr(
                              "Tag metrics, programs and targets in Chinese reports."))

    def dispose(self) -> None:
        QTimer.singleShot(0, self.project.close)
