"""From positioned characters to lines and paragraphs (PDF text layers and OCR alike).

Characters are grouped into lines by their vertical position and read left to right
within a line, whatever order the file stores them in. Between two characters a space
is kept only between Latin letters or digits that stand apart (``GDP 5%`` stays, but
``增长 3.9 %`` becomes ``增长3.9%``: typesetters widen the gap between Chinese and digits
with spacing, not a character). A gap wider than two characters separates table cells
(a tab), so each figure stays on its row with its row label. Lines become paragraphs
by layout: a first-line indent, a line stopping short of the right margin, or a larger
gap above starts a paragraph; a page break joins a paragraph whose last line ran to
the margin. Running heads and page numbers are dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

_PAGE_NUMBER = re.compile(
    r"^[-—–_·•\s]*(第\s*)?[0-9]+\s*(页)?(\s*/\s*(共\s*)?[0-9]+\s*页?)?[-—–_·•\s]*$"
    r"|^(page|p\.)\s*[0-9]+(\s*(of|/)\s*[0-9]+)?$",
    re.IGNORECASE,
)
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_EDGE_LINES = 2  # how many lines at the top and bottom may be running heads
CELL_GAP = 2.0  # in ems: a wider gap between characters separates table cells
_SENTENCE_END = ("。", "！", "？", "：", "；", "”", "…", "!", "?", ":")
WORD_GAP = 0.25  # in ems: a narrower gap between Latin characters is no space


@dataclass(frozen=True, slots=True)
class Char:
    """One character and its box in page units, y growing upwards (PDF's convention)."""

    text: str
    left: float
    bottom: float
    right: float
    top: float
    bold: bool = False


@dataclass(slots=True)
class Line:
    text: str
    left: float
    right: float
    top: float
    bottom: float
    cells: bool = False  # a table row: cells separated by tabs

    @property
    def height(self) -> float:
        return self.top - self.bottom


@dataclass(slots=True)
class Paragraph:
    text: str
    table: bool = False
    heading: bool = False  # one short line, set larger or wholly in bold


@dataclass(slots=True)
class _Band:
    chars: list[Char] = field(default_factory=list)
    centre: float = 0.0
    height: float = 0.0


def _latin(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "%.,-+/&'")


def _bands(chars: list[Char]) -> list[_Band]:
    """Characters grouped into lines by vertical centre, top line first."""
    heights = sorted(c.top - c.bottom for c in chars if c.top > c.bottom)
    em = heights[len(heights) // 2] if heights else 1.0
    ordered = sorted(chars, key=lambda c: -(c.top + c.bottom) / 2)
    bands: list[_Band] = []
    for c in ordered:
        centre = (c.top + c.bottom) / 2
        height = max(c.top - c.bottom, em * 0.3)
        band = bands[-1] if bands else None
        if band is not None and abs(band.centre - centre) <= 0.45 * max(band.height, height):
            band.chars.append(c)
            n = len(band.chars)
            band.centre += (centre - band.centre) / n
            band.height = max(band.height, height)
        else:
            bands.append(_Band([c], centre, height))
    return bands


def _line(band: _Band) -> Line | None:
    chars = sorted((c for c in band.chars if c.text not in _INVISIBLE), key=lambda c: c.left)
    visible = [c for c in chars if not c.text.isspace()]
    if not visible:
        return None
    em = sorted(c.top - c.bottom for c in visible)[len(visible) // 2] or 1.0
    parts: list[str] = []
    cells = False
    prev: Char | None = None
    spaced = False  # a real space character stood between prev and this one
    bold_open = False
    for c in chars:
        if c.text.isspace():
            spaced = prev is not None
            continue
        if prev is not None:
            gap = c.left - prev.right
            if gap > CELL_GAP * em:
                if bold_open:
                    parts.append("**")
                    bold_open = False
                parts.append("\t")
                cells = True
            elif spaced or (_latin(prev.text[-1]) and _latin(c.text[0]) and gap > WORD_GAP * em):
                parts.append(" ")  # a space the file holds, or a gap between Latin words
        if c.bold != bold_open:
            parts.append("**")
            bold_open = c.bold
        parts.append(c.text.replace("*", "＊"))
        prev, spaced = c, False
    if bold_open:
        parts.append("**")
    text = re.sub(r"\*\*(\s*)\*\*", r"\1", "".join(parts)).strip()
    if not text.replace("*", ""):
        return None
    return Line(text, visible[0].left, max(c.right for c in visible),
                max(c.top for c in visible), min(c.bottom for c in visible), cells)


def page_lines(chars: list[Char]) -> list[Line]:
    """A page's lines, top to bottom, each read left to right."""
    return [line for band in _bands(chars) if (line := _line(band)) is not None]


def _edge_key(text: str) -> str:
    return re.sub(r"[0-9]+", "#", re.sub(r"\s+|\*\*", "", text))


def drop_running_heads(pages: list[list[Line]]) -> list[list[Line]]:
    """Drop page numbers, and lines repeated at the top or bottom of most pages."""
    counts: Counter[str] = Counter()
    for lines in pages:
        edge = lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]
        counts.update({_edge_key(line.text) for line in edge})
    threshold = max(2, (len(pages) + 1) // 2)
    running = {key for key, n in counts.items() if n >= threshold}
    out: list[list[Line]] = []
    for lines in pages:
        n = len(lines)
        out.append([
            line for i, line in enumerate(lines)
            if not ((i < _EDGE_LINES or i >= n - _EDGE_LINES)
                    and (_PAGE_NUMBER.match(line.text.replace("**", ""))
                         or _edge_key(line.text) in running))
        ])
    return out


def _join(a: str, b: str) -> str:
    """Lines of one paragraph: Chinese wraps anywhere (inside numbers too), so no space,
    except between two Latin words."""
    a_end, b_start = a.rstrip("*")[-1:], b.lstrip("*")[:1]
    if a_end.isascii() and a_end.isalpha() and b_start.isascii() and b_start.isalpha():
        return a + " " + b
    return a + b


def _median(values: list[float], default: float) -> float:
    values = sorted(v for v in values if v > 0)
    return values[len(values) // 2] if values else default


def _looks_like_heading(line: Line, em: float) -> bool:
    text = line.text
    if len(text) > 40 or text.replace("**", "").endswith(("。", "；", "，")):
        return False
    whole_bold = text.startswith("**") and text.endswith("**") and text.count("**") == 2
    return whole_bold or line.height > 1.2 * em


def paragraphs(pages: list[list[Line]]) -> list[Paragraph]:
    """Lines joined into paragraphs. A paragraph starts at a first-line indent, after a
    larger gap (where a page sets its paragraphs apart by spacing, nothing else breaks
    them), and after a line that stops short of the right margin; a line ragged by
    at most a few characters still runs on unless it ends a sentence (Chinese lines
    do not break inside a number, so they wrap early). A page break joins the same way."""
    out: list[Paragraph] = []
    current: Paragraph | None = None
    prev_full = False
    for lines in pages:
        body = [line for line in lines if not line.cells]
        if not lines:
            continue
        left = min((line.left for line in body), default=0.0)
        right = max((line.right for line in body), default=0.0)
        em = _median([line.height for line in lines], 1.0)
        pitches = [a.bottom - b.top for a, b in pairwise(lines)]
        gap = _median(pitches, em)
        spaced_style = any(p > gap + 0.5 * em for p in pitches)
        # The right margin is only known when several lines reach it; otherwise every
        # line stands alone and report_text joins sentences cut at a line end.
        margin_known = right > left and sum(line.right >= right - 1.5 * em for line in body) >= 2
        previous: Line | None = None
        for line in lines:
            if line.cells:
                if current is not None:
                    out.append(current)
                current = None
                out.append(Paragraph(line.text, table=True))
                prev_full, previous = False, line
                continue
            indented = line.left > left + 0.9 * em
            spaced = previous is not None and previous.bottom - line.top > gap + 0.5 * em
            runs_on = prev_full or (spaced_style and previous is not None
                                    and previous.right >= right - 4.5 * em)
            if current is not None and runs_on and not indented and not spaced:
                current.text = _join(current.text, line.text)
            else:
                if current is not None:
                    out.append(current)
                current = Paragraph(line.text, heading=_looks_like_heading(line, em))
            if current.text != line.text:
                current.heading = False
            short = right - line.right
            ends = line.text.replace("**", "").endswith(_SENTENCE_END)
            prev_full = margin_known and (short <= 1.5 * em or (short <= 4.5 * em and not ends))
            previous = line
    if current is not None:
        out.append(current)
    return out
