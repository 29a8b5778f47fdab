"""Print every benchmark's figures, as a table or (--json) a JSON list of
{"name", "value", "unit", "budget"}. CI does not time these; the closing notes do.

Each `benchmarks/bench_*.py` module has `run() -> list[dict]`; `--only NAME` runs one.
Each module runs in a process of its own, so memory figures count only what it loads,
and `--runs N` times (default 5, or $REPORTMARK_BENCH_RUNS): each figure is the median
of its runs, so that one slow run (a busy machine) does not decide. The table shows the
runs' lowest and highest value beside it; the JSON carries them as "runs".
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import statistics
import subprocess
import sys
import traceback
from typing import Any


def modules() -> list[str]:
    import benchmarks

    return sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.startswith("bench_"))


def median_of(runs: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """One figure per name, in the first run's order: the median of the values the runs
    gave it (the lower middle for whole numbers, so counts stay whole)."""
    values: dict[str, list[Any]] = {}
    first: dict[str, dict[str, Any]] = {}
    for figures in runs:
        for f in figures:
            values.setdefault(f["name"], []).append(f["value"])
            first.setdefault(f["name"], f)
    merged = []
    for name, f in first.items():
        seen = values[name]
        if len(seen) == 1 or not all(isinstance(v, (int, float)) for v in seen):
            merged.append(f)
            continue
        whole = all(isinstance(v, int) for v in seen)
        middle = statistics.median_low(seen) if whole else statistics.median(seen)
        merged.append({**f, "value": middle if whole else round(middle, 3),
                       "runs": sorted(seen)})
    return merged


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", action="append", default=[], help="bench module, e.g. reader")
    parser.add_argument("--runs", type=int,
                        default=int(os.environ.get("REPORTMARK_BENCH_RUNS", "5")),
                        help="runs of each module; each figure is their median (default 5)")
    parser.add_argument("--in-process", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    figures: list[dict[str, Any]] = []
    failed = False
    for name in modules():
        if args.only and name.removeprefix("bench_") not in args.only and name not in args.only:
            continue
        if not args.in_process:
            runs = []
            for _ in range(max(1, args.runs)):
                child = subprocess.run(
                    [sys.executable, "-m", "benchmarks", "--json", "--in-process", "--only", name],
                    capture_output=True, text=True)
                if child.returncode != 0:
                    failed = True
                    sys.stderr.write(f"benchmark {name} failed:\n{child.stderr}\n")
                if child.stdout.strip():
                    runs.append(json.loads(child.stdout))
            figures.extend(median_of(runs))
            continue
        try:
            module = importlib.import_module(f"benchmarks.{name}")
            figures.extend(module.run())
        except Exception:
            failed = True
            sys.stderr.write(f"benchmark {name} failed:\n{traceback.format_exc()}\n")
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
    else:
        width = max((len(f["name"]) for f in figures), default=10)
        print(f"{'figure (median of runs)':<{width}}  {'value':>12}  unit   budget   "
              f"runs (lowest – highest)")
        for f in figures:
            budget = f.get("budget")
            mark = ""
            if budget is not None:
                mark = "ok" if f["value"] <= budget else "OVER"
            value = f["value"]
            shown = f"{value:12.1f}" if isinstance(value, float) else f"{value:>12}"
            runs = f.get("runs")
            spread = f"{runs[0]} – {runs[-1]} ({len(runs)})" if runs else ""
            limit = "" if budget is None else f"< {budget} {mark}"
            print(f"{f['name']:<{width}}  {shown}  {f['unit']:<5}  {limit:<9} {spread}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
