"""The first frame's data, read with the standard library's sqlite3 alone.

Importing SQLAlchemy and the models takes ~0.3 s here, longer than the whole start-up
budget (docs/design.md: window painted with the seeds loaded < 300 ms). So the window's first
frame (library, kinds, the first report and its tags) is read by these few read-only
queries, and the real project opens right after the first paint. The results must equal
the regular queries'; tests/db/test_snapshot.py compares them.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db import span_columns
from db.migrations import HEAD_REVISION


@dataclass(frozen=True, slots=True)
class Snapshot:
    kinds: list[tuple[str, str, str, str, str, str]]  # id, key, name, name_zh, colour, shortcut
    # id, kind id, key, label, label_zh, type, choices
    fields: list[tuple[str, str, str, str, str, str, list[str]]]
    reports: list[tuple[Any, ...]]  # id, title, agency, region, year, chars, source file
    tag_counts: dict[str, dict[str, int]]
    states: dict[str, str]
    taggers: dict[str, tuple[str, ...]]
    first: tuple[str, str, str, str, int | None, str, dict[str, Any], str, str] | None
    spans: span_columns.Columns  # ids, kind keys, starts, ends, statuses, author ids


def read(path: Path, analyst: str, report_id: str | None = None) -> Snapshot | None:
    """None when the file is missing, not at the current schema, or cannot be read: the
    regular open path then reports what is wrong."""
    try:
        if path.stat().st_size == 0:
            return None
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
    except (OSError, sqlite3.Error):
        return None
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None or row[0] != HEAD_REVISION:
            return None
        return _read(conn, analyst, report_id)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _read(conn: sqlite3.Connection, analyst: str, report_id: str | None) -> Snapshot:
    kinds = conn.execute(
        "SELECT id, key, name, name_zh, colour, shortcut FROM tag_kind ORDER BY position, name"
    ).fetchall()
    fields = [
        (r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6] or "[]"))
        for r in conn.execute(
            "SELECT id, kind_id, key, label, label_zh, type, choices FROM tag_field"
            " ORDER BY position")
    ]
    reports = conn.execute(
        "SELECT id, title, agency, region, year, char_count, source_file,"
        " json_extract(structure, '$.ocr.flagged_pages') FROM report"
        " ORDER BY imported_at, title"
    ).fetchall()
    counts: dict[str, dict[str, int]] = {}
    for report_id, key, n in conn.execute(
        "SELECT tag.report_id, tag_kind.key, count(*) FROM tag"
        " JOIN tag_kind ON tag_kind.id = tag.kind_id GROUP BY tag.report_id, tag_kind.key"
    ):
        counts.setdefault(report_id, {})[key] = n
    states = dict(conn.execute(
        "SELECT report_state.report_id, report_state.state FROM report_state"
        " JOIN analyst ON analyst.id = report_state.analyst_id WHERE analyst.name = ?",
        (analyst,)).fetchall())
    taggers: dict[str, list[str]] = {}
    for report_id, name in conn.execute(
        "SELECT tag.report_id, analyst.name FROM tag JOIN analyst ON analyst.id = tag.author_id"
        " GROUP BY tag.report_id, analyst.name ORDER BY analyst.name"
    ):
        taggers.setdefault(report_id, []).append(name)
    first = None
    spans = span_columns.empty()
    if reports:
        wanted = report_id if any(r[0] == report_id for r in reports) else reports[0][0]
        r = conn.execute(
            "SELECT id, title, agency, region, year, text, structure, source_file, published"
            " FROM report WHERE id = ?", (wanted,)).fetchone()
        first = (r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6] or "{}"), r[7], r[8])
        keys = {k[0]: k[1] for k in kinds}
        with span_columns.rows_read():
            spans = span_columns.from_rows(
                conn.execute(span_columns.sql("qmark"), (r[0],)).fetchall(), keys)
    return Snapshot(kinds, fields, reports, counts, states,
                    {k: tuple(v) for k, v in taggers.items()}, first, spans)
