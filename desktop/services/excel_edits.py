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

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from db.base import utcnow
from db.models import Review, Tag, TagField
from db.queries import export as q
from db.queries import kinds as kinds_q
from db.queries.tags import record_event
from desktop.domain.fieldvalues import FieldValueError, coerce
from desktop.domain.kinds import TAG_STATUSES
from desktop.domain.quantities import decimal_str
from desktop.io.export_rows import FieldSpec, canon, field_cell
from desktop.io.xlsx_edits import Cell, EditedRow, WorkbookRefused, read_edits
from desktop.services.changes import Changes
from desktop.services.project import Project
from desktop.services.tags import tag_state

ACTION = "excel edit"
VERDICTS = {"accepted": "accept", "rejected": "reject", "corrected": "correct"}

__all__ = ["EditItem", "EditsPreview", "EditsRefused", "WorkbookRefused", "apply", "preview"]


class EditsRefused(ValueError):
    """The workbook holds bad values; nothing was applied."""


@dataclass(frozen=True, slots=True)
class EditItem:
    category: str  # "change" | "conflict" | "error"
    sheet: str
    row: int
    column: str  # "H (Value)", or "" for a whole row
    tag_id: str
    before: str
    after: str
    message: str

    @property
    def where(self) -> str:
        cell = f", column {self.column}" if self.column else ""
        return f"sheet {self.sheet!r}, row {self.row}{cell}"

    def describe(self) -> str:
        if self.category == "change":
            return f"{self.where}: {self.before!r} → {self.after!r}"
        return f"{self.where}: {self.message}"


@dataclass(frozen=True, slots=True)
class EditsPreview:
    path: str
    rows_read: int
    rows_edited: int
    changes: tuple[EditItem, ...]
    conflicts: tuple[EditItem, ...]
    errors: tuple[EditItem, ...]

    @property
    def tags_changed(self) -> int:
        return len({c.tag_id for c in self.changes})

    @property
    def can_apply(self) -> bool:
        return not self.errors and bool(self.changes)

    def summary(self) -> str:
        return (f"{self.rows_read} rows read, {self.rows_edited} edited: "
                f"{len(self.changes)} changes to {self.tags_changed} tags, "
                f"{len(self.conflicts)} conflicts, {len(self.errors)} errors")


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


def _parse_field(spec: TagField, cell: Cell) -> Any:
    """The stored value of a field cell; FieldValueError with the reason if it is bad."""
    value = cell.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if spec.type == "number":
        if isinstance(value, bool):
            raise FieldValueError(f"{value!r} is not a number")
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float):
            return decimal_str(Decimal(repr(value)))
        return coerce("number", str(value))[0]
    text = canon(value)
    if spec.type == "period":
        return coerce("period", text)[0]  # 2025年前三季度 is stored as 2025-01..2025-09
    if spec.type == "choice" and spec.choices and text not in spec.choices:
        allowed = ", ".join(c for c in spec.choices if c)
        raise FieldValueError(f"{text!r} is not one of {allowed}")
    return text


def _renormalise(fields: dict[str, Any], changed: set[str], specs: dict[str, TagField]) -> None:
    """Keep derived values true to a value, unit or period typed by hand."""
    if changed & {"value", "unit"}:
        fields.pop("normalized_value", None)
        fields.pop("normalized_unit", None)
        try:
            from desktop.domain.quantities import parse_quantity
        except ImportError:  # pragma: no cover
            return
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


def _plan(session: Session, rows: list[EditedRow]) -> tuple[list[_Plan], list[EditItem], list[EditItem], list[EditItem]]:
    specs_by_kind = {k.key: {f.key: f for f in fields} for k, fields in kinds_q.all_kinds(session)}
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
                 after: str = "", row: EditedRow = row) -> EditItem:
            return EditItem(category, row.sheet, row.row, column, row.tag_id, before, after,
                            message)

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
        if tag.version != row.version or kind != row.kind:
            conflicts.append(item("conflict", "This tag was changed in the project after the "
                                  "export; the row was not applied. Export again to edit it."))
            continue
        specs = specs_by_kind.get(kind, {})
        fields = dict(tag.fields or {})
        status, note, comment = tag.status, tag.note, None
        changed_fields: set[str] = set()
        row_errors = 0
        for key, cell in row.cells.items():
            column = f"{cell.column} ({cell.header})"
            if key.startswith("field:"):
                fkey = key.split(":", 1)[1]
                spec = specs.get(fkey)
                if spec is None:
                    continue  # the field was removed from the kind since the export
                current = field_cell(FieldSpec(spec.key, spec.label, spec.type), fields)
                if _cell_text(cell.value) == canon(current):
                    continue
                try:
                    stored = _parse_field(spec, cell)
                except FieldValueError as exc:
                    errors.append(item("error", f"{exc}; a {spec.type} is expected.", column,
                                       canon(current), _cell_text(cell.value)))
                    row_errors += 1
                    continue
                if stored is None:
                    fields.pop(fkey, None)
                else:
                    fields[fkey] = stored
                changed_fields.add(fkey)
                changes.append(item("change", "", column, canon(current), _cell_text(cell.value)))
            elif key == "status":
                text = _cell_text(cell.value).lower()
                if text == status:
                    continue
                if text not in TAG_STATUSES:
                    errors.append(item("error", f"{text!r} is not a status; use one of "
                                       f"{', '.join(TAG_STATUSES)}.", column, status, text))
                    row_errors += 1
                    continue
                changes.append(item("change", "", column, status, text))
                status = text
            elif key == "note":
                text = _cell_text(cell.value)
                if text != canon(note):
                    changes.append(item("change", "", column, note, text))
                    note = text
            elif key == "review_comment":
                text = _cell_text(cell.value)
                before = comments.get(tag.id, "")
                if text != canon(before):
                    changes.append(item("change", "", column, before, text))
                    comment = text
        if row_errors:
            continue
        if changed_fields or status != tag.status or note != tag.note or comment is not None:
            _renormalise(fields, changed_fields, specs)
            plans.append(_Plan(tag, kind, fields, status, note, comment))
    return plans, changes, conflicts, errors


def _preview(path: Path, rows: list[EditedRow], planned: tuple[list[_Plan], list[EditItem],
             list[EditItem], list[EditItem]]) -> EditsPreview:
    _, changes, conflicts, errors = planned
    return EditsPreview(str(path), len(rows), sum(1 for r in rows if r.edited),
                        tuple(changes), tuple(conflicts), tuple(errors))


def preview(project: Project, path: str | Path) -> EditsPreview:
    """What importing `path` would change. Raises WorkbookRefused for a file we cannot
    read or did not write."""
    path = Path(path)
    workbook = read_edits(path)
    with project.uow() as session:
        return _preview(path, workbook.rows, _plan(session, workbook.rows))


def apply(project: Project, path: str | Path) -> tuple[Changes, EditsPreview]:
    """Apply the workbook's edits in one transaction. Raises EditsRefused (nothing
    applied) if any cell holds a bad value; conflicting rows are skipped and listed."""
    path = Path(path)
    workbook = read_edits(path)
    with project.uow.begin() as session:
        planned = _plan(session, workbook.rows)
        result = _preview(path, workbook.rows, planned)
        if result.errors:
            first = result.errors[0].describe()
            more = f" (and {len(result.errors) - 1} more)" if len(result.errors) > 1 else ""
            raise EditsRefused(f"Nothing was imported: {first}{more}.")
        reports: set[str] = set()
        now = utcnow()
        for plan in planned[0]:
            tag = plan.tag
            old_status = tag.status
            tag.fields = plan.fields
            tag.status = plan.status
            tag.note = plan.note
            tag.updated_at = now
            if plan.comment is not None or (plan.status != old_status and plan.status in VERDICTS):
                session.add(Review(
                    tag_id=tag.id, reviewer_id=project.analyst_id,
                    verdict=VERDICTS.get(plan.status, "comment"), comment=plan.comment or "",
                ))
            session.flush()
            record_event(session, tag, ACTION, project.analyst_id, tag_state(tag, plan.kind))
            reports.add(tag.report_id)
    return Changes(tags=frozenset(reports)), result
