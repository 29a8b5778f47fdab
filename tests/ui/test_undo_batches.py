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
from PySide6.QtWidgets import QMessageBox

from desktop.services import export, review, tags
from tests.ui.test_operations_undo import tag_here, undo_redo


@pytest.fixture(autouse=True)
def _no_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **_k: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **_k: None)
    return shown


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
                                                            _no_dialogs: list[str]) -> None:
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
    assert _no_dialogs and "changed" in _no_dialogs[-1]
