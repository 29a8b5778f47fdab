"""From raw report text to stored text plus structure.

A file often holds several articles (a newspaper page). Each becomes one report whose
stored text is immutable: paragraphs separated by a blank line, `**bold**` markers
removed (kept as emphasis ranges), paragraphs cut by a page break joined again. Every
range in `Structure` is in code points of the stored text. `source_map` maps stored
offsets back to the raw text, so suggestions can be reported against the file as read.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

from desktop.domain.report_context import infer_region, infer_year

Range = tuple[int, int]

TERMINAL = "。！？；：…”」）)!?;:"
_CAPTION = re.compile(r"^(图为|图片|图：|图:|（图|\(图|摄影|供图)")
_CALLOUT = re.compile(r"^[●■◆▲★•·]")
_STRONG_HEADING = re.compile(
    r"^(\d{4}年)?[^\s，。；]{0,14}(工作思路|重点工作|工作回顾|工作安排|主要目标|主要预期目标|"
    r"工作任务|重点任务|发展目标|展望)$"
    r"|^[一二三四五六七八九十]{1,3}、[^。]{1,40}$"
    r"|^[（(][一二三四五六七八九十]{1,3}[)）][^。]{1,40}$"
)
_AGENCY = re.compile(
    r"^[^\s，。]{2,30}(厅|局|委员会|委|办公室|政府|中心|协会|研究院|研究所|部|署|办|联合会|集团)$"
)
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)


@dataclass(frozen=True, slots=True)
class Structure:
    title: Range | None = None
    byline: Range | None = None
    headings: tuple[Range, ...] = ()
    captions: tuple[Range, ...] = ()
    callouts: tuple[Range, ...] = ()
    emphasis: tuple[Range, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "title": list(self.title) if self.title else None,
            "byline": list(self.byline) if self.byline else None,
            "headings": [list(r) for r in self.headings],
            "captions": [list(r) for r in self.captions],
            "callouts": [list(r) for r in self.callouts],
            "emphasis": [list(r) for r in self.emphasis],
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Structure:
        def ranges(key: str) -> tuple[Range, ...]:
            value = data.get(key) or []
            assert isinstance(value, list)
            return tuple((int(a), int(b)) for a, b in value)

        def one(key: str) -> Range | None:
            value = data.get(key)
            if not value:
                return None
            assert isinstance(value, list)
            return (int(value[0]), int(value[1]))

        return cls(
            title=one("title"),
            byline=one("byline"),
            headings=ranges("headings"),
            captions=ranges("captions"),
            callouts=ranges("callouts"),
            emphasis=ranges("emphasis"),
        )


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Piecewise-linear map from stored offsets to raw offsets (ascending stored starts)."""

    stored_starts: tuple[int, ...] = ()
    raw_starts: tuple[int, ...] = ()

    def to_raw(self, pos: int) -> int:
        i = bisect_right(self.stored_starts, pos) - 1
        if i < 0:
            return pos
        return self.raw_starts[i] + (pos - self.stored_starts[i])


@dataclass(frozen=True, slots=True)
class ParsedReport:
    title: str
    agency: str
    region: str
    year: int | None
    text: str
    structure: Structure
    source_map: SourceMap = field(default_factory=SourceMap)

    @property
    def sha256(self) -> str:
        return text_sha256(self.text)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise(raw: str) -> str:
    """NFC, `\\n` line ends, no BOM, no NUL. Offsets are taken after this step."""
    text = raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return unicodedata.normalize("NFC", text)


# --- paragraphs -------------------------------------------------------------------


@dataclass(slots=True)
class _Piece:
    """A run of raw characters kept as they are."""

    raw_start: int
    text: str


@dataclass(slots=True)
class _Para:
    pieces: list[_Piece]
    role: str = "body"  # body | heading | caption | callout | title | byline | table
    hint: str = ""  # what the source format says: "" | "heading" | "table"

    @property
    def plain(self) -> str:
        return "".join(p.text for p in self.pieces)


def _paragraphs(text: str) -> list[_Para]:
    paras: list[_Para] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            paras.append(_Para([_Piece(pos + lead, stripped)]))
        pos += len(line) + 1
    return paras


def _is_agency(s: str) -> bool:
    return len(s) <= 30 and bool(_AGENCY.match(s))


def _looks_like_heading(s: str) -> bool:
    if _STRONG_HEADING.match(s):
        return True
    return (
        len(s) <= 45
        and not any(ch in s for ch in "。！？；")
        and s[-1] not in TERMINAL + "，、"
        and not _CALLOUT.match(s)
        and not _CAPTION.match(s)
    )


def _classify(paras: list[_Para]) -> list[list[_Para]]:
    """Split into articles (title, byline, …) and give each paragraph a role."""
    articles: list[list[_Para]] = []
    current: list[_Para] = []
    for i, para in enumerate(paras):
        s = para.plain
        nxt = paras[i + 1].plain if i + 1 < len(paras) else ""
        if _looks_like_heading(s) and not _is_agency(s) and _is_agency(nxt):
            if current:
                articles.append(current)
            current = [para]
            para.role = "title"
            continue
        if _is_agency(s) and current and current[-1].role == "title":
            para.role = "byline"
        elif para.hint == "table":
            para.role = "table"
        elif para.hint == "heading":
            para.role = "heading"
        elif _CAPTION.match(s):
            para.role = "caption"
        elif _CALLOUT.match(s):
            para.role = "callout"
        elif _STRONG_HEADING.match(s):
            para.role = "heading"
        elif _looks_like_heading(s):
            # A short unpunctuated line right after a heading, or after a body paragraph
            # that was itself cut off, is a fragment of a page break, not a heading.
            prev = _last_text_para(current)
            if (prev is not None and prev.role == "body" and prev.plain[-1] in TERMINAL) or prev is None or prev.role in ("title", "byline", "caption", "callout") or (prev.role == "heading" and len(s) >= 20):
                para.role = "heading"
        if not current:
            para.role = "title" if para.role in ("body", "heading") else para.role
        current.append(para)
    if current:
        articles.append(current)
    return articles


def _last_text_para(paras: list[_Para]) -> _Para | None:
    for p in reversed(paras):
        if p.role not in ("caption", "callout"):
            return p
    return None


def _join_page_breaks(paras: list[_Para]) -> list[_Para]:
    """A body paragraph ending mid-sentence continues in the next body paragraph;
    captions and call-outs printed between the two move after the joined paragraph.

    Linear in the paragraphs however long a chain of joins runs (a file of thousands
    of unpunctuated lines took minutes when each join copied the pieces so far and
    re-joined the text to read its last character): the pieces are extended in place
    and the last character is read from the last piece (pieces are stripped, never
    empty)."""
    out: list[_Para] = []
    i = 0
    while i < len(paras):
        para = paras[i]
        i += 1
        moved: list[_Para] = []
        pieces: list[_Piece] | None = None  # the joined paragraph's, once it joins
        while para.role == "body" and (pieces or para.pieces)[-1].text[-1] not in TERMINAL:
            j = i
            while j < len(paras) and paras[j].role in ("caption", "callout"):
                j += 1
            if j >= len(paras) or paras[j].role != "body":
                break
            moved.extend(paras[i:j])
            if pieces is None:
                pieces = list(para.pieces)
            pieces.extend(paras[j].pieces)
            i = j + 1
        out.append(para if pieces is None else _Para(pieces, "body"))
        out.extend(moved)
    return out


def _assemble(paras: list[_Para]) -> tuple[str, Structure, SourceMap]:
    parts: list[str] = []
    pos = 0
    stored_starts: list[int] = []
    raw_starts: list[int] = []
    roles: dict[str, list[Range]] = {k: [] for k in ("title", "byline", "heading", "caption", "callout")}
    emphasis: list[Range] = []
    for n, para in enumerate(paras):
        if n:
            parts.append("\n\n")
            pos += 2
        start = pos
        for piece in para.pieces:
            # remove **bold** markers, keeping emphasis ranges and the raw mapping
            last = 0
            for m in _BOLD.finditer(piece.text):
                before = piece.text[last : m.start()]
                if before:
                    stored_starts.append(pos)
                    raw_starts.append(piece.raw_start + last)
                    parts.append(before)
                    pos += len(before)
                inner = m.group(1)
                stored_starts.append(pos)
                raw_starts.append(piece.raw_start + m.start(1))
                parts.append(inner)
                emphasis.append((pos, pos + len(inner)))
                pos += len(inner)
                last = m.end()
            rest = piece.text[last:]
            if rest:
                stored_starts.append(pos)
                raw_starts.append(piece.raw_start + last)
                parts.append(rest)
                pos += len(rest)
        if para.role in roles:
            roles[para.role].append((start, pos))
    structure = Structure(
        title=roles["title"][0] if roles["title"] else None,
        byline=roles["byline"][0] if roles["byline"] else None,
        headings=tuple(roles["heading"]),
        captions=tuple(roles["caption"]),
        callouts=tuple(roles["callout"]),
        emphasis=tuple(emphasis),
    )
    return "".join(parts), structure, SourceMap(tuple(stored_starts), tuple(raw_starts))


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph as a structured format (docx, pdf, html) gives it. `text` may hold
    `**bold**` markers; `hint` says what the format knows: "heading" (a heading style or
    <h1>–<h6>), "table" (a table row, never joined to its neighbours) or "" (let the
    text decide, as for plain text)."""

    text: str
    hint: str = ""


def parse_reports(raw: str, *, fallback_title: str = "") -> list[ParsedReport]:
    """Split raw text into articles and derive each one's stored text and structure."""
    return _build(_paragraphs(normalise(raw)), fallback_title)


def parse_blocks(blocks: list[Block], *, fallback_title: str = "") -> list[ParsedReport]:
    """Like `parse_reports`, for formats that already know their paragraphs. Source-map
    offsets refer to the blocks' texts joined by blank lines."""
    paras: list[_Para] = []
    pos = 0
    for block in blocks:
        text = " ".join(normalise(block.text).split("\n"))
        stripped = text.strip()
        if stripped:
            lead = len(text) - len(text.lstrip())
            paras.append(_Para([_Piece(pos + lead, stripped)], hint=block.hint))
        pos += len(text) + 2
    return _build(paras, fallback_title)


def _build(paras: list[_Para], fallback_title: str) -> list[ParsedReport]:
    if not paras:
        return []
    reports: list[ParsedReport] = []
    for article in _classify(paras):
        joined = _join_page_breaks(list(article))
        stored, structure, smap = _assemble(joined)
        title = next((p.plain for p in joined if p.role == "title"), fallback_title)
        title = _BOLD.sub(r"\1", title)
        agency = next((p.plain for p in joined if p.role == "byline"), "")
        headings = [stored[a:b] for a, b in structure.headings]
        reports.append(
            ParsedReport(
                title=title,
                agency=agency,
                region=infer_region(title, agency, stored, fallback_title),
                year=infer_year(title, stored, headings, fallback_title),
                text=stored,
                structure=structure,
                source_map=smap,
            )
        )
    return reports
