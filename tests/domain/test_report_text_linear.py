"""Parsing grows linearly with the file (issue 11, item 11): a chain of thousands of
paragraphs cut mid-sentence, and a Word file of tens of thousands of paragraphs, parse
in seconds (they took minutes). Speed itself is measured in benchmarks/."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.report_text import Block, parse_blocks
from tests.conftest import no_hang

CUT = "全省工业经济运行总体平稳，规模以上工业增加值同比增长百分之七点八，高于全国平均水平，制造业投资持续增长，"


def test_forty_thousand_paragraphs_cut_mid_sentence_join_in_linear_time() -> None:
    blocks = [Block("湖南工业经济稳中向好"), Block("正文。")]
    blocks += [Block(f"{CUT}{i}") for i in range(40_000)]
    with no_hang(10):
        (report,) = parse_blocks(blocks)
    body = report.text.split("\n\n")[-1]
    assert body == "".join(f"{CUT}{i}" for i in range(40_000))  # one paragraph, joined
    assert report.source_map.to_raw(report.text.index(f"{CUT}39999")) > 0


def test_a_word_file_of_twenty_thousand_paragraphs_imports_in_seconds(tmp_path: Path) -> None:
    from benchmarks.bench_docx_import import make_docx
    from desktop.io.docx_import import import_docx

    path = tmp_path / "long.docx"
    paragraphs = make_docx(path, 1.5)
    assert paragraphs > 20_000
    with no_hang(20):
        reports = import_docx(path)
    assert sum(len(r.structure.emphasis) for r in reports) > 1000  # bold runs were read
    assert sum(len(r.structure.headings) for r in reports) > 100  # heading styles too
