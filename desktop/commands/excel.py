"""export, import-edits."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.commands import progress
from desktop.commands.common import CliError, open_for


def register(sub: Any) -> None:
    p = sub.add_parser("export", help="export tags to a workbook (or CSV / JSON Lines)")
    p.add_argument("out", type=Path, metavar="OUT.xlsx",
                   help="the file to write: .xlsx, .csv (one file per kind) or .jsonl")
    p.add_argument("--kind", help="only this tag kind (metric, program, target, …)")
    # --by, not --analyst: the global --analyst always names who is acting
    p.add_argument("--by", dest="author", metavar="NAME", help="only tags by this analyst")
    p.add_argument("--status", help="only tags with this review status (open, accepted, "
                   "rejected, corrected)")
    p.add_argument("--report", metavar="ID", help="only this report (id or unique prefix)")
    p.add_argument("--region", help="only reports of this region")
    p.add_argument("--year", type=int, help="only reports of this year")
    p.add_argument("--format", dest="fmt", choices=("xlsx", "csv", "jsonl"), default=None,
                   help="default: from OUT's extension, else xlsx")
    p.add_argument("--lang", choices=("zh_CN", "en"), default=None,
                   help="the workbook's language (default: REPORTMARK_LANG, else the locale)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import-edits", help="apply the edits made in an exported workbook")
    p.add_argument("path", type=Path, metavar="IN.xlsx",
                   help="a workbook exported by ReportMark and edited since")
    p.add_argument("--dry-run", action="store_true", help="show what would change, change nothing")
    p.set_defaults(func=cmd_import_edits)


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.services import export

    fmt = args.fmt or {".csv": "csv", ".jsonl": "jsonl"}.get(args.out.suffix.lower(), "xlsx")
    filters = export.ExportFilter(kind=args.kind, analyst=args.author, status=args.status,
                                  report=args.report, region=args.region, year=args.year)
    project = open_for(args)
    try:
        with progress.bar("export", "tag") as moved:
            result = export.export(project, args.out, fmt, filters, moved, lang=args.lang)
    finally:
        project.close()
    for path in result.paths:
        print(f"wrote  {path}")
    counts = ", ".join(f"{k}: {n}" for k, n in result.counts.items())
    print(f"{result.total} tags exported ({counts})")
    return 0


def cmd_import_edits(args: argparse.Namespace) -> int:
    from desktop.services import excel_edits

    project = open_for(args)
    try:
        if args.dry_run:
            result = excel_edits.preview(project, args.path)
        else:
            try:
                _, result = excel_edits.apply(project, args.path)
            except excel_edits.EditsRefused:
                result = excel_edits.preview(project, args.path)
                _print(result, sys.stderr)
                raise CliError(f"{len(result.errors)} bad values; nothing was imported.") from None
    finally:
        project.close()
    _print(result, sys.stdout)
    if args.dry_run:
        print("dry run: nothing was changed")
        if result.errors:  # a script must see that applying this file would be refused
            raise CliError(f"{len(result.errors)} bad values; importing this file would change nothing.")
    elif not result.changes:
        print("nothing to apply: the project already holds what the workbook says")
    return 0


def _print(result: Any, out: Any) -> None:
    for label, items in (("change", result.changes), ("conflict", result.conflicts),
                         ("ignored", result.ignored), ("error", result.errors)):
        for item in items:
            out.write(f"{label:8}  {item.tag_id[:8]}  {item.describe()}\n")
    out.write(result.summary() + "\n")
