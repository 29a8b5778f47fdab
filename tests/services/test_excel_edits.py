"""Round trip: export, edit the workbook as an analyst would (openpyxl), import the edits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from desktop.cli import main
from desktop.services import excel_edits, export, tags
from desktop.services.project import Project, switch_analyst
from tests.services.export_data import make_tags


@pytest.fixture
def book(seeded: Project, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    ids = make_tags(seeded, tmp_path)
    out = tmp_path / "tags.xlsx"
    export.export(seeded, out, lang="en")
    return out, ids


def _edit(path: Path, sheet: str, tag_id: str, **by_header: Any) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    headers = [c.value for c in ws[1]]
    id_col = headers.index("Tag ID") if "Tag ID" in headers else headers.index("标签ID")
    for row in ws.iter_rows(min_row=2):
        if row[id_col].value == tag_id:
            for header, value in by_header.items():
                row[headers.index(header.replace("_", " "))].value = value
    wb.save(path)


def _letter(path: Path, sheet: str, header: str) -> str:
    ws = openpyxl.load_workbook(path)[sheet]
    return next(str(c.column_letter) for c in ws[1] if c.value == header)


def _fields(project: Project, tag_id: str) -> dict[str, Any]:
    detail = tags.detail(project, tag_id)
    assert detail is not None
    return detail.fields


def test_untouched_workbook_changes_nothing(book: tuple[Path, dict[str, Any]], seeded: Project) -> None:
    out, _ = book
    wb = openpyxl.load_workbook(out)
    wb.save(out)  # a save in a spreadsheet application rewrites the whole file
    result = excel_edits.preview(seeded, out)
    assert (result.rows_read, result.rows_edited) == (4, 0)
    assert not result.changes and not result.conflicts and not result.errors


def test_edits_come_back_as_the_importing_analyst(book: tuple[Path, dict[str, Any]], seeded: Project) -> None:
    out, ids = book
    _edit(out, "Metric", ids["metric"], Value=8.1, Unit="万亿元", Status="accepted",
          Review_comment="核对无误", Note="见第2页")
    switch_analyst(seeded, "bob")
    preview = excel_edits.preview(seeded, out)
    assert preview.rows_edited == 1
    assert {c.column for c in preview.changes} == {
        f"{_letter(out, 'Metric', h)} ({h})" for h in ("Value", "Unit", "Status",
                                                      "Review comment", "Note")}
    assert _fields(seeded, ids["metric"])["value"] == "7.8"  # a preview changes nothing
    changes, result = excel_edits.apply(seeded, out)
    assert ids["hunan"] in changes.tags and result.tags_changed == 1
    detail = tags.detail(seeded, ids["metric"])
    assert detail is not None
    assert detail.fields["value"] == "8.1" and detail.fields["unit"] == "万亿元"
    assert detail.fields["normalized_value"] == "8100000000000"
    assert detail.fields["normalized_unit"] == "元"
    assert (detail.status, detail.note) == ("accepted", "见第2页")
    assert detail.history[-1].action == "excel edit" and detail.history[-1].analyst == "bob"
    out2 = out.with_name("again.xlsx")
    export.export(seeded, out2)
    row = {c.value: c for c in openpyxl.load_workbook(out2)["Metric"][1]}
    values = [c.value for c in openpyxl.load_workbook(out2)["Metric"][2]]
    headers = list(row)
    assert values[headers.index("Reviewer")] == "bob"
    assert values[headers.index("Verdict")] == "accept"
    assert values[headers.index("Review comment")] == "核对无误"


def test_number_typed_as_text_with_unit(book: tuple[Path, dict[str, Any]], seeded: Project) -> None:
    out, ids = book
    _edit(out, "Target", ids["target"], Value="６.５")
    excel_edits.apply(seeded, out)
    assert _fields(seeded, ids["target"])["value"] == "6.5"


def test_changed_in_project_after_export_is_a_conflict(book: tuple[Path, dict[str, Any]], seeded: Project) -> None:
    out, ids = book
    tags.set_fields(seeded, ids["metric"], {"indicator": "改过了"})
    _edit(out, "Metric", ids["metric"], Value=9)
    _edit(out, "Target", ids["target"], Status="rejected")
    _, result = excel_edits.apply(seeded, out)
    assert [c.tag_id for c in result.conflicts] == [ids["metric"]]
    assert "changed in the project after the export" in result.conflicts[0].message
    assert _fields(seeded, ids["metric"])["value"] == "7.8"
    detail = tags.detail(seeded, ids["target"])
    assert detail is not None and detail.status == "rejected"


def test_deleted_tag_is_a_conflict(book: tuple[Path, dict[str, Any]], seeded: Project) -> None:
    out, ids = book
    tags.delete_tag(seeded, ids["program"])
    _edit(out, "Program", ids["program"], Category="工程")
    result = excel_edits.preview(seeded, out)
    assert len(result.conflicts) == 1 and "deleted" in result.conflicts[0].message


def test_bad_values_name_sheet_row_and_column_and_change_nothing(
    book: tuple[Path, dict[str, Any]], seeded: Project
) -> None:
    out, ids = book
    _edit(out, "Metric", ids["metric"], Value="很多", Comparison="不知道")
    _edit(out, "Target", ids["target"], Status="done", Statement="ok")
    result = excel_edits.preview(seeded, out)
    messages = [e.describe() for e in result.errors]
    value, comparison = _letter(out, "Metric", "Value"), _letter(out, "Metric", "Comparison")
    assert any(f"sheet 'Metric', row 2, column {value} (Value)" in m and "number" in m
               for m in messages)
    assert any(f"column {comparison} (Comparison)" in m and "同比" in m for m in messages)
    assert any("sheet 'Target', row 2" in m and "'done' is not a status" in m for m in messages)
    with pytest.raises(excel_edits.EditsRefused, match="Nothing was imported"):
        excel_edits.apply(seeded, out)
    detail = tags.detail(seeded, ids["target"])
    assert detail is not None and "statement" not in detail.fields and detail.status == "open"


def test_foreign_workbook_is_refused(seeded: Project, tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Tag ID"
    wb.save(path)
    with pytest.raises(excel_edits.WorkbookRefused, match="not exported by ReportMark"):
        excel_edits.preview(seeded, path)


def test_text_file_named_xlsx_is_refused(seeded: Project, tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_text("Tag ID,Status\nx,accepted\n", encoding="utf-8")
    with pytest.raises(excel_edits.WorkbookRefused, match="is not an Excel workbook"):
        excel_edits.apply(seeded, path)


def test_corrupt_xlsx_is_refused(book: tuple[Path, dict[str, Any]], seeded: Project, tmp_path: Path) -> None:
    out, _ = book
    broken = tmp_path / "broken.xlsx"
    data = out.read_bytes()
    broken.write_bytes(data[: len(data) // 2])
    with pytest.raises(excel_edits.WorkbookRefused):
        excel_edits.preview(seeded, broken)


def test_newer_format_is_refused(book: tuple[Path, dict[str, Any]], seeded: Project) -> None:
    out, _ = book
    wb = openpyxl.load_workbook(out)
    wb["_reportmark"]["B1"] = 99
    wb.save(out)
    with pytest.raises(excel_edits.WorkbookRefused, match="newer version"):
        excel_edits.preview(seeded, out)


def test_cli_import_edits(book: tuple[Path, dict[str, Any]], seeded: Project,
                          capsys: pytest.CaptureFixture[str]) -> None:
    out, ids = book
    db = seeded.target
    _edit(out, "Program", ids["program"], Category="工程")
    assert main(["--db", db, "--analyst", "carol", "import-edits", str(out), "--dry-run"]) == 0
    assert "dry run" in capsys.readouterr().out
    assert _fields(seeded, ids["program"])["category"] == "行动"
    assert main(["--db", db, "--analyst", "carol", "import-edits", str(out)]) == 0
    text = capsys.readouterr().out
    assert "'行动' → '工程'" in text and "1 changes to 1 tags" in text
    assert _fields(seeded, ids["program"])["category"] == "工程"
    bad = out.with_name("bad.xlsx")
    bad.write_text("nope", encoding="utf-8")
    assert main(["--db", db, "import-edits", str(bad)]) == 1
    assert "is not an Excel workbook" in capsys.readouterr().err
