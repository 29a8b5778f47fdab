"""merge, agreement: team work from the command line."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.commands import progress
from desktop.commands.common import open_for, print_json


def register(sub: Any) -> None:
    p = sub.add_parser("merge", help="bring in a colleague's project (idempotent)")
    p.add_argument("other", metavar="OTHER_PROJECT", help="the colleague's project file or URL")
    p.set_defaults(func=cmd_merge)

    p = sub.add_parser("agreement", help="agreement between two analysts")
    p.add_argument("a", metavar="A", help="an analyst's name")
    p.add_argument("b", metavar="B", help="another analyst's name")
    p.add_argument("--json", action="store_true",
                   help="print one JSON object: the figures per kind and overall, and the "
                        "top disagreements")
    p.add_argument("--disagreements", type=int, default=20, metavar="N",
                   help="how many of the ranked disagreements to list (default 20)")
    p.set_defaults(func=cmd_agreement)


def cmd_merge(args: argparse.Namespace) -> int:
    from desktop.services.merge import merge_project

    project = open_for(args)
    try:
        with progress.bar("merge", "step") as moved:
            outcome = merge_project(project, args.other, moved)
    finally:
        project.close()
    print(f"merged: {outcome.summary()}" if outcome.changed_anything
          else "nothing new: the project already holds everything in that one")
    return 0


def cmd_agreement(args: argparse.Namespace) -> int:
    from desktop.services.agreement import agreement

    project = open_for(args)
    try:
        pair = agreement(project, args.a, args.b)
    finally:
        project.close()
    result = pair.result
    top = list(result.disagreements[: max(0, args.disagreements)])
    if args.json:
        print_json({
            **pair.as_dict(),
            "top_disagreements": [
                {"report": d.report_id, "start": d.start, "end": d.end, "reason": d.reason,
                 "kind": d.kind, "detail": d.detail,
                 "a": d.a.quote if d.a else None, "b": d.b.quote if d.b else None}
                for d in top
            ],
        })
        return 0
    print(f"Agreement between {pair.analyst_a} (A) and {pair.analyst_b} (B) "
          f"over {result.reports} reports both tagged")
    print(f"{'kind':10} {'A':>5} {'B':>5} {'exact F1':>9} {'overlap F1':>11} "
          f"{'record F1':>10} {'kappa':>7} {'chars':>7}")
    for fig in (*result.per_kind, result.overall):
        print(f"{fig.kind:10} {fig.count_a:>5} {fig.count_b:>5} {fig.exact.f1:>9.3f} "
              f"{fig.overlap.f1:>11.3f} {fig.record.f1:>10.3f} {fig.kappa:>7.3f} "
              f"{fig.tagged_chars:>7}")
    print(f"\n{len(result.disagreements)} disagreements" + (", most serious first:" if top else ""))
    for d in top:
        shown = d.a or d.b
        text = shown.quote if shown is not None else ""
        print(f"  {d.report_id[:8]} [{d.start},{d.end}) {d.reason:7} {d.kind:8} {text}"
              + (f"  ({d.detail})" if d.detail else ""))
    return 0
