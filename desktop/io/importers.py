"""Importers by file type: each turns a file into parsed reports (domain objects).

Every importer refuses bad input with ImportRefused (a message for the user) and raises
nothing else; tests/io/test_fuzz_importers.py holds them to it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.domain.radicals import map_radicals
from desktop.domain.report_text import ParsedReport, parse_reports
from desktop.io.docx_import import import_docx
from desktop.io.html_import import import_html
from desktop.io.image_import import SUFFIXES as IMAGE_SUFFIXES
from desktop.io.image_import import import_image
from desktop.io.pdf_import import PageProgress, import_pdf
from desktop.io.text_files import ImportRefused, read_text_file

Importer = Callable[[Path], list[ParsedReport]]
PagedImporter = Callable[[Path, PageProgress | None], list[ParsedReport]]


def import_txt(path: Path) -> list[ParsedReport]:
    reports = parse_reports(map_radicals(read_text_file(path)), fallback_title=path.stem)
    if not reports:
        raise ImportRefused("{name}: the file holds no text.", message_id="import.no_text",
                            params={"name": path.name})
    return reports


IMPORTERS: dict[str, Importer] = {
    ".txt": import_txt,
    ".md": import_txt,
    ".text": import_txt,
    ".docx": import_docx,
    ".pdf": import_pdf,
    ".html": import_html,
    ".htm": import_html,
    **dict.fromkeys(IMAGE_SUFFIXES, import_image),
}
# importers that read page by page (OCR) and report `progress(pages done, pages)`
PAGED: dict[str, PagedImporter] = {
    ".pdf": import_pdf,
    **dict.fromkeys(IMAGE_SUFFIXES, import_image),
}


def read_reports(path: Path, progress: PageProgress | None = None) -> list[ParsedReport]:
    """Parse one file by its extension; raises ImportRefused with a clear message.
    `progress(pages done, pages)` is called for each page a scan's OCR reads."""
    importer = IMPORTERS.get(path.suffix.lower())
    if importer is None:
        known = ", ".join(sorted(IMPORTERS))
        raise ImportRefused("{name}: this file type is not supported (use {known}).",
                            message_id="import.unsupported",
                            params={"name": path.name, "known": known})
    if not path.is_file():
        raise ImportRefused("{name}: no such file.", message_id="import.no_such_file",
                            params={"name": path.name})
    paged = PAGED.get(path.suffix.lower())
    if paged is not None:
        return paged(path, progress)
    return importer(path)
