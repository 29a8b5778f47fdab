"""Every failure the user can act on is one line that says what happened and what to do,
never a traceback, and leaves the project as it was (issue 11, items 12, 13 and 14)."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, text

import db.engine
import db.failures
from db.errors import LockedProjectError, ProjectError, ReadOnlyProjectError, StaleTagError
from desktop.cli import main
from desktop.services import importing, tags
from desktop.services.project import open_project_as
from tests.conftest import REPO, SEED


def one_line(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("reportmark: error: "), err
    assert "Traceback" not in err
    return err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- URLs the app cannot use (item 12) -----------------------------------------------


@pytest.mark.parametrize("url", ["mysql://rm:secret@db.example/team",
                                 "postgresql+nosuch://rm:secret@db.example/team",
                                 "sqlite:///x.rmk", "postgresql+psycopg2://rm:secret@h/team"])
def test_a_url_that_is_not_a_postgresql_team_database_is_one_line(
        capsys: pytest.CaptureFixture[str], url: str) -> None:
    err = one_line(capsys, "--db", url, "reports")
    assert "postgresql://" in err
    assert "secret" not in err


# --- a team database that never answers (item 13) -------------------------------------


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A TCP port that accepts connections and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield int(server.getsockname()[1])
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


def test_a_host_that_never_answers_is_reported_after_the_connect_timeout(
        capsys: pytest.CaptureFixture[str], silent_server: int,
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert db.failures.PG_CONNECT_TIMEOUT_S == 10
    monkeypatch.setattr(db.engine, "PG_CONNECT_TIMEOUT_S", 1)
    monkeypatch.setattr(db.failures, "PG_CONNECT_TIMEOUT_S", 1)
    err = one_line(capsys, "--db", f"postgresql://rm@127.0.0.1:{silent_server}/team", "reports")
    assert "did not answer within 1 s" in err


@pytest.mark.postgres
def test_team_connections_carry_a_statement_timeout() -> None:
    from tests.team.conftest import fresh_pg_database

    with fresh_pg_database() as url:
        engine = db.engine.create_project_engine(url)
        try:
            with engine.connect() as conn:
                assert conn.execute(text("SHOW statement_timeout")).scalar() == "2min"
        finally:
            engine.dispose()


@pytest.mark.postgres
def test_a_statement_past_the_timeout_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.team.conftest import fresh_pg_database

    monkeypatch.setattr(db.engine, "PG_STATEMENT_TIMEOUT_S", 1)
    monkeypatch.setattr(db.failures, "PG_STATEMENT_TIMEOUT_S", 1)
    with fresh_pg_database() as url:
        engine = db.engine.create_project_engine(url)
        try:
            with pytest.raises(ProjectError, match="did not finish within 1 s"), \
                    engine.connect() as conn:
                conn.execute(text("SELECT pg_sleep(3)"))
        finally:
            engine.dispose()


@pytest.mark.postgres
def test_a_team_database_that_goes_away_mid_import_and_mid_merge_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], project_path: Path) -> None:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    from desktop.services.merge import merge_project
    from tests.team.conftest import PG_ENV, fresh_pg_database

    with fresh_pg_database() as url:
        project = open_project_as(url, "alice")
        importing.import_files(project, [SEED])
        name = make_url(url).database
        admin = create_engine(make_url(os.environ[PG_ENV]).set(drivername="postgresql+psycopg"),
                              isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:  # the server stops taking this database's work
                conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
                conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                  "WHERE datname = :n"), {"n": name})
            other = tmp_path / "other.txt"
            other.write_text("另一份报告\n\n全省工业增加值增长5%。", encoding="utf-8")
            with pytest.raises(ProjectError, match="cannot be reached"):
                importing.import_files(project, [other])
            with pytest.raises(ProjectError, match="cannot be reached"):
                merge_project(project, project_path)
            err = one_line(capsys, "--db", url, "import", str(other))
            assert "cannot be reached" in err
            with admin.connect() as conn:
                conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
        finally:
            admin.dispose()
            project.close()


# --- a project that is locked or read-only (items 12 and 14) ---------------------------


def test_the_write_lock_taken_mid_import_is_one_clear_error(
        project_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db.engine, "BUSY_TIMEOUT_S", 0.3)
    project = open_project_as(project_path, "alice")
    holder = sqlite3.connect(project_path, timeout=0.1)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(LockedProjectError, match="busy"):
            importing.import_files(project, [SEED])
    finally:
        holder.rollback()
        holder.close()
    assert importing.import_files(project, [SEED]).imported  # and it works once free
    project.close()


def test_a_write_to_a_project_that_became_read_only_is_one_clear_error(
        project_path: Path) -> None:
    project = open_project_as(project_path, "alice")

    @event.listens_for(project.engine, "connect")
    def _read_only(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute("PRAGMA query_only = ON")  # SQLite's own read-only refusal

    project.engine.dispose()
    with pytest.raises(ReadOnlyProjectError, match="read-only, so nothing was changed"):
        importing.import_files(project, [SEED])
    project.close()


def _in_read_only_mount(target: Path, argv: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the command line where `target` (a file or a folder) is mounted read-only: in a
    private mount namespace, so even root cannot write it (and nothing else sees it)."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not installed")
    script = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'
    run = subprocess.run(["unshare", "-rm", "sh", "-c", script, str(target), sys.executable,
                          "-m", "desktop", *argv], cwd=REPO, capture_output=True, text=True,
                         timeout=120)
    if "mount" in run.stderr and "reportmark" not in run.stderr:
        pytest.skip(f"cannot make a read-only mount here: {run.stderr.strip()}")
    return run


def test_a_healthy_project_in_a_read_only_folder_is_said_to_be_so(project_path: Path) -> None:
    run = _in_read_only_mount(project_path.parent, ["--db", str(project_path), "reports"])
    assert run.returncode == 1
    assert run.stderr.count("\n") == 1 and "read-only folder" in run.stderr
    assert "damaged" not in run.stderr


def test_a_read_only_project_file_refuses_writes_in_one_line(project_path: Path) -> None:
    before = digest(project_path)
    run = _in_read_only_mount(project_path, ["--db", str(project_path), "import", str(SEED)])
    assert run.returncode == 1
    assert run.stderr.count("\n") == 1 and "is read-only" in run.stderr
    assert digest(project_path) == before


# --- the team save race (item 12) ------------------------------------------------------


def test_the_save_race_is_the_stale_tag_message(project_path: Path) -> None:
    from db.models import Tag
    from tests.team.conftest import seed_reports, tag_text

    alice = open_project_as(project_path, "alice")
    bob = open_project_as(project_path, "bob")
    ids = seed_reports(alice)
    tag_id = tag_text(alice, ids["湖南"], "7.9亿元", "metric")
    with pytest.raises(StaleTagError, match="Someone else changed"), \
            alice.uow.begin() as session:
        tag = session.get(Tag, tag_id)  # alice reads …
        assert tag is not None
        tags.set_note(bob, tag_id, "bob's")  # … bob saves …
        tag.note = "alice's"  # … alice saves over a version that is gone
    assert tags.detail(alice, tag_id).note == "bob's"
    alice.close()
    bob.close()


# --- files that are not our projects (item 14) ------------------------------------------


def test_another_programs_alembic_database_is_not_called_a_newer_project(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        conn.execute("INSERT INTO alembic_version VALUES ('a1b2c3d4e5f6')")
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.close()
    before = digest(path)
    err = one_line(capsys, "--db", str(path), "import", str(SEED))
    assert "not a ReportMark project" in err and "newer" not in err
    assert digest(path) == before


@pytest.mark.parametrize("content", [b"", None])
def test_an_empty_file_is_never_turned_into_a_project(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None) -> None:
    path = tmp_path / "empty.db"
    if content is None:  # an SQLite database with nothing in it, from another program
        with sqlite3.connect(path) as conn:
            conn.execute("PRAGMA user_version = 7")
        conn.close()
    else:
        path.write_bytes(content)
    before = digest(path)
    for command in (["import", str(SEED)], ["reports"]):
        err = one_line(capsys, "--db", str(path), *command)
        assert "not a ReportMark project" in err
    assert digest(path) == before


def test_only_import_creates_a_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "new.rmk"
    for command in (["reports"], ["show", "x"], ["export", str(tmp_path / "o.xlsx")],
                    ["agreement", "a", "b"]):
        err = one_line(capsys, "--db", str(path), *command)
        assert "There is no project at" in err
        assert not path.exists()
    assert main(["--db", str(path), "import", str(SEED)]) == 0
    assert path.exists()
