"""Suggester throughput: all rules over a ~1 MB report built from the eval texts.

docs/design.md sets no budget for suggestions, so `budget` is None.
"""

from __future__ import annotations

import time
from pathlib import Path

from desktop.domain.suggesters import suggest
from desktop.domain.suggestion import ReportContext

_REPO = Path(__file__).resolve().parents[1]
_SOURCES = [
    _REPO / "seeds" / "000_f66df8a97ae95764.txt",
    *sorted((_REPO.parent / "shared" / "eval").glob("*.txt")),
]
_TARGET_BYTES = 1_000_000


def _corpus() -> str:
    parts = [p.read_text(encoding="utf-8") for p in _SOURCES if p.is_file()]
    if not parts:
        parts = ["今年主要预期目标是：地区生产总值增长5%左右。深入实施“十大行动”。"]
    unit = "\n".join(parts) + "\n"
    repeat = max(1, _TARGET_BYTES // len(unit.encode("utf-8")) + 1)
    return unit * repeat


def run() -> list[dict[str, object]]:
    text = _corpus()
    mb = len(text.encode("utf-8")) / 1_000_000
    context = ReportContext(region="", year=2026)
    t0 = time.perf_counter()
    found = suggest(text, context)
    elapsed = time.perf_counter() - t0
    t1 = time.perf_counter()
    suggest(text, context, kinds=("metric",))
    metric_only = time.perf_counter() - t1
    return [
        {"name": f"suggest all kinds on {mb:.2f} MB", "value": round(elapsed * 1000, 1),
         "unit": "ms", "budget": None},
        {"name": "suggest metrics only, same text", "value": round(metric_only * 1000, 1),
         "unit": "ms", "budget": None},
        {"name": "suggestions per MB", "value": round(len(found) / mb), "unit": "count",
         "budget": None},
        {"name": "suggest throughput", "value": round(mb / elapsed, 2), "unit": "MB/s",
         "budget": None},
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
