"""import, reports, show, set-report."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.commands.common import CliError, open_for, print_json
from desktop.services import importing, reports, tags


def register(sub: Any) -> None:
    p = sub.add_parser("import", help="import report files",
                       description="Import report files. The metadata options override "
                       "what is read from the files (for every report imported).")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    _metadata_options(p, "title of the report (only with one file holding one article)")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("set-report", help="change a report's title, agency, region or year",
                       description="Change the metadata of a report already imported (as "
                       "the library's metadata dialog does). Its suggestions then use the "
                       "new region and year.")
    p.add_argument("id", metavar="ID", help="the report's id or a unique prefix")
    _metadata_options(p, "the report's title")
    p.set_defaults(func=cmd_set_report)

    p = sub.add_parser("reports", help="list the project's reports")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_reports)

    p = sub.add_parser("show", help="one report: metadata, text, structure and tags")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
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
        outcome = importing.import_files(project, args.files, metadata=metadata)
    finally:
        project.close()
    for rid, title in outcome.imported:
        print(f"imported  {rid[:8]}  {title}")
    for title, reason in outcome.skipped:
        print(f"skipped   {title}: {reason}")
    for _name, reason in outcome.refused:
        print(f"refused   {reason}")
    print(f"{len(outcome.imported)} imported, {len(outcome.skipped)} skipped, "
          f"{len(outcome.refused)} refused")
    return 1 if outcome.refused and not outcome.imported else 0


def cmd_reports(args: argparse.Namespace) -> int:
    project = open_for(args)
    try:
        rows = reports.library(project)
    finally:
        project.close()
    if args.json:
        print_json([
            {"id": r.id, "title": r.title, "agency": r.agency, "region": r.region,
             "year": r.year, "chars": r.chars, "tags": r.tag_counts}
            for r in rows
        ])
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
        rows = tags.table(project, rid)
    finally:
        project.close()
    if args.json:
        print_json({
            "id": doc.id, "title": doc.title, "agency": doc.agency, "region": doc.region,
            "year": doc.year, "source_file": doc.source_file, "text": doc.text,
            "structure": doc.structure.as_dict(),
            "tags": [
                {"id": t.id, "kind": t.kind, "start": t.start, "end": t.end, "text": t.quote,
                 "fields": t.fields, "author": t.author, "origin": t.origin, "status": t.status,
                 "note": t.note}
                for t in rows
            ],
        })
        return 0
    print(f"{doc.title}\n{doc.agency}  {doc.region}  {doc.year or ''}\n")
    print(doc.text)
    if rows:
        print("\nTags:")
        for t in rows:
            print(f"  [{t.start},{t.end}) {t.kind:8} {t.quote}  ({t.author}, {t.status})")
    return 0
