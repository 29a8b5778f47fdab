"""Reading reports for the library and the reader; editing their metadata."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from db.queries import reports
from desktop.domain.errors import NotFound, RefusedInput, ReportGone
from desktop.domain.report_text import Structure
from desktop.services.changes import Changes
from desktop.services.project import Project
from desktop.services.values import ReportDoc, ReportRow, ocr_pages


def library(project: Project, ids: Collection[str] | None = None) -> list[ReportRow]:
    """The library's rows: of the reports `ids` (the few a change names), or of all."""
    with project.uow() as session:
        counts = reports.tag_counts(session, ids)
        states = reports.states_for(session, project.analyst_id)
        taggers = reports.taggers(session, ids)
        return [
            ReportRow(r.id, r.title, r.agency, r.region, r.year, r.char_count, r.source_file,
                      counts.get(r.id, {}), states.get(r.id, "untouched"), taggers.get(r.id, ()),
                      ocr_pages(r.ocr_flagged))
            for r in reports.rows(session, ids)
        ]


REPORT_STATES = ("untouched", "in_progress", "done")


def set_state(project: Project, report_id: str, state: str) -> Changes:
    """Mark a report in progress or done for the acting analyst (blind review shows
    colleagues' tags only on reports the analyst has marked done)."""
    return change_state(project, report_id, state)[0]


def change_state(project: Project, report_id: str, state: str) -> tuple[Changes, str]:
    """Set the acting analyst's state of a report ("untouched" forgets it); returns the
    state it had, so the change can be undone."""
    if state not in REPORT_STATES:
        raise RefusedInput("unknown report state {state!r}", message_id="report.bad_state",
                           params={"state": state})
    with project.uow.begin() as session:
        before = reports.states_for(session, project.analyst_id).get(report_id, "untouched")
        if state == "untouched":
            reports.forget_state(session, report_id, project.analyst_id)
        else:
            reports.set_state(session, report_id, project.analyst_id, state)
    return Changes(reports=frozenset({report_id})), before


def state_of(project: Project, report_id: str) -> str:
    with project.uow() as session:
        return reports.states_for(session, project.analyst_id).get(report_id, "untouched")


def document(project: Project, report_id: str) -> ReportDoc | None:
    with project.uow() as session:
        r = reports.get(session, report_id)
        if r is None:
            return None
        return ReportDoc(r.id, r.title, r.agency, r.region, r.year, r.text,
                         Structure.from_dict(r.structure), r.source_file, r.published)


def resolve(project: Project, id_or_prefix: str) -> str:
    """A report id from an id or unique prefix; ValueError with a clear message otherwise."""
    with project.uow() as session:
        found = reports.find(session, id_or_prefix)
        if not found:
            raise NotFound("no report with id {id!r}", message_id="report.no_such_id",
                           params={"id": id_or_prefix})
        if len(found) > 1:
            raise RefusedInput("the id prefix {id!r} matches several reports",
                               message_id="report.ambiguous_id", params={"id": id_or_prefix})
        return found[0].id


EDITABLE = ("title", "agency", "region", "year", "published")
YEAR_RANGE = (1900, 2100)


class MetadataError(RefusedInput):
    """A metadata value that is not acceptable; `field` names which."""

    def __init__(self, field: str, message: str, *, message_id: str | None = None,
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, message_id=message_id, params=params)
        self.field = field


def check_metadata(values: dict[str, Any]) -> dict[str, Any]:
    """`values` as stored (a year as an int or None, texts stripped); MetadataError (a
    ValueError) with one clear sentence when one is not acceptable. The library's dialog, `import --title …`
    and `set-report` all validate through here."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in EDITABLE:
            raise MetadataError(key, "{key} cannot be edited", message_id="report.fixed_field",
                                params={"key": key})
        if key == "year":
            if value is None or (isinstance(value, str) and not value.strip()):
                out[key] = None
                continue
            text = str(value).strip()
            lo, hi = YEAR_RANGE
            if isinstance(value, bool) or not text.isdigit() or not lo <= int(text) <= hi:
                raise MetadataError(key, "the year must be a number such as 2025 (not {text!r})",
                                    message_id="report.bad_year", params={"text": text})
            out[key] = int(text)
            continue
        text = "" if value is None else str(value).strip()
        if key == "title" and not text:
            raise MetadataError(key, "a report needs a title", message_id="report.no_title")
        out[key] = text
    return out


def update_metadata(project: Project, report_id: str, **values: Any) -> Changes:
    """Set a report's metadata (checked by `check_metadata` first: bad input changes
    nothing). A new region or year changes the report's suggestions."""
    return edit_metadata(project, report_id, values)[0]


def edit_metadata(project: Project, report_id: str,
                  values: dict[str, Any]) -> tuple[Changes, dict[str, Any]]:
    """`update_metadata`, returning the values it replaced (for undo)."""
    from desktop.services import suggestions

    checked = check_metadata(values)
    with project.uow.begin() as session:
        r = reports.get(session, report_id)
        if r is None:
            raise ReportGone
        before = {key: getattr(r, key) for key in checked}
        for key, value in checked.items():
            setattr(r, key, value)
    suggestions.forget(project, report_id)
    return Changes(reports=frozenset({report_id})), before
