"""Suggestions in the reader: dashed outlines computed off the GUI thread (a worker
process) and cached; Enter/A accepts, Delete/X rejects (remembered), Shift+Enter accepts
every suggestion of that kind; each is an undoable operation run by the window's runner,
and the next suggestion is selected so a report can be worked through by keyboard alone.
A rejection drops its one mark: the other suggestions are not computed again. The
learned suggesters' suggestions (any kind, origin learned:KIND, with a confidence) join
the rules' (features/learning.py runs the models)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from desktop.services import learning, suggestions
from desktop.services.changes import Changes
from desktop.services.ops.suggestions import AcceptSuggestion, AcceptThese, RejectSuggestion
from desktop.ui.features.context import FeatureContext
from desktop.ui.features.learning import LearnedPredictions
from desktop.ui.i18n import pick
from desktop.ui.reader import Mark
from desktop.ui.reading import taken_by

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
        ctx.suggestions.sources.append(self.marks_for)
        ctx.suggestions.prefill = self.prefill
        ctx.suggestions.detail = self.detail
        self._shown: dict[str, Any] = {}  # mark id -> the suggestion shown there
        self._confidence: dict[str, float | None] = {}  # mark id -> the model's confidence
        self.learned = LearnedPredictions(ctx, self._learned_ready)
        reader.accept_requested.connect(self.accept)
        reader.reject_requested.connect(self.reject)
        reader.accept_kind_requested.connect(self.accept_kind)
        reader.accept_as_requested.connect(self.accept_as)
        w.act_suggestions.toggled.connect(lambda _on: ctx.nav.refresh_tags())
        ctx.bus.changed.connect(self.on_changes)
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
        kinds = {k.key for k in self.ctx.nav.kinds}  # a kind may have been deleted
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
        if self.ctx.nav.report_id == report_id:
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
        if self.ctx.nav.report_id == report_id:
            self.refresh()

    def _failed(self, message: str) -> None:
        self._pending = None
        self.ctx.window.statusBar().showMessage(
            self.tr("Suggestions failed: %1").replace("%1", message), 8000)

    def refresh(self) -> None:
        report_id = self.ctx.nav.report_id
        if report_id is not None:
            self.ctx.window.reader.set_suggestions(self.marks_for(report_id))

    def on_changes(self, changes: Changes) -> None:
        """A rejection drops its mark; an undone rejection, or a tag gone (an undone
        acceptance), brings suggestions back from the cache; a tag made drops those it
        takes up (desktop/ui/tag_updates.py does that in the reader) and the count follows."""
        report_id = self.ctx.nav.report_id
        if report_id is None or not self.enabled:
            return
        reader = self.ctx.window.reader
        if changes.rejected:
            reader.remove_suggestions(changes.rejected)
        if report_id in changes.suggestions or (report_id in changes.tags and changes.removed):
            self.refresh()
        elif changes.rejected or changes.created:
            self._show_count(reader.suggestion_count())

    def _show_count(self, n: int | None) -> None:
        self.ctx.suggestions.count = n
        self.ctx.suggestions.counted()

    def prefill(self, kind: str, start: int, end: int) -> dict[str, Any] | None:
        """Fields for a manual tag, from a suggestion there or the tagged quantity."""
        report_id = self.ctx.nav.report_id
        if report_id is None:
            return None
        reader = self.ctx.window.reader
        quote = reader.text()[start:end]
        near = None
        if self.enabled:  # the suggestions shown over the span: nothing else is scanned
            near = [s for m in reader.suggestions_over(start, end)
                    if (s := self._shown.get(m.id)) is not None]
        return suggestions.fields_for(self.ctx.project, report_id, kind, start, end, quote,
                                      near)

    # --- acting -------------------------------------------------------------------------

    def _suggestion(self, sid: str) -> Any:
        """The suggestion shown at a mark (already at hand: nothing is computed again)."""
        report_id = self.ctx.nav.report_id
        if report_id is None:
            return None
        shown = self._shown.get(sid)
        return shown if shown is not None else suggestions.by_id(self.ctx.project, report_id, sid)

    def _after(self, start: int, end: int) -> None:
        """Select the suggestion after the one just handled, in text order, so a report
        is worked through by Enter and X alone (a metric inside an accepted target comes
        next, not skipped)."""
        reader = self.ctx.window.reader
        following = reader.suggestion_after(start, end)
        if following is not None:
            reader.select_mark(following.id, scroll=True)
            shown = self.detail(following.id)
            if shown is not None:
                self.ctx.window.inspector.show_suggestion(*shown)

    def accept(self, sid: str) -> None:
        s, report_id = self._suggestion(sid), self.ctx.nav.report_id
        if s is None or report_id is None:
            return
        if self.ctx.runner.run(AcceptSuggestion(report_id, s), self.tr("Accept suggestion")):
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
        if self.ctx.tagging.create_tag(kind, s.start, s.end) is not None:
            self._after(s.start, s.end)

    def reject(self, sid: str) -> None:
        s, report_id = self._suggestion(sid), self.ctx.nav.report_id
        if s is None or report_id is None:
            return
        if self.ctx.runner.run(RejectSuggestion(report_id, s), self.tr("Reject suggestion")):
            self._after(s.start, s.end)

    def accept_kind(self, kind: str) -> None:
        report_id = self.ctx.nav.report_id
        if report_id is None:
            return
        shown = tuple(self._shown[m.id] for m in self.ctx.window.reader.suggestions()
                      if m.kind == kind and m.id in self._shown)
        if not shown:  # e.g. a kind the analyst added: nothing suggests it yet
            label = next((pick(k.name, k.name_zh) for k in self.ctx.nav.kinds if k.key == kind),
                         kind)
            self.ctx.window.statusBar().showMessage(
                self.tr("There are no suggestions for %1 yet.").replace("%1", label), 5000)
            return
        outcome = self.ctx.runner.run(AcceptThese(report_id, shown),
                                      self.tr("Accept all suggestions of a kind"))
        if outcome is not None:
            self.ctx.window.statusBar().showMessage(
                self.tr("%1 suggestions accepted").replace("%1", str(len(outcome.changes.created))),
                5000)

    def show_programs(self) -> ProgramsDialog:
        from desktop.ui.programs_dialog import ProgramsDialog

        self.programs_dialog = ProgramsDialog(self.ctx.project, self.ctx.runner.run,
                                              self.ctx.window)
        self.programs_dialog.show()
        return self.programs_dialog


def install(ctx: FeatureContext) -> SuggestionsFeature:
    return SuggestionsFeature(ctx)
