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


# --- issue 12, point 7: the round trip's rough edges ---------------------------------

def test_dry_run_with_errors_exits_non_zero(book: tuple[Path, dict[str, Any]], seeded: Project,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out, ids = book
    _edit(out, "Metric", ids["metric"], Value="很多")
    assert main(["--db", seeded.target, "import-edits", str(out), "--dry-run"]) == 1
    captured = capsys.readouterr()
    assert "'很多' is not a number" in captured.out and "1 bad values" in captured.err


def test_reimporting_an_applied_file_reports_nothing(book: tuple[Path, dict[str, Any]], seeded: Project,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out, ids = book
    _edit(out, "Program", ids["program"], Category="工程", Status="accepted")
    assert excel_edits.apply(seeded, out)[1].tags_changed == 1
    again = excel_edits.preview(seeded, out)  # the same file: its tags' versions moved on
    assert (again.changes, again.conflicts, again.errors) == ((), (), ())
    assert main(["--db", seeded.target, "import-edits", str(out)]) == 0
    assert "nothing to apply" in capsys.readouterr().out


def test_edits_to_read_only_columns_are_listed_as_ignored(book: tuple[Path, dict[str, Any]],
                                                         seeded: Project) -> None:
    out, ids = book
    _edit(out, "Metric", ids["metric"], Tagged_text="8.8%", Normalised_value=99, Author="mallory")
    result = excel_edits.preview(seeded, out)
    assert not result.changes and not result.errors
    ignored = {i.column.split(" ", 1)[1]: i for i in result.ignored}
    assert set(ignored) == {"(Tagged text)", "(Normalised value)", "(Author)"}
    assert (ignored["(Tagged text)"].before, ignored["(Tagged text)"].after) == ("7.8%", "8.8%")
    assert "read-only" in ignored["(Author)"].message
    assert "3 ignored" in result.summary()
    _, applied = excel_edits.apply(seeded, out)
    assert len(applied.ignored) == 3 and _fields(seeded, ids["metric"])["value"] == "7.8"


def _metric_in(project: Project, unit: str, value: str) -> str:
    from desktop.services import reports

    rid = reports.library(project)[0].id
    return tags.create_tag(project, rid, "metric", 0, 4, fields={
        "indicator": "服务企业", "value": value, "unit": unit}).new_tag


@pytest.mark.parametrize(("unit", "typed", "stored"), [
    ("万家", "十五万四千", "15.4"), ("万家", "3.5万", "3.5"), ("万家", "16.2", "16.2"),
    ("家", "3.5万", "35000"), ("亿元", "三千五百万", "0.35"), ("%", "７．８％", "7.8"),
])
def test_chinese_numerals_are_read_in_the_rows_unit(seeded: Project, tmp_path: Path, unit: str,
                                                    typed: str, stored: str) -> None:
    tag = _metric_in(seeded, unit, "15")
    out = tmp_path / "u.xlsx"
    export.export(seeded, out, lang="en")
    _edit(out, "Metric", tag, Value=typed)
    (change,) = excel_edits.preview(seeded, out).changes
    assert (change.before, change.after, change.stored) == ("15", typed, f"{stored} {unit}")
    assert f"'15' → '{typed}' (stored as {stored} {unit})" in change.describe()
    excel_edits.apply(seeded, out)
    assert _fields(seeded, tag)["value"] == stored


def test_chinese_workbook_round_trip(seeded: Project, tmp_path: Path) -> None:
    """A 简体中文 workbook: status and direction in Chinese words, edited with them."""
    ids = make_tags(seeded, tmp_path)
    tags.set_fields(seeded, ids["metric"], {"direction": 1})
    out = tmp_path / "zh.xlsx"
    export.export(seeded, out, lang="zh_CN")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:6] == ["指标", "举措", "目标", "汇总", "图表", "报告"]
    ws = wb["指标"]
    headers = [c.value for c in ws[1]]
    row = {h: c for h, c in zip(headers, ws[2], strict=True)}
    assert (row["状态"].value, row["方向"].value, row["时期"].value) == ("待审", "增长", "前三季度")
    assert excel_edits.preview(seeded, out).rows_edited == 0
    _edit(out, "指标", ids["metric"], 方向="下降", 状态="已采纳")
    result = excel_edits.preview(seeded, out)
    assert sorted((c.before, c.after) for c in result.changes) == [("open", "accepted"), ("rise", "下降")]
    excel_edits.apply(seeded, out)
    detail = tags.detail(seeded, ids["metric"])
    assert detail is not None and detail.fields["direction"] == -1 and detail.status == "accepted"


# --- issue 11, item 3: a formula with no saved result never erases a field -----------

def test_formula_without_a_saved_result_is_refused_naming_the_cell(
        book: tuple[Path, dict[str, Any]], seeded: Project) -> None:
    out, ids = book
    _edit(out, "Metric", ids["metric"], Value="=30+8")  # openpyxl saves no cached result
    letter = _letter(out, "Metric", "Value")
    for attempt in (excel_edits.preview, excel_edits.apply):
        with pytest.raises(excel_edits.WorkbookRefused,
                           match=rf"cell {letter}2 \(Value\) of sheet 'Metric' holds the formula "
                                 r"=30\+8 with no saved result"):
            attempt(seeded, out)
    assert _fields(seeded, ids["metric"])["value"] == "7.8"


def test_a_formula_with_a_saved_result_reads_the_result(book: tuple[Path, dict[str, Any]],
                                                        seeded: Project) -> None:
    import re
    import zipfile

    out, ids = book
    _edit(out, "Metric", ids["metric"], Value="=30+8")
    patched = out.with_name("cached.xlsx")
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":  # as a spreadsheet saves it
                data = re.sub(rb"<f>30\+8</f>(<v>\s*</v>|<v/>)?", b"<f>30+8</f><v>38</v>", data)
            dst.writestr(info, data)
    excel_edits.apply(seeded, patched)
    assert _fields(seeded, ids["metric"])["value"] == "38"
