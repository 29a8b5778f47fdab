"""The JSON records the command line prints: one shape per kind of record, whatever the
command (README, "JSON output"). A report is the same object in `reports --json`,
`import --json` and `show --json`; a tag is the same object in `show --json` and in an
export to JSON Lines.
"""

from __future__ import annotations

from typing import Any


def report_record(row: Any) -> dict[str, Any]:
    """A report (a services.values.ReportRow)."""
    return {"id": row.id, "title": row.title, "agency": row.agency, "region": row.region,
            "year": row.year, "chars": row.chars, "source_file": row.source_file,
            "tag_counts": dict(row.tag_counts), "analysts": list(row.analysts)}


def tag_records(project: Any, report_id: str) -> list[dict[str, Any]]:
    """A report's tags as an export to JSON Lines writes them (one object per tag)."""
    from desktop.io.flat_export import jsonl_object
    from desktop.services import export

    with project.uow() as session:
        return [jsonl_object(r) for r in export.records(session, export.ExportFilter(report=report_id))
                if r.report_id == report_id]
