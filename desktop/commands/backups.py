"""restore-backup: put back the newest backup of a project that no longer opens."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.commands.common import CliError, project_target


def register(sub: Any) -> None:
    p = sub.add_parser("restore-backup",
                       help="replace a project that does not open with its newest backup "
                            "that does (the replaced file is kept)")
    p.set_defaults(func=cmd_restore_backup)


def cmd_restore_backup(args: argparse.Namespace) -> int:
    from desktop.services.project import restore_backup

    target = project_target(args)
    if "://" in target:
        raise CliError("a team database has no backup files; ask whoever runs it")
    restored, kept = restore_backup(target)
    print(f"restored  {restored.name}")
    print(f"kept      {kept}  (the file it replaced)")
    return 0
