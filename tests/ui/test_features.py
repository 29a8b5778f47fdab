"""Features in the real window: import by menu or drop, search, layers and blind review,
merge in a worker process, export and review panels present."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.services import reports, tags
from desktop.services.project import open_project_as
from tests.conftest import SEED


def test_import_dialog_adds_reports_to_the_library(app_parts, qtbot, tmp_path: Path):
    report = tmp_path / "shandong.txt"
    report.write_text("山东省政府工作报告\n\n山东省人民政府\n\n全省地区生产总值增长5.5%。\n",
                      encoding="utf-8")
    dialog = app_parts.features["importing"].start([report])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: app_parts.window.library.model.rowCount() == 3, timeout=30000)
    assert any(r.region == "山东" for r in reports.library(app_parts.project))


def test_search_across_the_project_opens_the_hit(app_parts, qtbot):
    w = app_parts.window
    w.act_find_all.trigger()
    panel = app_parts.features["search"].panel
    assert w.left_tabs.currentWidget() is panel
    panel.query.insert("广东强芯")
    panel.run_search()
    assert panel.model.rowCount() >= 1
    panel.results.setCurrentIndex(panel.model.index(0, 0))
    panel.results.activated.emit(panel.model.index(0, 0))
    assert w.reader.textCursor().selectedText() == "广东强芯"
    assert "广东" in w.report_title.text()


def test_blind_review_hides_colleagues_until_the_report_is_done(app_parts, qtbot, project_path):
    w = app_parts.window
    report_id = app_parts.shown.report_id
    bob = open_project_as(project_path, "bob")
    text = w.reader.text()
    i = text.find("7.8%")
    tags.create_tag(bob, report_id, "metric", i, i + 4)
    bob.close()
    layers = app_parts.features["layers"]
    layers.act_blind.setChecked(True)
    assert w.reader.tag_count() == 0  # bob's tag is hidden while alice has not finished
    layers.act_done.trigger()
    qtbot.waitUntil(lambda: w.reader.tag_count() == 1)
    layers.act_blind.setChecked(False)


def test_hiding_an_analysts_layer(app_parts, qtbot, project_path):
    w = app_parts.window
    report_id = app_parts.shown.report_id
    bob = open_project_as(project_path, "bob")
    i = w.reader.text().find("7.8%")
    tags.create_tag(bob, report_id, "metric", i, i + 4)
    bob_id = bob.analyst_id
    bob.close()
    app_parts.shown.refresh_tags()
    assert w.reader.tag_count() == 1
    layers = app_parts.features["layers"]
    layers.show_author(bob_id, False)
    assert w.reader.tag_count() == 0
    layers.show_author(bob_id, True)
    assert w.reader.tag_count() == 1


def test_merge_runs_in_a_worker_and_brings_colleagues_tags(app_parts, qtbot, tmp_path,
                                                         template_project, monkeypatch):
    import shutil

    from desktop.services.importing import import_files

    other_path = tmp_path / "bob.rmk"
    shutil.copyfile(template_project, other_path)
    bob = open_project_as(other_path, "bob")
    import_files(bob, [SEED])
    row = next(r for r in reports.library(bob) if r.region == "湖南")
    doc = reports.document(bob, row.id)
    i = doc.text.find("7.8%")
    tags.create_tag(bob, row.id, "metric", i, i + 4)
    bob.close()
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    job = app_parts.features["team"].merge(str(other_path))
    with qtbot.waitSignal(job.finished, timeout=60000):
        pass
    qtbot.waitUntil(lambda: app_parts.window.reader.tag_count() == 1)
    assert shown and "1" in shown[0]


def test_export_and_review_are_reachable(app_parts, qtbot):
    w = app_parts.window
    w.act_export.trigger()
    dialog = app_parts.features["excel"].export_dialog
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    dialog.reject()
    tabs = [w.left_tabs.tabText(i) for i in range(w.left_tabs.count())]
    assert tabs == ["Library", "Search", "Review"]


def test_library_shows_the_analysts_state(app_parts, qtbot):
    w = app_parts.window
    assert w.library.model.index(0, 5).data() == "○"
    i = w.reader.text().find("7.8%")
    w.reader.select_span(i, i + 4)
    qtbot.keyClick(w.reader, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: w.library.model.index(0, 5).data() == "◐")
    app_parts.features["layers"].act_done.trigger()
    qtbot.waitUntil(lambda: w.library.model.index(0, 5).data() == "●")


def test_the_schema_dialog_opens_from_the_menu_and_new_kinds_reach_the_reader(app_parts, qtbot):
    from desktop.services.ops.schema import AddKind

    w = app_parts.window
    w.act_schema.trigger()
    dialog = app_parts.features["schema"].dialog
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    # what the dialog's "Add kind…" form runs, through the window's runner
    assert dialog._run(AddKind("Risk", "风险", "#aa3355", "4"), "Add a tag kind") is not None
    assert "risk" in w.kind_actions
    assert w.reader.kind_for_shortcut("4") == "risk"
    w.act_undo.trigger()  # the schema edit is undone like any other
    assert "risk" not in w.kind_actions


def test_report_metadata_is_editable_from_the_library(app_parts, qtbot):
    w = app_parts.window
    report_id = app_parts.shown.report_id
    w.library.edit_requested.emit(report_id)
    dialog = app_parts.editing.metadata_dialog
    dialog.year.setText("20x5")
    dialog._check()
    assert dialog.isVisible() and "year" in dialog.error.text()
    dialog.region.selectAll()
    dialog.region.insert("湖南省")
    dialog.year.setText("2026")
    dialog.published.setText("2026-01-05")
    dialog._check()
    row = next(r for r in reports.library(app_parts.project) if r.id == report_id)
    assert (row.region, row.year) == ("湖南省", 2026)
    assert reports.document(app_parts.project, report_id).published == "2026-01-05"
    qtbot.waitUntil(lambda: w.library.model.index(0, 1).data() == "湖南省")


def test_the_library_filters_by_the_analyst_who_tagged(app_parts, qtbot, project_path):
    w = app_parts.window
    gd = next(r for r in reports.library(app_parts.project) if r.region == "广东")
    bob = open_project_as(project_path, "bob")
    tags.create_tag(bob, gd.id, "metric", 0, 2)
    bob.close()
    app_parts.shown.reload_library()
    combo = w.library.analyst_filter
    combo.setCurrentIndex(combo.findData("bob"))
    assert w.library.proxy.rowCount() == 1
    assert w.library.proxy.index(0, 0).data(w.library.model.ID_ROLE) == gd.id
    combo.setCurrentIndex(0)
    assert w.library.proxy.rowCount() == 2


def test_the_review_queue_follows_changes_while_shown_and_when_shown_again(
        app_parts, qtbot, project_path):
    w = app_parts.window
    report_id = app_parts.shown.report_id
    queue = app_parts.features["review"].panel

    def colleague_tags(at: int) -> None:
        bob = open_project_as(project_path, "bob")
        tags.create_tag(bob, report_id, "metric", at, at + 4)
        bob.close()

    def tag_here(at: int) -> None:  # any change of this window's
        w.reader.select_span(at, at + 4)
        QTest.keyClick(w.reader, Qt.Key.Key_1)

    w.left_tabs.setCurrentWidget(queue)
    before = queue.model.rowCount()
    colleague_tags(10)
    tag_here(30)
    qtbot.waitUntil(lambda: queue.model.rowCount() == before + 1)
    w.left_tabs.setCurrentIndex(0)  # hidden: the window's changes leave it as it was
    colleague_tags(50)
    tag_here(70)
    qtbot.wait(400)
    assert queue.model.rowCount() == before + 1
    w.left_tabs.setCurrentWidget(queue)  # shown again: up to date at once
    assert queue.model.rowCount() == before + 2
