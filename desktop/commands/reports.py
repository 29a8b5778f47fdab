"""import, reports, show."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.commands.common import open_for, print_json
from desktop.services import importing, reports, tags


def register(sub: Any) -> None:
    p = sub.add_parser("import", help="import report files")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("reports", help="list the project's reports")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_reports)

    p = sub.add_parser("show", help="one report: metadata, text, structure and tags")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)


def cmd_import(args: argparse.Namespace) -> int:
    project = open_for(args)
    try:
        outcome = importing.import_files(project, args.files)
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
