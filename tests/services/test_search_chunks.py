"""The search index in chunks (issue 11, item 16): a report is indexed after its import,
a chunk per transaction; a phrase across a chunk boundary is found through the index,
a report whose index is incomplete is found by scan, and an index left incomplete by a
kill between pieces is completed later."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import text

from db.queries import search as q
from desktop.services import importing, reports
from desktop.services import search as search_service
from desktop.services.project import open_project_as
from desktop.services.search import search_project, search_report
from tests.conftest import REPO

PHRASE = "鑫淼焱垚犇骉"  # nowhere in the filler
TAIL = "磊晶鳞次栉比"  # only past the first chunk


def _long_report(path: Path) -> None:
    """A report of 2.5 chunks: PHRASE straddles the end of the first chunk, TAIL lies
    in the last one."""
    filler = "全年规上工业增加值增长百分之七点八，智赋万企行动深入推进"
    body = (filler * (3 * q.CHUNK_CHARS // len(filler)))[: q.CHUNK_CHARS * 5 // 2]
    body = body[:-200] + TAIL + body[-200 + len(TAIL):]
    path.write_text(f"湖南省工业和信息化厅\n\n长篇报告\n\n{body}", encoding="utf-8")


def _chunks(project, report_id: str) -> list[tuple[int, int, int]]:
    with project.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT start, stop, final FROM report_fts_doc WHERE report_id = :r ORDER BY start"),
            {"r": report_id})]


def _import_long(project, tmp_path: Path) -> str:
    src = tmp_path / "long.txt"
    _long_report(src)
    # PHRASE where the first chunk ends, once the stored text's offset is known
    outcome = importing.import_files(project, [src])
    (report_id, _), = outcome.imported
    doc = reports.document(project, report_id)
    assert doc is not None
    at = q.CHUNK_CHARS - 3
    stored = doc.text[:at] + PHRASE + doc.text[at + len(PHRASE):]
    with project.engine.begin() as conn:  # the text and its index anew (the trigger drops it)
        conn.execute(text("UPDATE report SET text = :t WHERE id = :r"), {"t": stored, "r": report_id})
    search_service.sync_index(project)
    return report_id


def test_a_phrase_across_a_chunk_boundary_is_found_through_the_index(project, tmp_path: Path):
    rid = _import_long(project, tmp_path)
    chunks = _chunks(project, rid)
    assert len(chunks) == 3 and chunks[-1][2] == 1
    assert chunks[1][0] == chunks[0][1] - q.MAX_PHRASE  # overlapping by MAX_PHRASE
    with project.uow() as session:  # the index itself holds it, not only the scan
        cache = q.text_cache(session)
        cache.refresh(session)
        assert cache.matching(session, f'"{PHRASE}"') == {rid}
        assert cache.incomplete() == set()
    doc = reports.document(project, rid)
    assert doc is not None
    hits = search_project(project, PHRASE).hits
    assert [(h.start, h.end) for h in hits] == [(q.CHUNK_CHARS - 3, q.CHUNK_CHARS - 3 + len(PHRASE))]
    assert [h.start for h in search_project(project, TAIL).hits] == [doc.text.index(TAIL)]
    # the text rebuilt from overlapping chunks is the whole text: every occurrence found
    assert len(search_project(project, "智赋万企", limit=100_000).hits) == doc.text.count("智赋万企")
    at = q.CHUNK_CHARS - 300  # too long for the index: scanned
    longer = doc.text[at : at + q.MAX_PHRASE + 50]
    assert PHRASE in longer and [h.start for h in search_project(project, longer).hits] == [at]


def test_a_report_whose_index_is_incomplete_is_found_by_scan(project, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch):
    rid = _import_long(project, tmp_path)
    doc = reports.document(project, rid)
    assert doc is not None
    monkeypatch.setattr(search_service, "SEARCH_INDEXES_CHARS", 0)  # searches index nothing
    for left in ("start > 0", "1"):  # the first chunk only, then no chunk at all
        with project.engine.begin() as conn:
            conn.execute(text(f"DELETE FROM report_fts_doc WHERE report_id = :r AND {left}"),
                         {"r": rid})
        assert _chunks(project, rid)[:1] == ([(0, q.CHUNK_CHARS, 0)] if left != "1" else [])
        for query in (TAIL, PHRASE, "栉比"):
            hits = search_project(project, query).hits
            assert [(h.report_id, h.start) for h in hits] == [(rid, doc.text.index(query))]
            assert [h.start for h in search_report(project, rid, query).hits] == [doc.text.index(query)]
    monkeypatch.undo()
    assert search_project(project, TAIL).reports == 1  # and the next searches index it
    with project.uow() as session:
        assert q.missing_from_index(session) == []


KILL_BETWEEN_PIECES = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from sqlalchemy import Engine, event
    from desktop.services.importing import import_files
    from desktop.services.project import open_project_as

    pieces = None  # counted once the report is stored

    @event.listens_for(Engine, "before_cursor_execute")
    def _kill(conn, cursor, statement, *args):
        global pieces
        if statement.startswith("INSERT INTO report ("):
            pieces = 0
        elif pieces is not None and statement.startswith("BEGIN IMMEDIATE"):
            pieces += 1
            if pieces == 3:  # two pieces committed: killed as the third begins
                os._exit(9)

    project = open_project_as(sys.argv[1], "alice")
    import_files(project, [Path(sys.argv[2])])
    os._exit(0)
""")


def test_an_index_left_incomplete_by_a_kill_between_pieces_is_completed(project_path: Path,
                                                                       tmp_path: Path):
    src = tmp_path / "long.txt"
    _long_report(src)
    run = subprocess.run([sys.executable, "-c", KILL_BETWEEN_PIECES, str(project_path), str(src)],
                         cwd=REPO, capture_output=True, text=True, timeout=120)
    assert run.returncode == 9, run.stderr
    project = open_project_as(project_path, "alice", create=False)
    try:
        (row,) = reports.library(project)  # the report is stored whole
        doc = reports.document(project, row.id)
        assert doc is not None and TAIL in doc.text
        assert [c[2] for c in _chunks(project, row.id)] == [0, 0]
        with project.uow() as session:
            assert q.missing_from_index(session) == [row.id]
        small = tmp_path / "small.txt"
        small.write_text("湖南省工业和信息化厅\n\n简报\n\n全年增长7.8%。", encoding="utf-8")
        importing.import_files(project, [small])  # the next import completes it
        with project.uow() as session:
            assert q.missing_from_index(session) == []
        chunks = _chunks(project, row.id)
        assert [c[2] for c in chunks] == [0, 0, 1] and chunks[-1][1] == len(doc.text)
        assert [h.start for h in search_project(project, TAIL).hits] == [doc.text.index(TAIL)]
    finally:
        project.close()
