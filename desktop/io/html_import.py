"""Web pages (.html, .htm): the bytes are decoded here (charset from a BOM or a <meta>
declaration; GBK and GB2312 read as GB18030, their superset; charset-normalizer where
neither says), the article is found among navigation, related links and footers by
readability-lxml (measured against trafilatura and the plain parser on pages laid out
like provincial and ministry sites: benchmarks/eval_html.py), then title, headings,
paragraphs, table rows and bold are kept. Title, publication date and agency come from
the page's metadata where it has them (ArticleTitle, PubDate, ContentSource: the
<meta> names of Chinese government sites; Open Graph and article:* otherwise)."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path

from desktop.domain.import_facts import ImportedStructure
from desktop.domain.radicals import map_radicals
from desktop.domain.report_text import Block, ParsedReport, parse_blocks
from desktop.io.text_files import ImportRefused, decode_text, read_file_bytes

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
_LONG_CELL = 300  # characters: a cell holding more is an article laid out by a table
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
        raise ImportRefused("{name}: the file is empty.", message_id="import.empty",
                            params={"name": name})
    declared = sniff_charset(data)
    if declared is not None:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration: guess as for an undeclared page
    return decode_text(data, name)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.title = ""
        self._in_title = False
        self._skip: list[str] = []  # open elements whose content is dropped
        self._text: list[str] = []
        self._hint = ""
        # open table rows, innermost last: a row's cells (each a list of paragraphs),
        # or None once the row is known to be page layout rather than data
        self._rows: list[list[list[str]] | None] = []
        self._bold = 0

    # -- helpers --------------------------------------------------------------
    def _flush(self) -> None:
        text = "".join(self._text)
        self._text = []
        text = re.sub(r"\*\*\s*\*\*", "", text)
        text = re.sub(r"\s+", " ", text).strip()
        row = self._rows[-1] if self._rows else None
        if row is not None:
            if text:
                if not row:
                    row.append([])
                row[-1].append(text)
            return
        if text.replace("*", "").strip():
            hint = self._hint
            if hint == "heading":
                text = text.replace("**", "")
            self.blocks.append(Block(text, hint))
        self._hint = ""

    def _to_layout(self) -> None:
        """The innermost open row lays out the page: what it holds so far becomes
        paragraphs, and so does the rest of it."""
        row = self._rows[-1]
        if row is None:
            return
        for cell in row:
            self.blocks.extend(Block(text) for text in cell)
        self._rows[-1] = None

    def _end_row(self) -> None:
        if not self._rows:
            return
        row = self._rows[-1]
        # a row whose cells hold long or several paragraphs is page layout, not data
        if row is not None and any(len(c) > 1 or sum(map(len, c)) > _LONG_CELL for c in row):
            self._to_layout()
            row = None
        self._rows.pop()
        if row is not None:
            cells = [" ".join(c) for c in row]
            line = "\t".join(cells).strip()
            if line:
                self.blocks.append(Block(line, "table"))

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
            self._rows.append([])
        elif tag in _CELL:
            self._flush()
            if self._rows and self._rows[-1] is not None:
                self._rows[-1].append([])
        elif tag == "table" and self._rows:
            self._flush()
            self._to_layout()  # a table inside a row: the outer table lays out the page
        elif tag in _BLOCK or tag == "br":
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
            self._end_row()
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
        while self._rows:
            self._end_row()


@dataclass(frozen=True, slots=True)
class PageMeta:
    title: str = ""
    published: str = ""  # YYYY-MM-DD
    agency: str = ""


_META_NAMES = {
    "title": ("articletitle", "og:title", "dc.title", "title"),
    "published": ("pubdate", "article:published_time", "publishdate", "firstpublishedtime",
                  "dc.date", "date", "og:published_time"),
    "agency": ("contentsource", "source", "article:author", "author", "publisher",
               "og:site_name", "sitename"),
}
_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_MIN_ARTICLE = 40  # characters: less than this from readability means it found no article


def _meta(text: str) -> PageMeta:
    from lxml import html as lxml_html

    found: dict[str, str] = {}
    try:
        root = lxml_html.document_fromstring(text)
    except Exception:  # lxml refuses some fragments; metadata is optional
        return PageMeta()
    for el in root.iter("meta"):
        key = (el.get("name") or el.get("property") or "").strip().lower()
        value = re.sub(r"\s+", " ", el.get("content") or "").strip()
        if key and value and key not in found:
            found[key] = value

    def first(field: str) -> str:
        return next((found[k] for k in _META_NAMES[field] if found.get(k)), "")

    published = ""
    if m := _DATE.search(first("published")):
        published = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return PageMeta(first("title"), published, first("agency"))


def _parse(text: str, name: str) -> _PageParser:
    parser = _PageParser()
    try:
        parser.feed(text)
        parser.close()
    except Exception as exc:  # HTMLParser raises little, but a page must never crash import
        raise ImportRefused("{name}: the page cannot be read ({reason}).",
                            message_id="import.page_unreadable",
                            params={"name": name, "reason": exc}) from exc
    return parser


def _article(text: str) -> str | None:
    """The article's HTML as readability-lxml finds it, or None where it finds none."""
    import logging

    from readability import Document

    logging.getLogger("readability.readability").setLevel(logging.ERROR)
    try:
        summary = Document(text).summary(html_partial=True)
    except Exception:  # readability raises on odd markup: the whole page is read then
        return None
    plain = re.sub(r"<[^>]+>|\s+", "", summary)
    return summary if len(plain) >= _MIN_ARTICLE else None


_TOOL_WORDS = re.compile(r"发布时间|发布日期|来源[:：]|作者[:：]|字号|打印|关闭窗口|分享到|浏览次数|"
                         r"阅读次数|责任编辑|【?\[?\s*大\s+中\s+小\s*\]?】?|收藏|纠错")


def _is_page_tool(block: Block) -> bool:
    """An article's info and tool bar (发布时间… 来源… 字号：[大 中 小] 打印本页 关闭窗口)."""
    return len(block.text) < 160 and len(set(_TOOL_WORDS.findall(block.text))) >= 2


def _squeeze(text: str) -> str:
    return re.sub(r"\s+|\*\*", "", text)


def _article_span(blocks: list[Block], article: list[Block]) -> list[Block] | None:
    """The page's blocks from the first to the last that readability kept: the article
    with its tables (readability drops small data tables), without what surrounds it.
    The span grows from the article's longest paragraph to the nearest copy of each
    paragraph before and after it (a site's name in the banner repeats the byline)."""
    keys = [_squeeze(b.text) for b in article]
    page = [_squeeze(b.text) for b in blocks]
    if not any(keys):
        return None
    anchor = max(range(len(keys)), key=lambda i: len(keys[i]))
    if keys[anchor] not in page:
        return None  # the page's blocks and readability's differ: trust readability's
    start = end = page.index(keys[anchor])
    for key in reversed(keys[:anchor]):
        before = [i for i in range(start) if page[i] == key]
        if before:
            start = before[-1]
    for key in keys[anchor + 1 :]:
        after = [i for i in range(end + 1, len(page)) if page[i] == key]
        if after:
            end = after[0]
    return blocks[start : end + 1]


def read_page(data: bytes, name: str) -> tuple[str, list[Block], PageMeta]:
    text = decode_html(data, name)
    whole = _parse(text, name)
    blocks = whole.blocks
    article = _article(text)
    if article is not None:
        found = _parse(article, name).blocks
        if any(b.text.strip() for b in found):
            span = _article_span(blocks, found)
            blocks = span if span is not None else found
    meta = _meta(text)
    title = re.sub(r"\s+", " ", meta.title or whole.title).strip()
    # "文章标题 - 湖南省工业和信息化厅": the site's name follows the article's
    title = re.split(r"\s+[-_|—–]+\s+|\s*[|｜_]\s*", title)[0].strip()
    blocks = [b for b in blocks if not _is_page_tool(b)]
    return map_radicals(title), [Block(map_radicals(b.text), b.hint) for b in blocks], meta


def import_html(path: Path) -> list[ParsedReport]:
    title, blocks, meta = read_page(read_file_bytes(path), path.name)
    plain = [b.text.replace("**", "").strip() for b in blocks[:3]]
    if title and title not in plain and not any(b.hint == "heading" for b in blocks[:3]):
        blocks.insert(0, Block(title, "heading"))
    reports = parse_blocks(blocks, fallback_title=title or path.stem)
    if not reports:
        raise ImportRefused("{name}: the page holds no text.", message_id="import.page_no_text",
                            params={"name": path.name})
    if meta.agency and len(reports) == 1 and not reports[0].agency:
        reports = [replace(reports[0], agency=map_radicals(meta.agency))]
    if meta.published:
        reports = [replace(r, structure=ImportedStructure.of(r.structure, published=meta.published))
                   for r in reports]
    return reports
