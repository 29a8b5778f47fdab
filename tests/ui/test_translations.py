"""The Chinese interface: every string the window shows is translated, and the window
speaks Chinese when asked to."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.app import RESOURCES, install_translations

TS = RESOURCES / "translations" / "reportmark_zh_CN.ts"
REPO = Path(__file__).resolve().parents[2]


def sources(ts: Path) -> dict[str, bool]:
    """source text → translated?"""
    out = {}
    for message in ET.parse(ts).iter("message"):
        translation = message.find("translation")
        done = translation is not None and translation.get("type") not in ("unfinished", "vanished", "obsolete")
        out[message.findtext("source") or ""] = done
    return out


def test_every_string_in_the_code_is_translated(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        lupdate = Path(shutil.which("pyside6-lupdate") or "")
    assert lupdate.exists(), "pyside6-lupdate comes with PySide6"
    fresh = tmp_path / "fresh.ts"
    files = [str(p.relative_to(REPO)) for p in sorted((REPO / "desktop" / "ui").rglob("*.py"))]
    files.append("desktop/app.py")
    subprocess.run([str(lupdate), *files, "-ts", str(fresh)], cwd=REPO, check=True,
                   capture_output=True)
    committed = sources(TS)
    missing = sorted(s for s in sources(fresh) if not committed.get(s))
    assert missing == [], f"untranslated strings (see resources/translations/README.md): {missing}"


def test_the_window_speaks_chinese(app_parts, qapp) -> None:
    from desktop.app import build

    install_translations(qapp, "zh_CN")
    try:
        parts = build(app_parts.project)
        titles = [a.text() for a in parts.window.menuBar().actions()]
        assert titles[:3] == ["文件(&F)", "编辑(&E)", "标注(&T)"]
        assert parts.window.left_tabs.tabText(0) == "报告库"
        from desktop.ui.tag_table import status_labels

        assert status_labels()["open"] == "待审"
        parts.window.close()
        parts.window.deleteLater()
    finally:
        install_translations(qapp, "en")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_install_translations_is_idempotent(qapp, language) -> None:
    install_translations(qapp, language)
    install_translations(qapp, language)
    install_translations(qapp, "en")
