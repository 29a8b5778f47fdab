"""The whole window over a real project: tag by keyboard, undo, inspect, edit."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services import reports, tags
from desktop.ui.library import LibraryModel
from desktop.ui.tag_table import TagTableModel
from tests.ui.conftest import select_text


def press(qtbot, window, key) -> None:
    """Press a tagging key in the reader and wait for the inspector, which follows the
    reader's paint by a turn."""
    qtbot.keyClick(window.reader, key)
    qtbot.waitUntil(lambda: window.inspector.detail() is not None
                    and window.reader.selected_mark() is not None
                    and window.inspector.detail().id == window.reader.selected_mark().id)


def tag_rows(parts):
    return tags.table(parts.project, parts.shown.report_id)


def test_opens_on_the_first_report_with_its_title(app_parts):
    w = app_parts.window
    assert w.library.model.rowCount() == 2
    assert "湖南" in w.report_title.text()
    assert w.reader.text().startswith("湖南锚定")


def test_select_text_press_1_tags_it_and_every_view_shows_it(app_parts, qtbot):
    w = app_parts.window
    start, end = select_text(w.reader, "7.8%")
    press(qtbot, w, Qt.Key.Key_1)
    rows = tag_rows(app_parts)
    assert [(r.kind, r.quote, r.author) for r in rows] == [("metric", "7.8%", "alice")]
    assert any(m.start == start and m.end == end and not m.suggestion for m in w.reader.marks())
    assert w.inspector.detail().quote == "7.8%"
    # the table and the library follow a turn later, after the reader has painted
    qtbot.waitUntil(lambda: w.tag_table.model.rowCount() == 1)
    qtbot.waitUntil(lambda: w.library.model.index(0, 4).data() == "1·0·0")
    assert "Metric 1" in w.status_counts.text()


def test_undo_and_redo_a_tag(app_parts, qtbot):
    w = app_parts.window
    select_text(w.reader, "“智赋万企”行动")
    press(qtbot, w, Qt.Key.Key_2)
    tag_id = tag_rows(app_parts)[0].id
    w.act_undo.trigger()
    assert tag_rows(app_parts) == []
    assert w.reader.tag_count() == 0
    w.act_redo.trigger()
    assert [r.id for r in tag_rows(app_parts)] == [tag_id]


def test_delete_key_removes_the_selected_tag_and_undo_restores_it(app_parts, qtbot):
    w = app_parts.window
    select_text(w.reader, "7.8%")
    press(qtbot, w, Qt.Key.Key_1)
    qtbot.keyClick(w.reader, Qt.Key.Key_Delete)
    assert tag_rows(app_parts) == []
    w.act_undo.trigger()
    assert len(tag_rows(app_parts)) == 1


def test_inspector_edits_commit_at_once_and_are_undoable(app_parts, qtbot):
    w = app_parts.window
    select_text(w.reader, "7.8%")
    press(qtbot, w, Qt.Key.Key_1)
    editor = w.inspector.editor("indicator")
    editor.setFocus()
    editor.selectAll()  # replaces the indicator the suggestion filled in
    editor.insert("工业经济增加值增速")  # QTest cannot type non-ASCII keys; an IME commits like this
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert tag_rows(app_parts)[0].fields["indicator"] == "工业经济增加值增速"
    qtbot.waitUntil(lambda: "工业经济增加值增速" in (w.tag_table.model.index(0, 2).data() or ""))
    w.act_undo.trigger()
    assert tag_rows(app_parts)[0].fields["indicator"] != "工业经济增加值增速"


def test_a_bad_number_is_refused_with_a_message(app_parts, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    w = app_parts.window
    select_text(w.reader, "7.8%")
    press(qtbot, w, Qt.Key.Key_1)
    editor = w.inspector.editor("value")
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "seven")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert shown and "not a number" in shown[0]
    assert tag_rows(app_parts)[0].fields["value"] == "7.8"  # unchanged


def test_choosing_a_row_in_the_tag_table_selects_the_tag_in_the_reader(app_parts, qtbot):
    w = app_parts.window
    select_text(w.reader, "7.8%")
    press(qtbot, w, Qt.Key.Key_1)
    select_text(w.reader, "9.7%")
    press(qtbot, w, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: w.tag_table.model.rowCount() == 2)
    first = w.tag_table.model.index(0, 1)
    w.tag_table.view.setCurrentIndex(first)
    assert w.reader.selected_mark().id == first.data(TagTableModel.ID_ROLE)
    assert w.inspector.detail().id == first.data(TagTableModel.ID_ROLE)


def test_switching_reports_in_the_library(app_parts, qtbot):
    w = app_parts.window
    gd = next(r for r in reports.library(app_parts.project) if r.region == "广东")
    w.library.select(gd.id)
    assert w.reader.text().startswith("广东坚持守正创新")
    assert app_parts.shown.report_id == gd.id


def test_models_pass_the_model_tester(app_parts, qtmodeltester, qtbot):
    w = app_parts.window
    select_text(w.reader, "7.8%")
    press(qtbot, w, Qt.Key.Key_1)
    assert isinstance(w.library.model, LibraryModel)
    qtbot.waitUntil(lambda: w.tag_table.model.rowCount() == 1)
    qtmodeltester.check(w.library.model)
    qtmodeltester.check(w.tag_table.model)


def test_tag_all_occurrences(app_parts, qtbot):
    w = app_parts.window
    n = w.reader.text().count("湖南")
    app_parts.editing.tag_all("program", "湖南")
    assert len(tag_rows(app_parts)) == n
    w.act_undo.trigger()
    assert tag_rows(app_parts) == []
