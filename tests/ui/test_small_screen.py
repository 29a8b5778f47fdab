"""The first window fits a 1280×800 laptop screen: every panel and the status bar on
screen, panels that fold away, table columns that keep a readable width."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def on_screen(project: Path, tmp_path: Path, width: int, height: int) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run([sys.executable, "-m", "tests.ui.on_screen", str(project)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def inside(box: list[int], screen: list[int]) -> bool:
    x, y, w, h = box
    sx, sy, sw, sh = screen
    return sx <= x and sy <= y and x + w <= sx + sw and y + h <= sy + sh


def test_the_first_window_fits_a_1280_by_800_screen(seeded, tmp_path):
    seeded.close()
    found = on_screen(Path(seeded.target), tmp_path, 1280, 800)
    screen = found["screen"]
    assert inside(found["window"], screen), found
    assert found["minimum"][0] <= 1280 and found["minimum"][1] <= 800
    for name, box in found["parts"].items():
        assert inside(box, screen), (name, box, screen)
        assert box[2] >= 200 and box[3] >= 20, (name, box)
    assert all(found["visible"].values())
    assert min(found["tag_columns"]) >= 48, found["tag_columns"]
    assert min(found["library_columns"]) >= 36, found["library_columns"]


def test_panels_fold_away_and_come_back(app_parts, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDockWidget

    w = app_parts.window
    for dock, key in ((w.left_dock, Qt.Key.Key_F9), (w.right_dock, Qt.Key.Key_F10)):
        assert dock.features() & QDockWidget.DockWidgetFeature.DockWidgetClosable
        reader_width = w.reader.width()
        qtbot.keyClick(w, key)
        qtbot.waitUntil(lambda d=dock: d.isHidden())
        qtbot.waitUntil(lambda rw=reader_width: w.reader.width() > rw)
        qtbot.keyClick(w, key)
        qtbot.waitUntil(lambda d=dock: d.isVisible())
