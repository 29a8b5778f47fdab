"""Key press → all work done, event loop idle (issue 15): on a 1 MB report with 10 000
tags, tag a selection with 1 and reject a suggestion with X. For each: the SQL
statements the press causes and the database sessions they run in (counted with
SQLAlchemy's `before_cursor_execute` and the pool's `checkout` events), the total time
the GUI thread is busy until the event loop is idle again, and its longest single
block. Times are the GUI thread's CPU time (`time.thread_time`), cut into blocks at the
event dispatcher's awake/aboutToBlock signals: waiting in poll costs none, so the
figures hold on a loaded machine too (wall time would add the other processes' turns).
Medians of several presses; printed, never asserted (tests assert the statement
counts)."""

from __future__ import annotations

import multiprocessing
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

SETTLE_MS = 600  # longer than any coalescing timer the window uses (the library's: 150)
PRESSES = 7


def _make_project(path: str) -> str:
    from benchmarks.bench_reader import _make_report
    from desktop.services.project import open_project_as

    project = open_project_as(path, "bench")
    try:
        return _make_report(project, 1_000_000, 10_000)
    finally:
        project.close()


class Meter:
    """Statements, sessions and busy blocks of the GUI thread while it is armed."""

    def __init__(self, engine: Any) -> None:
        from sqlalchemy import event

        from PySide6.QtCore import QAbstractEventDispatcher

        self.statements = 0
        self.sessions = 0
        self.blocks: list[float] = []
        self._mark = time.thread_time()
        self.armed = False
        event.listen(engine, "before_cursor_execute", self._statement)
        event.listen(engine.pool, "checkout", self._checkout)
        dispatcher = QAbstractEventDispatcher.instance()
        assert dispatcher is not None
        dispatcher.awake.connect(self._cut)
        dispatcher.aboutToBlock.connect(self._cut)

    def _statement(self, *_args: Any) -> None:
        if self.armed:
            self.statements += 1

    def _checkout(self, *_args: Any) -> None:
        if self.armed:
            self.sessions += 1

    def _cut(self) -> None:
        """A block ends: the CPU time since the last cut was one stretch of work."""
        now = time.thread_time()
        if self.armed:
            self.blocks.append((now - self._mark) * 1000)
        self._mark = now

    def press(self, before: Any, action: Any) -> tuple[int, int, float, float]:
        """(statements, sessions, total busy ms, longest block ms) of one press; `before`
        (the selection it acts on) is done and settled first, and not counted."""
        from PySide6.QtCore import QEventLoop, QTimer

        before()
        settle = QEventLoop()
        QTimer.singleShot(SETTLE_MS, settle.quit)
        settle.exec()
        self.statements = self.sessions = 0
        self.blocks = []
        self.armed = True
        self._mark = time.thread_time()
        action()  # the key press itself, delivered synchronously
        self._cut()
        loop = QEventLoop()
        QTimer.singleShot(SETTLE_MS, loop.quit)
        loop.exec()
        self.armed = False
        blocks = [b for b in self.blocks if b > 0.05]
        return self.statements, self.sessions, sum(blocks), max(blocks, default=0.0)


def _figures(name: str, runs: list[tuple[int, int, float, float]],
             statement_budget: int) -> list[dict[str, Any]]:
    return [
        {"name": f"{name}: SQL statements", "value": int(statistics.median(r[0] for r in runs)),
         "unit": "", "budget": statement_budget},
        {"name": f"{name}: database sessions", "value": int(statistics.median(r[1] for r in runs)),
         "unit": "", "budget": 1},
        {"name": f"{name}: all work done (10 000 tags)",
         "value": round(statistics.median(r[2] for r in runs), 1), "unit": "ms", "budget": 16},
        {"name": f"{name}: longest block", "value": round(statistics.median(r[3] for r in runs), 1),
         "unit": "ms", "budget": 16},
    ]


def run() -> list[dict[str, Any]]:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest

    from desktop.app import build, make_application
    from desktop.services.project import open_project_as

    app = make_application()
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "bench.rmk")
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            report_id = pool.apply(_make_project, (path,))
        project = open_project_as(path, "bench")
        parts = build(project, report_id=report_id)
        window, reader = parts.window, parts.window.reader
        window.resize(1400, 900)
        window.show()
        parts.shown.open_report(report_id)
        deadline = time.perf_counter() + 120  # the suggestions come from a worker process
        while not reader.suggestions() and time.perf_counter() < deadline:
            loop = QEventLoop()
            QTimer.singleShot(50, loop.quit)
            loop.exec()
        meter = Meter(project.engine)
        text = reader.text()

        def select_text(i: int) -> None:
            start = text.index("智能工位", 20_000 + i * 7_000)
            reader.select_span(start, start + 4)

        def select_suggestion(i: int) -> None:
            marks = reader.suggestions()
            reader.select_mark(marks[min(len(marks) - 1, 40 + i)].id)

        def key(which: Qt.Key) -> None:
            QTest.keyClick(reader, which)

        figures: list[dict[str, Any]] = []
        tagged = [meter.press(lambda i=i: select_text(i), lambda: key(Qt.Key.Key_1))
                  for i in range(PRESSES + 1)][1:]
        figures += _figures("tag with 1", tagged, 6)
        if reader.suggestions():
            rejected = [meter.press(lambda i=i: select_suggestion(i), lambda: key(Qt.Key.Key_X))
                        for i in range(PRESSES + 1)][1:]
            figures += _figures("reject with X", rejected, 6)
        window.close()
        app.processEvents()
        project.close()
    return figures
