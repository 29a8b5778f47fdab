"""Print every benchmark's figures, as a table or (--json) a JSON list of
{"name", "value", "unit", "budget"}. CI does not time these; the closing notes do.

Each `benchmarks/bench_*.py` module has `run() -> list[dict]`; `--only NAME` runs one.
Each module runs in a process of its own, so memory figures count only what it loads.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import subprocess
import sys
import traceback
from typing import Any


def modules() -> list[str]:
    import benchmarks

    return sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.startswith("bench_"))


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", action="append", default=[], help="bench module, e.g. reader")
    parser.add_argument("--in-process", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    figures: list[dict[str, Any]] = []
    failed = False
    for name in modules():
        if args.only and name.removeprefix("bench_") not in args.only and name not in args.only:
            continue
        if not args.in_process:
            child = subprocess.run(
                [sys.executable, "-m", "benchmarks", "--json", "--in-process", "--only", name],
                capture_output=True, text=True)
            if child.returncode != 0:
                failed = True
                sys.stderr.write(f"benchmark {name} failed:\n{child.stderr}\n")
            if child.stdout.strip():
                figures.extend(json.loads(child.stdout))
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
        print(f"{'figure':<{width}}  {'value':>12}  unit   budget")
        for f in figures:
            budget = f.get("budget")
            mark = ""
            if budget is not None:
                mark = "ok" if f["value"] <= budget else "OVER"
            value = f["value"]
            shown = f"{value:12.1f}" if isinstance(value, float) else f"{value:>12}"
            print(f"{f['name']:<{width}}  {shown}  {f['unit']:<5}  "
                  f"{'' if budget is None else '< ' + str(budget)} {mark}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
