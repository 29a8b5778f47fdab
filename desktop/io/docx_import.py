"""Word (.docx) reports: paragraphs, headings by style, tables in document order (one
block per row, cells separated by tabs), bold runs as emphasis; a text box's paragraphs
follow the paragraph it is anchored in, and footnotes and endnotes close the report;
a file holding several articles is split like a text file.

A .docx is a zip archive, so the archive is checked before python-docx reads it: a
damaged archive, a password-protected (OLE) file and a zip bomb (members that inflate
far beyond any real report) are refused with a message instead of filling memory.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from desktop.domain.radicals import map_radicals
from desktop.domain.report_text import Block, ParsedReport, parse_blocks
from desktop.io.docx_paragraphs import ParagraphReader
from desktop.io.text_files import ImportRefused, read_file_bytes

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # all members together, inflated
MAX_RATIO = 200  # inflated / compressed, for any member over 1 MB inflated
MAX_MEMBERS = 5000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_archive(data: bytes, name: str) -> None:
    """Refuse what is not a sound .docx archive, before anything is inflated."""
    if data.startswith(_OLE_MAGIC):
        raise ImportRefused(
            "{name}: this is a password-protected or old-format (.doc) Word file; "
            "save it as an unprotected .docx and import that.",
            message_id="import.docx_protected", params={"name": name})
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise ImportRefused("{name}: the Word file is damaged (not a valid .docx archive).",
                            message_id="import.docx_damaged", params={"name": name}) from exc
    if len(members) > MAX_MEMBERS:
        raise ImportRefused("{name}: the Word file holds {parts} parts; refused as unsafe.",
                            message_id="import.docx_unsafe",
                            params={"name": name, "parts": len(members)})
    total = sum(m.file_size for m in members)
    bomb = total > MAX_UNCOMPRESSED or any(
        m.file_size > 1024 * 1024 and m.file_size > MAX_RATIO * max(m.compress_size, 1)
        for m in members
    )
    if bomb:
        raise ImportRefused(
            "{name}: the Word file would inflate to {size} MB "
            "(a zip bomb or a damaged file); refused.",
            message_id="import.docx_unsafe", params={"name": name, "size": f"{total / 1e6:.0f}"})
    if "word/document.xml" not in {m.filename for m in members}:
        raise ImportRefused("{name}: the Word file is damaged (it has no document body).",
                            message_id="import.docx_damaged", params={"name": name})


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _xml_text(paragraph: Any) -> str:
    """A w:p element's text (runs' w:t and tabs), without its text boxes' text."""
    parts: list[str] = []
    for el in paragraph.iter(f"{_W}t", f"{_W}tab"):
        if not _inside_box(el, paragraph):
            parts.append(el.text or "" if el.tag == f"{_W}t" else "\t")
    return "".join(parts).strip()


def _inside_box(el: Any, paragraph: Any) -> bool:
    for ancestor in el.iterancestors():
        if ancestor is paragraph:
            return False
        if ancestor.tag == f"{_W}txbxContent":
            return True
    return False


def _text_box_blocks(element: Any) -> list[Block]:
    """The paragraphs of text boxes anchored in a paragraph. Word stores a text box
    twice (a DrawingML shape and its VML fallback): the fallback is skipped."""
    blocks: list[Block] = []
    for box in element.iter(f"{_W}txbxContent"):
        if any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
            continue
        for p in box.iter(f"{_W}p"):
            text = _xml_text(p)
            if text:
                blocks.append(Block(text))
    return blocks


def _note_blocks(document: Any) -> list[Block]:
    """Footnotes and endnotes, in their order (ids up to 0 are Word's separators)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    blocks: list[Block] = []
    for reltype, tag in ((RT.FOOTNOTES, "footnote"), (RT.ENDNOTES, "endnote")):
        try:
            part = document.part.part_related_by(reltype)
        except KeyError:
            continue
        root = etree.fromstring(part.blob)
        for note in root.iter(f"{_W}{tag}"):
            if int(note.get(f"{_W}id", "0")) <= 0:
                continue
            text = " ".join(t for p in note.iter(f"{_W}p") if (t := _xml_text(p)))
            if text:
                blocks.append(Block(text))
    return blocks


def _table_blocks(table: Any) -> list[Block]:
    blocks: list[Block] = []
    for row in table.rows:
        cells: list[str] = []
        previous: Any = None
        for cell in row.cells:
            if cell._tc is previous:  # a merged cell repeats; keep it once
                continue
            previous = cell._tc
            cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
        line = "\t".join(cells).strip()
        if line:
            blocks.append(Block(line, "table"))
    return blocks


def docx_blocks(data: bytes, name: str) -> list[Block]:
    check_archive(data, name)
    import docx  # only where it is used (start-up time)
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
        reader = ParagraphReader()
        blocks: list[Block] = []
        for item in document.iter_inner_content():
            if isinstance(item, Paragraph):
                block = reader.block(item)
                if block is not None:
                    blocks.append(block)
                blocks.extend(_text_box_blocks(item._p))
            elif isinstance(item, Table):
                blocks.extend(_table_blocks(item))
        blocks.extend(_note_blocks(document))
    except ImportRefused:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on damaged parts
        raise ImportRefused("{name}: the Word file is damaged and cannot be read.",
                            message_id="import.docx_damaged", params={"name": name}) from exc
    return [Block(map_radicals(b.text), b.hint) for b in blocks]


def import_docx(path: Path) -> list[ParsedReport]:
    blocks = docx_blocks(read_file_bytes(path), path.name)
    reports = parse_blocks(blocks, fallback_title=path.stem)
    if not reports:
        raise ImportRefused("{name}: the Word file holds no text.",
                            message_id="import.docx_no_text", params={"name": path.name})
    return reports
