"""Migrations: the revisions the app knows without importing Alembic are the scripts', and
a project saved under every past schema opens with today's code, its work intact and its
schema current (TagStudio and Vorta keep such files; DESIGN.md lesson 8)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import inspect

from db.base import Base
from db.migrations import HEAD_REVISION, KNOWN_REVISIONS, SCRIPT_LOCATION
from desktop.services import reports, review, search, tags
from desktop.services.project import open_project_as

PROJECTS = Path(__file__).resolve().parent / "projects"


def test_the_known_revisions_are_the_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    scripts = ScriptDirectory.from_config(config)
    chain = [s.revision for s in reversed(list(scripts.walk_revisions()))]
    assert tuple(chain) == KNOWN_REVISIONS
    assert scripts.get_current_head() == HEAD_REVISION


def test_the_kept_file_is_what_the_script_builds(tmp_path: Path) -> None:
    """schema_0001.rmk is made by make_schema_0001.py (0001's migration only)."""
    from tests.db.projects.make_schema_0001 import build

    built = build(tmp_path / "again.rmk")
    with sqlite3.connect(built) as fresh, \
            sqlite3.connect(PROJECTS / "schema_0001.rmk") as kept:
        for conn in (fresh, kept):
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        dump = ("SELECT name FROM sqlite_master ORDER BY name", "SELECT * FROM tag ORDER BY id",
                "SELECT tag_id, action, state FROM tag_event ORDER BY id")
        for query in dump:
            assert fresh.execute(query).fetchall() == kept.execute(query).fetchall()


def test_a_schema_0001_project_opens_upgraded_with_its_work(tmp_path: Path) -> None:
    path = tmp_path / "hunan.rmk"
    shutil.copyfile(PROJECTS / "schema_0001.rmk", path)
    project = open_project_as(path, "alice")
    try:
        # the schema is today's: every table and column the models declare
        with project.engine.connect() as conn:
            assert conn.exec_driver_sql(
                "SELECT version_num FROM alembic_version").scalar_one() == HEAD_REVISION
            found = inspect(conn)
            for table in Base.metadata.sorted_tables:
                columns = {c["name"] for c in found.get_columns(table.name)}
                assert columns == {c.name for c in table.columns}, table.name
        # the work survived
        [row] = reports.library(project)
        assert row.id == "r-hunan" and row.title == "湖南省2024年政府工作报告"
        spans = {s.id: s for s in tags.spans(project, "r-hunan")}
        assert set(spans) == {"t-metric", "t-listed", "t-program"}
        detail = tags.detail(project, "t-metric")
        assert detail is not None
        assert detail.quote == "增长4.8%" and detail.fields["value"] == "4.8"
        assert [h.action for h in detail.history] == ["created"]
        assert [link.other_id for link in detail.links] == ["t-listed"]
        listed = tags.detail(project, "t-listed")
        assert listed is not None and listed.status == "accepted" and listed.note == "核对"
        assert [r.comment for r in review.reviews(project, "t-listed")] == [
            "checked against table 2"]
        # a schema-0002/0003 feature works on the old data: the search index is built
        search.sync_index(project)
        assert [hit.report_id for hit in search.search_project(project, "智赋万企").hits] == [
            "r-hunan"]
        # and the upgraded project takes new work
        tags.create_tag(project, "r-hunan", "target", 0, 4)
    finally:
        project.close()
    backups = list(path.parent.rglob("*before-upgrade-0001*"))
    assert backups, "the upgrade backs the file up first"
