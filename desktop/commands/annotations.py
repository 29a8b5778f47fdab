"""import-annotations FILE and export-annotations OUT --format F: annotations of doccano,
Label Studio, brat and WebAnno/INCEpTION TSV brought in as tags and taken out again.

The mapping of labels to kinds and the reports matched or imported are printed before
anything is written; the write needs --yes (or a "y" on a terminal); --dry-run only
prints."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.commands.common import CliError, open_for, print_json
from desktop.io.annotations import FORMATS


def register(sub: Any) -> None:
    p = sub.add_parser("import-annotations",
                       help="bring in annotations from doccano, Label Studio, brat or INCEpTION")
    p.add_argument("file", type=Path, metavar="FILE",
                   help="doccano .jsonl, Label Studio .json, brat .ann/.txt (or a folder of "
                        "them), WebAnno/INCEpTION TSV 3 .tsv")
    p.add_argument("--format", choices=FORMATS, help="the file's format (default: guessed)")
    p.add_argument("--dry-run", action="store_true",
                   help="print the mapping and what would be written, write nothing")
    p.add_argument("--yes", "-y", action="store_true", help="write without asking")
    p.add_argument("--json", action="store_true", help="the plan and the summary as JSON")
    p.set_defaults(func=cmd_import)

    e = sub.add_parser("export-annotations", help="write the tags for doccano, Label Studio, "
                                                  "brat or INCEpTION")
    e.add_argument("out", type=Path, metavar="OUT",
                   help="the file to write (brat, and TSV for several reports: a folder)")
    e.add_argument("--format", choices=FORMATS, required=True, help="the format to write")
    e.add_argument("--report", action="append", metavar="ID",
                   help="only this report (id or unique prefix; repeatable)")
    e.add_argument("--kind", action="append", metavar="KEY",
                   help="only tags of this kind (repeatable)")
    e.set_defaults(func=cmd_export)


def _print_plan(plan: Any, as_json: bool) -> None:
    if as_json:
        print_json({"plan": {
            "format": plan.fmt, "documents": len(plan.docs), "spans": plan.spans,
            "matched": [{"document": d, "report": r} for d, r in plan.matched],
            "new_reports": list(plan.new_reports),
            "labels": [{"label": m.label, "kind": m.kind_key, "new": m.new, "spans": m.spans}
                       for m in plan.labels]}})
        return
    print(f"{len(plan.docs)} document(s), {plan.spans} span(s) ({plan.fmt})")
    print("labels → kinds:")
    for m in plan.labels:
        what = "new kind" if m.new else "existing kind"
        print(f"  {m.label} → {m.kind_key} ({what} {m.kind_name!r}), {m.spans} span(s)")
    print(f"reports: {len(plan.matched)} matched by text, {len(plan.new_reports)} to import")
    for name in plan.new_reports:
        print(f"  + {name}")


def _confirmed(args: argparse.Namespace) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise CliError("nothing written: add --yes to write these annotations "
                       "(or --dry-run to only see the mapping)")
    answer = input("Write these annotations into the project? [y/N] ")
    return answer.strip().lower() in ("y", "yes")


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.services import annotations

    if not args.file.exists():
        raise CliError(f"{args.file}: no such file or folder")
    fmt, docs = annotations.read(args.file, args.format)
    project = open_for(args)
    try:
        plan = annotations.plan(project, fmt, docs)
        _print_plan(plan, args.json)
        if args.dry_run:
            if not args.json:
                print("dry run: nothing written")
            return 0
        if not _confirmed(args):
            print("nothing written")
            return 1
        outcome = annotations.apply(project, plan)
    finally:
        project.close()
    if args.json:
        print_json({"summary": {
            "reports_imported": outcome.reports_imported,
            "reports_matched": outcome.reports_matched,
            "kinds_created": list(outcome.kinds_created), "tags_created": outcome.tags_created,
            "already_tagged": outcome.already_tagged, "by_kind": outcome.by_kind}})
    else:
        kinds = ", ".join(f"{k}: {n}" for k, n in sorted(outcome.by_kind.items())) or "none"
        print(f"{outcome.tags_created} tags created ({kinds}); {outcome.already_tagged} "
              f"already tagged; {outcome.reports_imported} report(s) imported, "
              f"{outcome.reports_matched} matched; new kinds: "
              f"{', '.join(outcome.kinds_created) or 'none'}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.services import annotations, reports

    project = open_for(args)
    try:
        ids = [reports.resolve(project, r) for r in args.report] if args.report else None
        files, docs, spans = annotations.export(project, args.out, args.format, ids, args.kind)
    finally:
        project.close()
    print(f"{spans} span(s) of {docs} report(s) written to "
          f"{files[0] if len(files) == 1 else args.out} ({args.format})")
    return 0
