"""Scanned pages as image files (.png, .jpg, .tif: a multi-page TIFF is one report of
several pages), read by OCR page by page like a scanned PDF (desktop.io.pdf_import)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from desktop.domain.ocr_fixes import normalise_ocr
from desktop.domain.radicals import map_radicals
from desktop.domain.report_text import Block, ParsedReport
from desktop.io import ocr
from desktop.io.pdf_import import PageProgress, ScanPages, reports_from_blocks
from desktop.io.pdf_layout import drop_running_heads, paragraphs
from desktop.io.text_files import ImportRefused, read_file_bytes

SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
MAX_PIXELS = 120_000_000  # per page: a scan of A3 at 600 dpi is 70 million


def _pages(data: bytes, name: str) -> list[Any]:
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        image = Image.open(io.BytesIO(data))
        pages = []
        for index in range(getattr(image, "n_frames", 1)):
            image.seek(index)
            pages.append(image.convert("L"))
    except (UnidentifiedImageError, Image.DecompressionBombError) as exc:
        raise ImportRefused("{name}: this is not an image that can be read ({reason}).",
                            message_id="import.not_image",
                            params={"name": name, "reason": exc}) from exc
    except Exception as exc:  # Pillow raises many kinds on truncated files
        raise ImportRefused("{name}: the image is damaged and cannot be read.",
                            message_id="import.image_damaged", params={"name": name}) from exc
    return pages


def _at_ocr_resolution(image: Any) -> Any:
    """A page scaled to ocr.DPI where the file says its resolution."""
    dpi = image.info.get("dpi", (ocr.DPI, ocr.DPI))[0] or ocr.DPI
    if abs(dpi - ocr.DPI) < 10:
        return image
    scale = ocr.DPI / float(dpi)
    return image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))))


def import_image(path: Path, progress: PageProgress | None = None) -> list[ParsedReport]:
    data = read_file_bytes(path)
    pages = _pages(data, path.name)
    try:
        engine = ocr.engine()
    except ocr.OcrUnavailable as exc:
        raise ImportRefused("{name}: a scanned page needs OCR, but no OCR engine is "
                            "installed; install one with: {hint}.",
                            message_id="import.image_needs_ocr",
                            params={"name": path.name, "hint": ocr.INSTALL_HINT}) from exc
    read = []
    for done, image in enumerate(pages):
        if progress is not None:
            progress(done, len(pages))
        read.append(engine.recognise(_at_ocr_resolution(image)))
    if progress is not None:
        progress(len(pages), len(pages))
    lines = drop_running_heads([page.lines for page in read])
    if not any(lines):
        raise ImportRefused("{name}: OCR found no text in the image.",
                            message_id="import.image_no_text", params={"name": path.name})
    blocks = [Block(normalise_ocr(map_radicals(p.text)), "table" if p.table else
                    "heading" if p.heading else "") for p in paragraphs(lines)]
    openings = tuple(
        (i + 1, page.confidence,
         normalise_ocr(map_radicals(ls[0].text.replace("**", "")))[:12] if ls else "")
        for i, (page, ls) in enumerate(zip(read, lines, strict=True)))
    reports = reports_from_blocks(blocks, ScanPages(engine.name, openings), path.stem)
    if not reports:
        raise ImportRefused("{name}: OCR found no text in the image.",
                            message_id="import.image_no_text", params={"name": path.name})
    return reports
