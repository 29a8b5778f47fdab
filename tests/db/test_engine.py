"""The project file: engine settings, refusals that change nothing, migrations."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from db.engine import backup, create_project_engine, open_project
from db.errors import CorruptProjectError, LockedProjectError, NewerProjectError
from db.migrations import HEAD_REVISION, KNOWN_REVISIONS, SCRIPT_LOCATION


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_foreign_keys_are_enforced(project_path: Path) -> None:
    engine = open_project(project_path)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL
    with pytest.raises(Exception, match="FOREIGN KEY"), engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO tag (id, report_id, kind_id, start, \"end\", quote, fields, note,"
            " author_id, origin, status, created_at, updated_at, version)"
            " VALUES ('t', 'no-report', 'no-kind', 0, 1, 'x', '{}', '', 'nobody', 'manual',"
            " 'open', '2026-01-01', '2026-01-01', 1)"
        ))
    engine.dispose()


def test_a_project_from_a_newer_version_is_refused_and_left_alone(project_path: Path) -> None:
    with sqlite3.connect(project_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = digest(project_path)
    with pytest.raises(NewerProjectError, match="newer version of ReportMark"):
        open_project(project_path)
    assert digest(project_path) == before


def test_a_corrupt_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "broken.rmk"
    path.write_bytes(b"\x00\x01garbage" * 1000)
    before = digest(path)
    with pytest.raises(CorruptProjectError, match="not a ReportMark project"):
        open_project(path)
    assert digest(path) == before


def test_a_truncated_project_is_refused(project_path: Path, tmp_path: Path) -> None:
    data = project_path.read_bytes()
    broken = tmp_path / "truncated.rmk"
    broken.write_bytes(data[: len(data) // 3] + b"\xff" * 4096)
    with pytest.raises(CorruptProjectError):
        open_project(broken)


def test_someone_elses_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (x TEXT)")
    conn.close()
    before = digest(path)
    with pytest.raises(CorruptProjectError, match="not a ReportMark project"):
        open_project(path)
    assert digest(path) == before


def test_a_locked_project_says_so(project_path: Path) -> None:
    holder = sqlite3.connect(project_path, timeout=0.1)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        import db.engine as engine_module

        old = engine_module.BUSY_TIMEOUT_S
        engine_module.BUSY_TIMEOUT_S = 0.2
        try:
            with pytest.raises((LockedProjectError, CorruptProjectError), match="locked"):
                open_project(project_path)
        finally:
            engine_module.BUSY_TIMEOUT_S = old
    finally:
        holder.rollback()
        holder.close()


def test_known_revisions_match_the_migration_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    scripts = ScriptDirectory.from_config(config)
    assert scripts.get_current_head() == HEAD_REVISION
    assert {s.revision for s in scripts.walk_revisions()} == set(KNOWN_REVISIONS)


def test_models_and_migrations_agree(project_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from db.base import Base

    engine = create_project_engine(project_path)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    # FTS tables and other objects created by hand in migrations are not in the models
    diff = [d for d in diff if not (d[0] == "remove_table" and "fts" in d[1].name)]
    assert diff == []


def test_backups_rotate(project_path: Path) -> None:
    made = [backup(project_path, "test") for _ in range(7)]
    folder = made[0].parent
    kept = sorted(folder.iterdir())
    assert len(kept) == 5
    with sqlite3.connect(kept[-1]) as conn:
        assert conn.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
    conn.close()
