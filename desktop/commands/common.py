"""What every subcommand shares: opening the project named by --db, printing JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from desktop.paths import default_project_path, saved_analyst
from desktop.services.project import Project, open_project_as


class CliError(Exception):
    """A user error: printed as one line, exit code 1."""


def project_target(args: argparse.Namespace) -> str:
    return str(args.db or os.environ.get("REPORTMARK_DB") or default_project_path())


def analyst_name(args: argparse.Namespace) -> str | None:
    return str(args.analyst) if args.analyst else saved_analyst()


def open_for(args: argparse.Namespace, *, create: bool = False) -> Project:
    """The project --db names. Only `import` (and the window) may create one, and only
    where no file exists; every other command refuses a path with no project."""
    return open_project_as(project_target(args), analyst_name(args), create=create)


def print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")
