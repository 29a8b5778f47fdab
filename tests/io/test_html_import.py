from pathlib import Path

import pytest

from desktop.io.importers import read_reports
from desktop.io.text_files import ImportRefused

PAGE = """<!DOCTYPE html>
<html><head>{meta}<title>湖南工业经济稳中向好 - 湖南省工业和信息化厅</title>
<style>p {{ color: red }}</style><script>var x = "不要这段脚本";</script></head>
<body>
<nav><a href="/">首页</a> &gt; <a href="/news">新闻中心</a></nav>
<div class="menu" role="navigation">网站导航 政务公开</div>
<article>
<h1>湖南工业经济稳中向好</h1>
<p>湖南省工业和信息化厅</p>
<h2>一、2025年工作回顾</h2>
<p>前三季度，湖南工业经济增长<strong>7.8%</strong>，高于全国&nbsp;平均水平。</p>
<table><tr><th>指标</th><th>数值</th></tr><tr><td>规上工业增加值增速</td><td>7.8%</td></tr></table>
<p>新增专精特新“小巨人”企业<b>52</b>家。</p>
</article>
<footer>版权所有 湖南省工业和信息化厅 湘ICP备</footer>
</body></html>"""


def _write(tmp_path: Path, content: bytes, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_a_web_page_keeps_its_article_and_drops_scripts_styles_and_navigation(tmp_path: Path):
    (report,) = read_reports(_write(tmp_path, PAGE.format(meta='<meta charset="utf-8">').encode()))
    assert (report.title, report.agency, report.region, report.year) == (
        "湖南工业经济稳中向好", "湖南省工业和信息化厅", "湖南", 2025)
    for dropped in ("首页", "网站导航", "不要这段脚本", "color", "版权所有"):
        assert dropped not in report.text
    assert "高于全国 平均水平" in report.text
    assert "指标\t数值\n\n规上工业增加值增速\t7.8%" in report.text
    assert [report.text[a:b] for a, b in report.structure.emphasis] == ["7.8%", "52"]
    assert [report.text[a:b] for a, b in report.structure.headings] == ["一、2025年工作回顾"]


@pytest.mark.parametrize(
    ("meta", "encoding"),
    [('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', "gbk"),
     ('<meta charset="GBK">', "gb18030"),
     ("", "utf-8"),
     ("", "utf-8-sig"),
     ("", "utf-16")],
)
def test_the_page_decodes_by_its_bom_or_declared_charset(tmp_path: Path, meta: str, encoding: str):
    data = PAGE.format(meta=meta).encode(encoding)
    (report,) = read_reports(_write(tmp_path, data, "p.htm"))
    assert report.title == "湖南工业经济稳中向好"
    assert "前三季度，湖南工业经济增长7.8%" in report.text


def test_a_gb18030_only_character_survives_a_gb2312_declaration(tmp_path: Path):
    page = PAGE.format(meta='<meta charset="gb2312">').replace("小巨人", "小巨人𠮷")
    (report,) = read_reports(_write(tmp_path, page.encode("gb18030")))
    assert "小巨人𠮷" in report.text


def test_a_page_without_a_heading_takes_its_title_from_the_title_element(tmp_path: Path):
    page = ("<html><head><title>广东制造业高质量发展</title></head><body>"
            "<p>广东省工业和信息化厅</p><p>全年规上工业增加值增长4.5%。</p></body></html>")
    (report,) = read_reports(_write(tmp_path, page.encode()))
    assert (report.title, report.agency) == ("广东制造业高质量发展", "广东省工业和信息化厅")


def test_undecodable_and_empty_pages_are_refused(tmp_path: Path):
    with pytest.raises(ImportRefused, match="encoding is not recognised"):
        read_reports(_write(tmp_path, b"<p>" + bytes([0x81, 0x20, 0xFF, 0xFE, 0x30]) * 50))
    with pytest.raises(ImportRefused, match="empty"):
        read_reports(_write(tmp_path, b""))
    with pytest.raises(ImportRefused, match="no text"):
        read_reports(_write(tmp_path, b"<html><script>x</script></html>"))


@pytest.mark.parametrize("layout", ["table", "div", "article"])
def test_site_layouts_give_the_article_without_navigation_links_or_footer(tmp_path: Path,
                                                                         layout: str):
    from benchmarks.report_formats import FOOTER, NAV, RELATED, make_html

    body = [f"前三季度，湖南工业经济增长7.8%，{n}个重点产业链产值稳步增长，高于全国平均水平。" * 3
            for n in range(10, 16)]  # an article as long as a short news item
    text = "\n".join(["湖南工业经济稳中向好", "湖南省工业和信息化厅", *body])
    (report,) = read_reports(_write(tmp_path, make_html(text, layout)))
    assert report.text.split("\n\n") == ["湖南工业经济稳中向好", "湖南省工业和信息化厅", *body]
    for marker in [*NAV, *RELATED, *FOOTER, "当前位置", "分享到", "字号"]:
        assert marker not in report.text
    assert report.structure.as_dict()["published"] == "2025-12-26"


def test_title_and_agency_come_from_the_page_metadata(tmp_path: Path):
    page = ("<html><head><meta charset='utf-8'><title>首页 - 政务公开</title>"
            "<meta name='ArticleTitle' content='山东工业稳中有进'>"
            "<meta name='ContentSource' content='山东省工业和信息化厅'>"
            "<meta name='PubDate' content='2026/01/05'></head><body>"
            "<div class='content'><p>全年规上工业增加值增长5.5%，制造业增加值占比提高。</p>"
            "<p>新增国家级专精特新“小巨人”企业120家。</p></div></body></html>")
    (report,) = read_reports(_write(tmp_path, page.encode()))
    assert (report.title, report.agency) == ("山东工业稳中有进", "山东省工业和信息化厅")
    assert report.structure.as_dict()["published"] == "2026-01-05"
