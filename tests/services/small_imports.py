"""A second window importing small files while something else writes (issue 11, item 16).

Run as `python -m tests.services.small_imports PROJECT FOLDER STOPFILE`: opens the
project once, then imports small generated text files one at a time (each its own
import, as a second window or a colleague would), until STOPFILE exists and at least
MIN_IMPORTS were tried. Prints one JSON object per import:
{"ok": bool, "error": str | null, "seconds": float}.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

MIN_IMPORTS = 5


def main(project_file: Path, folder: Path, stop: Path) -> None:
    from db.errors import ProjectError
    from desktop.services.importing import import_files
    from desktop.services.project import open_project_as

    project = open_project_as(project_file, "bob", create=False)
    n = 0
    try:
        while n < MIN_IMPORTS or not stop.exists():
            n += 1
            path = folder / f"small-{n:03}.txt"
            path.write_text(f"湖南省工业和信息化厅\n\n第{n}号简报\n\n全年规上工业增加值增长{n}.5%。",
                            encoding="utf-8")
            t0 = time.perf_counter()
            try:
                outcome = import_files(project, [path])
                ok, error = len(outcome.imported) == 1, None if outcome.imported else str(outcome)
            except ProjectError as exc:
                ok, error = False, str(exc)
            seconds = round(time.perf_counter() - t0, 3)
            sys.stdout.write(json.dumps({"ok": ok, "error": error, "seconds": seconds},
                                        ensure_ascii=False) + "\n")
            sys.stdout.flush()
            time.sleep(0.2)
    finally:
        project.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
