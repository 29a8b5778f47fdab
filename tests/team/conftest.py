"""Fixtures for team work: two analysts' projects of the seed, and a fresh PostgreSQL
database per test (created on the server tests/run_with_services.py starts)."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SEED

PG_ENV = "REPORTMARK_TEST_PG"


def tag_text(project: Any, report_id: str, needle: str, kind: str, nth: int = 0,
             **fields: Any) -> str:
    """Tag the nth occurrence of `needle` in a report; returns the new tag's id."""
    from desktop.services import reports, tags

    text = reports.document(project, report_id).text
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    changes = tags.create_tag(project, report_id, kind, start, start + len(needle),
                              fields=fields)
    assert changes.new_tag is not None
    return changes.new_tag


def seed_reports(project: Any) -> dict[str, str]:
    """Import the seed; region → report id."""
    from desktop.services import importing, reports

    importing.import_files(project, [SEED])
    return {r.region: r.id for r in reports.library(project)}


@pytest.fixture
def make_project(template_project: Path, tmp_path: Path) -> Iterator[Callable[[str, str], Any]]:
    """make_project(file name, analyst) → an open Project on a fresh copy of the template."""
    from desktop.services.project import open_project_as

    opened: list[Any] = []

    def make(name: str, analyst: str) -> Any:
        path = tmp_path / name
        if not path.exists():
            shutil.copyfile(template_project, path)
        project = open_project_as(path, analyst)
        opened.append(project)
        return project

    yield make
    for project in opened:
        project.close()


@contextmanager
def fresh_pg_database() -> Iterator[str]:
    """A new, empty PostgreSQL database on the test server, dropped afterwards; skips the
    test with a reason when there is no server."""
    server = os.environ.get(PG_ENV)
    if not server:
        pytest.skip(f"no PostgreSQL server: {PG_ENV} is not set "
                    "(run the suite through tests/run_with_services.py)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(server).set(drivername="postgresql+psycopg")
    name = f"rm_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield base.set(database=name, drivername="postgresql").render_as_string(
            hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped after the test."""
    with fresh_pg_database() as url:
        yield url
