from pathlib import Path

import pytest

from desktop.io.importers import read_reports
from desktop.io.text_files import ImportRefused
from tests.io.pdfgen import build_pdf, layout

SENTENCE = "前三季度，湖南工业经济增长7.8%，高于全国平均水平1.6个百分点。"
PARAS = [
    ("h", "湖南工业经济稳中向好"),
    ("h", "湖南省工业和信息化厅"),
    ("h", "一、2025年工作回顾"),
    *[("p", SENTENCE * (1 + i % 3) + f"全省新增专精特新企业{50 + i}家。") for i in range(24)],
    ("h", "2026年工作思路"),
    ("p", "力争规上工业增加值增长6%左右，深入实施“智赋万企”行动。"),
]


def _pdf(tmp_path: Path, pages, name="report.pdf", **kw) -> Path:
    path = tmp_path / name
    path.write_bytes(build_pdf(pages, **kw))
    return path


def test_pdf_paragraphs_are_rebuilt_and_running_heads_dropped(tmp_path: Path):
    pages = layout(PARAS, header="湖南省工业和信息化厅简报 第12期")
    assert len(pages) >= 3
    (report,) = read_reports(_pdf(tmp_path, pages))
    assert report.title == "湖南工业经济稳中向好"
    assert report.agency == "湖南省工业和信息化厅"
    assert (report.region, report.year) == ("湖南", 2025)
    assert "简报" not in report.text
    assert "- 2 -" not in report.text
    paragraphs = report.text.split("\n\n")
    body = [p for p in paragraphs if p.startswith("前三季度")]
    expected = [SENTENCE * (1 + i % 3) + f"全省新增专精特新企业{50 + i}家。" for i in range(24)]
    assert body == expected  # wrapped lines and page breaks joined, numbers kept whole
    headings = [report.text[a:b] for a, b in report.structure.headings]
    assert headings == ["一、2025年工作回顾", "2026年工作思路"]


def test_radical_look_alikes_from_pdf_fonts_are_mapped(tmp_path: Path):
    # ⼯ (KANGXI RADICAL WORK) and ⻓ (CJK RADICAL C-SIMPLIFIED LONG), as extractors return them
    paras = [("h", "湖南\u2f2f业"), ("h", "湖南省\u2f2f业和信息化厅"),
             ("p", "\u2ed3株潭\u2f2f业增加值增长7.8%。")]
    (report,) = read_reports(_pdf(tmp_path, layout(paras)))
    assert report.agency == "湖南省工业和信息化厅"
    assert "长株潭工业增加值增长7.8%。" in report.text
    assert not any(0x2E80 <= ord(ch) <= 0x2FDF for ch in report.text)


def test_an_encrypted_pdf_is_refused(tmp_path: Path):
    path = _pdf(tmp_path, layout(PARAS), encrypted=True)
    with pytest.raises(ImportRefused, match="encrypted"):
        read_reports(path)


def test_a_scan_in_which_ocr_finds_no_text_is_refused(tmp_path: Path):
    path = _pdf(tmp_path, layout(PARAS), text=False)  # a grey rectangle, no letters
    with pytest.raises(ImportRefused, match="scan and OCR found no text"):
        read_reports(path)


def test_a_scan_without_an_ocr_engine_is_refused_with_how_to_install_one(tmp_path: Path,
                                                                        monkeypatch):
    from desktop.io import ocr

    monkeypatch.setattr(ocr, "ENGINES", {"rapidocr": lambda: None, "tesseract": lambda: None})
    monkeypatch.setattr(ocr, "_cache", {})
    path = _pdf(tmp_path, layout(PARAS), text=False)
    with pytest.raises(ImportRefused, match=r"needs OCR.*pip install rapidocr onnxruntime"):
        read_reports(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"%PDF-1.7\n1 0 obj garbage", "damaged"), (b"<html>no</html>", "not a PDF"),
     (b"", "empty")],
)
def test_broken_pdfs_are_refused(tmp_path: Path, content: bytes, message: str):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(ImportRefused, match=message):
        read_reports(path)
