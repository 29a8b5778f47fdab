"""The GUI's worst frame gap while long work runs (docs/design.md: no gap > 50 ms): an
export of 100 000 tags, a merge of a 100 000-tag project and an import of 50 files, each
run the way the window runs them (desktop.ui.jobs.ProcessJob, a spawned process), while
a 5 ms timer in the GUI thread records how late it fires."""

from __future__ import annotations

import gc
import multiprocessing
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.bench_export import _build as build_export_project
from benchmarks.bench_merge import TAGS, _make_project, _report_texts

TICK_MS = 5


def _worst_gap(target: Any, kwargs: dict[str, Any]) -> tuple[float, float]:
    """(worst gap between timer ticks in ms, the job's wall time in s)."""
    from PySide6.QtCore import QEventLoop, QTimer

    from desktop.ui.jobs import ProcessJob

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    timer = QTimer(interval=TICK_MS)
    timer.timeout.connect(tick)
    loop = QEventLoop()
    job = ProcessJob(target, kwargs)
    outcome: list[object] = []
    job.finished.connect(lambda result: (outcome.append(result), loop.quit()))
    job.failed.connect(lambda message: (outcome.append(RuntimeError(message)), loop.quit()))
    t0 = time.perf_counter()
    timer.start()
    last[0] = time.perf_counter()
    job.start()
    loop.exec()
    timer.stop()
    if outcome and isinstance(outcome[0], RuntimeError):
        raise outcome[0]
    return max(gaps, default=0.0), time.perf_counter() - t0


def _make_data(folder: str) -> None:
    """Build the projects in a child process: 100 000 rows made in the GUI process would
    leave garbage whose collection, not the job, would set the worst gap."""
    build_export_project(Path(folder) / "export.rmk").close()
    texts = _report_texts()
    _make_project(Path(folder) / "theirs.rmk", "bob", texts, TAGS)
    _make_project(Path(folder) / "mine.rmk", "alice", texts, 0)


def run() -> list[dict[str, Any]]:
    from desktop.app import make_application
    from desktop.services.batch_import import import_batch
    from desktop.services.export import export_job
    from desktop.services.merge import merge_job

    make_application()
    figures: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="rm-bench-frames-") as tmp:
        folder = Path(tmp)
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            pool.apply(_make_data, (tmp,))
        gc.collect()
        gap, took = _worst_gap(export_job, {
            "target": str(folder / "export.rmk"), "analyst": "bench",
            "out": str(folder / "out.xlsx"), "fmt": "xlsx", "filters": {}})
        figures.append({"name": f"worst frame gap during an export of 100 000 tags ({took:.1f} s)",
                        "value": round(gap, 1), "unit": "ms", "budget": 50})
        gc.collect()
        gap, took = _worst_gap(merge_job, {"target": str(folder / "mine.rmk"),
                                           "other": str(folder / "theirs.rmk")})
        figures.append({"name": f"worst frame gap during a merge of 100 000 tags ({took:.1f} s)",
                        "value": round(gap, 1), "unit": "ms", "budget": 50})
        seed = (Path(__file__).resolve().parents[1] / "seeds" / "000_f66df8a97ae95764.txt")
        raw = seed.read_text(encoding="utf-8")
        files = []
        for i in range(50):
            path = folder / f"report-{i:02d}.txt"
            path.write_text(raw.replace("湖南", f"湖南{i}").replace("广东", f"广东{i}"),
                            encoding="utf-8")
            files.append(str(path))
        gc.collect()
        gap, took = _worst_gap(import_batch, {"target": str(folder / "import.rmk"),
                                              "analyst": "bench", "paths": files})
        figures.append({"name": f"worst frame gap during an import of 50 files ({took:.1f} s)",
                        "value": round(gap, 1), "unit": "ms", "budget": 50})
    return figures
