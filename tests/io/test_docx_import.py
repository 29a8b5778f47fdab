import io
import zipfile
from pathlib import Path

import docx
import pytest

from desktop.io.importers import read_reports
from desktop.io.text_files import ImportRefused
from tests.io.documents import GUANGDONG, HUNAN, make_docx


def test_a_word_file_of_two_articles_becomes_two_reports(tmp_path: Path):
    hunan, guangdong = read_reports(make_docx(tmp_path / "page.docx", HUNAN, GUANGDONG))
    assert (hunan.title, hunan.agency, hunan.region, hunan.year) == (
        "湖南工业经济稳中向好", "湖南省工业和信息化厅", "湖南", 2025)
    assert (guangdong.title, guangdong.region) == ("广东制造业高质量发展", "广东")
    assert [hunan.text[a:b] for a, b in hunan.structure.emphasis] == ["7.8%", "52"]
    assert [guangdong.text[a:b] for a, b in guangdong.structure.emphasis] == ["4.5%"]
    assert [hunan.text[a:b] for a, b in hunan.structure.headings] == [
        "一、2025年工作回顾", "2026年工作思路"]
    assert "**" not in hunan.text


def test_tables_stay_in_document_order_one_row_a_paragraph(tmp_path: Path):
    (hunan,) = read_reports(make_docx(tmp_path / "one.docx", HUNAN))
    text = hunan.text
    assert "指标\t数值\n\n规上工业增加值增速\t7.8%" in text
    assert text.index("小巨人") < text.index("指标\t数值") < text.index("2026年工作思路")


def test_kangxi_radicals_in_a_word_file_are_mapped(tmp_path: Path):
    article = [("title", "湖南工业"), ("p", "湖南省工业和信息化厅"), ("p", "\u2f2f业增加值增长7.8%。")]
    (report,) = read_reports(make_docx(tmp_path / "r.docx", article))
    assert "工业增加值" in report.text


def _zip(tmp_path: Path, name: str, members: dict[str, bytes]) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    path = tmp_path / name
    path.write_bytes(buf.getvalue())
    return path


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path):
    bomb = _zip(tmp_path, "bomb.docx", {"word/document.xml": b"<" + b"a" * (300 * 1024 * 1024)})
    assert bomb.stat().st_size < 1_000_000
    with pytest.raises(ImportRefused, match="zip bomb"):
        read_reports(bomb)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04 this is not really a zip archive", "damaged"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "password-protected or old-format"),
        (b"", "empty"),
    ],
)
def test_broken_word_files_are_refused_with_a_reason(tmp_path: Path, content: bytes, message: str):
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(ImportRefused, match=message):
        read_reports(path)


def test_a_docx_with_a_damaged_body_is_refused(tmp_path: Path):
    good = make_docx(tmp_path / "good.docx", HUNAN)
    with zipfile.ZipFile(good) as archive:
        members = {m: archive.read(m) for m in archive.namelist()}
    members["word/document.xml"] = members["word/document.xml"][:200]
    with pytest.raises(ImportRefused, match="damaged"):
        read_reports(_zip(tmp_path, "cut.docx", members))


def test_an_empty_word_document_is_refused(tmp_path: Path):
    path = tmp_path / "blank.docx"
    docx.Document().save(str(path))
    with pytest.raises(ImportRefused, match="holds no text"):
        read_reports(path)


_FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text>
<text:h text:outline-level="1">湖南工业经济稳中向好</text:h>
<text:p>前三季度，湖南工业经济增长7.8%<text:note text:id="n1" text:note-class="footnote">
<text:note-citation>1</text:note-citation><text:note-body>
<text:p>数据来源：湖南省统计局，规上工业增加值同比增长7.8%。</text:p></text:note-body></text:note>，高于全国平均水平。</text:p>
<text:p><draw:frame draw:name="box" text:anchor-type="paragraph" svg:width="8cm" svg:height="3cm">
<draw:text-box><text:p>专栏：全省新增专精特新“小巨人”企业52家。</text:p></draw:text-box></draw:frame>力争规上工业增加值增长6%左右。</text:p>
</office:text></office:body></office:document>"""


@pytest.mark.libreoffice
def test_text_boxes_and_footnotes_of_a_word_file_are_kept(tmp_path: Path):
    import subprocess

    from benchmarks.report_formats import SOFFICE

    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed; Debian: apt install libreoffice-writer-nogui")
    source = tmp_path / "notes.fodt"
    source.write_text(_FODT, encoding="utf-8")
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "docx", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    (report,) = read_reports(tmp_path / "notes.docx")
    assert report.text.split("\n\n") == [
        "湖南工业经济稳中向好",
        "前三季度，湖南工业经济增长7.8%，高于全国平均水平。",
        "力争规上工业增加值增长6%左右。",
        "专栏：全省新增专精特新“小巨人”企业52家。",  # the text box, once (not its VML copy)
        "数据来源：湖南省统计局，规上工业增加值同比增长7.8%。",  # the footnote, at the end
    ]
