"""Minimal PDFs written by hand for tests, so no binary fixture is committed and no
LibreOffice Writer is needed (the machine has only Calc).

Text is set in a Type0 font with Identity-H encoding and a ToUnicode CMap, the way
real Chinese PDFs carry their text layer; a glyph font is not embedded (the viewer
substitutes one), which text extraction does not need. Every character is 12 pt wide,
so line geometry is exact: body paragraphs are indented two characters and wrap at
40 characters, as Chinese typesetting does.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

PAGE_W, PAGE_H = 595, 842
LEFT, SIZE, PER_LINE = 60, 12, 40
TOP, BOTTOM, LEADING = 780, 80, 20


@dataclass
class PdfPage:
    lines: list[tuple[float, float, str]] = field(default_factory=list)  # x, y, text


def layout(paragraphs: list[tuple[str, str]], header: str = "", page_numbers: bool = True,
           lines_per_page: int = 30) -> list[PdfPage]:
    """Lay out ("h" heading | "p" body, text) paragraphs on pages with a running header
    and centred page numbers."""
    rows: list[tuple[float, str]] = []  # x, text
    for kind, text in paragraphs:
        if kind == "h":
            rows.append((LEFT + (PER_LINE * SIZE - len(text) * SIZE) / 2, text))
            continue
        first, rest = text[: PER_LINE - 2], text[PER_LINE - 2 :]
        rows.append((LEFT + 2 * SIZE, first))
        while rest:
            rows.append((LEFT, rest[:PER_LINE]))
            rest = rest[PER_LINE:]
    pages: list[PdfPage] = []
    for n, start in enumerate(range(0, len(rows), lines_per_page), 1):
        page = PdfPage()
        if header:
            page.lines.append((LEFT, 810, header))
        y = TOP
        for x, text in rows[start : start + lines_per_page]:
            page.lines.append((x, y, text))
            y -= LEADING
        if page_numbers:
            label = f"- {n} -"
            page.lines.append((PAGE_W / 2 - len(label) * SIZE / 2, 40, label))
        pages.append(page)
    return pages


def _obj(n: int, body: bytes) -> bytes:
    return f"{n} 0 obj\n".encode() + body + b"\nendobj\n"


def _stream(body: bytes, extra: str = "") -> bytes:
    return f"<< /Length {len(body)} {extra}>>\nstream\n".encode() + body + b"\nendstream"


def build_pdf(pages: list[PdfPage], *, encrypted: bool = False, text: bool = True) -> bytes:
    chars = sorted({ch for page in pages for _, _, t in page.lines for ch in t})
    cid = {ch: i + 1 for i, ch in enumerate(chars)}
    objects: dict[int, bytes] = {}
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[3] = (b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
                  b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>")
    objects[4] = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo "
                  b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                  b"/FontDescriptor 6 0 R /DW 1000 >>")
    objects[6] = (b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -200 1000 800] "
                  b"/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>")
    bf: list[str] = []
    for i in range(0, len(chars), 100):
        chunk = chars[i : i + 100]
        bf.append(f"{len(chunk)} beginbfchar")
        bf.extend(f"<{cid[ch]:04X}> <{ch.encode('utf-16-be').hex().upper()}>" for ch in chunk)
        bf.append("endbfchar")
    cmap = "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
        "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange", *bf,
        "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ]).encode()
    objects[5] = _stream(cmap)
    kids: list[str] = []
    next_id = 7
    for page in pages:
        ops: list[str] = []
        if text:
            for x, y, t in page.lines:
                hexed = "".join(f"{cid[ch]:04X}" for ch in t)
                ops.append(f"BT /F1 {SIZE} Tf {x:.1f} {y:.1f} Td <{hexed}> Tj ET")
        else:  # a scan: only a drawn image stand-in, no text layer
            ops.append("0.5 g 60 100 475 650 re f")
        content_id, page_id = next_id, next_id + 1
        next_id += 2
        objects[content_id] = _stream("\n".join(ops).encode())
        objects[page_id] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content_id} 0 R >>"
        ).encode()
        kids.append(f"{page_id} 0 R")
    objects[2] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    trailer_extra = ""
    if encrypted:
        # A Standard security handler whose user password is not empty: any reader
        # must ask for the password before it can show (or extract) anything.
        o, u = os.urandom(32).hex(), os.urandom(32).hex()
        objects[next_id] = (f"<< /Filter /Standard /V 1 /R 2 /O <{o}> /U <{u}> /P -4 >>").encode()
        trailer_extra = f" /Encrypt {next_id} 0 R /ID [<{'ab' * 16}> <{'ab' * 16}>]"
        next_id += 1
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for n in sorted(objects):
        offsets[n] = len(out)
        out += _obj(n, objects[n])
    xref = len(out)
    size = max(objects) + 1
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for n in range(1, size):
        out += f"{offsets[n]:010d} 00000 n \n".encode() if n in offsets else b"0000000000 65535 f \n"
    out += f"trailer\n<< /Size {size} /Root 1 0 R{trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
