"""The exported workbook as an analyst sees it, reopened with openpyxl."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock

from desktop.services import export
from desktop.services.project import Project
from tests.services.export_data import FORMULA, make_tags


@pytest.fixture
def exported(seeded: Project, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    ids = make_tags(seeded, tmp_path)
    out = tmp_path / "tags.xlsx"
    result = export.export(seeded, out, lang="en")
    assert result.paths == (str(out),)
    assert result.counts == {"metric": 1, "program": 2, "target": 1}
    return out, ids


def _rows(ws: Any) -> list[dict[str, Any]]:
    rows = list(ws.iter_rows())
    headers = [c.value for c in rows[0]]
    return [dict(zip(headers, row, strict=False)) for row in rows[1:]]


def test_one_sheet_per_kind_plus_summary_charts_and_reports(exported: tuple[Path, dict[str, Any]]) -> None:
    wb = openpyxl.load_workbook(exported[0])
    assert wb.sheetnames[:6] == ["Metric", "Program", "Target", "Summary", "Charts", "Reports"]
    assert wb["_reportmark"].sheet_state == "veryHidden"
    assert all(wb[name].sheet_state == "visible" for name in wb.sheetnames[:6])


def test_metric_row_values_numbers_and_periods(exported: tuple[Path, dict[str, Any]]) -> None:
    out, ids = exported
    wb = openpyxl.load_workbook(out)
    (row,) = _rows(wb["Metric"])
    assert row["Tag ID"].value == ids["metric"]
    assert row["Report region"].value == "湖南"
    assert row["Report year"].value == 2025
    assert row["Tagged text"].value == "7.8%"
    assert row["Indicator"].value == "工业经济增长"
    assert row["Value"].value == 7.8 and row["Value"].data_type == "n"
    assert row["Value"].number_format == "#,##0.0#########"
    assert row["Unit"].value == "%"
    assert row["Normalised value"].value == 7.8
    assert row["Normalised unit"].value == "%"
    assert row["Period"].value == "前三季度"
    assert row["Direction"].value is None  # typed by hand: no direction stored
    assert row["Author"].value == "alice"
    assert row["Status"].value == "open"
    assert row["Created"].is_date
    headers = [c.value for c in wb["Metric"][1]]
    assert headers[:14] == [
        "Report", "Region", "Period", "Period start", "Period end", "Indicator", "Value",
        "Unit", "Direction", "Qualifier", "Range end", "Normalised value", "Normalised unit",
        "Comparison"]
    assert headers[14:18] == ["Tagged text", "Sentence", "Status", "Note"]
    assert headers[-3:] == ["Tag ID", "Version", "Checksum"]


def test_target_normalises_a_magnitude(seeded: Project, tmp_path: Path) -> None:
    from desktop.services import reports, tags

    rid = reports.library(seeded)[0].id
    tags.create_tag(seeded, rid, "target", 0, 4, fields={"year": "2027", "value": "1.2", "unit": "万亿元"})
    out = tmp_path / "t.xlsx"
    export.export(seeded, out, filters=export.ExportFilter(kind="target"), lang="en")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "Target"
    (row,) = _rows(wb["Target"])
    assert row["Target year"].value == 2027
    assert row["Value"].value == 1.2
    assert row["Normalised value"].value == 1.2e12
    assert row["Normalised unit"].value == "元"


def test_sentence_is_rich_text_with_the_tagged_words_bold(exported: tuple[Path, dict[str, Any]]) -> None:
    wb = openpyxl.load_workbook(exported[0], rich_text=True)
    (row,) = _rows(wb["Metric"])
    rich = row["Sentence"].value
    assert isinstance(rich, CellRichText)
    bold = [b.text for b in rich if isinstance(b, TextBlock) and b.font.b]
    assert bold == ["7.8%"]
    plain = "".join(b if isinstance(b, str) else b.text for b in rich)
    assert plain.startswith("●前三季度，湖南工业经济增长7.8%")
    assert plain.endswith("。")
    assert row["Sentence"].alignment.wrap_text


def _hidden(ws: Any, letter: str) -> bool:
    """openpyxl keys a run of identical <col> elements by its first letter."""
    from openpyxl.utils import column_index_from_string

    index = column_index_from_string(letter)
    return any(d.hidden and d.min <= index <= d.max for d in ws.column_dimensions.values())


def test_header_and_identifying_columns_frozen_ids_hidden(exported: tuple[Path, dict[str, Any]]) -> None:
    wb = openpyxl.load_workbook(exported[0])
    frozen = {"Metric": "G2", "Program": "D2", "Target": "E2", "Reports": "B2"}
    for name, cell in frozen.items():
        ws = wb[name]
        assert ws.freeze_panes == cell, name  # the header, and through Indicator / name
        assert ws["A1"].font.b
        assert ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:")
    ws = wb["Metric"]
    headers = {c.value: c.column_letter for c in ws[1]}
    assert ws.column_dimensions[headers["Sentence"]].width >= 40
    for name in ("Tag ID", "Version", "Checksum"):
        assert _hidden(ws, headers[name]), name
    for name in ("Report", "Indicator", "Value", "Sentence", "Status"):
        assert not _hidden(ws, headers[name]), name
    assert ws.auto_filter.ref == f"A1:{headers['Checksum']}2"


def test_formula_text_is_written_as_text(exported: tuple[Path, dict[str, Any]]) -> None:
    out, ids = exported
    wb = openpyxl.load_workbook(out)
    row = next(r for r in _rows(wb["Program"]) if r["Tag ID"].value == ids["formula"])
    for header in ("Tagged text", "Canonical name"):
        cell = row[header]
        assert cell.value == FORMULA
        assert cell.data_type == "s"
        assert cell.quotePrefix
    assert row["Lead body"].value == "-5" and row["Lead body"].data_type == "s"
    with zipfile.ZipFile(out) as z:
        assert not any(b"<f>" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))


def test_control_characters_removed(exported: tuple[Path, dict[str, Any]]) -> None:
    out, ids = exported
    wb = openpyxl.load_workbook(out)
    row = next(r for r in _rows(wb["Program"]) if r["Tag ID"].value == ids["formula"])
    assert "\x07" not in row["Sentence"].value
    assert row["Sentence"].value.endswith("出现在正文中。")


def test_reports_and_summary(exported: tuple[Path, dict[str, Any]]) -> None:
    out, ids = exported
    wb = openpyxl.load_workbook(out)
    reports = {r["Report ID"].value: r for r in _rows(wb["Reports"])}
    hunan = reports[ids["hunan"]]
    assert hunan["Region"].value == "湖南"
    assert (hunan["Metric"].value, hunan["Program"].value, hunan["Target"].value) == (1, 1, 0)
    cells = {(c.row, c.column): c.value for row in wb["Summary"].iter_rows() for c in row}
    values = list(cells.values())
    assert "Tags per report and kind" in values
    total_row = next(r for (r, c), v in cells.items() if v == "Total" and c == 1)
    assert [cells.get((total_row, c)) for c in range(4, 8)] == [1, 2, 1, 4]
    head = next(r for (r, c), v in cells.items() if v == "Indicator")
    assert [cells.get((head, c)) for c in range(1, 11)] == [
        "Indicator", "Region", "Period", "Period start", "Period end", "Value", "Unit",
        "Direction", "Tags", "Conflict"]
    assert [cells.get((head + 1, c)) for c in range(1, 10)] == [
        "工业经济增长", "湖南", "前三季度", "2025-01", "2025-09", 7.8, "%", None, 1]


def test_filters(exported: tuple[Path, dict[str, Any]], seeded: Project, tmp_path: Path) -> None:
    out = tmp_path / "f.xlsx"
    ids = exported[1]
    assert export.export(seeded, out, filters=export.ExportFilter(region="广东")).counts == {
        "metric": 0, "program": 0, "target": 1}
    assert export.export(seeded, out, filters=export.ExportFilter(report=ids["hunan"][:8])).total == 2
    assert export.export(seeded, out, filters=export.ExportFilter(analyst="bob")).total == 0
    assert export.export(seeded, out, filters=export.ExportFilter(status="open", year=2025)).total == 4
    assert export.export(seeded, out, filters=export.ExportFilter(year=1999)).total == 0
    with pytest.raises(ValueError, match="no tag kind"):
        export.export(seeded, out, filters=export.ExportFilter(kind="nope"))


def test_latest_review_shown(exported: tuple[Path, dict[str, Any]], seeded: Project) -> None:
    from db.models import Review
    from desktop.services.project import switch_analyst

    ids = exported[1]
    switch_analyst(seeded, "bob")
    with seeded.uow.begin() as s:
        s.add(Review(tag_id=ids["metric"], reviewer_id=seeded.analyst_id, verdict="reject", comment="old"))
    with seeded.uow.begin() as s:
        s.add(Review(tag_id=ids["metric"], reviewer_id=seeded.analyst_id, verdict="accept", comment="好"))
    out = exported[0]
    export.export(seeded, out)
    (row,) = _rows(openpyxl.load_workbook(out)["Metric"])
    assert (row["Reviewer"].value, row["Verdict"].value, row["Review comment"].value) == ("bob", "accept", "好")


def test_fast_rows_write_the_same_xml_as_xlsxwriter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows past the width sample are written by `xlsx_rows.RowWriter`: the sheet XML
    must be what XlsxWriter's own write_* calls produce (formula quote-prefix, white
    space, escaping, numbers, text in number columns, dates, the rich sentence, the
    height of a row whose sentence wraps). pyproject.toml pins XlsxWriter to the
    releases this test has passed on."""
    import re
    from datetime import datetime

    from desktop.io import xlsx_export as x
    from desktop.io.export_rows import FieldSpec, KindSpec, Meta, TagRecord

    kind = KindSpec("metric", "Metric", fields=(
        FieldSpec("indicator", "Indicator"), FieldSpec("value", "Value", "number"),
        FieldSpec("unit", "Unit"), FieldSpec("period", "Period", "period"),
        FieldSpec("year", "Year", "number")))
    texts = ["=1+1", " lead", "trail ", "a&b<c>d", "tab\t", "\u3000全角", "-5", "普通", "a\x07b",
             "一句很长的原句，" * 12]
    recs = [
        TagRecord(f"id{i}", "metric", "r1", t, t if i % 2 else "", "厅", 2025 if i % 3 else None,
                  t if i % 5 else "q", t if i % 4 else "", t if i % 7 else "",
                  {"indicator": t, "value": ["7.5", "3", "abc", 2.0, ""][i % 5], "unit": "%",
                   "period": "前三季度", "year": ["2026", "x"][i % 2]},
                  t, "alice", "manual", "open", "", "", t, datetime(2025, 1, 2, 3, 4, 5), None, i)
        for i, t in enumerate(texts * 12)
    ]

    def sheet_data(path: Path) -> str:
        with zipfile.ZipFile(path) as z:
            xml = z.read("xl/worksheets/sheet1.xml").decode()
        found = re.search(r"<dimension[^>]*>.*</sheetData>", xml, re.S)
        assert found is not None
        return found.group(0)

    meta = Meta("p", "a", datetime(2025, 1, 1))
    monkeypatch.setattr(x, "WIDTH_SAMPLE_ROWS", 50)  # widths fitted on rows written both ways
    monkeypatch.setattr(x, "FAST_ROWS", False)
    x.write_xlsx(tmp_path / "api.xlsx", [kind], recs, [], meta)
    monkeypatch.setattr(x, "FAST_ROWS", True)
    x.write_xlsx(tmp_path / "fast.xlsx", [kind], recs, [], meta)
    assert sheet_data(tmp_path / "fast.xlsx") == sheet_data(tmp_path / "api.xlsx")
    assert 'customHeight="1"' in sheet_data(tmp_path / "fast.xlsx")  # a tall row too


@pytest.mark.parametrize("ungroup_after", [1, 10**9])  # columns grouped, or not for long
def test_fast_rows_remember_cells_only_by_what_they_come_from(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ungroup_after: int) -> None:
    """The fast path remembers the cells made from a tag's fields by the fields' stored
    text and the report's year, and the report's and review's cells by those values: tags
    sharing some of them but not all (another year against the same period words, -0.0
    beside 0.0, a long note, a reviewer's verdict, a status in Chinese), and a sentence
    too long for the fast path in the middle, come out as XlsxWriter's API writes them,
    in every sheet."""
    import json
    import re
    from datetime import datetime

    from desktop.io import xlsx_export as x
    from desktop.io import xlsx_rows
    from desktop.io.export_rows import FieldSpec, KindSpec, Meta, TagRecord

    monkeypatch.setattr(xlsx_rows, "UNGROUP_AFTER", ungroup_after)
    metric = KindSpec("metric", "Metric", "指标", fields=(
        FieldSpec("indicator", "Indicator", label_zh="指标"),
        FieldSpec("value", "Value", "number", label_zh="数值"),
        FieldSpec("unit", "Unit"), FieldSpec("period", "Period", "period")))
    program = KindSpec("program", "Program", "项目", fields=(
        FieldSpec("name", "Name"), FieldSpec("level", "Level", "choice", ("国家级", "省级"))))
    field_sets = [
        {"indicator": "营业收入", "value": "12.5", "unit": "亿元", "period": "前三季度"},
        {"indicator": "营业收入", "value": 0.0, "unit": "%", "period": "上半年", "direction": 1},
        {"indicator": "营业收入", "value": -0.0, "unit": "%", "period": "上半年", "direction": -1},
        {"indicator": "利润", "value": {"value": "3", "unit": "万元"}, "period": "2024-01..2024-06"},
        {"indicator": "利润", "value": "3", "normalized_value": "30000", "normalized_unit": "元",
         "period_start": "2025-01", "period_end": "2025-03", "qualifier": "以上"},
    ]
    recs = []
    for i in range(160):
        kind = "program" if i % 4 == 3 else "metric"
        fields = ({"name": f"行动{i % 3}", "level": ("国家级", "省级", "市级")[i % 3]}
                  if kind == "program" else field_sets[i % len(field_sets)])
        note = "很长的备注。" * 300 if i % 17 == 0 else ("备注" if i % 5 == 0 else "")
        after = "后文" * 9000 if i == 90 else "，后文。"
        recs.append(TagRecord(
            f"t{i:04d}", kind, f"r{i % 2}", f"报告 {i % 2}", "湖南" if i % 2 else "", "厅",
            (2024, 2025, None)[i // 7 % 3], "营业收入", "前文", after, dict(fields), note,
            "alice", "manual", ("open", "accepted", "rejected")[i % 3],
            "bob" if i % 6 == 0 else "", "accept" if i % 6 == 0 else "",
            "好" if i % 12 == 0 else "", datetime(2025, 1, 2, 3, 4, i % 60), None, 1 + i % 2,
            fields_json=json.dumps(fields, ensure_ascii=False)))

    def sheets(path: Path) -> list[str]:
        with zipfile.ZipFile(path) as z:
            return [z.read(f"xl/worksheets/sheet{n}.xml").decode() for n in (1, 2)]

    meta = Meta("p", "a", datetime(2025, 1, 1))
    monkeypatch.setattr(x, "WIDTH_SAMPLE_ROWS", 20)
    monkeypatch.setattr(x, "FAST_ROWS", False)
    x.write_xlsx(tmp_path / "api.xlsx", [metric, program], recs, [], meta, lang="zh_CN")
    monkeypatch.setattr(x, "FAST_ROWS", True)
    x.write_xlsx(tmp_path / "fast.xlsx", [metric, program], recs, [], meta, lang="zh_CN")
    api, fast = sheets(tmp_path / "api.xlsx"), sheets(tmp_path / "fast.xlsx")
    assert fast == api
    assert "2024-09" in fast[0] and "2025-09" in fast[0]  # 前三季度 read against each year
    assert re.search(r"<v>-0</v>", fast[0]) and "后文后文" in fast[0]


def test_a_kind_added_by_the_user_gets_its_own_sheet(seeded: Project, tmp_path: Path) -> None:
    """The sheets follow the project's kinds, not a fixed list: a kind made in the
    schema dialog gets a sheet named in the workbook's language, with its own fields."""
    from desktop.services import kinds, reports, tags

    _, kind_id = kinds.add_kind(seeded, "Policy", "政策")
    kinds.add_field(seeded, kind_id, "Instrument", "工具", key="instrument")
    key = next(k.key for k in export.kind_specs(seeded) if k.name == "Policy")
    report = reports.library(seeded)[0]
    tags.create_tag(seeded, report.id, key, 0, 4, fields={"instrument": "专项资金"})
    for lang, sheet, header in (("en", "Policy", "Instrument"), ("zh_CN", "政策", "工具")):
        out = tmp_path / f"tags-{lang}.xlsx"
        assert export.export(seeded, out, lang=lang).counts[key] == 1
        wb = openpyxl.load_workbook(out)
        assert sheet in wb.sheetnames
        (row,) = _rows(wb[sheet])
        assert row[header].value == "专项资金"
