"""Kill a project's creation or upgrade after every SQL statement, then open the file.

Run as `python -m tests.db.kill_points (create|upgrade) FOLDER`; prints one JSON object
per kill point: {"n", "killed", "error", "revision", "reports", "kinds"}. The work runs
in a forked child that calls os._exit after its n-th statement (as a kill would: no
rollback, no clean-up), so every point costs a fork, not a Python start-up. The parent
then opens the file as the app would and reports what it found.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

REPORT_ROW = ("r1", "标题", "", "湖南", 2025, "", "a.txt", "前三季度增长7.8%", "0" * 64,
              "{}", 9, "2026-01-01 00:00:00")


def make_0001_project(path: Path) -> None:
    """A project file at schema 0001 (the first released schema) holding one report."""
    from alembic import command
    from alembic.config import Config

    from db.engine import create_project_engine
    from db.migrations import SCRIPT_LOCATION

    engine = create_project_engine(path)
    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO report (id, title, agency, region, year, published, "
                     "source_file, text, sha256, structure, char_count, imported_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", REPORT_ROW)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _child(path: Path, kill_after: int) -> None:
    count = 0

    @event.listens_for(Engine, "after_cursor_execute")
    def _count(*_args: Any) -> None:
        nonlocal count
        count += 1
        if count == kill_after:
            os._exit(9)  # as SIGKILL: no rollback, no clean-up, no atexit

    from desktop.services.project import open_project_as

    open_project_as(path, "alice").close()
    os._exit(0)


def _inspect(path: Path) -> dict[str, Any]:
    from sqlalchemy import text

    from desktop.services.project import open_project_as

    try:
        project = open_project_as(path, "alice")
    except Exception as exc:  # what the user would see, whatever it is
        return {"error": f"{type(exc).__name__}: {exc}"}
    try:
        with project.engine.connect() as conn:
            return {
                "error": None,
                "revision": conn.execute(text("SELECT version_num FROM alembic_version")).scalar(),
                "reports": conn.execute(text("SELECT count(*) FROM report")).scalar(),
                "kinds": conn.execute(text("SELECT count(*) FROM tag_kind")).scalar(),
            }
    finally:
        project.close()


def main(mode: str, folder: Path) -> None:
    template = folder / "template-0001.rmk"
    if mode == "upgrade":
        make_0001_project(template)
    n = 0
    while True:
        n += 1
        work = folder / f"point-{n}"
        work.mkdir()
        path = work / "project.rmk"
        if mode == "upgrade":
            shutil.copyfile(template, path)
        pid = os.fork()
        if pid == 0:
            _child(path, n)
        _, status = os.waitpid(pid, 0)
        killed = os.waitstatus_to_exitcode(status) == 9
        result = {"n": n, "killed": killed, **_inspect(path)}
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        if not killed or n > 500:
            return


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
