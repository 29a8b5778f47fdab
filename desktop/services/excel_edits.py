"""Bringing an edited workbook back: status, review comment, note and field values,
keyed by Tag ID, as the importing analyst, recorded in each tag's history as
"excel edit".

`preview` says what would change, which rows conflict (the tag changed in the project
after the export, or was deleted) and which cells hold a bad value (naming sheet, row
and column). `apply` does the same planning again inside one transaction and applies
the changes; conflicts are skipped, and any bad value refuses the whole workbook, so a
bad file changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from db.base import utcnow
from db.models import Review, Tag
from db.queries import export as q
from db.queries import kinds as kinds_q
from db.queries.export import ExportFilter
from db.queries.tags import record_event
from desktop.domain.errors import RefusedInput
from desktop.domain.fieldvalues import FieldValueError, coerce, display, parse_number_text
from desktop.domain.quantities import decimal_str, parse_quantity
from desktop.domain.states import STATUS_VERDICT, HistoryAction, TagState, TagStatus, Verdict
from desktop.io.export_rows import (
    Column,
    FieldSpec,
    KindSpec,
    canon,
    extra_fields,
    field_cell,
    kind_columns,
    row_values,
)
from desktop.io.workbook_labels import direction_labels, read_direction, read_status
from desktop.io.xlsx_edits import Cell, EditedRow, WorkbookRefused, read_edits
from desktop.services.changes import Changes
from desktop.services.export import records as export_records
from desktop.services.project import Project
from desktop.services.tags import put_in

__all__ = ["EditItem", "EditsPreview", "EditsRefused", "PutBack", "WorkbookRefused", "apply",
           "apply_undoably", "preview", "put_back"]


class EditsRefused(RefusedInput):
    """The workbook holds bad values; nothing was applied."""


@dataclass(frozen=True, slots=True)
class EditItem:
    category: str  # "change" | "conflict" | "error" | "ignored"
    sheet: str
    row: int
    column: str  # "H (Value)", or "" for a whole row
    tag_id: str
    before: str
    after: str
    message: str
    stored: str = ""  # a number as it will be stored, in the row's unit ("15.4 万家")

    @property
    def where(self) -> str:
        cell = f", column {self.column}" if self.column else ""
        return f"sheet {self.sheet!r}, row {self.row}{cell}"

    def describe(self) -> str:
        if self.category == "change":
            stored = f" (stored as {self.stored})" if self.stored else ""
            return f"{self.where}: {self.before!r} → {self.after!r}{stored}"
        return f"{self.where}: {self.message}"


@dataclass(frozen=True, slots=True)
class EditsPreview:
    path: str
    rows_read: int
    rows_edited: int
    changes: tuple[EditItem, ...]
    conflicts: tuple[EditItem, ...]
    errors: tuple[EditItem, ...]
    ignored: tuple[EditItem, ...] = ()

    @property
    def tags_changed(self) -> int:
        return len({c.tag_id for c in self.changes})

    @property
    def can_apply(self) -> bool:
        return not self.errors and bool(self.changes)

    def summary(self) -> str:
        ignored = f", {len(self.ignored)} ignored" if self.ignored else ""
        return (f"{self.rows_read} rows read, {self.rows_edited} edited: "
                f"{len(self.changes)} changes to {self.tags_changed} tags, "
                f"{len(self.conflicts)} conflicts, {len(self.errors)} errors{ignored}")


@dataclass(slots=True)
class _Plan:
    tag: Tag
    kind: str
    fields: dict[str, Any]
    status: str
    note: str
    comment: str | None  # a new review comment, if edited


def _cell_text(value: Any) -> str:
    return canon(value)


_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


def _unit_factor(unit: str) -> Decimal:
    """What one of `unit` counts in its base unit: 10000 for 万家, 1e8 for 亿元, 1 for %."""
    if not unit:
        return Decimal(1)
    quantity = parse_quantity("1" + unit)
    if quantity is None or quantity.unit != unit or quantity.normalized_unit == unit:
        return Decimal(1)
    return quantity.normalized_value


def _number_in_unit(value: Any, unit: str) -> str:
    """A number cell as stored in the row's unit. A plain number (15.4, "15.4") is in
    that unit already; a number typed with a magnitude or in Chinese numerals
    (十五万四千, 3.5万) counts things, so a 万家 row stores it divided by 10 000."""
    if isinstance(value, bool):
        raise FieldValueError("{text!r} is not a number", message_id="field.not_number",
                              params={"text": value})
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return decimal_str(Decimal(repr(value)))
    text = unicodedata.normalize("NFKC", str(value)).replace(",", "").strip()
    if _PLAIN_NUMBER.fullmatch(text):
        return str(coerce("number", text)[0])
    number, _typed_unit = parse_number_text(str(value))
    return decimal_str(number / _unit_factor(unit))


def _parse_field(spec: FieldSpec, cell: Cell, unit: str = "") -> Any:
    """The stored value of a field cell; FieldValueError with the reason if it is bad."""
    value = cell.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if spec.type == "number":
        return _number_in_unit(value, unit)
    text = canon(value)
    if spec.type == "period":
        return coerce("period", text)[0]  # 2025年前三季度 is stored as 2025-01..2025-09
    if spec.type == "direction":
        direction = read_direction(text)
        if direction is None:
            raise FieldValueError("{text!r} is not a direction (增长/下降/水平, rise/fall/level)",
                                  message_id="field.not_direction", params={"text": text})
        return direction
    if spec.type == "choice" and spec.choices and text not in spec.choices:
        allowed = ", ".join(c for c in spec.choices if c)
        raise FieldValueError("{text!r} is not one of {allowed}", message_id="field.not_a_choice",
                              params={"text": text, "allowed": allowed})
    return text


def _shown(spec: FieldSpec, fields: dict[str, Any]) -> str:
    """What the project holds for a field, as the preview shows it."""
    current = field_cell(spec, fields)
    if spec.type == "direction" and isinstance(current, int):
        return direction_labels("en")[current]
    return canon(current)


def _same(spec: FieldSpec, cell: Cell, fields: dict[str, Any]) -> bool:
    """The cell shows what the project holds (a direction in either language)."""
    if spec.type == "direction":
        text = _cell_text(cell.value)
        current = field_cell(spec, fields)
        if not text:
            return current is None
        return bool(read_direction(text) == current)
    return _cell_text(cell.value) == canon(field_cell(spec, fields))


def _renormalise(fields: dict[str, Any], changed: set[str], specs: dict[str, FieldSpec]) -> None:
    """Keep derived values true to a value, unit or period typed by hand."""
    if changed & {"value", "unit"}:
        fields.pop("normalized_value", None)
        fields.pop("normalized_unit", None)
        value, unit = fields.get("value"), fields.get("unit")
        if isinstance(value, dict):
            unit = unit or value.get("unit")
            value = value.get("value")
        if value is not None:
            quantity = parse_quantity(f"{value}{unit or ''}")
            if quantity is not None:
                fields["normalized_value"] = decimal_str(quantity.normalized_value)
                fields["normalized_unit"] = quantity.normalized_unit
    for key in changed:
        spec = specs.get(key)
        if spec is not None and spec.type == "period":
            for stale in (f"{key}_start", f"{key}_end", f"{key}_label"):
                fields.pop(stale, None)


def _kind_specs(session: Session) -> dict[str, dict[str, FieldSpec]]:
    """kind key → field key → spec: the schema's fields and the EXTRA_FIELDS the sheets
    show beside them (direction, qualifier, range end)."""
    out: dict[str, dict[str, FieldSpec]] = {}
    for k, fields in kinds_q.all_kinds(session):
        spec = KindSpec(k.key, k.name, k.name_zh, tuple(
            FieldSpec(f.key, f.label, f.type, tuple(f.choices or ()), f.label_zh or "")
            for f in fields))
        out[k.key] = {f.key: f for f in (*spec.fields, *extra_fields(spec))}
    return out


@dataclass(slots=True)
class _RowEdit:
    fields: dict[str, Any]
    status: str
    note: str
    comment: str | None
    changed_fields: set[str]
    changes: list[EditItem]
    errors: list[EditItem]


def _row_edit(row: EditedRow, tag: Tag, specs: dict[str, FieldSpec], comment_before: str,
              item: Any) -> _RowEdit:
    """What one row changes in its tag, and the bad values it holds."""
    fields = dict(tag.fields or {})
    edit = _RowEdit(fields, tag.status, tag.note, None, set(), [], [])
    unit_cell = row.cells.get("field:unit")
    unit = _cell_text(unit_cell.value) if unit_cell is not None else display(fields.get("unit"))
    for key, cell in row.cells.items():
        column = f"{cell.column} ({cell.header})"
        if key.startswith("field:"):
            fkey = key.split(":", 1)[1]
            spec = specs.get(fkey)
            if spec is None:
                continue  # the field was removed from the kind since the export
            if _same(spec, cell, fields):
                continue
            before = _shown(spec, fields)
            try:
                stored = _parse_field(spec, cell, unit)
            except (FieldValueError, ArithmeticError) as exc:
                edit.errors.append(item("error", f"{exc}; a {spec.type} is expected.", column,
                                        before, _cell_text(cell.value)))
                continue
            if stored is None:
                fields.pop(fkey, None)
            else:
                fields[fkey] = stored
            edit.changed_fields.add(fkey)
            note = f"{stored} {unit}".strip() if spec.type == "number" and stored is not None else ""
            edit.changes.append(item("change", "", column, before, _cell_text(cell.value), note))
        elif key == "status":
            typed = _cell_text(cell.value)
            text = read_status(typed)
            if text == edit.status:
                continue
            if text is None:
                edit.errors.append(item("error", f"{typed!r} is not a status; use one of "
                                        f"{', '.join(TagStatus)}.", column, edit.status, typed))
                continue
            edit.changes.append(item("change", "", column, edit.status, text))
            edit.status = text
        elif key == "note":
            text = _cell_text(cell.value)
            if text != canon(edit.note):
                edit.changes.append(item("change", "", column, edit.note, text))
                edit.note = text
        elif key == "review_comment":
            text = _cell_text(cell.value)
            if text != canon(comment_before):
                edit.changes.append(item("change", "", column, comment_before, text))
                edit.comment = text
    return edit


def _plan(session: Session, rows: list[EditedRow]) -> tuple[list[_Plan], list[EditItem], list[EditItem], list[EditItem]]:
    specs_by_kind = _kind_specs(session)
    edited = [r for r in rows if r.edited]
    tags = q.tags_for_edit(session, [r.tag_id for r in edited])
    kind_of = q.kind_keys(session)
    comments = q.latest_comments(session, list(tags))
    plans: list[_Plan] = []
    changes: list[EditItem] = []
    conflicts: list[EditItem] = []
    errors: list[EditItem] = []
    seen: dict[str, EditedRow] = {}
    for row in edited:
        def item(category: str, message: str, column: str = "", before: str = "",
                 after: str = "", stored: str = "", row: EditedRow = row) -> EditItem:
            return EditItem(category, row.sheet, row.row, column, row.tag_id, before, after,
                            message, stored)

        if row.tag_id in seen:
            first = seen[row.tag_id]
            errors.append(item("error", f"Tag {row.tag_id} appears twice (also on row {first.row})."))
            continue
        seen[row.tag_id] = row
        tag = tags.get(row.tag_id)
        if tag is None:
            conflicts.append(item("conflict", "This tag was deleted from the project after the "
                                  "export (or the Tag ID was changed); the row was not applied."))
            continue
        kind = kind_of.get(tag.kind_id, "")
        if row.version is None:
            errors.append(item("error", "The hidden Version cell is missing or was changed; "
                               "export the workbook again."))
            continue
        specs = specs_by_kind.get(kind, {})
        edit = _row_edit(row, tag, specs, comments.get(tag.id, ""), item)
        if tag.version != row.version or kind != row.kind:
            if kind == row.kind and not edit.changes and not edit.errors:
                continue  # the project already holds what the row says (applied before)
            conflicts.append(item("conflict", "This tag was changed in the project after the "
                                  "export; the row was not applied. Export again to edit it."))
            continue
        changes += edit.changes
        errors += edit.errors
        if edit.errors:
            continue
        if edit.changes:
            _renormalise(edit.fields, edit.changed_fields, specs)
            plans.append(_Plan(tag, kind, edit.fields, edit.status, edit.note, edit.comment))
    return plans, changes, conflicts, errors


def _ignored(session: Session, rows: list[EditedRow], lang: str) -> list[EditItem]:
    """Cells of read-only columns that differ from what the project would export now:
    they are not imported, and the preview lists them."""
    specs = {k.key: k for k in _kinds(session)}
    columns: dict[str, dict[str, Column]] = {}
    by_id = {r.tag_id: r for r in rows if r.readonly and r.version is not None}
    out: list[EditItem] = []
    ids = list(by_id)
    for i in range(0, len(ids), 500):
        f = ExportFilter(tag_ids=tuple(ids[i:i + 500]))
        for rec in export_records(session, f):
            row = by_id[rec.id]
            if rec.version != row.version or rec.kind != row.kind or rec.kind not in specs:
                continue  # a conflict, or a kind gone: said elsewhere
            cols = columns.get(rec.kind)
            if cols is None:
                cols = columns[rec.kind] = {c.key: c for c in kind_columns(specs[rec.kind], lang)}
            keys = [k for k in row.readonly if k in cols]
            values = dict(zip(keys, row_values(rec, [cols[k] for k in keys]), strict=True))
            for key in keys:
                cell = row.readonly[key]
                expected = values[key]
                if isinstance(expected, tuple):
                    expected = "".join(expected)
                if canon(cell.value) == canon(expected):
                    continue
                out.append(EditItem(
                    "ignored", row.sheet, row.row, f"{cell.column} ({cell.header})", row.tag_id,
                    canon(expected), canon(cell.value),
                    "This column is read-only: the edit is not imported (the project keeps "
                    f"{canon(expected)[:40]!r}). Edit the tag in ReportMark instead."))
    return out


def _kinds(session: Session) -> list[KindSpec]:
    return [KindSpec(k.key, k.name, k.name_zh, tuple(
        FieldSpec(f.key, f.label, f.type, tuple(f.choices or ()), f.label_zh or "")
        for f in fields)) for k, fields in kinds_q.all_kinds(session)]


def _preview(path: Path, rows: list[EditedRow], planned: tuple[list[_Plan], list[EditItem],
             list[EditItem], list[EditItem]], ignored: list[EditItem]) -> EditsPreview:
    _, changes, conflicts, errors = planned
    return EditsPreview(str(path), len(rows), sum(1 for r in rows if r.edited),
                        tuple(changes), tuple(conflicts), tuple(errors), tuple(ignored))


def preview(project: Project, path: str | Path) -> EditsPreview:
    """What importing `path` would change. Raises WorkbookRefused for a file we cannot
    read or did not write."""
    path = Path(path)
    workbook = read_edits(path)
    with project.uow() as session:
        return _preview(path, workbook.rows, _plan(session, workbook.rows),
                        _ignored(session, workbook.rows, workbook.lang))


def apply(project: Project, path: str | Path) -> tuple[Changes, EditsPreview]:
    """Apply the workbook's edits in one transaction. Raises EditsRefused (nothing
    applied) if any cell holds a bad value; conflicting rows are skipped and listed."""
    changes, result, _ = apply_undoably(project, path)
    return changes, result


@dataclass(frozen=True, slots=True)
class PutBack:
    """What undoing (or redoing) applied edits needs: each tag's state to put back, the
    review rows to remove and the review rows to bring back (with their ids)."""

    states: tuple[dict[str, Any], ...] = ()
    remove_reviews: tuple[str, ...] = ()
    add_reviews: tuple[dict[str, Any], ...] = ()


def _review_row(row: Review) -> dict[str, Any]:
    return {"id": row.id, "tag_id": row.tag_id, "reviewer_id": row.reviewer_id,
            "verdict": row.verdict, "comment": row.comment, "created_at": row.created_at}


def put_back(project: Project, what: PutBack) -> tuple[Changes, PutBack]:
    """Undo or redo of applied edits, in one transaction: each tag must be as this
    process left it (StaleTagError otherwise, nothing changed). Returns what puts the
    project back as it was before this call."""
    reports: set[str] = set()
    befores: list[dict[str, Any]] = []
    removed: list[dict[str, Any]] = []
    with project.uow.begin() as session:
        for state in what.states:
            tag, before = put_in(session, project, state)
            befores.append(before)
            reports.add(tag.report_id)
        for review_id in what.remove_reviews:
            row = session.get(Review, review_id)
            if row is not None:
                removed.append(_review_row(row))
                session.delete(row)
        for values in what.add_reviews:
            session.add(Review(**values))
    ids = frozenset(s["id"] for s in what.states)
    return (Changes(tags=frozenset(reports), updated=ids),
            PutBack(tuple(befores), tuple(v["id"] for v in what.add_reviews), tuple(removed)))


def apply_undoably(project: Project, path: str | Path) -> tuple[Changes, EditsPreview, PutBack]:
    """`apply`, and what undoes it (PutBack): the edited tags' states before, and the
    review rows the edits added."""
    path = Path(path)
    workbook = read_edits(path)
    with project.uow.begin() as session:
        planned = _plan(session, workbook.rows)
        result = _preview(path, workbook.rows, planned,
                          _ignored(session, workbook.rows, workbook.lang))
        if result.errors:
            first = result.errors[0].describe()
            if len(result.errors) == 1:
                raise EditsRefused("Nothing was imported: {first}.",
                                   message_id="edits.refused_one", params={"first": first})
            raise EditsRefused("Nothing was imported: {first} (and {more} more).",
                               message_id="edits.refused_many",
                               params={"first": first, "more": len(result.errors) - 1})
        reports: set[str] = set()
        befores: list[dict[str, Any]] = []
        added: list[str] = []
        now = utcnow()
        for plan in planned[0]:
            tag = plan.tag
            befores.append(TagState.of(tag, plan.kind).record())
            old_status = tag.status
            tag.fields = plan.fields
            tag.status = plan.status
            tag.note = plan.note
            tag.updated_at = now
            verdict = STATUS_VERDICT.get(plan.status)
            if plan.comment is not None or (plan.status != old_status and verdict is not None):
                review = Review(
                    tag_id=tag.id, reviewer_id=project.analyst_id,
                    verdict=verdict or Verdict.COMMENT, comment=plan.comment or "",
                )
                session.add(review)
                session.flush()
                added.append(review.id)
            session.flush()
            record_event(session, tag, HistoryAction.EXCEL_EDIT, project.analyst_id,
                         TagState.of(tag, plan.kind))
            reports.add(tag.report_id)
    ids = frozenset(s["id"] for s in befores)
    return (Changes(tags=frozenset(reports), updated=ids), result,
            PutBack(tuple(befores), tuple(added)))
