"""Suggestions in the reader: dashed outlines computed off the GUI thread (a worker
process) and cached; Enter/A accepts, Delete/X rejects (remembered), Shift+Enter accepts
every suggestion of that kind; each is undoable, and the next suggestion is selected so
a report can be worked through by keyboard alone. The learned suggesters' suggestions
(any kind, origin learned:KIND, with a confidence) join the rules' (features/learning.py
runs the models)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from desktop.services import learning, suggestions, tags
from desktop.services.changes import Changes
from desktop.services.errors import USER_ERRORS
from desktop.ui.controller import taken_by
from desktop.ui.features.context import FeatureContext
from desktop.ui.features.learning import LearnedPredictions
from desktop.ui.reader import Mark
from desktop.ui.undo import CallCommand, CreateTagCommand

if TYPE_CHECKING:  # imported when first used: the window does not need them to start
    from desktop.ui.jobs import ProcessJob
    from desktop.ui.programs_dialog import ProgramsDialog

# reports shorter than this are suggested in the GUI process (a few milliseconds);
# longer ones in a worker process, so the window never stalls
INLINE_CHARS = 40_000


class SuggestionsFeature(QObject):
    def __init__(self, ctx: FeatureContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.job: ProcessJob | None = None
        self._pending: str | None = None
        w = ctx.window
        reader = w.reader
        ctx.controller.mark_sources.append(self.marks_for)
        ctx.controller.prefill = self.prefill
        ctx.controller.suggestion_detail = self.detail
        self._shown: dict[str, Any] = {}  # mark id -> the suggestion shown there
        self._confidence: dict[str, float | None] = {}  # mark id -> the model's confidence
        self.learned = LearnedPredictions(ctx, self._learned_ready)
        reader.accept_requested.connect(self.accept)
        reader.reject_requested.connect(self.reject)
        reader.accept_kind_requested.connect(self.accept_kind)
        reader.accept_as_requested.connect(self.accept_as)
        w.act_suggestions.toggled.connect(lambda _on: ctx.controller.refresh_tags())
        w.act_programs.triggered.connect(self.show_programs)
        self.programs_dialog: ProgramsDialog | None = None

    @property
    def enabled(self) -> bool:
        return self.ctx.window.act_suggestions.isChecked()

    # --- computing ----------------------------------------------------------------------

    def marks_for(self, report_id: str) -> list[Mark]:
        """The reader's suggestion marks; starts a worker when the report is not cached."""
        if not self.enabled:
            self._show_count(None)
            self._shown = {}
            return []
        work = suggestions.work_for(self.ctx.project, report_id)
        if work is not None and len(work.text) > INLINE_CHARS:
            self._compute_in_worker(work)
            return []
        kinds = {k.key for k in self.ctx.controller.kinds}  # a kind may have been deleted
        ruled = suggestions.for_report(self.ctx.project, report_id)
        reader = self.ctx.window.reader
        scored = [x for x in learning.open_suggestions(
            self.ctx.project, report_id, ruled, self.learned.get(report_id, ruled),
            reader.text()) if x.suggestion.kind in kinds]
        found = [x.suggestion for x in scored]
        self._confidence = {suggestions.suggestion_id(x.suggestion): x.confidence for x in scored}
        marks = [m for m in map(self._mark, found)
                 if not taken_by(m, reader.tags_over(m.start, m.end))]
        self._show_count(len(marks))
        self._shown = {suggestions.suggestion_id(s): s for s in found}
        return marks

    def _learned_ready(self, report_id: str) -> None:
        if self.ctx.controller.report_id == report_id:
            self.refresh()

    def detail(self, sid: str) -> tuple[str, str, dict[str, Any], str, float | None] | None:
        """(kind, text, fields, rule, confidence) of a shown suggestion, for the inspector:
        the fields accepting it stores on the tag."""
        s = self._shown.get(sid)
        return None if s is None else (s.kind, s.text, dict(s.fields), s.rule,
                                       self._confidence.get(sid))

    def _mark(self, s: Any) -> Mark:
        from desktop.ui.i18n import suggestion_source

        sid = suggestions.suggestion_id(s)
        fields = ", ".join(f"{k}: {v}" for k, v in s.fields.items() if v not in (None, ""))
        tip = self.tr("%1 · Enter accepts, X rejects").replace(
            "%1", suggestion_source(s.rule, self._confidence.get(sid)))
        return Mark(sid, s.kind, s.start, s.end, suggestion=True,
                    tooltip=f"{tip}\n{fields}" if fields else tip)

    def _compute_in_worker(self, work: Any) -> None:
        from desktop.ui.jobs import ProcessJob

        if self._pending == work.report_id:
            return
        if self.job is not None and self.job.running:
            self.job.cancel()
        self._pending = work.report_id
        self.ctx.window.statusBar().showMessage(self.tr("Finding suggestions…"))
        self.job = ProcessJob(suggestions.compute_job, {
            "text": work.text, "region": work.region, "year": work.year,
            "headings": work.headings}, self)
        report_id, meta = work.report_id, work.meta
        self.job.finished.connect(lambda items: self._computed(report_id, items, meta))
        self.job.failed.connect(self._failed)
        self.job.start()

    def _computed(self, report_id: str, items: list[dict[str, Any]],
                  meta: tuple[str, int | None] | None = None) -> None:
        self._pending = None
        suggestions.prime(self.ctx.project, report_id, items, meta=meta)
        self.ctx.window.statusBar().clearMessage()
        if self.ctx.controller.report_id == report_id:
            self.refresh()

    def _failed(self, message: str) -> None:
        self._pending = None
        self.ctx.window.statusBar().showMessage(
            self.tr("Suggestions failed: %1").replace("%1", message), 8000)

    def refresh(self) -> None:
        report_id = self.ctx.controller.report_id
        if report_id is not None:
            self.ctx.window.reader.set_suggestions(self.marks_for(report_id))

    def _show_count(self, n: int | None) -> None:
        self.ctx.controller.suggestion_count = n
        self.ctx.controller._update_status()

    def prefill(self, kind: str, start: int, end: int) -> dict[str, Any] | None:
        """Fields for a manual tag, from a suggestion there or the tagged quantity."""
        report_id = self.ctx.controller.report_id
        if report_id is None:
            return None
        quote = self.ctx.window.reader.text()[start:end]
        return suggestions.fields_for(self.ctx.project, report_id, kind, start, end, quote)

    # --- acting -------------------------------------------------------------------------

    def _suggestion(self, sid: str) -> Any:
        report_id = self.ctx.controller.report_id
        if report_id is None:
            return None
        learned = self._shown.get(sid)  # the models' are not the rules': kept as shown
        if learned is not None and learned.rule.startswith(suggestions.LEARNED_PREFIX):
            return learned
        return suggestions.by_id(self.ctx.project, report_id, sid)

    def _after(self, start: int, end: int) -> None:
        """Select the suggestion after the one just handled, in text order, so a report
        is worked through by Enter and X alone (a metric inside an accepted target comes
        next, not skipped)."""
        reader = self.ctx.window.reader
        following = [m for m in reader.suggestions() if (m.start, m.end) > (start, end)]
        if following:
            reader.select_mark(following[0].id, scroll=True)

    def _act(self, sid: str, action: Any) -> tuple[Any, str, Changes] | None:
        """Run `action(project, report id, suggestion)`; the suggestion and the change
        set, or None (nothing there, or an error already shown)."""
        s = self._suggestion(sid)
        report_id = self.ctx.controller.report_id
        if s is None or report_id is None:
            return None
        try:
            changes = action(self.ctx.project, report_id, s)
        except USER_ERRORS as exc:
            self.ctx.controller.show_error(exc)
            return None
        self.ctx.bus.publish(changes)
        return s, report_id, changes

    def accept(self, sid: str) -> None:
        done = self._act(sid, suggestions.accept)
        if done is None:
            return
        s, _report_id, changes = done
        if changes.focus_tag:
            self.ctx.window.undo_stack.push(CreateTagCommand(
                self.tr("Accept suggestion"), self.ctx.project, changes.focus_tag,
                self.ctx.bus.publish))
        self._after(s.start, s.end)

    def accept_as(self, sid: str, kind: str) -> None:
        """1/2/3 on a suggestion: accept it as that kind. Its own kind keeps its fields;
        another kind gets the fields a manual tag there would (undoable either way)."""
        s = self._suggestion(sid)
        if s is None:
            return
        if kind == s.kind:
            self.accept(sid)
            return
        if self.ctx.controller.create_tag(kind, s.start, s.end) is not None:
            self._after(s.start, s.end)

    def reject(self, sid: str) -> None:
        done = self._act(sid, suggestions.reject)
        if done is None:
            return
        s, report_id, _changes = done
        project = self.ctx.project
        self.refresh()
        self.ctx.window.undo_stack.push(CallCommand(
            self.tr("Reject suggestion"),
            lambda: suggestions.reject(project, report_id, s),
            lambda: suggestions.unreject(project, report_id, s),
            self._publish_and_refresh))
        self._after(s.start, s.end)

    def accept_kind(self, kind: str) -> None:
        project, report_id = self.ctx.project, self.ctx.controller.report_id
        if report_id is None:
            return
        shown = [self._shown[m.id] for m in self.ctx.window.reader.suggestions()
                 if m.kind == kind and m.id in self._shown]
        try:
            changes, ids = suggestions.accept_these(project, report_id, shown)
        except USER_ERRORS as exc:
            self.ctx.controller.show_error(exc)
            return
        self.ctx.bus.publish(changes)
        states: list[dict[str, Any]] = []

        def undo() -> Changes:
            nonlocal states
            result, states = tags.delete_many(project, ids)
            return result

        self.ctx.window.undo_stack.push(CallCommand(
            self.tr("Accept all suggestions of a kind"),
            lambda: tags.restore_many(project, states), undo, self.ctx.bus.publish))
        self.ctx.window.statusBar().showMessage(
            self.tr("%1 suggestions accepted").replace("%1", str(len(ids))), 5000)

    def _publish_and_refresh(self, changes: Changes) -> None:
        self.ctx.bus.publish(changes)
        self.refresh()

    def show_programs(self) -> ProgramsDialog:
        from desktop.ui.programs_dialog import ProgramsDialog

        self.programs_dialog = ProgramsDialog(self.ctx.project, self.ctx.window)
        self.programs_dialog.changed.connect(self.ctx.bus.publish)
        self.programs_dialog.show()
        return self.programs_dialog


def install(ctx: FeatureContext) -> SuggestionsFeature:
    return SuggestionsFeature(ctx)
