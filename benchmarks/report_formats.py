"""One report text made into every format an analyst receives, at test time (nothing
binary is committed): a Word file (python-docx), a PDF with a text layer (LibreOffice
converts the Word file, as offices do), a GB2312 web page laid out like a provincial
government site, and a scan (the PDF's pages rasterised at 150 dpi with a scanner's
grey paper, noise and a slight skew, wrapped into an image-only PDF)."""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import docx
from docx.oxml.ns import qn

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)


def paragraphs(text: str) -> list[str]:
    """A text file's paragraphs: each non-blank line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def make_docx(text: str, path: Path) -> Path:
    """Each line a paragraph in a Chinese font; `**x**` becomes a bold run."""
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Noto Serif CJK SC"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")
    for line in paragraphs(text):
        para = document.add_paragraph()
        pos = 0
        for m in _BOLD.finditer(line):
            if m.start() > pos:
                para.add_run(line[pos : m.start()])
            para.add_run(m.group(1)).bold = True
            pos = m.end()
        if pos < len(line):
            para.add_run(line[pos:])
    document.save(str(path))
    return path


def make_pdf(docx_path: Path, outdir: Path) -> Path:
    """LibreOffice Writer converts the Word file to PDF, headless."""
    assert SOFFICE is not None
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{outdir / 'lo-profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(outdir), str(docx_path)],
        check=True, capture_output=True, timeout=180,
    )
    return outdir / (docx_path.stem + ".pdf")


def _bold_html(line: str) -> str:
    line = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _BOLD.sub(r"<strong>\1</strong>", line)


NAV = ["首页", "机构概况", "政务公开", "政策文件", "新闻动态", "互动交流", "专题专栏"]
RELATED = ["关于开展2025年度专精特新中小企业认定工作的通知",
           "全省工业经济运行情况新闻发布会召开",
           "省工信厅召开2025年第三季度工作调度会"]
FOOTER = ["主办：湖南省工业和信息化厅", "地址：长沙市韶山北路1号 邮编：410011",
          "湘ICP备05005672号", "网站标识码：4300000041", "湘公网安备 43010502000135号"]


def make_html(text: str, layout: str = "table", encoding: str = "gb2312") -> bytes:
    """A page as a provincial or ministry site serves it: "table" (nested layout tables,
    GB2312), "div" (class-named divs) or "article" (an <article> between sidebars), each
    with navigation, a breadcrumb, share links, related links and a footer around the
    article, and the publication metadata in <meta> tags. The text's first line is the
    article's title."""
    title, *rest = paragraphs(text)
    title = title.replace("**", "")
    body = "\n".join(f"<p>{_bold_html(p)}</p>" for p in rest)
    nav = "".join(f"<a href='/{i}.html'>{n}</a> | " for i, n in enumerate(NAV))
    related = "".join(f"<li><a href='/r{i}.html'>{r}</a><span>2025-11-0{i + 1}</span></li>"
                      for i, r in enumerate(RELATED))
    footer = "<br/>".join(FOOTER)
    head = (f"<meta http-equiv='Content-Type' content='text/html; charset={encoding}'>"
            f"<title>{title} - 湖南省工业和信息化厅</title>"
            f"<meta name='ArticleTitle' content='{title}'>"
            "<meta name='PubDate' content='2025-12-26 09:30'>"
            "<meta name='ContentSource' content='湖南省工业和信息化厅'>")
    info = "发布时间：2025-12-26 09:30 来源：湖南省工业和信息化厅 字号：[大 中 小] 打印本页 关闭窗口"
    if layout == "table":
        page = f"""<html><head>{head}</head><body>
<table width="1000" align="center"><tr><td><img src="/banner.jpg"></td></tr>
<tr><td class="nav">{nav}</td></tr>
<tr><td>当前位置：<a href="/">首页</a> &gt; <a href="/xxgk">政务公开</a> &gt; 工作动态</td></tr>
<tr><td><table width="100%"><tr><td align="center"><b>{title}</b></td></tr>
<tr><td align="center">{info}</td></tr>
<tr><td class="content">{body}</td></tr>
<tr><td>分享到：微信 微博 QQ空间</td></tr></table></td></tr>
<tr><td><b>相关链接</b><ul>{related}</ul></td></tr>
<tr><td align="center">{footer}</td></tr></table></body></html>"""
    elif layout == "div":
        page = f"""<html><head>{head}</head><body>
<div class="header"><div class="logo">湖南省工业和信息化厅</div><div class="menu">{nav}</div></div>
<div class="location">当前位置：<a href="/">首页</a> &gt; 工作动态</div>
<div class="main"><div class="article"><div class="title">{title}</div>
<div class="info">{info}</div>
<div class="TRS_Editor">{body}</div></div>
<div class="share">分享到：微信 微博</div>
<div class="related"><div class="hd">相关链接</div><ul>{related}</ul></div></div>
<div class="footer">{footer}</div></body></html>"""
    else:
        page = f"""<html><head>{head}</head><body>
<header><div class="menu">{nav}</div></header>
<div class="wrap"><div class="left"><h3>栏目导航</h3><ul><li>通知公告</li><li>工作动态</li><li>政策解读</li></ul></div>
<article><h1>{title}</h1><div class="meta">{info}</div>{body}</article>
<div class="right"><h3>热点新闻</h3><ul>{related}</ul></div></div>
<div class="foot">{footer}</div></body></html>"""
    return page.encode(encoding, errors="xmlcharrefreplace")


def make_scan(pdf_path: Path, out: Path, *, dpi: int = 150, pages: int = 2,
              seed: int = 14) -> Path:
    """The PDF's first `pages` pages as a scanner gives them: 8-bit grey at `dpi`, the
    paper a little grey and noisy, each page turned by a fraction of a degree; saved as
    an image-only PDF (no text layer)."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    images: list[Image.Image] = []
    document = pdfium.PdfDocument(str(pdf_path))
    try:
        for index in range(min(pages, len(document))):
            page = document[index]
            img = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            img = img.point(lambda v: min(v, 236))  # grey paper
            pixels = img.load()
            assert pixels is not None
            width, height = img.size
            for _ in range(width * height // 400):  # dust
                x, y = rng.randrange(width), rng.randrange(height)
                pixels[x, y] = rng.choice((90, 140, 255))
            img = img.rotate(rng.uniform(-0.4, 0.4), resample=Image.Resampling.BICUBIC,
                             fillcolor=236)
            img = img.filter(ImageFilter.GaussianBlur(0.4))
            images.append(img)
    finally:
        document.close()
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return out


# --- comparing what each format gives ------------------------------------------------

REPO = Path(__file__).resolve().parents[1]
# the development texts sit beside the repository (/work/shared/eval beside /work/main),
# also when the repository is a worktree further down (/work/wt/NAME)
_EVAL = next((p / "shared" / "eval" for p in REPO.parents if (p / "shared" / "eval").is_dir()),
             REPO.parent / "shared" / "eval")
DEV_TEXTS = [REPO / "seeds" / "000_f66df8a97ae95764.txt", *sorted(_EVAL.glob("*.txt"))]


_PLACES = {"guangdong": "广东省", "hunan": "湖南省", "shandong": "山东省", "shanghai": "上海市"}


def report_of(source: Path) -> str:
    """A development text as a report: the seed as it is; an excerpt, which starts in the
    middle of a work report, under the title of the report it comes from (a page, a
    Word file or a PDF shows the title as a heading; the plain text gets it too, so
    every format holds the same report)."""
    text = source.read_text(encoding="utf-8")
    first = paragraphs(text)[0] if text.strip() else ""
    if len(first) <= 40 and not first.endswith("。"):
        return text
    place = _PLACES.get(source.stem.split("_")[0], "")
    year = re.search(r"20\d\d", source.stem)
    return f"{year.group(0) if year else ''}年{place}政府工作报告（节选）\n{text}"


def metric_keys(path: Path) -> Counter[str]:
    """The metric suggestions for a file as an import reads it: their text and fields
    (offsets differ between formats, so they are left out)."""
    from desktop.io.importers import read_reports
    from desktop.services import suggestions

    keys: Counter[str] = Counter()
    for rep in read_reports(path):
        headings = suggestions.headings_of(rep.text, rep.structure)
        for item in suggestions.compute(rep.text, rep.region, rep.year, headings):
            if item["kind"] == "metric":
                keys[json.dumps([item["text"], item["fields"]], ensure_ascii=False,
                                sort_keys=True)] += 1
    return keys


def f1(reference: Counter[str], other: Counter[str]) -> float:
    total = sum(reference.values()) + sum(other.values())
    return 1.0 if total == 0 else 2 * sum((reference & other).values()) / total
