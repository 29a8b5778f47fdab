"""The documentation stays true to the repository (issue 16, item 5): the guide's
pictures come from the screenshot script, and every local link points inside the repo."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from PIL import Image

from tests.conftest import REPO

DOCS = [REPO / "README.md", REPO / "docs" / "guide.md", REPO / "docs" / "design.md"]


def test_every_local_link_and_picture_exists() -> None:
    for doc in DOCS:
        for target in re.findall(r"\]\(([^)#\s]+)\)", doc.read_text(encoding="utf-8")):
            if "://" not in target:
                assert (doc.parent / target).exists(), f"{doc.name}: {target}"


def test_the_screenshot_script_pictures_the_real_window(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(REPO / "docs" / "make_screenshots.py"),
                    "--out", str(tmp_path), "--lang", "zh_CN"], check=True, timeout=300,
                   capture_output=True)
    for name in ("window-zh_CN.png", "agreement-zh_CN.png"):
        picture = tmp_path / name
        assert picture.stat().st_size < 200_000
        with Image.open(picture) as image:
            assert image.width >= 900 and len(image.getcolors(256) or []) > 16
        committed = REPO / "docs" / "images" / name
        with Image.open(committed) as old, Image.open(picture) as new:
            assert old.size == new.size  # the committed picture came from this script


def test_the_pictures_stay_small() -> None:
    total = sum(p.stat().st_size for p in (REPO / "docs" / "images").glob("*.png"))
    assert total < 400_000
