"""Undoing an import leaves nothing for search to find (issue 15): the reports it added
go with their full-text index rows, in the same transaction (SQLite's triggers on
report → report_fts_doc → report_fts, migrations 0002/0003), and redo indexes them
again. PostgreSQL has no index (search scans the texts): the same holds there."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.services import importing, operations
from desktop.services.ops.batches import RemoveImported
from desktop.services.project import Project, open_project_as
from desktop.services.search import search_project
from tests.team.conftest import fresh_pg_database

TEXT = "2026年工作思路：力争规上工业增加值增长6%左右，建设独一无二的试验区。\n"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def where(request: pytest.FixtureRequest, project_path: Path) -> Iterator[Project]:
    if request.param == "sqlite":
        opened = open_project_as(project_path, "alice")
        yield opened
        opened.close()
        return
    with fresh_pg_database() as url:
        opened = open_project_as(url, "alice")
        yield opened
        opened.close()


def index_rows(project: Project) -> int | None:
    """Rows in the full-text index (None: this database has none)."""
    if project.engine.dialect.name != "sqlite":
        return None
    with project.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM report_fts").scalar_one())


@pytest.mark.parametrize("query", ["独一无二的试验区", "独一"])  # the index; a short scan
def test_search_finds_nothing_after_an_import_is_undone_and_finds_it_after_redo(
        where: Project, tmp_path: Path, query: str) -> None:
    source = tmp_path / "extra.txt"
    source.write_text(TEXT, encoding="utf-8")
    imported = importing.import_files(where, [source]).imported
    report_ids = tuple(i for i, _title in imported)
    assert [h.report_id for h in search_project(where, query).hits] == list(report_ids)
    indexed = index_rows(where)
    assert indexed != 0

    undone = operations.replay(where, RemoveImported(report_ids))
    assert search_project(where, query).hits == ()
    assert index_rows(where) in (0, None)  # no row left of the report that went

    assert undone.inverse is not None
    operations.replay(where, undone.inverse)  # redo: the same report, indexed again
    assert [h.report_id for h in search_project(where, query).hits] == list(report_ids)
    assert index_rows(where) == indexed
