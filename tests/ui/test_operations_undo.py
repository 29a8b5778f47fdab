"""Every action is an operation run by the window's runner, and Ctrl+Z / Ctrl+Y undo and
redo each one (issue 15): tag edits, suggestions, review verdicts, report metadata, the
schema, the program registry, "mark done", an import and a merge. Real widgets over a
real project built by the migrations; the checks read the project back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import QCoreApplication, Qt

from desktop.services import kinds, programs, reports, review, suggestions, tags
from desktop.services.changes import Changes
from desktop.services.importing import import_files
from desktop.services.ops import schema
from desktop.services.project import open_project_as
from tests.conftest import SEED
from tests.ui.conftest import select_text
from tests.ui.test_main_window import press

pytestmark = pytest.mark.usefixtures("dialogs")  # tests/ui/conftest.py


def undo_redo(w: Any, before: Callable[[], bool], after: Callable[[], bool]) -> None:
    """Undo puts the project back as `before` says, redo as `after` says; twice over."""
    assert after()
    for _ in range(2):
        w.act_undo.trigger()
        QCoreApplication.processEvents()  # the views follow a turn later
        assert before()
        w.act_redo.trigger()
        QCoreApplication.processEvents()
        assert after()


def tag_here(qtbot: Any, w: Any, needle: str, key: Qt.Key = Qt.Key.Key_1) -> str:
    select_text(w.reader, needle)
    press(qtbot, w, key)
    return w.inspector.detail().id


def test_tagging_deleting_and_resizing_undo_and_redo(app_parts: Any, qtbot: Any) -> None:
    w, project = app_parts.window, app_parts.project
    tag_id = tag_here(qtbot, w, "7.8%")
    undo_redo(w, lambda: tags.detail(project, tag_id) is None,
              lambda: tags.detail(project, tag_id) is not None
              and w.reader.mark(tag_id) is not None)

    start, end = w.reader.mark(tag_id).start, w.reader.mark(tag_id).end
    w.reader.resize_requested.emit(tag_id, start, end + 1)
    undo_redo(w, lambda: tags.detail(project, tag_id).end == end,
              lambda: tags.detail(project, tag_id).end == end + 1
              and w.reader.mark(tag_id).end == end + 1)

    w.reader.delete_requested.emit(tag_id)
    undo_redo(w, lambda: tags.detail(project, tag_id) is not None
              and w.reader.mark(tag_id) is not None,
              lambda: tags.detail(project, tag_id) is None and w.reader.mark(tag_id) is None)


def test_field_note_kind_and_revert_undo_and_redo(app_parts: Any, qtbot: Any) -> None:
    w, project, editing = app_parts.window, app_parts.project, app_parts.editing
    tag_id = tag_here(qtbot, w, "7.8%")
    detail = lambda: tags.detail(project, tag_id)  # noqa: E731

    old = detail().fields.get("indicator")  # prefilled from the suggestion there
    w.inspector.field_edited.emit("indicator", "text", "规上工业增加值增速")
    undo_redo(w, lambda: detail().fields.get("indicator") == old,
              lambda: detail().fields.get("indicator") == "规上工业增加值增速")

    editing.edit_note("checked")
    undo_redo(w, lambda: detail().note == "", lambda: detail().note == "checked")

    editing.change_kind("target")
    undo_redo(w, lambda: detail().kind == "metric", lambda: detail().kind == "target"
              and w.reader.mark(tag_id).kind == "target")

    first = detail().history[0].id
    w.inspector.show_tag(detail())
    editing.revert(first)
    undo_redo(w, lambda: detail().kind == "target" and detail().note == "checked",
              lambda: detail().kind == "metric" and detail().note == "")


def test_link_and_unlink_undo_and_redo(app_parts: Any, qtbot: Any) -> None:
    w, project, editing = app_parts.window, app_parts.project, app_parts.editing
    program = tag_here(qtbot, w, "智赋万企", Qt.Key.Key_2)
    target = tag_here(qtbot, w, "7.8%", Qt.Key.Key_3)
    links = lambda: [(k.other_id, k.type) for k in tags.detail(project, target).links]  # noqa: E731
    editing.link_to(program, "program")
    undo_redo(w, lambda: links() == [], lambda: links() == [(program, "program")])
    w.inspector.show_tag(tags.detail(project, target))
    editing.unlink(program, "program")
    undo_redo(w, lambda: links() == [(program, "program")], lambda: links() == [])


def test_accepting_and_rejecting_suggestions_undo_and_redo(app_parts: Any, qtbot: Any) -> None:
    from tests.ui.test_suggestions_ui import first_suggestion

    w, project = app_parts.window, app_parts.project
    report_id = app_parts.shown.report_id
    open_before = len(suggestions.for_report(project, report_id))
    mark = first_suggestion(w)
    qtbot.keyClick(w.reader, Qt.Key.Key_X)
    assert w.reader.mark(mark.id) is None
    undo_redo(w, lambda: w.reader.mark(mark.id) is not None
              and len(suggestions.for_report(project, report_id)) == open_before,
              lambda: w.reader.mark(mark.id) is None
              and len(suggestions.for_report(project, report_id)) == open_before - 1)

    mark = first_suggestion(w)
    qtbot.keyClick(w.reader, Qt.Key.Key_Return)
    made = [t for t in tags.table(project, report_id) if (t.start, t.end) == (mark.start, mark.end)]
    assert len(made) == 1
    undo_redo(w, lambda: tags.detail(project, made[0].id) is None
              and w.reader.mark(mark.id) is not None,
              lambda: tags.detail(project, made[0].id) is not None
              and w.reader.mark(mark.id) is None)


def test_review_verdicts_undo_and_redo(app_parts: Any, qtbot: Any) -> None:
    w, project = app_parts.window, app_parts.project
    report_id = app_parts.shown.report_id
    text = reports.document(project, report_id).text
    bob = open_project_as(project.target, "bob")
    try:
        start = text.index("7.8%")
        theirs = tags.create_tag(bob, report_id, "metric", start, start + 4).new_tag
    finally:
        bob.close()
    panel = app_parts.features["review"].panel
    w.left_tabs.setCurrentWidget(panel)
    panel.refresh()
    row = next(r for r in range(panel.model.rowCount()) if panel.model.item(r).tag_id == theirs)
    panel.view.selectRow(row)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_R)
    status = lambda: tags.detail(project, theirs).status  # noqa: E731
    undo_redo(w, lambda: status() == "open" and not review.reviews(project, theirs),
              lambda: status() == "rejected" and len(review.reviews(project, theirs)) == 1)

    panel.status_box.setCurrentIndex(panel.status_box.findData(""))  # any status
    panel.refresh()
    row = next(r for r in range(panel.model.rowCount()) if panel.model.item(r).tag_id == theirs)
    panel.view.selectRow(row)
    panel.correct_selected()
    fixes = lambda: review.corrections_of(project, theirs)  # noqa: E731
    undo_redo(w, lambda: status() == "rejected" and fixes() == [],
              lambda: status() == "corrected" and len(fixes()) == 1)


def test_report_metadata_and_mark_done_undo_and_redo(app_parts: Any, qtbot: Any) -> None:
    w, project, editing = app_parts.window, app_parts.project, app_parts.editing
    report_id = app_parts.shown.report_id
    row = lambda: next(r for r in reports.library(project) if r.id == report_id)  # noqa: E731
    old_region = row().region
    w.library.edit_requested.emit(report_id)
    dialog = editing.metadata_dialog
    dialog.region.selectAll()
    dialog.region.insert("湖南省")
    dialog._check()
    undo_redo(w, lambda: row().region == old_region, lambda: row().region == "湖南省")

    state = row().state
    app_parts.features["layers"].act_done.trigger()
    undo_redo(w, lambda: row().state == state, lambda: row().state == "done")


def test_schema_edits_undo_and_redo(app_parts: Any, qtbot: Any) -> None:
    w, project = app_parts.window, app_parts.project
    w.act_schema.trigger()
    dialog = app_parts.features["schema"].dialog
    qtbot.addWidget(dialog)
    keys = lambda: [k.key for k in kinds.list_kinds(project)]  # noqa: E731
    done = dialog._run(schema.AddKind("Risk", "风险", "#aa3355", "4"), "Add a tag kind")
    assert done is not None and done.made is not None
    undo_redo(w, lambda: "risk" not in keys() and "risk" not in w.kind_actions,
              lambda: "risk" in keys() and "risk" in w.kind_actions)

    # deleting a kind that tags use, moving them: undo brings the kind and the tags back
    tag_id = tag_here(qtbot, w, "7.8%", Qt.Key.Key_3)
    target = next(k for k in kinds.list_kinds(project) if k.key == "target")
    metric = next(k for k in kinds.list_kinds(project) if k.key == "metric")
    dialog._run(schema.DeleteKind(target.id, metric.id), "Delete a tag kind")
    undo_redo(w, lambda: "target" in keys() and tags.detail(project, tag_id).kind == "target",
              lambda: "target" not in keys() and tags.detail(project, tag_id).kind == "metric")

    field = metric.fields[0]
    dialog._run(schema.UpdateField(field.id, label="Indicator name"), "Edit a field")
    label = lambda: next(k for k in kinds.list_kinds(project) if k.key == "metric").fields[0].label  # noqa: E731
    undo_redo(w, lambda: label() == field.label, lambda: label() == "Indicator name")


def test_program_registry_edits_undo_and_redo(app_parts: Any, qtbot: Any) -> None:
    w, project = app_parts.window, app_parts.project
    tag_id = tag_here(qtbot, w, "智赋万企", Qt.Key.Key_2)
    programs.link_program_tag(project, tag_id)
    entry = next(e for e in programs.entries(project) if "智赋万企" in e.name)
    w.act_programs.trigger()
    dialog = app_parts.features["suggestions"].programs_dialog
    qtbot.addWidget(dialog)
    dialog.refresh()
    dialog.select(entry.id)
    dialog.name_edit.setText("智赋万企行动计划")
    dialog.rename_selected()
    name = lambda: programs.entry(project, entry.id).name  # noqa: E731
    undo_redo(w, lambda: name() == entry.name
              and tags.detail(project, tag_id).fields.get("name") != "智赋万企行动计划",
              lambda: name() == "智赋万企行动计划"
              and tags.detail(project, tag_id).fields.get("name") == "智赋万企行动计划")


def test_an_import_is_undone_as_one_action(app_parts: Any, qtbot: Any, tmp_path: Path) -> None:
    w, project = app_parts.window, app_parts.project
    extra = tmp_path / "extra.txt"
    extra.write_text("2026年工作思路：力争规上工业增加值增长6%左右。\n", encoding="utf-8")
    dialog = app_parts.features["importing"].start([extra])
    qtbot.addWidget(dialog)
    count = lambda: len(reports.library(project))  # noqa: E731
    qtbot.waitUntil(lambda: count() == 3 and w.undo_stack.canUndo(), timeout=30_000)
    assert w.undo_stack.undoText() == "Import reports"
    w.act_undo.trigger()
    assert count() == 2
    qtbot.waitUntil(lambda: w.library.model.rowCount() == 2)
    assert w.undo_stack.canRedo()  # tests/ui/test_undo_batches.py: redo puts them back


def test_a_merge_is_undone_by_restoring_the_backup_it_took(app_parts: Any, qtbot: Any,
                                                            tmp_path: Path) -> None:
    w, project = app_parts.window, app_parts.project
    bob = open_project_as(tmp_path / "bob.rmk", "bob")
    try:
        import_files(bob, [SEED])  # the same reports: the merge matches them
        report_id = next(r.id for r in reports.library(bob))
        text = reports.document(bob, report_id).text
        start = text.index("7.8%")
        theirs = tags.create_tag(bob, report_id, "metric", start, start + 4).new_tag
    finally:
        bob.close()
    job = app_parts.features["team"].merge(str(tmp_path / "bob.rmk"))
    qtbot.waitUntil(lambda: not job.running and w.undo_stack.canUndo(), timeout=60_000)
    assert tags.detail(project, theirs) is not None
    undo_redo(w, lambda: tags.detail(project, theirs) is None,
              lambda: tags.detail(project, theirs) is not None)


def test_a_bug_is_logged_and_shown_as_something_went_wrong(app_parts: Any, qtbot: Any,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    class Broken:
        def run(self, _project: Any) -> Any:
            raise KeyError("a programming error")

    runner = app_parts.runner
    with qtbot.waitSignal(runner.failed) as shown:
        assert runner.run(Broken(), "Broken") is None
    assert "Something went wrong" in shown.args[0]
    assert "a programming error" in caplog.text and "Traceback" in caplog.text
    assert not app_parts.window.undo_stack.canUndo()
    app_parts.bus.publish(Changes())  # nothing half-done to refresh
