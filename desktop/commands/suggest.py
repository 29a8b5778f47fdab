"""suggest (FILE | --report ID) [--json] [--apply].

For a FILE, the suggesters run on each article's stored text (as an import would store
it) and offsets are mapped back into the file's text as read, so the output can be
scored against gold spans on the file; "report" is the article's title. For
`--report ID`, offsets are into the stored text and "report" is the id.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.commands.common import CliError, open_for, print_json

TEXT_SUFFIXES = (".txt", ".md", ".text")


def register(sub: Any) -> None:
    p = sub.add_parser("suggest", help="suggested metrics, programs and targets")
    p.add_argument("file", nargs="?", type=Path, metavar="FILE",
                   help="a report file (txt, md, docx, pdf, html)")
    p.add_argument("--report", metavar="ID", help="a report in the project (id or unique prefix)")
    p.add_argument("--json", action="store_true",
                   help="one JSON object per line; its fields are named as in docs/fields.md "
                        "(a metric's period as YYYY-MM..YYYY-MM, with period_start and "
                        "period_end)")
    p.add_argument("--apply", action="store_true",
                   help="turn the suggestions into tags by the acting analyst")
    p.add_argument("--source", choices=("rules", "learned", "all"), default="rules",
                   help="the rules, the models learned from the project's tags (reportmark "
                        "train), or both (one suggestion where they agree); learned ones have "
                        "rule learned:KIND and a confidence")
    p.set_defaults(func=cmd_suggest)


def cmd_suggest(args: argparse.Namespace) -> int:
    if (args.file is None) == (args.report is None):
        raise CliError("give either a FILE or --report ID")
    if args.source != "rules" and args.apply:
        raise CliError("--apply takes the rules' suggestions only; leave out --source")
    if args.source != "rules":
        from desktop.commands.learned import suggest_learned

        return suggest_learned(args, _emit, _row)
    if args.report is not None:
        return _for_report(args)
    return _for_file(args)


# --- output --------------------------------------------------------------------------


def _summary(fields: dict[str, Any]) -> str:
    parts = []
    for key in ("indicator", "value", "unit", "period", "region", "year", "name", "category"):
        value = fields.get(key)
        if value not in (None, ""):
            parts.append(f"{key}={value}")
    return " ".join(parts)


def _emit(rows: list[dict[str, Any]], as_json: bool) -> None:
    if as_json:
        for row in rows:
            print_json(row)
        return
    for row in rows:
        sys.stdout.write(
            f"{str(row['report'])[:16]:16}  {row['kind']:7}  {row['start']:>6}-{row['end']:<6}  "
            f"{row['rule']:26}  {row['text']}  {_summary(row['fields'])}\n"
        )
    kinds: dict[str, int] = {}
    for row in rows:
        kinds[row["kind"]] = kinds.get(row["kind"], 0) + 1
    counts = ", ".join(f"{k}: {n}" for k, n in sorted(kinds.items())) or "none"
    sys.stdout.write(f"{len(rows)} suggestions ({counts})\n")


def _row(report: str, kind: str, start: int, end: int, text: str, fields: dict[str, Any],
         rule: str, confidence: float | None = None) -> dict[str, Any]:
    row = {"report": report, "kind": kind, "start": start, "end": end, "text": text,
           "fields": fields, "rule": rule}
    if confidence is not None:
        row["confidence"] = confidence
    return row


def _print_applied(applied: list[tuple[str, str, dict[str, int]]], as_json: bool) -> None:
    total = 0
    for rid, title, by_kind in applied:
        n = sum(by_kind.values())
        total += n
        if as_json:
            print_json({"report": rid, "title": title, "created": n, "by_kind": by_kind})
        else:
            counts = ", ".join(f"{k}: {v}" for k, v in sorted(by_kind.items())) or "none"
            print(f"{rid[:8]}  {n} tags created ({counts})  {title}")
    if not as_json:
        print(f"{total} tags created in {len(applied)} report(s)")


# --- a report of the project ---------------------------------------------------------


def _for_report(args: argparse.Namespace) -> int:
    from desktop.services import reports, suggestions

    project = open_for(args)
    try:
        rid = reports.resolve(project, args.report)
        if args.apply:
            _print_applied([_apply(project, rid)], args.json)
            return 0
        found = suggestions.for_report(project, rid)
    finally:
        project.close()
    _emit([_row(rid, s.kind, s.start, s.end, s.text, s.fields, s.rule) for s in found],
          args.json)
    return 0


def _apply(project: Any, rid: str) -> tuple[str, str, dict[str, int]]:
    from desktop.services import reports, suggestions

    _, created = suggestions.accept_all(project, rid)
    by_kind: dict[str, int] = {}
    for kind in suggestions.kinds_of_tags(project, created):
        by_kind[kind] = by_kind.get(kind, 0) + 1
    doc = reports.document(project, rid)
    return rid, doc.title if doc else "", by_kind


# --- a file --------------------------------------------------------------------------


def _raw_text(path: Path) -> str | None:
    """The file's text as read (what the offsets index), for text formats."""
    if path.suffix.lower() not in TEXT_SUFFIXES:
        return None
    from desktop.domain.radicals import map_radicals
    from desktop.domain.report_text import normalise
    from desktop.io.text_files import read_text_file

    return normalise(map_radicals(read_text_file(path)))


def _bold_part(start: int, end: int, emphasis: tuple[tuple[int, int], ...]) -> tuple[int, int]:
    """A span reaching into a **bold** figure from outside (增长**7.8%**) is given as the
    bold part only, as the annotation guidelines mark it in the file; the bold markers
    would otherwise fall inside the span."""
    for a, b in emphasis:
        if a < end and start < b and (start < a or end > b):
            return max(a, start), min(b, end)
    return start, end


def _for_file(args: argparse.Namespace) -> int:
    from desktop.io.importers import read_reports
    from desktop.io.text_files import ImportRefused
    from desktop.services import suggestions

    path: Path = args.file
    try:
        parsed = read_reports(path)
        raw = _raw_text(path)
    except ImportRefused as exc:
        raise CliError(str(exc)) from None
    if args.apply:
        return _apply_file(args, path, parsed)
    rows: list[dict[str, Any]] = []
    for rep in parsed:
        headings = suggestions.headings_of(rep.text, rep.structure)
        for item in suggestions.compute(rep.text, rep.region, rep.year, headings):
            start, end = _bold_part(item["start"], item["end"], rep.structure.emphasis)
            if (start, end) != (item["start"], item["end"]):
                item["text"] = rep.text[start:end]
            raw_start = rep.source_map.to_raw(start)
            raw_end = rep.source_map.to_raw(end - 1) + 1
            # where the mapping is exact (the span crosses no bold marker or page
            # break), the file's characters must be the suggestion's
            exact = raw is not None and raw_end - raw_start == end - start
            if exact and raw is not None and raw[raw_start:raw_end] != item["text"]:
                raise CliError(f"{path.name}: offsets do not map back to the file "
                                   f"at {raw_start}–{raw_end}; please report this")
            rows.append(_row(rep.title, item["kind"], raw_start, raw_end, item["text"],
                             item["fields"], item["rule"]))
    _emit(rows, args.json)
    return 0


def _apply_file(args: argparse.Namespace, path: Path, parsed: list[Any]) -> int:
    from desktop.services import importing, suggestions

    project = open_for(args)  # imports the file into an existing project (only
    # `import` and the window create one: a mistyped --db must not make a new project)
    try:
        importing.add_parsed(project, parsed, path.name)
        applied = []
        for rep in parsed:
            rid = suggestions.report_id_for_text(project, rep.text)
            if rid is not None:
                applied.append(_apply(project, rid))
    finally:
        project.close()
    _print_applied(applied, args.json)
    return 0
