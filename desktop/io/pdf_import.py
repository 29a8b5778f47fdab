"""PDF reports (pypdfium2; PyMuPDF's AGPL licence rules it out).

Each character of the text layer is read with its box (pdfium's generated spaces and
line ends are ignored) and pdf_layout rebuilds lines, table rows and paragraphs from
the positions. Bold characters become **emphasis**. Radical look-alikes, which
extractors return for common Chinese fonts, become the ideographs they stand for.

A page without a text layer (a scan) is rendered at 150 dpi and read by OCR
(desktop.io.ocr), page by page with progress; the figures' look-alike characters are
put right and each page's confidence is kept with the report. An encrypted PDF and a
damaged one are refused; so is a scan when no OCR engine is installed, with how to
install one.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from desktop.domain.import_facts import ImportedStructure, OcrInfo, PageConfidence
from desktop.domain.ocr_fixes import normalise_ocr
from desktop.domain.radicals import map_radicals
from desktop.domain.report_text import Block, ParsedReport, parse_blocks
from desktop.io import ocr
from desktop.io.pdf_layout import Char, Line, Paragraph, drop_running_heads, page_lines, paragraphs
from desktop.io.text_files import ImportRefused, read_file_bytes

PageProgress = Callable[[int, int], None]  # (pages done, pages in all)

_FPDF_ERR_PASSWORD = 4
_FPDF_ERR_SECURITY = 5
_MIN_TEXT_CHARS = 8  # a page with fewer characters in its text layer is read as a scan
_BOLD_WEIGHT = 600
_BOLD_NAME = re.compile(r"bold|heavy|black|semibold|demi", re.IGNORECASE)


def _is_bold(raw: Any, handle: Any, index: int, name: Any) -> bool:
    """Bold by the font's weight, or by its name where the PDF gives no weight
    (LibreOffice writes NotoSerifCJKjp-Bold with weight 400)."""
    if raw.FPDFText_GetFontWeight(handle, index) >= _BOLD_WEIGHT:
        return True
    flags = ctypes.c_int()
    raw.FPDFText_GetFontInfo(handle, index, name, len(name), ctypes.byref(flags))
    return _BOLD_NAME.search(name.value.decode("latin-1")) is not None


def _page_chars(page: Any) -> list[Char]:
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    name = ctypes.create_string_buffer(128)
    try:
        handle = textpage.raw
        chars: list[Char] = []
        count = raw.FPDFText_CountChars(handle)
        pending = ""  # a high surrogate waiting for its pair
        for i in range(count):
            if raw.FPDFText_IsGenerated(handle, i) == 1:
                continue
            code = raw.FPDFText_GetUnicode(handle, i)
            if 0xD800 <= code <= 0xDBFF:
                pending = chr(code)
                continue
            if 0xDC00 <= code <= 0xDFFF and pending:
                text = (pending + chr(code)).encode("utf-16", "surrogatepass").decode("utf-16")
            else:
                text = chr(code)
            pending = ""
            if text in "\r\n\x00\ufffe\uffff" or (not text.isprintable() and not text.isspace()):
                continue
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            if right <= left and not text.isspace():
                continue
            chars.append(Char(text, left, bottom, right, top, _is_bold(raw, handle, i, name)))
        return chars
    finally:
        textpage.close()


def _open(data: bytes, name: str) -> Any:
    import pypdfium2 as pdfium  # only where it is used (start-up time)

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ImportRefused("{name}: this is not a PDF file.", message_id="import.not_pdf",
                            params={"name": name})
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (_FPDF_ERR_PASSWORD, _FPDF_ERR_SECURITY) or "password" in str(exc).lower():
            raise ImportRefused(
                "{name}: the PDF is encrypted (password-protected); save an unprotected "
                "copy and import that.",
                message_id="import.pdf_encrypted", params={"name": name}) from exc
        raise ImportRefused("{name}: the PDF is damaged and cannot be read.",
                            message_id="import.pdf_damaged", params={"name": name}) from exc
    except Exception as exc:
        raise ImportRefused("{name}: the PDF is damaged and cannot be read.",
                            message_id="import.pdf_damaged", params={"name": name}) from exc


def _render(page: Any) -> Any:
    return page.render(scale=ocr.DPI / 72, grayscale=True).to_pil()


def _has_marks(page: Any) -> bool:
    """Whether a page draws anything (an image, a path): a blank page needs no OCR."""
    return next(iter(page.get_objects(max_depth=1)), None) is not None


def scan_images(data: bytes, name: str) -> Iterator[Any]:
    """Every page rendered for OCR (PIL images at ocr.DPI)."""
    document = _open(data, name)
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                yield _render(page)
            finally:
                page.close()
    finally:
        document.close()


def _read_pages(data: bytes, name: str, progress: PageProgress | None
                ) -> tuple[list[list[Line]], list[tuple[int, float]], str]:
    """Lines per page; for pages read by OCR, (page index, confidence) and the engine."""
    document = _open(data, name)
    try:
        count = len(document)
        pages: list[list[Line]] = []
        scanned: list[int] = []
        for index in range(count):
            page = document[index]
            try:
                chars = _page_chars(page)
                pages.append(page_lines(chars))
                if sum(not c.text.isspace() for c in chars) < _MIN_TEXT_CHARS and _has_marks(page):
                    scanned.append(index)
            finally:
                page.close()
        confidences: list[tuple[int, float]] = []
        engine_name = ""
        if scanned:
            try:
                engine = ocr.engine()
            except ocr.OcrUnavailable as exc:
                raise ImportRefused(
                    "{name}: the PDF is a scan (pages without a text layer) and needs OCR, "
                    "but no OCR engine is installed; install one with: {hint}.",
                    message_id="import.pdf_needs_ocr",
                    params={"name": name, "hint": ocr.INSTALL_HINT}) from exc
            engine_name = engine.name
            for done, index in enumerate(scanned):
                if progress is not None:
                    progress(done, len(scanned))
                page = document[index]
                try:
                    image = _render(page)
                finally:
                    page.close()
                read = engine.recognise(image)
                pages[index] = read.lines
                confidences.append((index, read.confidence))
            if progress is not None:
                progress(len(scanned), len(scanned))
    except ImportRefused:
        raise
    except Exception as exc:
        raise ImportRefused("{name}: the PDF is damaged and cannot be read ({reason}).",
                            message_id="import.pdf_damaged",
                            params={"name": name, "reason": exc}) from exc
    finally:
        document.close()
    return pages, confidences, engine_name


def _blocks(paras: list[Paragraph], scanned: bool) -> list[Block]:
    blocks = []
    for p in paras:
        text = map_radicals(p.text)
        if scanned:
            text = normalise_ocr(text)
        if p.heading:
            text = text.replace("**", "")  # a heading's bold is its style, not emphasis
        blocks.append(Block(text, "table" if p.table else "heading" if p.heading else ""))
    return blocks


@dataclass(frozen=True, slots=True)
class ScanPages:
    """The pages of a file that OCR read: engine, and per page its number, confidence
    and the opening of its first line (to find where the page starts in a report)."""

    engine: str
    pages: tuple[tuple[int, float, str], ...]


def pdf_blocks(data: bytes, name: str, progress: PageProgress | None = None
               ) -> tuple[list[Block], ScanPages | None]:
    """A PDF's blocks in reading order, and what OCR read if any page is a scan."""
    pages, confidences, engine_name = _read_pages(data, name, progress)
    if not any(pages):
        if confidences:
            raise ImportRefused("{name}: the PDF is a scan and OCR found no text in it.",
                                message_id="import.pdf_ocr_no_text", params={"name": name})
        raise ImportRefused("{name}: the PDF holds no text.", message_id="import.pdf_no_text",
                            params={"name": name})
    cleaned = drop_running_heads(pages)
    # one paragraph run over all pages: a paragraph may cross a page break
    blocks = _blocks(paragraphs(cleaned), bool(confidences))
    if not confidences:
        return blocks, None
    return blocks, ScanPages(engine_name, tuple(
        (index + 1, conf, _opening(cleaned[index])) for index, conf in confidences))


def _opening(lines: list[Line]) -> str:
    if not lines:
        return ""
    return normalise_ocr(map_radicals(lines[0].text.replace("**", "")))[:12]


def reports_from_blocks(blocks: list[Block], scan: ScanPages | None, fallback_title: str
                        ) -> list[ParsedReport]:
    """Reports from a PDF's or an image's blocks; a scan's reports carry their pages'
    OCR confidence, each page located in the report's text where its opening is found."""
    reports = parse_blocks(blocks, fallback_title=fallback_title)
    if scan is None:
        return reports
    out = []
    for rep in reports:
        pages: list[PageConfidence] = []
        pos = 0
        for number, confidence, opening in scan.pages:
            at = rep.text.find(opening, pos) if opening else -1
            if at >= 0:
                pos = at
            pages.append(PageConfidence(number, confidence, at if at >= 0 else None))
        ocr_info = OcrInfo(scan.engine, tuple(pages))
        out.append(replace(rep, structure=ImportedStructure.of(rep.structure, ocr=ocr_info)))
    return out


def import_pdf(path: Path, progress: PageProgress | None = None) -> list[ParsedReport]:
    blocks, scan = pdf_blocks(read_file_bytes(path), path.name, progress)
    reports = reports_from_blocks(blocks, scan, path.stem)
    if not reports:
        raise ImportRefused("{name}: the PDF holds no text.", message_id="import.pdf_no_text",
                            params={"name": path.name})
    return reports
