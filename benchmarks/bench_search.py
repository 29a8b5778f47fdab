"""Search across 1 000 reports (~50 MB of text) and import throughput.

The library is generated in a temporary folder from the seed and the evaluation texts,
their paragraphs permuted per report so no two texts are equal, inserted with Core
bulk inserts and indexed as the importer does (nothing generated is kept).
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
REPORTS = 1000
TARGET_CHARS = 50 * 1024 * 1024 // 3 // REPORTS  # ~50 MB of UTF-8, mostly 3-byte Han
BUDGET_MS = 50.0


def _paragraphs() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    shared = REPO.parent / "shared" / "eval"
    texts += [p.read_text(encoding="utf-8") for p in sorted(shared.glob("*.txt"))]
    paras = [p.strip().replace("**", "") for t in texts for p in t.split("\n") if p.strip()]
    return paras


def _texts(rng: random.Random) -> list[str]:
    paras = _paragraphs()
    out: list[str] = []
    for i in range(REPORTS):
        chosen: list[str] = [f"第{i}号报告"]
        size = 0
        while size < TARGET_CHARS:
            p = rng.choice(paras)
            chosen.append(p)
            size += len(p) + 2
        out.append("\n\n".join(chosen))
    return out


def _timed(fn: Any, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def run() -> list[dict[str, Any]]:
    from sqlalchemy import insert

    from db.models import Report
    from db.queries import search as search_q
    from desktop.domain.report_text import text_sha256
    from desktop.services.importing import import_files
    from desktop.services.project import open_project_as
    from desktop.services.search import search_project

    rng = random.Random(7)
    texts = _texts(rng)
    figures: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        project = open_project_as(Path(tmp) / "bench.rmk", "bench")
        try:
            t0 = time.perf_counter()
            with project.uow.begin() as session:
                rows = [
                    {"id": f"{i:08d}-0000-0000-0000-000000000000", "title": f"报告{i}",
                     "text": t, "sha256": text_sha256(t), "char_count": len(t),
                     "structure": {}}
                    for i, t in enumerate(texts)
                ]
                session.execute(insert(Report), rows)
                for row in rows:
                    search_q.index_report(session, row["id"], row["text"])
            build_s = time.perf_counter() - t0
            mb = sum(len(t.encode()) for t in texts) / 2**20
            figures.append({"name": f"search: build and index {REPORTS} reports ({mb:.0f} MB)",
                            "value": round(build_s, 2), "unit": "s", "budget": None})
            from desktop.services.reports import library

            library(project)  # warm
            t0 = time.perf_counter()
            rows = library(project)
            figures.append({"name": f"library rows for {len(rows)} reports (query)",
                            "value": round((time.perf_counter() - t0) * 1000, 1), "unit": "ms",
                            "budget": None})
            for label, query, regex in (
                ("search: 4-character phrase across the project (FTS5)", "智赋万企", False),
                ("search: 6-character phrase across the project (FTS5)", "高质量发展成", False),
                ("search: 2-character query across the project (scan, first 1000 hits)", "工业", False),
                ("search: rare 2-character query across the project (full scan)", "龘龘", False),
                ("search: regular expression across the project (first 1000 hits)", r"增长\d+(\.\d+)?%", True),
            ):
                ms = _timed(lambda q=query, r=regex: search_project(project, q, regex=r))
                figures.append({"name": label, "value": round(ms, 1), "unit": "ms",
                                "budget": BUDGET_MS})
            with project.uow() as session:
                cache_mb = search_q.text_cache(session).nbytes() / 2**20
            figures.append({"name": "search: in-memory text cache after these searches",
                            "value": round(cache_mb, 1), "unit": "MB", "budget": None})
            # the first search of a session reads every folded text into the cache
            fresh = open_project_as(Path(tmp) / "bench.rmk", "bench")
            try:
                t0 = time.perf_counter()
                search_project(fresh, "龘龘")
                cold_ms = (time.perf_counter() - t0) * 1000
            finally:
                fresh.close()
            figures.append({"name": "search: first full scan after opening (cold cache)",
                            "value": round(cold_ms, 1), "unit": "ms", "budget": None})
            # import throughput: 100 text files through the real importer
            folder = Path(tmp) / "files"
            folder.mkdir()
            paths = []
            for i in range(100):
                path = folder / f"r{i:03}.txt"
                path.write_text(f"导入{i}\n\n湖南省工业和信息化厅\n\n" + texts[i][:20000], encoding="utf-8")
                paths.append(path)
            t0 = time.perf_counter()
            import_files(project, paths)
            secs = time.perf_counter() - t0
            figures.append({"name": "import: text files through the importer", "value":
                            round(len(paths) / secs, 1), "unit": "files/s", "budget": None})
            figures.append({"name": "import: text throughput", "value":
                            round(sum(p.stat().st_size for p in paths) / 2**20 / secs, 2),
                            "unit": "MB/s", "budget": None})
        finally:
            project.close()
    return figures


if __name__ == "__main__":
    for f in run():
        print(f)
