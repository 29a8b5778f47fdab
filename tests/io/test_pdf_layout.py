"""PDFs as LibreOffice writes them from Word files: characters placed by position, with
spacing (not space characters) between Chinese and digits, bold in a font of its own,
tables as positioned cells, paragraphs set apart by spacing rather than indents."""

from __future__ import annotations

import pytest

from benchmarks.report_formats import SOFFICE, make_pdf
from desktop.io.importers import read_reports
from desktop.io.pdf_layout import Char, page_lines
from tests.io.documents import HUNAN, make_docx

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; "
                       "Debian: apt install libreoffice-writer-nogui"),
]


@pytest.fixture(scope="module")
def hunan(tmp_path_factory):
    work = tmp_path_factory.mktemp("lo")
    (report,) = read_reports(make_pdf(make_docx(work / "hunan.docx", HUNAN), work))
    return report


def test_a_libreoffice_pdf_reads_as_the_word_file_does(hunan):
    assert (hunan.title, hunan.agency, hunan.region) == (
        "湖南工业经济稳中向好", "湖南省工业和信息化厅", "湖南")
    assert hunan.text.split("\n\n") == [
        "湖南工业经济稳中向好", "湖南省工业和信息化厅", "一、2025年工作回顾",
        "前三季度，湖南工业经济增长7.8%，高于全国平均水平。全省新增专精特新“小巨人”企业52家。",
        "指标\t数值", "规上工业增加值增速\t7.8%",  # a table row keeps its figure with its label
        "2026年工作思路", "力争规上工业增加值增长6%左右，深入实施“智赋万企”行动。",
    ]
    assert [hunan.text[a:b] for a, b in hunan.structure.emphasis] == ["7.8%", "52"]
    assert [hunan.text[a:b] for a, b in hunan.structure.headings] == [
        "一、2025年工作回顾", "2026年工作思路"]


def _chars(text: str, x: float, y: float, width: float = 10.0, gaps: dict[int, float] | None = None):
    out = []
    for i, ch in enumerate(text):
        x += (gaps or {}).get(i, 0.0)
        w = width / 2 if ch.isascii() else width
        out.append(Char(ch, x, y, x + w, y + 10))
        x += w
    return out


def test_characters_are_read_by_position_whatever_their_order_in_the_file():
    line = _chars("增长3.9%，居全国首位", 0, 100, gaps={2: 2.5, 6: 2.5})  # autospacing
    lines = page_lines(list(reversed(line)) + _chars("第二行", 0, 80))
    assert [x.text for x in lines] == ["增长3.9%，居全国首位", "第二行"]


def test_latin_words_keep_their_space_and_far_apart_cells_become_a_table_row():
    words = [*_chars("GDP", 0, 100), Char(" ", 15, 100, 18, 110), *_chars("5%", 18, 100)]
    (line,) = page_lines(words)
    assert line.text == "GDP 5%"
    row = _chars("规上工业增加值增速", 0, 50) + _chars("7.8%", 200, 50)
    (cells,) = page_lines(row)
    assert (cells.text, cells.cells) == ("规上工业增加值增速\t7.8%", True)
