"""The command line (docs/design.md's stable contract), over the services.

Each module in `desktop.commands` adds its subcommands with `register(subparsers)`;
a handler takes the parsed arguments and returns the exit code. Errors go to stderr as
one line with a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from desktop import APP_NAME, __version__

COMMAND_MODULES = ("reports", "suggest", "excel", "team", "backups", "annotations", "learned")
PROJECT_SUFFIX = ".rmk"


def _global_parser(add_help: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reportmark", add_help=add_help,
        description=f"{APP_NAME}: tag metrics, programs and targets in Chinese reports.",
    )
    parser.add_argument("--db", metavar="PATH_OR_URL",
                        help="project file or team database URL (default: $REPORTMARK_DB, "
                        "else the project in the user's data folder); only `import` and the "
                        "window create a project that does not exist")
    parser.add_argument("--analyst", metavar="NAME",
                        help="who is acting: the author of new tags and reviews (default: "
                        "the analyst in the app's settings)")
    parser.add_argument("--version", action="version", version=f"reportmark {__version__}",
                        help="print the version and exit")
    parser.add_argument("--install-desktop", action="store_true",
                        help="Linux: add ReportMark to the applications menu and to "
                        "\"Open with\" for reports and projects (for this user), then exit")
    parser.add_argument("--uninstall-desktop", action="store_true",
                        help="Linux: remove what --install-desktop added, then exit")
    return parser


def _are_files(args: list[str]) -> bool:
    """Whether the arguments are files to open in the window (the desktop entry's
    `Exec=reportmark %F`), not a subcommand: existing paths, none of them an option."""
    from pathlib import Path

    return bool(args) and args[0] not in COMMAND_NAMES and all(
        not a.startswith("-") and Path(a).exists() for a in args)


# the subcommands' names, known without importing them (a file may not be called so)
COMMAND_NAMES = frozenset({"gui", "import", "reports", "show", "suggest", "export",
                           "import-edits", "merge", "agreement", "set-report",
                           "restore-backup", "import-annotations", "export-annotations", "train"})


def build_parser() -> argparse.ArgumentParser:
    parser = _global_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help="open the window (the default)")
    gui.set_defaults(func=None)
    for name in COMMAND_MODULES:  # imported here: the window starts without them
        importlib.import_module(f"desktop.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # The window is the default: open it without importing the subcommands (and with
    # them the database layer), which would cost start-up time before the first paint.
    gui_args, rest = _global_parser(add_help=False).parse_known_args(argv)
    if gui_args.install_desktop or gui_args.uninstall_desktop:
        from desktop.commands import install

        return install.main(uninstall=gui_args.uninstall_desktop)
    if len(rest) == 1 and rest[0].lower().endswith(PROJECT_SUFFIX) and _are_files(rest):
        from desktop.app import run  # reportmark PROJECT.rmk: open that project

        return run(db=rest[0], analyst=gui_args.analyst)
    if rest in ([], ["gui"]):
        from desktop.app import run

        return run(db=gui_args.db, analyst=gui_args.analyst)
    if _are_files(rest):  # reportmark FILE… ("Open with ReportMark"): import, then show
        from desktop.app import run

        return run(db=gui_args.db, analyst=gui_args.analyst, files=rest)
    args = build_parser().parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        from desktop.app import run

        return run(db=args.db, analyst=args.analyst)

    from desktop import logs
    from desktop.commands.common import CliError
    from desktop.services.errors import USER_ERRORS

    logs.setup()
    handled: tuple[type[Exception], ...] = (CliError, *USER_ERRORS)
    try:
        return int(func(args))
    except handled as exc:
        message = " ".join(str(exc).split())  # one line, whatever the message holds
        sys.stderr.write(f"reportmark: error: {message}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("reportmark: interrupted\n")
        return 130
    except Exception as exc:  # a bug: its traceback goes to the log, not the terminal
        path = logs.log_bug(exc, f"running `reportmark {args.command}`")
        sys.stderr.write(f"reportmark: internal error ({type(exc).__name__}: "
                         f"{' '.join(str(exc).split())}); the traceback is in {path}\n")
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
