"""The workbook opens in a real spreadsheet application: LibreOffice headless converts it
to flat ODF (.fods), and the values, the text-not-formula cells and the bold run of the
sentence are checked in what LibreOffice read; the Chinese export of the seed's accepted
suggestions is printed to PDF and read back as an analyst would see it (issue 12); a
workbook saved by LibreOffice comes back through import-edits in both languages."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

import pytest

from desktop.services import export
from desktop.services.project import Project
from tests.services.export_data import FORMULA, make_tags

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; "
                       "Debian: apt install libreoffice-calc-nogui"),
]

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}


def _q(tag: str) -> str:
    prefix, name = tag.split(":")
    return f"{{{NS[prefix]}}}{name}"


def _soffice(tmp_path: Path, src: Path, to: str, outdir: Path) -> None:
    assert SOFFICE is not None
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
         "--convert-to", to, "--outdir", str(outdir), str(src)],
        check=True, capture_output=True, timeout=180,
    )


def _convert(xlsx: Path, tmp_path: Path) -> ET.Element:
    outdir = tmp_path / "lo"
    _soffice(tmp_path, xlsx, "fods", outdir)
    return ET.parse(outdir / (xlsx.stem + ".fods")).getroot()


def _sheet(root: ET.Element, name: str) -> list[list[ET.Element]]:
    for table in root.iter(_q("table:table")):
        if table.get(_q("table:name")) == name:
            rows = []
            for row in table.iter(_q("table:table-row")):
                cells: list[ET.Element] = []
                for cell in row:
                    repeat = int(cell.get(_q("table:number-columns-repeated"), "1"))
                    cells += [cell] * min(repeat, 50)
                rows.append(cells)
            return rows
    raise AssertionError(f"no sheet {name}")


def _text(cell: ET.Element) -> str:
    return "".join("".join(p.itertext()) for p in cell.iter(_q("text:p")))


@pytest.fixture
def fods(seeded: Project, tmp_path: Path) -> tuple[ET.Element, dict[str, Any]]:
    ids = make_tags(seeded, tmp_path)
    out = tmp_path / "tags.xlsx"
    export.export(seeded, out, lang="en")
    return _convert(out, tmp_path), ids


def test_values_survive_libreoffice(fods: tuple[ET.Element, dict[str, Any]]) -> None:
    root, ids = fods
    names = [t.get(_q("table:name")) for t in root.iter(_q("table:table"))]
    assert names[:6] == ["Metric", "Program", "Target", "Summary", "Charts", "Reports"]
    rows = _sheet(root, "Metric")
    headers = [_text(c) for c in rows[0]]
    row = rows[1]
    assert _text(row[headers.index("Tag ID")]) == ids["metric"]
    value = row[headers.index("Value")]
    assert value.get(_q("office:value-type")) == "float"
    assert float(value.get(_q("office:value")) or "nan") == 7.8
    assert _text(row[headers.index("Indicator")]) == "工业经济增长"


def test_formula_stays_text_in_libreoffice(fods: tuple[ET.Element, dict[str, Any]]) -> None:
    root, ids = fods
    rows = _sheet(root, "Program")
    headers = [_text(c) for c in rows[0]]
    row = next(r for r in rows[1:] if _text(r[headers.index("Tag ID")]) == ids["formula"])
    cell = row[headers.index("Tagged text")]
    assert _text(cell) == FORMULA
    assert cell.get(_q("table:formula")) is None
    assert cell.get(_q("office:value-type")) == "string"
    assert not any(c.get(_q("table:formula")) for r in rows for c in r)


def test_bold_run_survives_libreoffice(fods: tuple[ET.Element, dict[str, Any]]) -> None:
    root, _ = fods
    bold_styles = {
        s.get(_q("style:name"))
        for s in root.iter(_q("style:style"))
        if any(p.get(_q("fo:font-weight")) == "bold" for p in s.iter(_q("style:text-properties")))
    }
    rows = _sheet(root, "Metric")
    headers = [_text(c) for c in rows[0]]
    sentence = rows[1][headers.index("Sentence")]
    spans = [(s.get(_q("text:style-name")), "".join(s.itertext()))
             for s in sentence.iter(_q("text:span"))]
    assert [text for style, text in spans if style in bold_styles] == ["7.8%"]
    assert _text(sentence).startswith("●前三季度，湖南工业经济增长7.8%")


# --- the Chinese export of the seed's accepted suggestions, printed -------------------

@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The seed's suggestions accepted, exported in 简体中文, printed to PDF by LibreOffice;
    the Summary sheet also saved as CSV by LibreOffice (cells as shown)."""
    from desktop.services import reports, suggestions
    from desktop.services.importing import import_files
    from desktop.services.project import open_project_as
    from tests.conftest import SEED

    tmp = tmp_path_factory.mktemp("seed-pdf")
    project = open_project_as(tmp / "seed.rmk", "alice")
    try:
        import_files(project, [SEED])
        for rep in reports.library(project):
            suggestions.accept_all(project, rep.id)
        out = tmp / "seed.xlsx"
        result = export.export(project, out, lang="zh_CN")
    finally:
        project.close()
    _soffice(tmp, out, "pdf", tmp)
    pdf = tmp / "seed.pdf"
    pages = subprocess.run(["pdfinfo", "-l", "999", str(pdf)], check=True, capture_output=True,
                           text=True).stdout
    texts = [subprocess.run(["pdftotext", "-layout", "-f", str(i), "-l", str(i), str(pdf), "-"],
                            check=True, capture_output=True, text=True).stdout
             for i in range(1, 1 + int(_field(pages, "Pages")))]
    csv_dir = tmp / "csv"
    # LibreOffice's CSV filter: UTF-8, cells "as shown", every sheet to its own file (-1)
    _soffice(tmp, out, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
             csv_dir)
    return {"xlsx": out, "result": result, "info": pages, "texts": texts, "csv": csv_dir}


def _field(info: str, name: str) -> str:
    return next(line.split(":", 1)[1].strip() for line in info.splitlines()
                if line.startswith(name + ":"))


pdftotext = shutil.which("pdftotext")


@pytest.mark.skipif(pdftotext is None, reason="poppler-utils (pdftotext) is not installed")
def test_seed_export_prints_as_an_analyst_reads_it(seed_pdf: dict[str, Any]) -> None:
    import openpyxl

    assert seed_pdf["result"].counts["metric"] > 50
    info, texts = seed_pdf["info"], seed_pdf["texts"]
    sizes = [line.split(":", 1)[1] for line in info.splitlines() if re.match(r"Page +\d+ size", line)]
    assert sizes and all(_landscape(s) for s in sizes)  # every page landscape
    first = texts[0]
    for header in ("报告", "时期", "指标名称", "数值", "单位", "方向", "原句", "状态"):
        assert header in first, header
    assert "Tag ID" not in first and not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", first)  # no ids
    assert "2025年前三季度" in "".join(texts) and "导出于" in first  # period; the footer
    assert not any("###" in t for t in texts)
    wb = openpyxl.load_workbook(seed_pdf["xlsx"])
    ws = wb["指标"]
    headers = [c.value for c in ws[1]]
    assert headers[:6] == ["报告", "地区", "时期", "时期起", "时期止", "指标名称"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    period, indicator = headers.index("时期"), headers.index("指标名称")
    assert all(r[period] for r in rows) and sum(1 for r in rows if r[indicator]) >= 0.9 * len(rows)
    lists = {str(dv.sqref).split(":")[0].rstrip("0123456789"): str(dv.formula1)
             for dv in ws.data_validations.dataValidation if dv.type == "list"}
    for header in ("方向", "比较", "状态"):
        assert ws.cell(1, headers.index(header) + 1).column_letter in lists, header
    assert "待审" in lists[ws.cell(1, headers.index("状态") + 1).column_letter]
    with zipfile.ZipFile(seed_pdf["xlsx"]) as z:
        assert any(n.startswith("xl/charts/chart") for n in z.namelist())
    assert any("增减幅度" in t for t in texts)  # the chart's title, drawn by LibreOffice


def _landscape(size: str) -> bool:
    m = re.search(r"([\d.]+) x ([\d.]+)", size)
    assert m is not None
    return float(m.group(1)) > float(m.group(2))


def test_seed_summary_shows_numbers_not_hashes(seed_pdf: dict[str, Any]) -> None:
    summary = next(p for p in seed_pdf["csv"].iterdir() if "汇总" in p.name)
    rows = list(csv.reader(summary.read_text(encoding="utf-8").splitlines()))
    assert not any("###" in cell for row in rows for cell in row)
    head = next(i for i, r in enumerate(rows) if r[:2] == ["指标名称", "地区"])
    values = [r[5] for r in rows[head + 1:] if len(r) > 5 and r[0]]
    numbers = [v for v in values if re.fullmatch(r"-?[\d,]+(\.\d+)?", v)]
    assert len(numbers) >= 30
    assert any(len(v) >= 5 for v in numbers)  # 2,876 家 and the like, shown in full
    assert any("数值不一致" in cell for row in rows for cell in row)  # a conflict, flagged


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_libreoffice_saved_workbook_comes_back(seeded: Project, tmp_path: Path, lang: str) -> None:
    """Export, edit and save in LibreOffice (as .xlsx), import the edits."""
    from desktop.services import excel_edits, tags

    ids = make_tags(seeded, tmp_path)
    out = tmp_path / "book.xlsx"
    export.export(seeded, out, lang=lang)
    root_dir = tmp_path / "saved"
    _soffice(tmp_path, out, "xlsx", root_dir)
    saved = root_dir / "book.xlsx"
    assert excel_edits.preview(seeded, saved).summary().startswith("4 rows read, 0 edited")
    import openpyxl

    wb = openpyxl.load_workbook(saved)
    ws = wb["举措" if lang == "zh_CN" else "Program"]
    headers = [c.value for c in ws[1]]
    id_col = headers.index("标签ID" if lang == "zh_CN" else "Tag ID")
    row = next(r for r in ws.iter_rows(min_row=2) if r[id_col].value == ids["program"])
    row[headers.index("类别" if lang == "zh_CN" else "Category")].value = "工程"
    row[headers.index("状态" if lang == "zh_CN" else "Status")].value = (
        "已采纳" if lang == "zh_CN" else "accepted")
    wb.save(saved)
    _soffice(tmp_path, saved, "xlsx", tmp_path / "again")  # and through LibreOffice once more
    _, result = excel_edits.apply(seeded, tmp_path / "again" / "book.xlsx")
    assert (len(result.changes), len(result.conflicts), len(result.errors)) == (2, 0, 0)
    detail = tags.detail(seeded, ids["program"])
    assert detail is not None and detail.fields["category"] == "工程"
    assert detail.status == "accepted"
