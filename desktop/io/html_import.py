"""Web pages (.html, .htm): the bytes are decoded here (charset from a BOM or a <meta>
declaration; GBK and GB2312 read as GB18030, their superset), then title, headings,
paragraphs, table rows and bold are kept; scripts, styles and navigation are dropped."""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser
from pathlib import Path

from desktop.domain.radicals import map_radicals
from desktop.domain.report_text import Block, ParsedReport, parse_blocks
from desktop.io.text_files import ImportRefused, read_file_bytes

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)
_CHINESE_ALIASES = {"gbk", "gb2312", "gb_2312-80", "x-gbk", "cp936", "x-euc-cn", "euc-cn", "gb18030"}

# <header> and <form> stay: article titles sit in <header>, and ASP.NET pages wrap the
# whole page in a <form>.
_SKIP = frozenset({"script", "style", "nav", "noscript", "template", "svg", "iframe",
                   "select", "button", "footer", "aside", "textarea"})
_BLOCK = frozenset({"p", "div", "li", "dd", "dt", "blockquote", "pre", "section",
                    "article", "main", "table", "tr", "ul", "ol", "dl", "figcaption",
                    "figure", "center", "address", "body", "hr"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BOLD = frozenset({"b", "strong"})
_CELL = frozenset({"td", "th"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                   "meta", "source", "track", "wbr"})
_NAV_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "menubar"})


def sniff_charset(data: bytes) -> str | None:
    """The encoding a page declares (BOM first, then <meta>), as a Python codec name."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return enc
    m = _META_CHARSET.search(data[:8192])
    if m is None:
        return None
    label = m.group(1).decode("ascii", "replace").strip().lower()
    if label in _CHINESE_ALIASES:
        return "gb18030"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes, name: str) -> str:
    if not data.strip():
        raise ImportRefused(f"{name}: the file is empty.")
    declared = sniff_charset(data)
    tried: list[str] = []
    for enc in (declared, "utf-8", "gb18030"):
        if enc is None or enc in tried:
            continue
        tried.append(enc)
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    raise ImportRefused(
        f"{name}: the text encoding is not recognised (tried {', '.join(tried).upper()})."
    )


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.title = ""
        self._in_title = False
        self._skip: list[str] = []  # open elements whose content is dropped
        self._text: list[str] = []
        self._hint = ""
        self._cells: list[str] | None = None
        self._bold = 0

    # -- helpers --------------------------------------------------------------
    def _flush(self) -> None:
        text = "".join(self._text)
        self._text = []
        text = re.sub(r"\*\*\s*\*\*", "", text)
        text = re.sub(r"\s+", " ", text).strip()
        if self._cells is not None:
            if text:
                self._cells.append(text)
            return
        if text.replace("*", "").strip():
            hint = self._hint
            if hint == "heading":
                text = text.replace("**", "")
            self.blocks.append(Block(text, hint))
        self._hint = ""

    # -- HTMLParser callbacks ---------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip:
            if tag not in _VOID:
                self._skip.append(tag)
            return
        attr = {k: (v or "") for k, v in attrs}
        if tag == "title":
            self._in_title = True
            return
        if tag in _SKIP or attr.get("role", "").lower() in _NAV_ROLES:
            if tag not in _VOID:
                self._skip.append(tag)
            return
        if tag in _HEADINGS:
            self._flush()
            self._hint = "heading"
        elif tag == "tr":
            self._flush()
            self._cells = []
        elif tag in _CELL or tag in _BLOCK or tag == "br":
            self._flush()
        elif tag in _BOLD:
            if self._bold == 0:
                self._text.append("**")
            self._bold += 1

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag in self._skip:
                while self._skip and self._skip.pop() != tag:
                    pass
            return
        if tag == "title":
            self._in_title = False
        elif tag in _HEADINGS:
            self._flush()
        elif tag == "tr":
            self._flush()
            cells, self._cells = self._cells, None
            if cells:
                self.blocks.append(Block("\t".join(cells), "table"))
        elif tag in _CELL or tag in _BLOCK:
            self._flush()
        elif tag in _BOLD and self._bold:
            self._bold -= 1
            if self._bold == 0:
                self._text.append("**")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
            return
        if self._skip:
            return
        self._text.append(data.replace("**", "＊＊"))

    def close(self) -> None:
        super().close()
        if self._bold:
            self._text.append("**")
            self._bold = 0
        self._flush()
        if self._cells:
            self.blocks.append(Block("\t".join(self._cells), "table"))
            self._cells = None


def html_blocks(data: bytes, name: str) -> tuple[str, list[Block]]:
    """The page's <title> and its blocks in reading order."""
    text = decode_html(data, name)
    parser = _PageParser()
    try:
        parser.feed(text)
        parser.close()
    except Exception as exc:  # HTMLParser raises little, but a page must never crash import
        raise ImportRefused(f"{name}: the page cannot be read ({exc}).") from exc
    title = re.sub(r"\s+", " ", parser.title).strip()
    # "文章标题 - 湖南省工业和信息化厅": the site's name follows the article's
    title = re.split(r"\s+[-_|—–]+\s+|\s*[|｜_]\s*", title)[0].strip()
    blocks = [Block(map_radicals(b.text), b.hint) for b in parser.blocks]
    return map_radicals(title), blocks


def import_html(path: Path) -> list[ParsedReport]:
    title, blocks = html_blocks(read_file_bytes(path), path.name)
    if title and not any(b.hint == "heading" for b in blocks[:3]):
        blocks.insert(0, Block(title, "heading"))
    reports = parse_blocks(blocks, fallback_title=title or path.stem)
    if not reports:
        raise ImportRefused(f"{path.name}: the page holds no text.")
    return reports
