"""import, reports, show, set-report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.commands import progress
from desktop.commands.common import CliError, open_for, print_json
from desktop.commands.records import report_record, tag_records
from desktop.services import importing, reports, tags


def register(sub: Any) -> None:
    p = sub.add_parser("import", help="import report files",
                       description="Import report files (txt, md, docx, pdf, html, scans). "
                       "The metadata options override what is read from the files (for "
                       "every report imported). Creates the project if it does not exist. "
                       "Exits 1 if any file was refused (the refusals go to stderr).")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE",
                   help="report files; a file already imported is skipped")
    _metadata_options(p, "title of the report (only with one file holding one article)")
    p.add_argument("--json", action="store_true",
                   help="print one JSON object: the imported reports as report records, "
                        "the skipped and the refused files")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("set-report", help="change a report's title, agency, region or year",
                       description="Change the metadata of a report already imported (as "
                       "the library's metadata dialog does). Its suggestions then use the "
                       "new region and year.")
    p.add_argument("id", metavar="ID", help="the report's id or a unique prefix")
    _metadata_options(p, "the report's title")
    p.set_defaults(func=cmd_set_report)

    p = sub.add_parser("reports", help="list the project's reports")
    p.add_argument("--json", action="store_true",
                   help="print a JSON list of report records instead of a table")
    p.set_defaults(func=cmd_reports)

    p = sub.add_parser("show", help="one report: metadata, text, structure and tags")
    p.add_argument("id", metavar="ID", help="the report's id or a unique prefix")
    p.add_argument("--json", action="store_true",
                   help="print the report record with its text, structure and tag records")
    p.set_defaults(func=cmd_show)


YEAR_HELP = ("the year the report reviews, e.g. 2025 for a 2026 work report that reviews "
             "2025 and plans 2026 (figures with no time stated are dated by it)")


def _metadata_options(p: argparse.ArgumentParser, title_help: str) -> None:
    p.add_argument("--title", help=title_help)
    p.add_argument("--agency", help="the issuing body, e.g. 湖南省工业和信息化厅")
    p.add_argument("--region", help="the place the report is about, e.g. 湖南 (全国 for a "
                   "national report)")
    p.add_argument("--year", metavar="YEAR", help=YEAR_HELP)


def _given_metadata(args: argparse.Namespace) -> dict[str, Any]:
    return {key: getattr(args, key) for key in ("title", "agency", "region", "year")
            if getattr(args, key) is not None}


def cmd_import(args: argparse.Namespace) -> int:
    metadata = _given_metadata(args)
    importing.check_overrides(metadata, len(args.files))  # before opening the project
    project = open_for(args, create=True)
    try:
        total = len(args.files)
        with progress.bar("import", "file") as moved:
            def step(i: int, name: str) -> bool:
                moved(i, total, name)
                return True  # go on (the window's cancel button says False)
            outcome = importing.import_files(project, args.files, metadata=metadata,
                                             progress=step)
            moved(total, total, "")
        imported = {rid for rid, _ in outcome.imported}
        records = [report_record(r) for r in reports.library(project) if r.id in imported] \
            if args.json else []
    finally:
        project.close()
    for _name, reason in outcome.refused:  # refusals are errors: stderr, and exit 1
        sys.stderr.write(f"reportmark: refused: {' '.join(reason.split())}\n")
    if args.json:
        print_json({"imported": records,
                    "skipped": [{"title": t, "reason": r} for t, r in outcome.skipped],
                    "refused": [{"file": n, "reason": r} for n, r in outcome.refused]})
        return 1 if outcome.refused else 0
    for rid, title in outcome.imported:
        print(f"imported  {rid[:8]}  {title}")
    for title, reason in outcome.skipped:
        print(f"skipped   {title}: {reason}")
    print(f"{len(outcome.imported)} imported, {len(outcome.skipped)} skipped, "
          f"{len(outcome.refused)} refused")
    return 1 if outcome.refused else 0


def cmd_reports(args: argparse.Namespace) -> int:
    project = open_for(args)
    try:
        rows = reports.library(project)
    finally:
        project.close()
    if args.json:
        print_json([report_record(r) for r in rows])
        return 0
    for r in rows:
        counts = " ".join(f"{k}:{n}" for k, n in sorted(r.tag_counts.items())) or "-"
        print(f"{r.id[:8]}  {r.region or '-':4}  {r.year or '-':4}  {r.chars:>7}  {counts:24}  {r.title}")
    return 0


def cmd_set_report(args: argparse.Namespace) -> int:
    metadata = _given_metadata(args)
    if not metadata:
        raise CliError("give at least one of --title, --agency, --region, --year")
    reports.check_metadata(metadata)  # bad input: one line, the project not even opened
    project = open_for(args)
    try:
        rid = reports.resolve(project, args.id)
        reports.update_metadata(project, rid, **metadata)
        doc = reports.document(project, rid)
    finally:
        project.close()
    assert doc is not None
    print(f"updated  {rid[:8]}  {doc.region or '-'}  {doc.year or '-'}  {doc.agency or '-'}  "
          f"{doc.title}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    project = open_for(args)
    try:
        rid = reports.resolve(project, args.id)
        doc = reports.document(project, rid)
        assert doc is not None
        if args.json:
            row = next(r for r in reports.library(project) if r.id == rid)
            print_json({**report_record(row), "text": doc.text,
                        "structure": doc.structure.as_dict(),
                        "tags": tag_records(project, rid)})
            return 0
        rows = tags.table(project, rid)
    finally:
        project.close()
    print(f"{doc.title}\n{doc.agency}  {doc.region}  {doc.year or ''}\n")
    print(doc.text)
    if rows:
        print("\nTags:")
        for t in rows:
            print(f"  [{t.start},{t.end}) {t.kind:8} {t.quote}  ({t.author}, {t.status})")
    return 0
