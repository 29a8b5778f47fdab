"""The key-press path: a few named tag changes (a tag made, resized, deleted, accepted)
reach the views without reloading the open report."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, QTimer

from desktop.services import tags
from desktop.services.changes import Changes
from desktop.ui.reader import Mark
from desktop.ui.reading import taken_by
from desktop.ui.shown_report import ShownReport


class TagUpdates(QObject):
    def __init__(self, shown: ShownReport) -> None:
        super().__init__(shown)
        self.shown = shown
        self.project = shown.project
        self.window = shown.window

    def apply(self, changes: Changes) -> bool:
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
        shown = self.shown.visible_authors()
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
        counts = self.shown.counts
        for kind, n in delta.items():
            counts[kind] = counts.get(kind, 0) + n
        self.shown.show_status()
        report_id = self.shown.report_id
        assert report_id is not None
        QTimer.singleShot(0, lambda: self._follow(report_id, changes, delta, before))
        return True

    def _follow(self, report_id: str, changes: Changes, delta: dict[str, int],
                before: dict[str, Mark | None]) -> None:
        """The second half of a named change: the table's rows, the inspector, the
        library's counts. Reads only the rows the change set does not carry."""
        if report_id != self.shown.report_id:
            return
        table = self.window.tag_table
        table.remove_ids(changes.removed)
        known = {d.id: d for d in changes.details}
        names = {a.id: a.name for a in self.shown.analysts}
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
            self.shown.show_detail(current.id)
        if any(m is None for t, m in before.items() if t in changes.removed | changes.updated):
            self.shown.library_timer.start()  # a hidden layer's tag: its kind is not known here
        else:
            self.window.library.adjust(report_id, delta,
                                       "in_progress" if changes.created else None)

    def _order_of(self, tag_id: str) -> tuple[int, int] | None:
        mark = self.window.reader.mark(tag_id)
        return None if mark is None else (mark.start, mark.end)
