"""Start-up: from a fresh interpreter to the main window painted with the seed reports
loaded (DESIGN.md budget < 300 ms). Runs the app's own start-up path in a child process
(`desktop.app.run` with REPORTMARK_BENCH_EXIT set quits right after the first paint of a
report) and times it from outside, so interpreter start and imports count."""

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


def _once(db: Path, home: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", REPORTMARK_BENCH_EXIT="1",
               HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "cfg"))
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), "--analyst", "bench"],
                   env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - t0) * 1000


def run() -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "startup.rmk"
        first = _once(db, Path(tmp))  # creates the project and imports the seeds
        warm = [_once(db, Path(tmp)) for _ in range(RUNS)]
    return [
        {"name": "first run: new project, seeds imported, window painted", "value": round(first),
         "unit": "ms", "budget": None},
        {"name": "start to the main window painted, seeds loaded (median)",
         "value": round(statistics.median(warm)), "unit": "ms", "budget": 300},
    ]
