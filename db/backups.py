"""Backups of a project file: taken before every upgrade, kept in `<stem>.backups/`
beside it, rotated, and restored when the project itself no longer opens.

Rotation never removes the newest backup that opens: a project that fails to open
again and again must not rotate its last good copy away (issue 11, item 1).
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

BACKUPS_KEPT = 5


def folder_of(path: Path) -> Path:
    return path.parent / f"{path.stem}.backups"


def backups_of(path: Path) -> list[Path]:
    """The project's backups, newest first (their names start with a time stamp)."""
    folder = folder_of(path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{path.stem}.*"), reverse=True)


def backup(path: Path, reason: str, opens: Callable[[Path], bool] | None = None) -> Path:
    """Copy a project file aside (consistent even in WAL mode) and keep the newest few,
    and the newest one that `opens`, whatever its age."""
    folder = folder_of(path)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = folder / f"{path.stem}.{stamp}.{reason}{path.suffix or '.rmk'}"
    src, dst = sqlite3.connect(path), sqlite3.connect(dest)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    kept = backups_of(path)
    stale = kept[BACKUPS_KEPT:]
    if stale and opens is not None and not any(opens(b) for b in kept[:BACKUPS_KEPT]):
        good = next((b for b in stale if opens(b)), None)
        stale = [b for b in stale if b != good]
    for old in stale:
        old.unlink(missing_ok=True)
    return dest


def newest_that_opens(path: Path, opens: Callable[[Path], bool]) -> Path | None:
    return next((b for b in backups_of(path) if opens(b)), None)


def trial_copy(backup_file: Path, check: Callable[[Path], None]) -> bool:
    """Whether `check` (opening and upgrading) succeeds on a scratch copy of a backup;
    the backup itself is never touched."""
    with tempfile.TemporaryDirectory(prefix="rm-trial-") as tmp:
        copy = Path(tmp) / "trial.rmk"
        shutil.copyfile(backup_file, copy)
        try:
            check(copy)
        except Exception:
            return False
        return True


def restore(path: Path, backup_file: Path) -> Path:
    """Put a backup in the project's place. The file it replaces is not deleted: it is
    kept in the backups folder as `damaged-<name>.<time>` (outside the rotation), so
    nothing is lost. Returns that copy."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    folder_of(path).mkdir(exist_ok=True)
    kept = folder_of(path) / f"damaged-{path.stem}.{stamp}{path.suffix or '.rmk'}"
    if path.exists():
        shutil.move(path, kept)
    for suffix in ("-wal", "-shm"):  # belong to the damaged file, not to the backup
        side = path.with_name(path.name + suffix)
        if side.exists():
            shutil.move(side, kept.with_name(kept.name + suffix))
    tmp = path.with_name(f".{path.name}.restoring")
    shutil.copyfile(backup_file, tmp)
    tmp.replace(path)
    return kept
