"""Batch actions in the window are operations that undo and redo (issue 15): edits
brought back from a workbook, an annotation import, an import of reports (redone after
an undo), and "Tag all results". Real widgets over a real project built by the
migrations; the checks read the project back and look at the window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from PySide6.QtCore import QCoreApplication, Qt

from desktop.services import export, review, tags
from tests.ui.test_operations_undo import tag_here, undo_redo

pytestmark = pytest.mark.usefixtures("dialogs")  # tests/ui/conftest.py


def table_text(w: Any, tag_id: str, column: str) -> str | None:
    """What the tag table shows for a tag (None: not listed)."""
    model = w.tag_table.model
    QCoreApplication.processEvents()
    if tag_id not in model.ids():
        return None
    row = model.ids().index(tag_id)
    return model.index(row, model.COLUMNS.index(column)).data()


def _edit(path: Path, sheet: str, tag_id: str, **by_header: Any) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    headers = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[headers.index("Tag ID")].value == tag_id:
            for header, value in by_header.items():
                row[headers.index(header.replace("_", " "))].value = value
    wb.save(path)


def test_workbook_edits_undo_and_redo(app_parts: Any, qtbot: Any, tmp_path: Path) -> None:
    w, project = app_parts.window, app_parts.project
    tag_id = tag_here(qtbot, w, "7.8%")
    out = tmp_path / "tags.xlsx"
    export.export(project, out, lang="en")
    _edit(out, "Metric", tag_id, Status="accepted", Note="见第2页", Review_comment="核对无误")
    dialog = app_parts.features["excel"].preview_edits(out)
    qtbot.addWidget(dialog)
    assert dialog.apply_button.isEnabled()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert w.undo_stack.undoText() == "Import edits"
    detail = lambda: tags.detail(project, tag_id)  # noqa: E731
    undo_redo(
        w,
        lambda: detail().status == "open" and detail().note == ""
        and not review.reviews(project, tag_id) and table_text(w, tag_id, "status") == "open",
        lambda: detail().status == "accepted" and detail().note == "见第2页"
        and [r.comment for r in review.reviews(project, tag_id)] == ["核对无误"]
        and table_text(w, tag_id, "status") == "accepted")


def test_undoing_workbook_edits_refuses_a_tag_changed_since(app_parts: Any, qtbot: Any,
                                                            tmp_path: Path,
                                                            dialogs: list[str]) -> None:
    from desktop.services.project import open_project_as

    w, project = app_parts.window, app_parts.project
    tag_id = tag_here(qtbot, w, "7.8%")
    out = tmp_path / "tags.xlsx"
    export.export(project, out, lang="en")
    _edit(out, "Metric", tag_id, Note="见第2页")
    dialog = app_parts.features["excel"].preview_edits(out)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    bob = open_project_as(project.target, "bob")  # a colleague edits the tag since
    try:
        tags.set_note(bob, tag_id, "bob's note")
    finally:
        bob.close()
    w.act_undo.trigger()
    QCoreApplication.processEvents()
    assert tags.detail(project, tag_id).note == "bob's note"  # not overwritten
    assert dialogs and "changed" in dialogs[-1]


def test_an_import_undone_is_redone_with_the_same_ids(app_parts: Any, qtbot: Any,
                                                       tmp_path: Path) -> None:
    from desktop.services import reports

    w, project = app_parts.window, app_parts.project
    extra = tmp_path / "extra.txt"
    extra.write_text("2026年工作思路：力争规上工业增加值增长6%左右。\n", encoding="utf-8")
    dialog = app_parts.features["importing"].start([extra])
    qtbot.addWidget(dialog)
    ids = lambda: {r.id for r in reports.library(project)}  # noqa: E731
    qtbot.waitUntil(lambda: len(ids()) == 3 and w.undo_stack.canUndo(), timeout=30_000)
    before = ids()
    new_id = next(r.id for r in reports.library(project) if "extra" in r.source_file)
    # tag the imported report, then undo the tag and the import; redo both
    app_parts.shown.open_report(new_id)
    QCoreApplication.processEvents()
    tag_id = tag_here(qtbot, w, "6%")
    w.act_undo.trigger()  # the tag
    w.act_undo.trigger()  # the import
    QCoreApplication.processEvents()
    assert new_id not in ids() and tags.detail(project, tag_id) is None
    qtbot.waitUntil(lambda: w.library.model.rowCount() == 2)
    w.act_redo.trigger()  # the import, with the same id
    QCoreApplication.processEvents()
    assert ids() == before
    assert reports.document(project, new_id).text.startswith("2026年工作思路")
    qtbot.waitUntil(lambda: w.library.model.rowCount() == 3)
    w.act_redo.trigger()  # the tag, on the report put back
    QCoreApplication.processEvents()
    assert tags.detail(project, tag_id) is not None
    from desktop.services import search

    assert search.search_project(project, "工作思路")  # found again


def test_an_annotation_import_undoes_and_redoes(app_parts: Any, qtbot: Any,
                                                tmp_path: Path) -> None:
    import json

    from desktop.services import kinds, reports

    w, project = app_parts.window, app_parts.project
    report_id = app_parts.shown.report_id
    seeded_text = reports.document(project, report_id).text
    at = seeded_text.index("7.8%")
    a = "华为科技有限公司工业增加值增长6.5%。"
    source = tmp_path / "team.jsonl"
    source.write_text("\n".join(json.dumps({"text": t, "label": spans}, ensure_ascii=False) for t, spans in [
        (a, [[0, 8, "Firm"], [a.index("6.5%"), a.index("。"), "metric"]]),
        (seeded_text, [[at, at + 4, "metric"]]),  # a report already in the project
    ]), encoding="utf-8")
    dialog = app_parts.features["learning"].preview_annotations(source)
    qtbot.addWidget(dialog)
    library = {r.id for r in reports.library(project)}
    old_tags = {t.id for t in tags.table(project, report_id)}
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "Imported: 3 tags" in dialog.summary.text(), dialog.summary.text()
    assert w.undo_stack.undoText() == "Import annotations"
    added = {r.id for r in reports.library(project)} - library
    firm = lambda: [k for k in kinds.list_kinds(project) if k.name == "Firm"]  # noqa: E731
    new_here = {t.id for t in tags.table(project, report_id)} - old_tags
    assert len(added) == 1 and len(firm()) == 1 and len(new_here) == 1
    (tag_id,) = new_here

    def before() -> bool:
        return ({r.id for r in reports.library(project)} == library and not firm()
                and tags.detail(project, tag_id) is None
                and "firm" not in w.kind_actions and w.reader.mark(tag_id) is None
                and w.library.model.rowCount() == len(library))

    def after() -> bool:
        return ({r.id for r in reports.library(project)} == library | added
                and len(firm()) == 1 and tags.detail(project, tag_id) is not None
                and firm()[0].key in w.kind_actions and w.reader.mark(tag_id) is not None
                and w.library.model.rowCount() == len(library) + 1)

    qtbot.waitUntil(after)  # the library follows a moment later
    for _ in range(2):
        w.act_undo.trigger()
        qtbot.waitUntil(before)
        w.act_redo.trigger()
        qtbot.waitUntil(after)


def test_undoing_an_annotation_import_refuses_a_colleagues_work(
        app_parts: Any, qtbot: Any, tmp_path: Path, dialogs: list[str]) -> None:
    import json

    from desktop.services import reports
    from desktop.services.project import open_project_as

    w, project = app_parts.window, app_parts.project
    a = "华为科技有限公司工业增加值增长6.5%。"
    source = tmp_path / "team.jsonl"
    source.write_text(json.dumps({"text": a, "label": [[0, 8, "Firm"]]}, ensure_ascii=False),
                      encoding="utf-8")
    library = {r.id for r in reports.library(project)}
    dialog = app_parts.features["learning"].preview_annotations(source)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    (added,) = {r.id for r in reports.library(project)} - library
    (tag_id,) = [t.id for t in tags.table(project, added)]
    bob = open_project_as(project.target, "bob")  # a colleague edits the imported tag
    try:
        tags.set_note(bob, tag_id, "bob's note")
    finally:
        bob.close()
    w.act_undo.trigger()
    QCoreApplication.processEvents()
    assert tags.detail(project, tag_id).note == "bob's note"  # nothing taken out
    assert added in {r.id for r in reports.library(project)}
    assert dialogs and "not undone" in dialogs[-1]


def test_tag_all_results_is_one_unit_of_work(app_parts: Any, qtbot: Any,
                                             dialogs: list[str]) -> None:
    from desktop.services import reports

    w, project = app_parts.window, app_parts.project
    ids = [r.id for r in reports.library(project)]
    assert len(ids) == 2
    spans = []
    for report_id in ids:  # a place in each report
        text = reports.document(project, report_id).text
        at = text.index("工业")
        spans.append((report_id, at, at + 2))
    count = lambda: sum(len(tags.table(project, r)) for r in ids)  # noqa: E731
    before = count()
    feature = app_parts.features["search"]
    # the second report gone between the search and the click: nothing is tagged
    feature.tag_all("metric", [spans[0], ("no-such-report", 0, 2)])
    assert count() == before and dialogs
    feature.tag_all("metric", spans)
    assert w.undo_stack.undoText() == "Tag all results"
    shown = w.reader.text() and app_parts.shown.report_id
    made = [t.id for r in ids for t in tags.table(project, r) if t.origin == "search"]
    assert len(made) == 2
    here = next(t for t in made if tags.detail(project, t).report_id == shown)
    undo_redo(w, lambda: count() == before and w.reader.mark(here) is None,
              lambda: count() == before + 2 and w.reader.mark(here) is not None)


def test_an_annotation_import_undone_can_be_made_again(app_parts: Any, qtbot: Any,
                                                       tmp_path: Path) -> None:
    import json

    w, project = app_parts.window, app_parts.project
    a = "华为科技有限公司工业增加值增长6.5%。"
    source = tmp_path / "team.jsonl"
    source.write_text(json.dumps({"text": a, "label": [[0, 8, "Firm"]]}, ensure_ascii=False),
                      encoding="utf-8")
    for _ in range(2):  # the kind is made anew the second time, with another id
        dialog = app_parts.features["learning"].preview_annotations(source)
        qtbot.addWidget(dialog)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        assert "Imported: 1 tags" in dialog.summary.text(), dialog.summary.text()
        w.act_undo.trigger()
        QCoreApplication.processEvents()
    w.act_redo.trigger()
    QCoreApplication.processEvents()
    from desktop.services import kinds

    assert [k.name for k in kinds.list_kinds(project)].count("Firm") == 1
