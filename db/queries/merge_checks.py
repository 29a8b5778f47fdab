"""What a colleague's project must be before a merge takes anything from it: every row
whole, every reference pointing at a row that exists (issue 11, items 5 and 12). A file
edited by hand or by another tool can hold a damaged JSON value, a span outside its
report or a dangling reference; copied in, it would break export, `show` and agreement
on the analyst's own project. Such a project is refused, naming the first bad row.

PostgreSQL enforces types and references itself, so only SQLite files are checked;
the checks are SQL, so 100 000 rows cost milliseconds.
"""

from __future__ import annotations

from sqlalchemy import Connection

from db.errors import ProjectError

# (table, column, the JSON type it must hold)
JSON_COLUMNS = (("tag", "fields", "object"), ("report", "structure", "object"),
                ("tag_event", "state", "object"), ("tag_field", "choices", "array"))
TIME_COLUMNS = (("tag", "created_at"), ("tag", "updated_at"), ("tag_event", "created_at"),
                ("report", "imported_at"), ("review", "created_at"))
_TIME = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*"


class DamagedSourceError(ProjectError):
    """The colleague's project holds a row that cannot be merged."""


def _refuse(name: str, what: str) -> DamagedSourceError:
    return DamagedSourceError(
        f"{name} cannot be merged: {what}. Nothing was changed; ask your colleague to "
        "repair that row (or to send the project again).")


def _row_id(conn: Connection, table: str, rowid: int) -> str:
    row = conn.exec_driver_sql(f'SELECT * FROM "{table}" WHERE rowid = ?', (rowid,)).first()
    return str(row[0]) if row is not None else f"rowid {rowid}"


def check_sqlite_source(conn: Connection, name: str) -> None:
    """Raise DamagedSourceError for the first row a merge must not take."""
    run = conn.exec_driver_sql
    dangling = run("PRAGMA foreign_key_check").first()
    if dangling is not None:
        table, rowid, parent = dangling[0], dangling[1], dangling[2]
        raise _refuse(name, f"{table} {_row_id(conn, table, rowid)} refers to a {parent} "
                            "that is not in the project")
    if not _any_bad_row(conn):
        return  # the common case: one scan per table; else each check names the row
    for table, column, kind in JSON_COLUMNS:
        bad = run(f'SELECT rowid FROM "{table}" WHERE NOT json_valid("{column}") '
                  f'OR json_type("{column}") != ? LIMIT 1', (kind,)).first()
        if bad is not None:
            raise _refuse(name, f"the {column} value of {table} {_row_id(conn, table, bad[0])} is "
                                "damaged (not valid JSON)")
    for table, column in TIME_COLUMNS:
        bad = run(f'SELECT rowid FROM "{table}" WHERE typeof("{column}") != \'text\' '
                  f'OR "{column}" NOT GLOB ? LIMIT 1', (_TIME,)).first()
        if bad is not None:
            raise _refuse(name, f"the {column} value of {table} {_row_id(conn, table, bad[0])} is "
                                "not a date and time")
    # each report's length once (MATERIALIZED), not once per tag
    bad = run(f"{_LENGTHS} SELECT t.id FROM tag t JOIN r ON r.id = t.report_id "
              f"WHERE {_OUTSIDE} LIMIT 1").first()
    if bad is not None:
        raise _refuse(name, f"tag {bad[0]} does not lie inside its report's text")


_LENGTHS = "WITH r AS MATERIALIZED (SELECT id, length(text) AS n FROM report)"
_OUTSIDE = ("typeof(t.start) != 'integer' OR typeof(t.\"end\") != 'integer' "
            "OR t.start < 0 OR t.\"end\" <= t.start OR t.\"end\" > r.n")


def _any_bad_row(conn: Connection) -> bool:
    """Whether any row fails any of the checks below: each table read once (the tags'
    four checks were four scans of 100 000 rows, a tenth of a merge)."""
    bad: dict[str, list[str]] = {}
    params: dict[str, list[str]] = {}
    for table, column, kind in JSON_COLUMNS:
        bad.setdefault(table, []).append(
            f'NOT json_valid(t."{column}") OR json_type(t."{column}") != ?')
        params.setdefault(table, []).append(kind)
    for table, column in TIME_COLUMNS:
        bad.setdefault(table, []).append(
            f'typeof(t."{column}") != \'text\' OR t."{column}" NOT GLOB ?')
        params.setdefault(table, []).append(_TIME)
    for table, conditions in bad.items():
        where = " OR ".join(f"({c})" for c in conditions)
        if table == "tag":  # a tag whose report is not there: the reference check's
            query = (f"{_LENGTHS} SELECT 1 FROM tag t LEFT JOIN r ON r.id = t.report_id "
                     f"WHERE {where} OR (r.id IS NOT NULL AND ({_OUTSIDE})) LIMIT 1")
        else:
            query = f'SELECT 1 FROM "{table}" t WHERE {where} LIMIT 1'
        if conn.exec_driver_sql(query, tuple(params[table])).first() is not None:
            return True
    return False
