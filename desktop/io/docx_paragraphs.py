"""A Word paragraph as a Block: its runs' text with `**bold**` markers, and whether its
style is a heading, each style resolved once per style id.

python-docx resolves `run.bold`, `run.style` and `paragraph.style` by walking the
styles part on every call: about 60 s per MB of a real report, nearly all of an import
(issue 11, item 11). A document has a few dozen styles and up to millions of runs, so
the answers are cached per style id, and the run properties are read from the XML as
python-docx reads them (w:rPr/w:b and its w:val, w:rPr/w:rStyle, w:pPr/w:pStyle).
"""

from __future__ import annotations

from typing import Any

from desktop.domain.report_text import Block

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R, _PPR, _RPR, _B = f"{_W}r", f"{_W}pPr", f"{_W}rPr", f"{_W}b"
_PSTYLE, _RSTYLE, _VAL = f"{_W}pStyle", f"{_W}rStyle", f"{_W}val"
# what python-docx's CT_R.text reads (by an XPath per run: a fifth of an import's time)
_RUN_TEXT = tuple(f"{_W}{t}" for t in ("br", "cr", "noBreakHyphen", "ptab", "t", "tab"))


def _style_bold(style: Any) -> bool:
    while style is not None:
        if style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False


def _heading_style(style: Any) -> bool:
    while style is not None:
        name = (style.name or "").lower()
        if name.startswith(("heading", "title", "标题")) or name == "subtitle":
            return True
        style = style.base_style
    return False


def _prop(element: Any, props: str, tag: str) -> Any:
    pr = element.find(props)
    return pr.find(tag) if pr is not None else None


class ParagraphReader:
    """Blocks of one document's paragraphs (holds that document's style answers)."""

    def __init__(self) -> None:
        self._run_bold: dict[str | None, bool] = {}
        self._heading: dict[str | None, bool] = {}

    def _bold(self, r: Any, paragraph: Any) -> bool:
        b = _prop(r, _RPR, _B)
        if b is not None:  # <w:b/>, or <w:b w:val="0|false|off"/> turning it off
            val = b.get(_VAL)
            return val is None or val.lower() not in ("0", "false", "off")
        style = _prop(r, _RPR, _RSTYLE)
        style_id = style.get(_VAL) if style is not None else None
        if style_id not in self._run_bold:
            from docx.text.run import Run

            self._run_bold[style_id] = _style_bold(Run(r, paragraph).style)
        return self._run_bold[style_id]

    def _is_heading(self, paragraph: Any) -> bool:
        style = _prop(paragraph._p, _PPR, _PSTYLE)
        style_id = style.get(_VAL) if style is not None else None
        if style_id not in self._heading:
            self._heading[style_id] = _heading_style(paragraph.style)
        return self._heading[style_id]

    def block(self, paragraph: Any) -> Block | None:
        parts: list[str] = []
        bold_open = False
        for r in paragraph._p.iterchildren(_R):
            text = "".join(str(e) for e in r.iterchildren(*_RUN_TEXT))
            if not text:
                continue
            bold = self._bold(r, paragraph) if text.strip() else bold_open  # spaces keep it
            if bold != bold_open:
                parts.append("**")
                bold_open = bold
            parts.append(text)
        if bold_open:
            parts.append("**")
        text = "".join(parts)
        if not text.strip():
            text = paragraph.text  # hyperlinks and fields hold text outside plain runs
            if not text.strip():
                return None
        heading = self._is_heading(paragraph)
        if heading:
            text = text.replace("**", "")  # a heading's bold is its style, not emphasis
        return Block(text, "heading" if heading else "")
