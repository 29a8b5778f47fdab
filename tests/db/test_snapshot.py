"""The first frame, read with sqlite3 before SQLAlchemy loads, equals what the regular
services return; and the window's modules import without the database layer."""

from __future__ import annotations

import subprocess
import sys

from desktop.services import kinds, reports, tags
from desktop.services.snapshot import first_frame


def test_first_frame_equals_the_services(seeded, project_path):
    row = reports.library(seeded)[0]
    doc = reports.document(seeded, row.id)
    i = doc.text.find("湖南")
    tags.create_tag(seeded, row.id, "metric", i, i + 2)
    reports.set_state(seeded, row.id, "done")
    frame = first_frame(project_path, "alice")
    assert frame is not None
    assert frame.library == reports.library(seeded)
    assert frame.kinds == kinds.list_kinds(seeded)
    assert frame.report == doc
    assert frame.spans == tags.span_columns(seeded, row.id)


def test_no_first_frame_for_new_damaged_or_team_projects(tmp_path, project_path):
    assert first_frame(tmp_path / "new.rmk", "alice") is None
    broken = tmp_path / "broken.rmk"
    broken.write_bytes(b"not a database" * 100)
    assert first_frame(broken, "alice") is None
    assert first_frame("postgresql://x@localhost/db", "alice") is None


def test_the_window_imports_without_the_database_layer():
    code = ("import sys, desktop.ui.main_window, desktop.ui.first_frame, "
            "desktop.services.snapshot; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "[]"
