"""How long other writers wait: a separate process that takes and releases a project's
write lock over and over (BEGIN IMMEDIATE; ROLLBACK) and records the longest wait.

The longest wait is the longest single hold of the write lock by anyone else, to within
SQLite's busy-handler sleep (at most 100 ms). `LockProbe` starts it and, on `stop()`,
returns that figure in seconds. Run as `python -m benchmarks.lock_probe PROJECT STOPFILE`.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


class LockProbe:
    def __init__(self, project: Path) -> None:
        self._stop = project.with_name(project.name + ".probe-stop")
        self._stop.unlink(missing_ok=True)
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.lock_probe", str(project), str(self._stop)],
            cwd=REPO, stdout=subprocess.PIPE, text=True)

    def stop(self) -> float:
        self._stop.touch()
        out, _ = self._proc.communicate(timeout=600)
        self._stop.unlink(missing_ok=True)
        return float(out.strip())


def main(project: str, stop: str) -> None:
    conn = sqlite3.connect(project, timeout=600, isolation_level=None)
    longest = 0.0
    stop_file = Path(stop)
    while not stop_file.exists():
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        longest = max(longest, time.perf_counter() - t0)
        conn.execute("ROLLBACK")
        time.sleep(0.005)
    conn.close()
    print(round(longest, 3))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
