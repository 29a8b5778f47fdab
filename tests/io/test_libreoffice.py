"""The workbook opens in a real spreadsheet application: LibreOffice headless converts it
to flat ODF (.fods), and the values, the text-not-formula cells and the bold run of the
sentence are checked in what LibreOffice read."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
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


def _convert(xlsx: Path, tmp_path: Path) -> ET.Element:
    assert SOFFICE is not None
    outdir = tmp_path / "lo"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
         "--convert-to", "fods", "--outdir", str(outdir), str(xlsx)],
        check=True, capture_output=True, timeout=120,
    )
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
    export.export(seeded, out)
    return _convert(out, tmp_path), ids


def test_values_survive_libreoffice(fods: tuple[ET.Element, dict[str, Any]]) -> None:
    root, ids = fods
    names = [t.get(_q("table:name")) for t in root.iter(_q("table:table"))]
    assert names[:5] == ["Metric", "Program", "Target", "Reports", "Summary"]
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
    row = next(r for r in rows[1:] if _text(r[0]) == ids["formula"])
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
