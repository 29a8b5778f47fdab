"""Start-up (docs/design.md: window painted < 300 ms) imports only Qt and what the first
frame shows: the database layer, the number grammar, the workbook writers and the
learned models load after the first paint, where they are first used."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# loaded after the first paint (each costs tens of milliseconds to import, or more)
AFTER_FIRST_PAINT = ("sqlalchemy", "alembic", "openpyxl", "xlsxwriter", "numpy", "onnxruntime",
                     "pycrfsuite", "docx", "desktop.domain.quantities", "desktop.domain.fieldvalues",
                     "desktop.services.project", "desktop.ui.controller", "desktop.ui.shown_report",
                     "desktop.ui.tag_editing", "desktop.ui.tag_updates", "desktop.ui.messages")

_PAINT_THEN_LIST = """
import sys
from desktop.app import run
assert run(db=sys.argv[1], analyst="alice") == 0
print("\\n".join(sorted(sys.modules)))
"""


def test_the_first_paint_imports_none_of_the_heavy_modules(seeded, project_path: Path,
                                                           tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", REPORTMARK_BENCH_EXIT="1",
               HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    out = subprocess.run([sys.executable, "-c", _PAINT_THEN_LIST, str(project_path)], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    loaded = set(out.stdout.split())
    assert "desktop.ui.first_frame" in loaded  # the window was painted from the snapshot
    assert sorted(m for m in loaded
                  if any(m == h or m.startswith(h + ".") for h in AFTER_FIRST_PAINT)) == []
