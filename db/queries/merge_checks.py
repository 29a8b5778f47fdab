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
    bad = run('WITH r AS MATERIALIZED (SELECT id, length(text) AS n FROM report) '
              'SELECT t.id FROM tag t JOIN r ON r.id = t.report_id '
              'WHERE typeof(t.start) != \'integer\' OR typeof(t."end") != \'integer\' '
              'OR t.start < 0 OR t."end" <= t.start OR t."end" > r.n LIMIT 1').first()
    if bad is not None:
        raise _refuse(name, f"tag {bad[0]} does not lie inside its report's text")
