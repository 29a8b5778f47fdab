"""Bounds on a workbook brought back by `import-edits`, checked on the compressed parts
before openpyxl builds anything from them.

A small .xlsx can expand without limit: one shared string of a billion characters (a
1.5 MB file drove the process to 2.9 GB), or three million rows with no `<dimension>`
(30 MB, seven minutes, 2 GB). The workbook is ours: its `_reportmark` sheet says how many
rows each sheet held at export, and no cell holds more than Excel's 32 767 characters.
So the parts are streamed (a few kB at a time) and counted, and anything beyond those
bounds is refused with one sentence before it is read.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

from desktop.domain.errors import RefusedInput

MAX_SHARED_STRINGS_BYTES = 256 * 2**20  # the strings of 100 000 tags take ~40 MB
MAX_CELL_BYTES = 1 * 2**20  # 32 767 characters, escaped, in rich-text runs: < 600 kB
EXCEL_MAX_ROWS = 1_048_576
ROW_ROOM = 10_000  # rows an analyst may add below the export (they are not read)
COLUMN_ROOM = 50  # columns an analyst may add
CHUNK = 1 << 16

_ROW = re.compile(rb"<(?:\w{1,16}:)?row[\s>/]")
_CELL = re.compile(rb"<(?:\w{1,16}:)?c[\s>/]")
_STRING = re.compile(rb"<(?:\w{1,16}:)?si[\s>/]")
_FORMULA = re.compile(rb"<(?:\w{1,16}:)?f[\s>/]")


class TooLarge(RefusedInput):
    """A part of the workbook exceeds a bound; the message says which and why."""

    def __init__(self, reason: str) -> None:
        super().__init__("{reason}", message_id="workbook.too_large", params={"reason": reason})


@dataclass(slots=True)
class PartCounts:
    rows: int = 0
    cells: int = 0
    strings: int = 0
    formulas: int = 0
    longest: int = 0  # the most bytes between two cell (or string) starts


def _cut(buf: bytes, more: bool) -> int:
    """Where to split `buf`: before its last '<' while more data follows (every element
    matched starts with '<' and ends before the next one), else at its end."""
    if not more:
        return len(buf)
    cut = buf.rfind(b"<")
    return cut if cut > 0 else (0 if len(buf) <= MAX_CELL_BYTES + CHUNK else len(buf))


def _scan_strings(zf: zipfile.ZipFile, part: str, *, max_items: int, what: str) -> PartCounts:
    """Stream the shared strings, counting them and measuring the longest one."""
    counts = PartCounts()
    last_item = 0  # absolute offset of the last <si>
    offset = 0  # absolute offset of buf[0]
    buf = b""
    with zf.open(part) as fh:
        while True:
            chunk = fh.read(CHUNK)
            buf += chunk
            end = _cut(buf, bool(chunk))
            for m in _STRING.finditer(buf, 0, end):
                counts.longest = max(counts.longest, offset + m.start() - last_item)
                last_item = offset + m.start()
                counts.strings += 1
            counts.longest = max(counts.longest, offset + end - last_item)
            if counts.longest > MAX_CELL_BYTES:
                raise TooLarge(f"{what} holds a text longer than a spreadsheet cell can "
                               f"(over {MAX_CELL_BYTES // 2**20} MB in one cell)")
            if counts.strings > max_items:
                raise TooLarge(f"{what} has more than {max_items:,} texts")
            if not chunk:
                return counts
            offset += end
            buf = buf[end:]


def check_shared_strings(zf: zipfile.ZipFile) -> None:
    """The shared-strings part: its size and its longest string."""
    for info in zf.infolist():
        if not info.filename.lower().endswith("sharedstrings.xml"):
            continue
        if info.file_size > MAX_SHARED_STRINGS_BYTES:
            raise TooLarge(f"its text table expands to {info.file_size / 2**20:,.0f} MB "
                           f"(at most {MAX_SHARED_STRINGS_BYTES // 2**20} MB)")
        _scan_strings(zf, info.filename, max_items=EXCEL_MAX_ROWS * 64, what="its text table")


def _scan_sheet(zf: zipfile.ZipFile, part: str, *, max_rows: int, max_cells: int,
                what: str) -> PartCounts:
    """Stream a worksheet part, counting rows, cells and formulas at C speed; a text is
    bounded by the longest stretch with no '<' (text inside a cell is escaped)."""
    counts = PartCounts()
    run = 0  # bytes since the last '<'
    buf = b""
    with zf.open(part) as fh:
        while True:
            chunk = fh.read(CHUNK)
            buf += chunk
            end = _cut(buf, bool(chunk))
            counts.rows += len(_ROW.findall(buf, 0, end))
            counts.cells += len(_CELL.findall(buf, 0, end))
            counts.formulas += len(_FORMULA.findall(buf, 0, end))
            first = buf.find(b"<", 0, end)
            if first < 0:
                run += end
            else:
                counts.longest = max(counts.longest, run + first)
                run = end - buf.rfind(b"<", 0, end) - 1
            counts.longest = max(counts.longest, run, len(buf) - end)
            if counts.longest > MAX_CELL_BYTES:
                raise TooLarge(f"{what} holds a text longer than a spreadsheet cell can "
                               f"(over {MAX_CELL_BYTES // 2**20} MB in one cell)")
            if counts.rows > max_rows:
                raise TooLarge(f"{what} has more than {max_rows:,} rows")
            if counts.cells > max_cells:
                raise TooLarge(f"{what} has more than {max_cells:,} cells")
            if not chunk:
                return counts
            buf = buf[end:]


def check_all_sheets(zf: zipfile.ZipFile) -> None:
    """Every worksheet part within what a spreadsheet can hold, before anything parses
    them (openpyxl reads a whole sheet that lacks <dimension> just to size it)."""
    for info in zf.infolist():
        name = info.filename
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            _scan_sheet(zf, name, max_rows=EXCEL_MAX_ROWS, max_cells=EXCEL_MAX_ROWS * 64,
                        what=f"the part {name}")


def check_sheet(zf: zipfile.ZipFile, part: str, sheet: str, rows: int | None,
                columns: int) -> PartCounts:
    """A worksheet part: at most the rows exported (+ ROW_ROOM), their cells, no cell
    longer than Excel allows. `rows` None (an older export): Excel's own row limit."""
    max_rows = EXCEL_MAX_ROWS if rows is None else min(rows + 1 + ROW_ROOM, EXCEL_MAX_ROWS)
    max_cells = max_rows * (columns + COLUMN_ROOM)
    try:
        return _scan_sheet(zf, part, max_rows=max_rows, max_cells=max_cells,
                           what=f"the sheet {sheet!r}")
    except KeyError as exc:
        raise TooLarge(f"the sheet {sheet!r} is missing from the file") from exc
