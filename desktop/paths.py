"""Where the default project and settings live, without importing Qt (the command line
must start fast and must not need a display)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from desktop import APP_NAME, ORG_NAME


def data_dir() -> Path:
    """The same folder as QStandardPaths.AppDataLocation for our org and app names."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / ORG_NAME / APP_NAME


def default_project_path() -> Path:
    return data_dir() / "project.rmk"


def _settings_file() -> Path:
    return data_dir() / "cli-settings.json"


def saved_analyst() -> str | None:
    try:
        data = json.loads(_settings_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    name = data.get("analyst")
    return name if isinstance(name, str) and name else None


def save_analyst(name: str) -> None:
    path = _settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"analyst": name}, ensure_ascii=False), encoding="utf-8")
