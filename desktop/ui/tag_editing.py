"""The main window's edit commands: each runs an operation through the Runner (so it can
be undone); the views follow from the change set on the bus, not from here."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog

from desktop.domain.states import Origin
from desktop.services import reports, tags
from desktop.services.ops import tags as ops
from desktop.services.ops.reports import EditMetadata
from desktop.services.project import Project
from desktop.services.values import TagDetail
from desktop.ui.i18n import pick
from desktop.ui.main_window import MainWindow
from desktop.ui.runner import Runner
from desktop.ui.shown_report import ShownReport


class TagEditing(QObject):
    def __init__(self, project: Project, window: MainWindow, runner: Runner,
                 shown: ShownReport) -> None:
        super().__init__(window)
        self.project = project
        self.window = window
        self.runner = runner
        self.shown = shown

        w = window
        w.library.edit_requested.connect(self.edit_metadata)
        w.reader.tag_requested.connect(self.create_tag)
        w.reader.delete_requested.connect(self.delete_tag)
        w.reader.resize_requested.connect(self.resize_tag)
        w.reader.tag_all_requested.connect(self.tag_all)
        w.inspector.field_edited.connect(self.edit_field)
        w.inspector.note_edited.connect(self.edit_note)
        w.inspector.kind_changed.connect(self.change_kind)
        w.inspector.revert_requested.connect(self.revert)
        w.inspector.link_requested.connect(self.link)
        w.inspector.unlink_requested.connect(self.unlink)

    def tag_selection(self, kind: str) -> None:
        """A kind's menu action or key: tag the reader's selection as that kind."""
        span = self.window.reader.selection_span()
        if span is None:
            self.window.statusBar().showMessage(self.tr("Select some text first."), 4000)
            return
        self.create_tag(kind, *span)

    def kind_label(self, key: str) -> str:
        return next((pick(k.name, k.name_zh) for k in self.shown.kinds if k.key == key), key)

    def create_tag(self, kind: str, start: int, end: int, fields: dict[str, Any] | None = None,
                   origin: str = Origin.MANUAL) -> str | None:
        """Tag a span of the open report; the new tag is selected. Its id, or None."""
        report_id = self.shown.report_id
        if report_id is None:
            return None
        prefill = self.shown.suggestions.prefill
        if fields is None and prefill is not None:
            fields = prefill(kind, start, end)
        outcome = self.runner.run(ops.CreateTag(report_id, kind, start, end, fields, origin),
                                  self.tr("Tag as %1").replace("%1", self.kind_label(kind)))
        made = outcome.changes.new_tag if outcome else None
        if made is not None:  # selected now; the inspector and the table follow a turn later
            self.window.reader.select_mark(made)
            self.window.reader.setFocus()
        return made

    def tag_all(self, kind: str, text: str) -> None:
        if self.shown.report_id is None:
            return
        spans = tags.occurrences(self.window.reader.text(), text)
        self.create_many(kind, spans, origin=Origin.MANUAL, label=self.tr("Tag all occurrences"))

    def create_many(self, kind: str, spans: list[tuple[int, int]], origin: str, label: str,
                    fields: list[dict[str, object]] | None = None) -> list[str]:
        report_id = self.shown.report_id
        if report_id is None or not spans:
            return []
        outcome = self.runner.run(ops.CreateTags(
            report_id, kind, tuple(spans), origin,
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
