"""The export dialog runs a real spawned export; the edits dialog previews and applies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from desktop.services import excel_edits, export
from desktop.services.project import Project
from desktop.ui.edits_dialog import EditsDialog
from desktop.ui.export_dialog import ExportDialog
from tests.services.export_data import make_tags


def _dialog(qtbot: QtBot, project: Project, tmp_path: Path) -> ExportDialog:
    choices = export.filter_choices(project)
    dialog = ExportDialog(export.export_job, project.target, project.analyst_name, choices.kinds,
                          choices.analysts, choices.regions, choices.years, choices.statuses,
                          default_dir=tmp_path)
    qtbot.addWidget(dialog)
    return dialog


def test_export_runs_in_a_process_with_filters(qtbot: QtBot, seeded: Project, tmp_path: Path) -> None:
    make_tags(seeded, tmp_path)
    dialog = _dialog(qtbot, seeded, tmp_path)
    dialog.kind.setCurrentIndex(dialog.kind.findData("metric"))
    dialog.region.setCurrentIndex(dialog.region.findData("湖南"))
    out = tmp_path / "dialog.xlsx"
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(out))
    assert dialog.filters() == {"kind": "metric", "region": "湖南"}
    dialog.lang.setCurrentIndex(dialog.lang.findData("en"))
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.last_result == {"paths": [str(out)], "counts": {"metric": 1}}
    assert openpyxl.load_workbook(out).sheetnames[0] == "Metric"


def test_export_asks_before_overwriting_then_offers_open_and_folder(
        qtbot: QtBot, seeded: Project, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    make_tags(seeded, tmp_path)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "brief.xlsx"
    out.write_bytes(b"yesterday's brief")
    dialog = _dialog(qtbot, seeded, tmp_path)
    dialog.show()
    assert not dialog.open_button.isVisible()
    dialog.path.setText(str(out))
    dialog.lang.setCurrentIndex(dialog.lang.findData("zh_CN"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    box = dialog.overwrite_box
    assert box is not None and box.isVisible() and "brief.xlsx" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert dialog.job is None and out.read_bytes() == b"yesterday's brief"
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    box = dialog.overwrite_box
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert openpyxl.load_workbook(out).sheetnames[0] == "指标"
    assert str(out) in dialog.message.text()
    opened: list[str] = []
    dialog.open_url = lambda url: opened.append(url.toLocalFile()) or True
    assert dialog.open_button.isVisible() and dialog.folder_button.isVisible()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(out), str(folder)]
    assert QSettings().value("export/last_folder") == str(folder)
    again = ExportDialog(export.export_job, seeded.target, seeded.analyst_name, [("metric", "M")])
    qtbot.addWidget(again)
    assert again.path.text() == str(folder / "reportmark-export.xlsx")  # the folder remembered


def test_format_switch_changes_the_extension(qtbot: QtBot, seeded: Project, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, seeded, tmp_path)
    dialog.format.setCurrentIndex(dialog.format.findData("jsonl"))
    assert dialog.path.text().endswith(".jsonl")


def test_failed_export_shows_the_reason(qtbot: QtBot, seeded: Project, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, seeded, tmp_path)
    dialog.path.setText(str(tmp_path / "missing" / "x.xlsx"))
    dialog.start()
    assert dialog.job is not None
    qtbot.waitUntil(lambda: dialog.last_error is not None, timeout=60_000)
    assert "does not exist" in dialog.message.text()
    assert dialog.export_button.isEnabled()


def test_cancel_leaves_nothing_behind(qtbot: QtBot, seeded: Project, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, seeded, tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    dialog.path.setText(str(out_dir / "x.xlsx"))
    dialog.start()
    assert dialog.job is not None
    with qtbot.waitSignal(dialog.job.cancelled, timeout=10_000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert "cancelled" in dialog.message.text()
    assert list(out_dir.iterdir()) == []
    assert dialog.isVisible() or not dialog.result()


def _edited_book(project: Project, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    ids = make_tags(project, tmp_path)
    out = tmp_path / "book.xlsx"
    export.export(project, out, lang="en")
    wb = openpyxl.load_workbook(out)
    ws = wb["Program"]
    headers = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[headers.index("Tag ID")].value == ids["program"]:
            row[headers.index("Category")].value = "工程"
    wb.save(out)
    return out, ids


def test_edits_dialog_previews_and_applies(qtbot: QtBot, qtmodeltester: Any, seeded: Project,
                                           tmp_path: Path) -> None:
    out, ids = _edited_book(seeded, tmp_path)
    preview = excel_edits.preview(seeded, out)
    dialog = EditsDialog(preview, lambda: excel_edits.apply(seeded, out)[0])
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 6).data() == "工程"
    assert dialog.apply_button.isEnabled()
    with qtbot.waitSignal(dialog.applied) as blocker:
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert ids["hunan"] in blocker.args[0].tags


def test_edits_dialog_with_errors_cannot_apply(qtbot: QtBot, seeded: Project, tmp_path: Path) -> None:
    out, _ = _edited_book(seeded, tmp_path)
    wb = openpyxl.load_workbook(out)
    ws = wb["Target"]
    headers = [c.value for c in ws[1]]
    ws.cell(2, headers.index("Value") + 1).value = "很多"
    wb.save(out)
    dialog = EditsDialog(excel_edits.preview(seeded, out), lambda: pytest.fail("applied"))
    qtbot.addWidget(dialog)
    assert dialog.model.index(0, 0).data() == "error"
    assert not dialog.apply_button.isEnabled()
    assert "nothing will be changed" in dialog.message.text()
