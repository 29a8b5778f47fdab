"""The reader against docs/design.md's budgets: open a 1 MB report with 10 000 tags and a
5 MB report with 100 000 tags (load, text, highlights painted), scroll a wheel notch,
key press → tag committed and painted (the regions the press marked for repaint, painted
as the next frame paints them), and memory. Data is generated in a temporary
project with Core bulk inserts; nothing is kept."""

from __future__ import annotations

import gc
import multiprocessing
import resource
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import insert

# about 300 characters, the length of a paragraph in a provincial work report
PARAGRAPH = ("前三季度，湖南工业经济增长7.8%，居全国第10、经济十强省第2。持续深化“智赋万企”行动，"
             "全省新增1家领航级、7家卓越级、176家先进级智能工厂，12722个智能工位。"
             "创新开展校企合作“双进双转”活动，推动省内外高校与2876家企业开展对接，达成合作项目535个、"
             "合同金额7.9亿元，预计未来三年将新增产值超300亿元。支持企业新立项揭榜挂帅项目44项，"
             "突破了高性能高可靠国产DSP芯片、新一代动力型三元正极材料等一批创新成果。")


def _make_report(project: Any, chars: int, n_tags: int) -> str:
    from db.models import Report, Tag, TagKind
    from desktop.domain.report_text import text_sha256

    para = (PARAGRAPH + "\n\n")
    text = (para * (chars // len(para) + 1))[:chars]
    rid = str(uuid.uuid4())
    with project.uow.begin() as session:
        kinds = {k.key: k.id for k in session.query(TagKind)}
        session.execute(insert(Report), [{
            "id": rid, "title": f"bench {chars}", "agency": "", "region": "湖南", "year": 2025,
            "published": "", "source_file": "", "text": text, "sha256": text_sha256(text),
            "structure": {}, "char_count": len(text),
        }])
        step = max(1, len(text) // n_tags)
        rows = []
        keys = list(kinds.values())
        for i in range(n_tags):
            start = min(i * step, len(text) - 6)
            rows.append({
                "id": str(uuid.uuid4()), "report_id": rid, "kind_id": keys[i % 3],
                "start": start, "end": start + 5, "quote": text[start:start + 5], "fields": {},
                "note": "", "author_id": project.analyst_id, "origin": "bench",
                "status": "open", "version": 1,
            })
        for k in range(0, len(rows), 20_000):
            session.execute(insert(Tag), rows[k:k + 20_000])
    return rid


def _make_project(path: str) -> tuple[str, str]:
    """Build the benchmark project (run in a child process, so the measured process
    holds only what the app itself loads)."""
    from desktop.services.project import open_project_as

    project = open_project_as(path, "bench")
    try:
        return _make_report(project, 1_000_000, 10_000), _make_report(project, 5_000_000, 100_000)
    finally:
        project.close()


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run() -> list[dict[str, Any]]:
    from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
    from PySide6.QtGui import QUndoStack, QWheelEvent
    from PySide6.QtWidgets import QApplication

    from desktop.app import build, make_application
    from desktop.services.project import open_project_as
    from desktop.ui.main_window import MainWindow

    app = make_application()
    figures: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "bench.rmk")
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            small, large = pool.apply(_make_project, (path,))
        project = open_project_as(path, "bench")
        # the reader alone: suggestions are computed in a worker process and would add
        # that process's start to the first figure, and their results (when the worker
        # for the report opened first happens to finish in time) to the memory figures
        window = MainWindow(QUndoStack())
        window.act_suggestions.setChecked(False)
        parts = build(project, window)
        window.resize(1400, 900)
        window.show()
        app.processEvents()
        rss_before = _rss_mb()

        def open_timed(rid: str) -> float:
            gc.collect()
            t0 = time.perf_counter()
            parts.shown.open_report(rid)
            window.reader.viewport().repaint()
            return (time.perf_counter() - t0) * 1000

        open_timed(small)  # warm caches (fonts, queries)
        figures.append({"name": "open 1 MB report, 10 000 tags, painted",
                        "value": round(min(open_timed(small) for _ in range(3)), 1),
                        "unit": "ms", "budget": 120})
        figures.append({"name": "open 5 MB report, 100 000 tags, painted",
                        "value": round(min(open_timed(large) for _ in range(2)), 1),
                        "unit": "ms", "budget": 400})
        gc.collect()
        figures.append({"name": "memory: app + 5 MB report + 100 000 tags",
                        "value": round(_rss_mb(), 1), "unit": "MB", "budget": 200})
        reader = window.reader
        viewport = reader.viewport()
        times = []
        for i in range(120):
            delta = -120 if (i // 40) % 2 == 0 else 120
            event = QWheelEvent(QPointF(200, 200), QPointF(reader.mapToGlobal(QPoint(200, 200))),
                                QPoint(0, 0), QPoint(0, delta), Qt.MouseButton.NoButton,
                                Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
            t0 = time.perf_counter()
            QApplication.sendEvent(viewport, event)
            viewport.repaint()
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        figures.append({"name": "scroll one wheel notch, 100 000 tags (p50)",
                        "value": round(statistics.median(times), 2), "unit": "ms", "budget": 6})
        figures.append({"name": "scroll one wheel notch, 100 000 tags (p95)",
                        "value": round(times[int(len(times) * 0.95)], 2), "unit": "ms", "budget": 20})
        parts.shown.open_report(small)

        def paint_pending() -> None:
            """Paint every region of the window marked for repaint, now (the window's
            posted update request, which the event loop would deliver next)."""
            QApplication.sendPostedEvents(window, QEvent.Type.UpdateRequest)

        press = []
        text = reader.text()
        for i in range(20):
            start = text.find("7.8%", 1000 + i * 5000)
            reader.select_span(start, start + 4)
            paint_pending()  # the selection's own repaint is not the key press's
            t0 = time.perf_counter()
            parts.editing.create_tag("metric", start, start + 4)
            paint_pending()  # what the press changed, as the next frame paints it
            press.append((time.perf_counter() - t0) * 1000)
        figures.append({"name": "key press → tag committed and painted (10 000 tags)",
                        "value": round(statistics.median(press), 1), "unit": "ms", "budget": 5})
        figures.append({"name": "memory growth while open", "value": round(_rss_mb() - rss_before, 1),
                        "unit": "MB", "budget": None})
        window.close()
        project.close()
    return figures
