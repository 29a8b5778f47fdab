"""train [--kind K], and suggest … --source learned|all (the learned suggester:
desktop/services/learning.py)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from desktop.commands.common import CliError, open_for, print_json


def register(sub: Any) -> None:
    p = sub.add_parser("train", help="train the learned suggesters on the project's tags")
    p.add_argument("--kind", metavar="KEY",
                   help="only this kind (default: every kind with enough tags)")
    p.add_argument("--json", action="store_true", help="one JSON object per kind")
    p.set_defaults(func=cmd_train)


def cmd_train(args: argparse.Namespace) -> int:
    from desktop.services import learning

    project = open_for(args)
    try:
        _, outcomes = learning.train(project, args.kind)
    finally:
        project.close()
    if not outcomes:
        print(f"no kind has {learning.MIN_EXAMPLES} tags yet: nothing to train")
    for o in outcomes:
        if args.json:
            print_json({"kind": o.kind, "trained": o.trained, "examples": o.examples,
                        "sentences": o.sentences, "seconds": round(o.seconds, 3),
                        "reason": o.reason})
        elif o.trained:
            print(f"{o.kind}: trained on {o.examples} tags in {o.sentences} sentences "
                  f"({o.seconds:.2f} s)")
        else:
            print(f"{o.kind}: not trained ({o.reason}; {o.examples} so far)")
    return 0 if all(o.trained for o in outcomes) else 1


Emit = Callable[[list[dict[str, Any]], bool], None]


def suggest_learned(args: argparse.Namespace, emit: Emit, row: Callable[..., dict[str, Any]]) -> int:
    from desktop.services import learning, reports

    project = open_for(args)
    try:
        if args.report is not None:
            rid = reports.resolve(project, args.report)
            found = learning.suggest(project, rid, args.source)
            rows = [row(rid, x.suggestion.kind, x.suggestion.start, x.suggestion.end,
                        x.suggestion.text, x.suggestion.fields, x.suggestion.rule, x.confidence)
                    for x in found]
        else:
            rows = _for_file(args, project, row)
    finally:
        project.close()
    emit(rows, args.json)
    return 0


def _for_file(args: argparse.Namespace, project: Any,
              row: Callable[..., dict[str, Any]]) -> list[dict[str, Any]]:
    """A file's learned suggestions (offsets into the file's text as read, as for the rules'
    suggestions of a file; --source all adds the rules' where no learned span overlaps)."""
    from desktop.io.importers import read_reports
    from desktop.io.text_files import ImportRefused
    from desktop.services import learning, suggestions

    try:
        parsed = read_reports(args.file)
    except ImportRefused as exc:
        raise CliError(str(exc)) from None
    loaded = learning.taggers(project)
    rows: list[dict[str, Any]] = []
    for rep in parsed:
        found: list[tuple[str, int, int, str, dict[str, Any], float | None]] = []
        for kind, tagger in loaded.items():
            for a, b, p in learning.predict(tagger, rep.text):
                found.append((kind, a, b, f"{learning.ORIGIN_PREFIX}{kind}", {}, round(p, 3)))
        if args.source == "all":
            headings = suggestions.headings_of(rep.text, rep.structure)
            for item in suggestions.compute(rep.text, rep.region, rep.year, headings):
                same = [f for f in found if f[0] == item["kind"]
                        and f[1] < item["end"] and item["start"] < f[2]]
                found = [f for f in found if f not in same]
                agreed = max((f[5] or 0.0 for f in same), default=None)
                found.append((item["kind"], item["start"], item["end"], item["rule"],
                              item["fields"], agreed))
        for kind, a, b, rule, fields, conf in sorted(found, key=lambda f: (f[1], f[2])):
            raw_a, raw_b = rep.source_map.to_raw(a), rep.source_map.to_raw(b - 1) + 1
            rows.append(row(rep.title, kind, raw_a, raw_b, rep.text[a:b], fields, rule, conf))
    return rows
