"""reportmark --install-desktop / --uninstall-desktop (issue 16, item 1): the desktop
entry, icon and project MIME type for the current user, and nothing left after removal."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.commands import install

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="freedesktop.org desktops")


def test_install_then_uninstall(capsys: pytest.CaptureFixture[str]) -> None:
    data = Path(os.environ["XDG_DATA_HOME"])  # a temporary home (tests/conftest.py)
    assert main(["--install-desktop"]) == 0
    assert "applications menu" in capsys.readouterr().out
    paths = install.installed_paths()
    assert all(p.is_relative_to(data) and p.exists() for p in paths.values())

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(paths["entry"], encoding="utf-8")
    section = entry["Desktop Entry"]
    program = section["Exec"].split()[0]
    assert section["Exec"].endswith(" %F") and os.access(program, os.X_OK)
    assert section["Icon"] == "reportmark" and section["Terminal"] == "false"
    mimes = section["MimeType"].split(";")
    assert {"text/plain", "application/pdf", install.PROJECT_MIME} <= set(mimes)
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(paths["entry"])], check=True)
    glob = ET.parse(paths["mime"]).getroot().find(".//{*}glob")
    assert glob is not None and glob.get("pattern") == "*.rmk"
    assert paths["icon"].read_bytes().startswith(b"<svg")

    assert main(["--install-desktop"]) == 0  # again: the same files, no error
    assert main(["--uninstall-desktop"]) == 0
    assert not any(p.exists() for p in paths.values())
    assert main(["--uninstall-desktop"]) == 0  # nothing to remove is fine


def test_the_entry_starts_this_installation() -> None:
    command = install.program()
    assert Path(command[0]).is_absolute()
    script = Path(sys.executable).with_name("reportmark")
    if script.exists():  # the virtual environment's console script, not the bare interpreter
        assert command == [str(script.absolute())]
