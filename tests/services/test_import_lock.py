"""Long writes do not block short ones (issue 11, item 16): while one process imports a
long report, a second process's small imports all go through. Before, the long report's
search index was built in its import transaction and held the write lock past the busy
timeout, so the second process was refused ("The project is busy")."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, SEED

BIG_CHARS = 8_000_000  # its index took ~7 s in one transaction: past the 5 s busy timeout


def _big_text(path: Path) -> None:
    """A long report of phrases of the seed in a random order (as varied as a real
    report's text, so its index costs what a real one's does)."""
    seed = SEED.read_text(encoding="utf-8")
    rng = random.Random(16)
    out = ["湖南省工业和信息化厅\n\n长篇报告\n\n"]
    size = 0
    while size < BIG_CHARS:
        start, length = rng.randrange(len(seed) - 8), rng.randrange(2, 8)
        out.append(seed[start : start + length])
        size += length
        if rng.random() < 0.05:
            out.append("。\n")
    path.write_text("".join(out), encoding="utf-8")


def test_small_imports_go_through_while_a_long_report_is_imported(project_path: Path,
                                                                 tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    _big_text(big)
    small = tmp_path / "small"
    small.mkdir()
    stop = tmp_path / "stop"
    long_import = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--db", str(project_path), "--analyst", "alice",
         "import", str(big)], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(
        [sys.executable, "-m", "tests.services.small_imports", str(project_path), str(small),
         str(stop)], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _, err = long_import.communicate(timeout=120)
    finally:
        stop.touch()
        small_out, small_err = second.communicate(timeout=60)
    assert long_import.returncode == 0, err
    assert second.returncode == 0, small_err
    imports = [json.loads(line) for line in small_out.splitlines()]
    refused = [i for i in imports if not i["ok"]]
    assert len(imports) >= 5 and refused == [], imports
    assert max(i["seconds"] for i in imports) < 3.0, imports
