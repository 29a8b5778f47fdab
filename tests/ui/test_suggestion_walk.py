"""The suggestion walk forgives: 1/2/3 accept a focused suggestion as that kind, Enter on
a tag moves on, and a tag over a suggestion takes its place for good."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.services import tags
from tests.ui.conftest import select_text


def focus_suggestion(w, kind: str):
    mark = next(m for m in w.reader.suggestions() if m.kind == kind)
    w.reader.select_mark(mark.id)
    w.reader.mark_clicked.emit(mark.id)
    return mark


def rows(parts):
    return tags.table(parts.project, parts.shown.report_id)


def test_1_2_3_on_a_suggestion_accept_it_as_that_kind(app_parts, qtbot):
    w = app_parts.window
    metric = focus_suggestion(w, "metric")
    shown_fields = dict(app_parts.features["suggestions"].detail(metric.id)[2])
    QTest.keyClick(w.reader, Qt.Key.Key_1)  # its own kind: as Enter, with its fields
    [tag] = rows(app_parts)
    assert (tag.kind, tag.start, tag.end) == ("metric", metric.start, metric.end)
    assert tag.origin.startswith("suggestion:")
    assert {k: v for k, v in tag.fields.items() if v not in (None, "")} == \
        {k: v for k, v in shown_fields.items() if v not in (None, "")}
    after = w.reader.selected_mark()
    assert after is not None and after.suggestion and after.start >= metric.start

    program = focus_suggestion(w, "program")
    QTest.keyClick(w.reader, Qt.Key.Key_3)  # another kind: a target on its span
    made = {(r.kind, r.start, r.end) for r in rows(app_parts)}
    assert ("target", program.start, program.end) in made
    # the program suggestion there is gone, and stays gone after a refresh
    app_parts.shown.refresh_tags()
    assert all((m.start, m.end) != (program.start, program.end)
               for m in w.reader.suggestions())
    w.act_undo.trigger()  # one undo: the target goes, the suggestion comes back
    assert ("target", program.start, program.end) not in {
        (r.kind, r.start, r.end) for r in rows(app_parts)}
    qtbot.waitUntil(lambda: any(m.id == program.id for m in w.reader.suggestions()))


def test_enter_on_a_tag_moves_on(app_parts, qtbot):
    w = app_parts.window
    select_text(w.reader, "7.8%")
    QTest.keyClick(w.reader, Qt.Key.Key_1)
    tag = w.reader.selected_mark()
    assert tag is not None and not tag.suggestion
    QTest.keyClick(w.reader, Qt.Key.Key_Return)
    now = w.reader.selected_mark()
    assert now is not None and now.id != tag.id
    assert (now.start, now.end) >= (tag.start, tag.end)
    assert len(rows(app_parts)) == 1  # nothing else happened


def test_a_tag_over_a_suggestion_takes_its_place_when_tagged_or_resized(app_parts, qtbot):
    w = app_parts.window
    metric = focus_suggestion(w, "metric")
    # tag a part of it by hand, with the same kind
    w.reader.select_span(metric.start, metric.end - 1)
    QTest.keyClick(w.reader, Qt.Key.Key_1)
    assert all(m.id != metric.id for m in w.reader.suggestions())
    qtbot.wait(20)  # the table's refresh (a turn later) recomputes suggestions
    app_parts.shown.refresh_tags()
    assert all(m.id != metric.id for m in w.reader.suggestions())
    # resizing the tag to the suggestion's exact span and back never brings it back
    tag = w.reader.selected_mark()
    assert tag is not None and not tag.suggestion
    QTest.keyClick(w.reader, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(w.reader, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.wait(20)
    app_parts.shown.refresh_tags()
    assert all(m.id != metric.id for m in w.reader.suggestions())
