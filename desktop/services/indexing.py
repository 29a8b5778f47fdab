"""The search index, built in bounded pieces (issue 11, item 16).

A report is stored in its import transaction without its index; its text is then
indexed a chunk at a time (db/queries/search.py: CHUNK_CHARS), each chunk its own short
transaction, so the write lock is released between pieces and a colleague's or a
second window's write gets in within a fraction of a second. A kill between pieces
leaves the report stored and searchable by scan; its index is completed by the next
import or, a few pieces at a time, by the next searches (`complete_index`).

The index is derived data: failing to write a piece (the project busy beyond the busy
timeout, read-only) leaves it for later and is not an import failure.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable

from db.errors import ProjectError
from db.queries import search as q
from desktop.domain.search_text import fold
from desktop.services.project import Project

log = logging.getLogger(__name__)

PAUSE_SHARE = 0.25
MIN_PAUSE_S = 0.005


def index_reports(project: Project, report_ids: Iterable[str],
                  max_chars: int | None = None) -> int:
    """Index these reports, a chunk per transaction, until done or until about
    `max_chars` characters were indexed. Returns how many reports are complete."""
    done = 0
    budget = max_chars
    held: float | None = None  # how long the last piece held the lock
    for report_id in report_ids:
        with project.uow() as session:
            if not q.has_index(session):
                return 0
            stored = q.report_text(session, report_id)
        if stored is None:
            continue
        folded = fold(stored)
        while True:
            if budget is not None and budget <= 0:
                return done
            if held is not None:
                # SQLite's lock is not a queue: a waiting writer polls (every 100 ms at
                # worst), so a piece begun at once would starve it. Pause a share of
                # the last piece's time between pieces.
                time.sleep(max(MIN_PAUSE_S, held * PAUSE_SHARE))
            started = time.perf_counter()
            try:
                with project.uow.begin() as session:
                    q.lock_for_writing(session)
                    finished = q.index_next(session, report_id, folded)
            except ProjectError as exc:  # busy beyond the timeout, read-only: later
                log.info("indexing paused: %s", exc)
                return done
            held = time.perf_counter() - started
            if budget is not None:
                budget -= q.CHUNK_CHARS
            if finished:
                done += 1
                break
    return done


def complete_index(project: Project, max_chars: int | None = None) -> int:
    """Index the reports whose index is missing or incomplete (an upgraded project, a
    merge, an import killed between pieces); `max_chars` bounds the work done now.
    Returns how many were completed."""
    with project.uow() as session:
        pending = q.missing_from_index(session)
    if not pending:
        return 0
    return index_reports(project, pending, max_chars)
