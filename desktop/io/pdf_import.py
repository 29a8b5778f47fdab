"""PDF reports (pypdfium2; PyMuPDF's AGPL licence rules it out).

Text comes in the page's reading order, one line at a time with its box. Lines become
paragraphs by layout: a line that is indented, or follows a line that stops short of
the right margin, starts a paragraph; so do lines after a page break unless the last
line of the page ran to the margin. Running headers and footers (the same line at the
top or bottom of most pages, digits ignored) and page numbers are dropped. Radical
look-alikes, which extractors return for common Chinese fonts, become the ideographs
they stand for. An encrypted PDF, a damaged one and one without a text layer (a scan,
which needs OCR) are refused.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain.radicals import map_radicals
from desktop.domain.report_text import Block, ParsedReport, parse_blocks
from desktop.io.text_files import ImportRefused, read_file_bytes

_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])[ \t\u00a0]+(?=[{_CJK}])")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_PAGE_NUMBER = re.compile(
    r"^[-—–_·•\s]*(第\s*)?[0-9]+\s*(页)?(\s*/\s*(共\s*)?[0-9]+\s*页?)?[-—–_·•\s]*$"
    r"|^(page|p\.)\s*[0-9]+(\s*(of|/)\s*[0-9]+)?$",
    re.IGNORECASE,
)
_FPDF_ERR_PASSWORD = 4
_FPDF_ERR_SECURITY = 5
_EDGE_LINES = 2  # how many lines at the top and bottom may be running heads


@dataclass(slots=True)
class _Line:
    text: str
    left: float
    right: float
    height: float


def _clean(text: str) -> str:
    text = _INVISIBLE.sub("", text)
    return _CJK_GAP.sub("", text).strip()


def _page_lines(page: Any) -> list[_Line]:
    textpage = page.get_textpage()
    try:
        raw = textpage.get_text_range()
        count = textpage.count_chars()
        boxes: list[tuple[float, float, float, float]] | None = None
        if len(raw) == count:
            boxes = [textpage.get_charbox(i) for i in range(count)]
    finally:
        textpage.close()
    lines: list[_Line] = []
    start = 0
    for m in re.finditer(r"\r\n|\r|\n|$", raw):
        end = m.start()
        chunk = raw[start:end]
        text = _clean(chunk)
        if text:
            if boxes is not None:
                visible = [boxes[i] for i in range(start, end) if not raw[i].isspace()]
                left = min(b[0] for b in visible)
                right = max(b[2] for b in visible)
                height = max(b[3] - b[1] for b in visible)
            else:
                left = right = height = 0.0
            lines.append(_Line(text, left, right, height))
        start = m.end()
        if m.end() >= len(raw):
            break
    return lines


def _edge_key(text: str) -> str:
    return re.sub(r"[0-9]+", "#", re.sub(r"\s+", "", text))


def _drop_running_heads(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Drop page numbers, and lines repeated at the top or bottom of most pages."""
    counts: Counter[str] = Counter()
    for lines in pages:
        edge = lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]
        counts.update({_edge_key(line.text) for line in edge})
    threshold = max(2, (len(pages) + 1) // 2)
    running = {key for key, n in counts.items() if n >= threshold}
    out: list[list[_Line]] = []
    for lines in pages:
        n = len(lines)
        kept = [
            line for i, line in enumerate(lines)
            if not (
                (i < _EDGE_LINES or i >= n - _EDGE_LINES)
                and (_PAGE_NUMBER.match(line.text) or _edge_key(line.text) in running)
            )
        ]
        out.append(kept)
    return out


def _join(a: str, b: str) -> str:
    """Lines of one paragraph: Chinese wraps anywhere (inside numbers too), so no space,
    except between two Latin words."""
    if a and b and a[-1].isascii() and a[-1].isalpha() and b[0].isascii() and b[0].isalpha():
        return a + " " + b
    return a + b


def _paragraphs(pages: list[list[_Line]]) -> list[str]:
    paras: list[str] = []
    current = ""
    prev_full = False
    for lines in pages:
        if not lines:
            continue
        left = min(line.left for line in lines)
        right = max(line.right for line in lines)
        heights = sorted(line.height for line in lines)
        em = heights[len(heights) // 2] or 1.0
        # The right margin is only known when several lines reach it; otherwise every
        # line stands alone and report_text joins sentences cut at a line end.
        margin_known = right > left and sum(line.right >= right - 1.5 * em for line in lines) >= 2
        for line in lines:
            indented = line.left > left + 1.2 * em
            full = margin_known and line.right >= right - 1.5 * em
            if current and prev_full and not indented:
                current = _join(current, line.text)
            else:
                if current:
                    paras.append(current)
                current = line.text
            prev_full = full and not line.text.endswith(("。", "！", "？"))
    if current:
        paras.append(current)
    return paras


def pdf_blocks(data: bytes, name: str) -> list[Block]:
    import pypdfium2 as pdfium  # only where it is used (start-up time)

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ImportRefused(f"{name}: this is not a PDF file.")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (_FPDF_ERR_PASSWORD, _FPDF_ERR_SECURITY) or "password" in str(exc).lower():
            raise ImportRefused(
                f"{name}: the PDF is encrypted (password-protected); "
                "save an unprotected copy and import that."
            ) from exc
        raise ImportRefused(f"{name}: the PDF is damaged and cannot be read.") from exc
    except Exception as exc:
        raise ImportRefused(f"{name}: the PDF is damaged and cannot be read.") from exc
    try:
        pages: list[list[_Line]] = []
        for index in range(len(document)):
            page = document[index]
            try:
                pages.append(_page_lines(page))
            finally:
                page.close()
    except ImportRefused:
        raise
    except Exception as exc:
        raise ImportRefused(f"{name}: the PDF is damaged and cannot be read.") from exc
    finally:
        document.close()
    if not any(pages):
        raise ImportRefused(
            f"{name}: the PDF has no text layer (it is a scanned image); "
            "it needs OCR before it can be imported."
        )
    paras = _paragraphs(_drop_running_heads(pages))
    return [Block(map_radicals(p)) for p in paras]


def import_pdf(path: Path) -> list[ParsedReport]:
    blocks = pdf_blocks(read_file_bytes(path), path.name)
    reports = parse_blocks(blocks, fallback_title=path.stem)
    if not reports:
        raise ImportRefused(f"{path.name}: the PDF holds no text.")
    return reports
