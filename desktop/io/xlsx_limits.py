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
_SETTLE = 32  # longer than any tag matched above


class TooLarge(ValueError):
    """A part of the workbook exceeds a bound; the message says which and why."""


@dataclass(slots=True)
class PartCounts:
    rows: int = 0
    cells: int = 0
    strings: int = 0
    formulas: int = 0
    longest: int = 0  # the most bytes between two cell (or string) starts


def _scan(zf: zipfile.ZipFile, part: str, item: re.Pattern[bytes], *, max_items: int,
          max_rows: int, what: str) -> PartCounts:
    """Stream `part`, counting rows and `item` elements (cells or shared strings) and the
    longest stretch between two items; TooLarge as soon as a bound is crossed."""
    counts = PartCounts()
    last_item = 0  # absolute offset of the last item start
    offset = 0  # absolute offset of buf[0]
    buf = b""
    with zf.open(part) as fh:
        while True:
            chunk = fh.read(CHUNK)
            buf += chunk
            # matches starting before `end` are counted now; the rest wait for more data
            end = max(len(buf) - _SETTLE, 0) if chunk else len(buf)
            for m in item.finditer(buf):
                if m.start() >= end:
                    break
                counts.longest = max(counts.longest, offset + m.start() - last_item)
                last_item = offset + m.start()
                counts.strings += 1
            if item is _CELL:
                counts.rows += sum(1 for m in _ROW.finditer(buf, 0, len(buf)) if m.start() < end)
                counts.formulas += sum(1 for m in _FORMULA.finditer(buf) if m.start() < end)
            counts.longest = max(counts.longest, offset + end - last_item)
            if counts.longest > MAX_CELL_BYTES:
                raise TooLarge(f"{what} holds a text longer than a spreadsheet cell can "
                               f"(over {MAX_CELL_BYTES // 2**20} MB in one cell)")
            if counts.rows > max_rows:
                raise TooLarge(f"{what} has more than {max_rows:,} rows")
            if counts.strings > max_items:
                raise TooLarge(f"{what} has more than {max_items:,} cells")
            if not chunk:
                if item is _CELL:
                    counts.cells, counts.strings = counts.strings, 0
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
        _scan(zf, info.filename, _STRING, max_items=EXCEL_MAX_ROWS * 64,
              max_rows=EXCEL_MAX_ROWS, what="its text table")


def check_sheet(zf: zipfile.ZipFile, part: str, sheet: str, rows: int | None,
                columns: int) -> PartCounts:
    """A worksheet part: at most the rows exported (+ ROW_ROOM), their cells, no cell
    longer than Excel allows. `rows` None (an older export): Excel's own row limit."""
    max_rows = EXCEL_MAX_ROWS if rows is None else min(rows + 1 + ROW_ROOM, EXCEL_MAX_ROWS)
    max_cells = max_rows * (columns + COLUMN_ROOM)
    try:
        return _scan(zf, part, _CELL, max_items=max_cells, max_rows=max_rows,
                     what=f"the sheet {sheet!r}")
    except KeyError as exc:
        raise TooLarge(f"the sheet {sheet!r} is missing from the file") from exc
