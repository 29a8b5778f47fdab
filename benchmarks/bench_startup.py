"""Start-up: from a fresh interpreter to the main window painted with the seed reports
loaded (docs/design.md budget < 300 ms). Runs the app's own start-up path in a child process
(`desktop.app.run` with REPORTMARK_BENCH_EXIT set says when its first frame is painted and
quits) timed from outside, so interpreter start and imports count; the interpreter's
teardown after the paint is not start-up, and is shown apart (start to exit)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

RUNS = 5


def _once(db: Path, home: Path) -> tuple[float, float]:
    """Milliseconds from the start of the process to the first frame painted (the app
    says when, on stdout), and to the process's end (its teardown included)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", REPORTMARK_BENCH_EXIT="1",
               HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "cfg"))
    t0 = time.time()
    child = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), "--analyst", "bench"],
                           env=env, check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           text=True)
    ended = (time.time() - t0) * 1000
    painted = [float(line.split()[-1]) for line in child.stdout.splitlines()
               if line.startswith("painted at ")]
    return ((painted[0] - t0) * 1000 if painted else ended), ended


def _seed_import_ms(folder: Path) -> tuple[float, float]:
    """Reading and splitting the seed file; importing it into a new project."""
    from desktop.domain.report_text import parse_reports
    from desktop.services.importing import import_files
    from desktop.services.project import open_project_as
    from desktop.services.seeds import seed_files

    seed = seed_files()[0]
    raw = seed.read_text(encoding="utf-8")
    t0 = time.perf_counter()
    for _ in range(20):
        parse_reports(raw)
    parse_ms = (time.perf_counter() - t0) * 1000 / 20
    project = open_project_as(folder / "seed-import.rmk", "bench")
    try:
        t0 = time.perf_counter()
        import_files(project, [seed])
        import_ms = (time.perf_counter() - t0) * 1000
    finally:
        project.close()
    return parse_ms, import_ms


def run() -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        parse_ms, import_ms = _seed_import_ms(Path(tmp))
        db = Path(tmp) / "startup.rmk"
        first = _once(db, Path(tmp))[1]  # creates the project and imports the seeds
        warm = [_once(db, Path(tmp)) for _ in range(RUNS)]
    return [
        {"name": "seed file read and split into reports", "value": round(parse_ms, 1),
         "unit": "ms", "budget": None},
        {"name": "seed file imported into a project", "value": round(import_ms, 1),
         "unit": "ms", "budget": 100},
        {"name": "first run: new project, seeds imported, window painted", "value": round(first),
         "unit": "ms", "budget": None},
        {"name": "start to the main window painted, seeds loaded (median)",
         "value": round(statistics.median(w[0] for w in warm)), "unit": "ms", "budget": 300},
        {"name": "start-up process, start to exit (median, teardown included)",
         "value": round(statistics.median(w[1] for w in warm)), "unit": "ms", "budget": None},
    ]
