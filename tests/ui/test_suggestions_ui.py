"""Working through suggestions by keyboard in the real window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services import importing, reports, tags
from desktop.ui.features.suggestions import INLINE_CHARS


def first_suggestion(w):
    w.reader.select_mark(None)
    w.reader.moveCursor(w.reader.textCursor().MoveOperation.Start)
    qtbot_key(w, Qt.Key.Key_N)
    mark = w.reader.selected_mark()
    assert mark is not None and mark.suggestion
    return mark


def qtbot_key(w, key, modifier=Qt.KeyboardModifier.NoModifier):
    from PySide6.QtTest import QTest

    QTest.keyClick(w.reader, key, modifier)


def test_suggestions_show_as_outlines_with_a_count(app_parts):
    w = app_parts.window
    assert len(w.reader.suggestions()) > 20
    assert "suggestions" in w.status_suggestions.text()
    w.act_suggestions.setChecked(False)
    assert w.reader.suggestions() == []
    w.act_suggestions.setChecked(True)
    assert w.reader.suggestions()


def test_enter_accepts_with_fields_and_moves_on_and_undo_brings_it_back(app_parts, qtbot):
    w = app_parts.window
    mark = first_suggestion(w)
    qtbot_key(w, Qt.Key.Key_Return)
    rows = tags.table(app_parts.project, app_parts.shown.report_id)
    assert [(r.start, r.end, r.kind) for r in rows] == [(mark.start, mark.end, mark.kind)]
    assert rows[0].origin.startswith("suggestion:")
    assert rows[0].fields  # pre-filled from the parse
    following = w.reader.selected_mark()
    assert following is not None and following.suggestion and following.start >= mark.end
    assert all(m.id != mark.id for m in w.reader.suggestions())
    w.act_undo.trigger()
    assert tags.table(app_parts.project, app_parts.shown.report_id) == []
    qtbot.waitUntil(lambda: any(m.id == mark.id for m in w.reader.suggestions()))


def test_x_rejects_and_it_stays_rejected(app_parts, qtbot):
    w = app_parts.window
    mark = first_suggestion(w)
    qtbot_key(w, Qt.Key.Key_X)
    assert all(m.id != mark.id for m in w.reader.suggestions())
    report_id = app_parts.shown.report_id
    other = next(r.id for r in reports.library(app_parts.project) if r.id != report_id)
    app_parts.shown.open_report(other)
    app_parts.shown.open_report(report_id)
    assert all(m.id != mark.id for m in w.reader.suggestions())
    assert tags.table(app_parts.project, report_id) == []


def test_shift_enter_accepts_every_suggestion_of_the_kind(app_parts, qtbot):
    w = app_parts.window
    mark = first_suggestion(w)
    same_kind = [m for m in w.reader.suggestions() if m.kind == mark.kind]
    qtbot_key(w, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    rows = tags.table(app_parts.project, app_parts.shown.report_id)
    assert len(rows) == len(same_kind)
    assert {r.kind for r in rows} == {mark.kind}


def test_a_manual_tag_on_a_suggested_span_gets_its_fields(app_parts, qtbot):
    w = app_parts.window
    text = w.reader.text()
    i = text.find("7.8%")
    w.reader.select_span(i, i + 4)
    qtbot_key(w, Qt.Key.Key_1)
    row = tags.table(app_parts.project, app_parts.shown.report_id)[0]
    assert row.fields.get("unit") == "%" and row.fields.get("value") == "7.8"


def test_a_long_report_is_suggested_in_a_worker_process(app_parts, qtbot, tmp_path):
    para = "前三季度，湖南工业经济增长7.8%，居全国第10。持续深化“智赋万企”行动。\n\n"
    path = tmp_path / "long.txt"
    path.write_text("长篇报告\n\n湖南省工业和信息化厅\n\n" + para * (INLINE_CHARS // len(para) + 50),
                    encoding="utf-8")
    outcome = importing.import_files(app_parts.project, [path])
    report_id = outcome.imported[0][0]
    app_parts.shown.open_report(report_id)
    assert app_parts.window.reader.suggestions() == []  # not yet: the worker is computing
    qtbot.waitUntil(lambda: len(app_parts.window.reader.suggestions()) > 100, timeout=60000)


def test_a_whole_report_tagged_by_keyboard_survives_a_restart(app_parts, qtbot, project_path):
    """N to the first suggestion, then Enter until none is left; a manual tag by
    selection and a key; then the project is reopened in a new window."""
    from desktop.app import build
    from desktop.services.project import open_project_as

    w = app_parts.window
    report_id = app_parts.shown.report_id
    total = len(w.reader.suggestions())
    first_suggestion(w)
    for _ in range(total + 5):
        mark = w.reader.selected_mark()
        if mark is None or not mark.suggestion:
            break
        qtbot_key(w, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.reader.suggestions() == [])
    text = w.reader.text()
    i = text.find("先进制造业高地")
    w.reader.select_span(i, i + 7)
    qtbot_key(w, Qt.Key.Key_2)
    before = sorted((r.kind, r.start, r.end) for r in tags.table(app_parts.project, report_id))
    assert len(before) == total + 1
    reopened = open_project_as(project_path, "alice")
    try:
        again = build(reopened, report_id=report_id)
        assert again.window.reader.tag_count() == total + 1
        after = sorted((r.kind, r.start, r.end) for r in tags.table(reopened, report_id))
        assert after == before
    finally:
        reopened.close()


def test_after_accepting_a_target_the_metric_inside_it_comes_next(app_parts, qtbot, tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("2026年工作目标\n\n湖南省人民政府\n\n2026年，力争全省地区生产总值增长5.5%左右。",
                    encoding="utf-8")
    report_id = importing.import_files(app_parts.project, [path]).imported[0][0]
    app_parts.shown.open_report(report_id)
    w = app_parts.window
    kinds = [(m.kind, m.start) for m in w.reader.suggestions()]
    assert ("target" in {k for k, _ in kinds}) and ("metric" in {k for k, _ in kinds})
    target = next(m for m in w.reader.suggestions() if m.kind == "target")
    w.reader.select_mark(target.id)
    qtbot_key(w, Qt.Key.Key_Return)
    following = w.reader.selected_mark()
    assert following is not None and following.kind == "metric"
    assert target.start <= following.start < target.end


def test_the_inspector_shows_a_suggestions_fields_and_the_accepted_tag_keeps_them(app_parts, qtbot):
    w = app_parts.window
    mark = first_suggestion(w)
    while mark.kind != "metric" or not app_parts.shown.suggestions.detail(mark.id)[2].get("indicator"):
        qtbot_key(w, Qt.Key.Key_N)
        mark = w.reader.selected_mark()
        assert mark is not None and mark.suggestion
    _kind, _text, fields, _rule, _confidence = app_parts.shown.suggestions.detail(mark.id)
    inspector = w.inspector
    assert inspector.card.isVisible() and inspector.is_suggestion()
    indicator = inspector.editor("indicator")
    assert indicator.text() == fields["indicator"] and indicator.isReadOnly()
    period = inspector.editor("period").text()
    assert period and ".." not in period  # 2025年 / 2025年前三季度, as the workbook shows it
    shown = {key: inspector.editor(key).text() for key in ("indicator", "value", "unit", "region")}
    assert shown["value"] == fields["value"] and shown["region"] == fields["region"]
    qtbot_key(w, Qt.Key.Key_Return)
    (row,) = tags.table(app_parts.project, app_parts.shown.report_id)
    app_parts.shown.select_tag(row.id)
    assert not inspector.is_suggestion()
    assert {key: inspector.editor(key).text() for key in shown} == shown
    assert inspector.editor("period").text() == period
    assert not inspector.editor("indicator").isReadOnly()
