"""Text files in the encodings Chinese reports come in, with no BOM or declaration to
say which: charset-normalizer tells them apart; what is not text is still refused with
its reason, and nothing is imported."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from desktop.io.importers import read_reports
from desktop.io.text_files import ImportRefused

SIMPLIFIED = ("湖南省工业和信息化厅\n\n前三季度，湖南工业经济增长7.8%，高于全国平均水平。"
              "全省新增专精特新“小巨人”企业52家，“智赋万企”行动深入实施。")
TRADITIONAL = ("臺灣省工業和資訊化廳\n\n前三季度，工業經濟增長7.8%，高於全國平均水準。"
               "全省新增專精特新企業52家，數位轉型持續推進。")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(SIMPLIFIED, "utf-16-le"), (SIMPLIFIED, "utf-16-be"), (SIMPLIFIED, "gb18030"),
     (SIMPLIFIED, "gbk"), (TRADITIONAL, "big5"), (SIMPLIFIED, "utf-8")],
)
def test_a_report_without_bom_or_declaration_reads_in_its_encoding(tmp_path: Path, text: str,
                                                                   encoding: str):
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode(encoding))
    (report,) = read_reports(path)
    assert "增長7.8%" in report.text or "增长7.8%" in report.text
    assert report.text.replace("\n\n", "") == text.replace("\n\n", "")


def test_a_gb18030_page_without_a_charset_declaration_reads(tmp_path: Path):
    page = f"<html><head><title>湖南工业</title></head><body><p>{SIMPLIFIED}</p></body></html>"
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("gb18030"))
    (report,) = read_reports(path)
    assert "增长7.8%" in report.text


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(14).randbytes(2000), "binary file"),
     (bytes([0x81, 0x20, 0xFF, 0xFE]) * 100, "encoding is not recognised")],
)
def test_what_is_not_text_is_refused_with_its_reason(tmp_path: Path, data: bytes, reason: str):
    path = tmp_path / "notes.txt"
    path.write_bytes(data)
    with pytest.raises(ImportRefused, match=reason):
        read_reports(path)
