"""Reading a workbook that ReportMark exported and an analyst edited.

Only workbooks carrying our `_reportmark` sheet are read; anything else (a text file
named .xlsx, a corrupt zip, someone else's workbook, a newer format, a part larger than
the export could have written: `xlsx_limits`) is refused with one clear sentence. Rows
are matched by Tag ID, in either language's headers; a row's checksum (written at export
over its editable cells) tells an edited row from an untouched one without touching the
project. A formula in an editable cell is read through its saved result; a formula with
none (as openpyxl, pandas and scripts write them) refuses the file, naming the cell,
since reading it as empty would erase the field.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from desktop.domain.errors import RefusedInput
from desktop.io.export_rows import (
    FORMAT_MARKER,
    FORMAT_VERSION,
    META_SHEET,
    canon,
    checksum,
    is_editable,
)
from desktop.io.xlsx_limits import TooLarge, check_all_sheets, check_shared_strings, check_sheet

_NOT_SHOWN = ("tag_id", "version", "checksum")


class WorkbookRefused(RefusedInput):
    """The file cannot bring edits back; the message says why."""


@dataclass(frozen=True, slots=True)
class Cell:
    value: Any
    column: str  # the column letter, e.g. "H"
    header: str


@dataclass(slots=True)
class EditedRow:
    sheet: str
    kind: str
    row: int  # as Excel numbers it (the header is row 1)
    tag_id: str
    version: int | None
    edited: bool  # the editable cells differ from what was exported
    cells: dict[str, Cell] = field(default_factory=dict)  # editable column key → cell
    readonly: dict[str, Cell] = field(default_factory=dict)  # the other shown columns


@dataclass(slots=True)
class EditsWorkbook:
    project: str
    exported_at: str
    rows: list[EditedRow]
    missing_sheets: list[str]
    lang: str = "en"


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def _refused(path: Path, exc: Exception) -> WorkbookRefused:
    return WorkbookRefused("{name} was not read: {reason}; nothing was changed.",
                           message_id="workbook.not_read", params={"name": path.name, "reason": exc})


def _open(path: Path, data_only: bool = True) -> Any:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    if not path.is_file():
        raise WorkbookRefused("{name}: no such file.", message_id="import.no_such_file",
                              params={"name": path.name})
    if not zipfile.is_zipfile(path):
        raise WorkbookRefused("{name} is not an Excel workbook (.xlsx); nothing was changed.",
                              message_id="workbook.not_xlsx", params={"name": path.name})
    try:
        with zipfile.ZipFile(path) as zf:
            check_shared_strings(zf)  # openpyxl reads them all when it opens the file
            check_all_sheets(zf)  # and reads a sheet lacking <dimension> to size it
        return openpyxl.load_workbook(path, read_only=True, data_only=data_only)
    except TooLarge as exc:
        raise _refused(path, exc) from exc
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise WorkbookRefused(
            "{name} could not be read as an Excel workbook ({reason}); nothing was changed.",
            message_id="workbook.unreadable", params={"name": path.name, "reason": exc}) from exc


def _check(path: Path, ws: Any, name: str, rows: int | None, columns: int) -> int:
    """Bound the sheet's part before it is read; returns the formulas it holds."""
    part = getattr(ws, "_worksheet_path", None)
    if part is None:  # pragma: no cover - openpyxl's read-only sheets all have one
        return 0
    try:
        with zipfile.ZipFile(path) as zf:
            return check_sheet(zf, part, name, rows, columns).formulas
    except TooLarge as exc:
        raise _refused(path, exc) from exc


_Sheets = list[tuple[str, str, list[list[str]], int | None]]


def _meta(path: Path, wb: Any) -> tuple[dict[str, str], _Sheets]:
    foreign = WorkbookRefused(
        f"{path.name} was not exported by ReportMark, so its rows cannot be matched to tags; "
        "export a workbook from the project, edit that one and import it."
    )
    if META_SHEET not in wb.sheetnames:
        raise foreign
    _check(path, wb[META_SHEET], META_SHEET, 1000, 10)
    rows = list(wb[META_SHEET].iter_rows(values_only=True))
    if not rows or not rows[0] or rows[0][0] != FORMAT_MARKER:
        raise foreign
    version = rows[0][1] if len(rows[0]) > 1 else None
    if not isinstance(version, int | float) or int(version) > FORMAT_VERSION:
        raise WorkbookRefused(
            "{name} was exported by a newer version of ReportMark; update ReportMark to "
            "import it.", message_id="workbook.newer", params={"name": path.name})
    info: dict[str, str] = {}
    sheets: _Sheets = []
    for row in rows[1:]:
        if not row or row[0] is None:
            continue
        if row[0] == "sheet" and len(row) >= 4:
            try:
                columns = json.loads(str(row[3]))
            except json.JSONDecodeError as exc:
                raise WorkbookRefused("{name}: its {sheet} sheet is damaged.",
                                      message_id="workbook.meta_damaged",
                                      params={"name": path.name, "sheet": META_SHEET}) from exc
            written = row[4] if len(row) > 4 else None  # rows exported (absent before issue 12)
            count = int(written) if isinstance(written, int | float) and written >= 0 else None
            sheets.append((str(row[1]), str(row[2]), columns, count))
        elif len(row) >= 2:
            info[str(row[0])] = "" if row[1] is None else str(row[1])
    return info, sheets


def _map_columns(headers: list[Any], columns: list[list[str]]) -> dict[str, int]:
    """Column key → index in the sheet: by position when the header is where we wrote it,
    else by its header text (the analyst moved or inserted columns)."""
    texts = ["" if h is None else str(h).strip() for h in headers]
    out: dict[str, int] = {}
    used: set[int] = set()
    for pos, (key, header) in enumerate(columns):
        if pos < len(texts) and texts[pos] == header and pos not in used:
            out[key] = pos
            used.add(pos)
    for key, header in columns:
        if key in out:
            continue
        matches = [i for i, t in enumerate(texts) if t == header and i not in used]
        if len(matches) == 1:
            out[key] = matches[0]
            used.add(matches[0])
    return out


def _at(values: tuple[Any, ...], col: int | None) -> Any:
    return values[col] if col is not None and col < len(values) else None


def _unsaved_formula(path: Path, name: str, editable_cols: dict[int, str]) -> None:
    """Refuse the file if an editable cell of sheet `name` holds a formula with no saved
    result: read as empty, it would erase the field."""
    wb = _open(path, data_only=False)
    cached = _open(path, data_only=True)
    try:
        formulas = wb[name].iter_rows()
        values = cached[name].iter_rows(values_only=True)
        for r, (cells, row) in enumerate(zip(formulas, values, strict=False), start=1):
            for col, header in editable_cols.items():
                if col >= len(cells) or getattr(cells[col], "data_type", None) != "f":
                    continue
                if col >= len(row) or row[col] is None:
                    ref = f"{_letter(col)}{r}"
                    raise WorkbookRefused(
                        "{name}: cell {cell} ({header}) of sheet {sheet!r} holds the formula "
                        "{formula} with no saved result, so its value is "
                        "unknown; open the workbook in a spreadsheet application and save it "
                        "(or type the value), then import it again. Nothing was changed.",
                        message_id="workbook.formula_no_value",
                        params={"name": path.name, "cell": ref, "header": header, "sheet": name,
                                "formula": str(cells[col].value)[:60]})
    finally:
        wb.close()
        cached.close()


def read_edits(path: str | Path) -> EditsWorkbook:
    """Every row of every kind sheet, with its editable cells and its other shown cells."""
    path = Path(path)
    try:
        return _read_edits(path)
    except (ParseError, zipfile.BadZipFile, KeyError, EOFError) as exc:  # damaged parts
        raise WorkbookRefused(
            "{name} is damaged and could not be read ({reason}); nothing was changed.",
            message_id="workbook.unreadable",
            params={"name": path.name, "reason": f"{type(exc).__name__}: {str(exc)[:80]}"},
        ) from exc


def _read_edits(path: Path) -> EditsWorkbook:
    wb = _open(path)
    try:
        info, sheets = _meta(path, wb)
        rows: list[EditedRow] = []
        missing: list[str] = []
        for name, kind, columns, exported in sheets:
            if name not in wb.sheetnames:
                missing.append(name)
                continue
            ws = wb[name]
            formulas = _check(path, ws, name, exported, len(columns))
            it = ws.iter_rows(values_only=True)
            headers = list(next(it, ()) or ())
            index = _map_columns(headers, columns)
            header_of = dict((k, h) for k, h in columns)
            if "tag_id" not in index:
                raise WorkbookRefused(
                    "{name}: the sheet {sheet!r} has no “{column}” "
                    "column, so its rows cannot be matched to tags; nothing was changed.",
                    message_id="workbook.no_tag_id",
                    params={"name": path.name, "sheet": name,
                            "column": header_of.get("tag_id", "Tag ID")})
            editable = [k for k, _ in columns if is_editable(k)]
            shown = [k for k, _ in columns if not is_editable(k) and k not in _NOT_SHOWN]
            if formulas:
                _unsaved_formula(path, name, {index[k]: header_of[k] for k in editable if k in index})
            id_col = index["tag_id"]
            for r, values in enumerate(it, start=2):
                tag_id = values[id_col] if id_col < len(values) else None
                if tag_id is None or str(tag_id).strip() == "":
                    continue
                cells: dict[str, Cell] = {}
                for key in editable:
                    col = index.get(key)
                    if col is None:
                        continue
                    value = values[col] if col < len(values) else None
                    cells[key] = Cell(value, _letter(col), header_of[key])
                readonly: dict[str, Cell] = {}
                for key in shown:
                    col = index.get(key)
                    if col is not None:
                        readonly[key] = Cell(_at(values, col), _letter(col), header_of[key])

                version = _at(values, index.get("version"))
                written = _at(values, index.get("checksum"))
                now = checksum([canon(cells[k].value) if k in cells else "" for k in editable])
                edited = len(cells) != len(editable) or written is None or str(written) != now
                rows.append(EditedRow(
                    name, kind, r, str(tag_id).strip(),
                    int(version) if isinstance(version, int | float) else None,
                    edited, cells, readonly,
                ))
    finally:
        wb.close()
    return EditsWorkbook(info.get("project", ""), info.get("exported_at", ""), rows, missing,
                         info.get("lang", "en"))
