"""A kill at any point of a project's creation or upgrade leaves a file that opens, with
everything it held (issue 11, items 1 and 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from db.migrations import HEAD_REVISION
from tests.conftest import REPO


def _kill_everywhere(mode: str, folder: Path) -> list[dict[str, Any]]:
    run = subprocess.run([sys.executable, "-m", "tests.db.kill_points", mode, str(folder)],
                         cwd=REPO, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return [json.loads(line) for line in run.stdout.splitlines()]


@pytest.mark.parametrize("mode", ["create", "upgrade"])
def test_a_kill_after_any_statement_leaves_a_project_that_opens(mode: str, tmp_path: Path) -> None:
    points = _kill_everywhere(mode, tmp_path)
    killed = [p for p in points if p["killed"]]
    assert len(killed) >= 10, points  # every statement of the work was a kill point
    assert not points[-1]["killed"]  # and the last run went through to the end
    broken = [p for p in points if p["error"] or p["revision"] != HEAD_REVISION or not p["kinds"]]
    assert broken == []
    if mode == "upgrade":
        assert {p["reports"] for p in points} == {1}
