"""Merge a colleague's project of 100 000 tags (docs/design.md budget: < 3 s).

Both projects are generated in a temporary folder with Core bulk inserts: the same 20
reports (each project with its own report ids, matched by text hash), and in the
colleague's project 100 000 tags with one history event each, as a real project has.
Nothing generated is kept.
"""

from __future__ import annotations

import hashlib
import random
import tempfile
import time
from pathlib import Path
from typing import Any

TAGS = 100_000
REPORTS = 20
BUDGET_S = 3.0


def _report_texts() -> list[str]:
    rng = random.Random(6)
    words = ["工业", "增加值", "增长", "前三季度", "“智赋万企”行动", "亿元", "同比", "湖南",
             "制造业", "数字经济", "%", "，", "。"]
    return [f"第{i}篇 " + "".join(rng.choice(words) for _ in range(20_000)) for i in range(REPORTS)]


def _make_project(path: Path, analyst: str, texts: list[str], tags: int) -> None:
    from sqlalchemy import insert, select

    from db.base import new_id, utcnow
    from db.models import Report, Tag, TagEvent, TagKind
    from desktop.services.project import open_project_as

    project = open_project_as(path, analyst)
    now = utcnow()
    with project.engine.begin() as conn:
        kinds = list(conn.scalars(select(TagKind.id)))
        report_ids = [new_id() for _ in texts]
        conn.execute(insert(Report), [
            {"id": rid, "title": f"report {i}", "text": text, "char_count": len(text),
             "sha256": hashlib.sha256(text.encode()).hexdigest(), "structure": {},
             "agency": "", "region": "湖南", "published": "", "source_file": "",
             "imported_at": now}
            for i, (rid, text) in enumerate(zip(report_ids, texts, strict=True))
        ])
        rng = random.Random(analyst)
        tag_rows: list[dict[str, Any]] = []
        for n in range(tags):
            r = n % len(texts)
            start = rng.randrange(0, len(texts[r]) - 20)
            end = start + rng.randrange(2, 20)
            tag_rows.append({
                "id": new_id(), "report_id": report_ids[r], "kind_id": kinds[n % len(kinds)],
                "start": start, "end": end, "quote": texts[r][start:end],
                "fields": {"value": str(n % 97), "unit": "%"}, "note": "",
                "author_id": project.analyst_id, "origin": "manual", "status": "open",
                "created_at": now, "updated_at": now, "version": 1,
            })
        for i in range(0, len(tag_rows), 10_000):
            conn.execute(insert(Tag), tag_rows[i:i + 10_000])
        events = [{"tag_id": t["id"], "analyst_id": project.analyst_id, "action": "created",
                   "state": {"start": t["start"], "end": t["end"], "fields": t["fields"]},
                   "created_at": now} for t in tag_rows]
        for i in range(0, len(events), 10_000):
            conn.execute(insert(TagEvent), events[i:i + 10_000])
    with project.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    project.close()


def run() -> list[dict[str, Any]]:
    from desktop.services.merge import merge_project
    from desktop.services.project import open_project_as

    texts = _report_texts()
    with tempfile.TemporaryDirectory(prefix="rm-bench-merge-") as tmp:
        theirs = Path(tmp) / "colleague.rmk"
        mine = Path(tmp) / "mine.rmk"
        _make_project(theirs, "bob", texts, TAGS)
        _make_project(mine, "alice", texts, 0)
        project = open_project_as(mine, "alice")
        try:
            t0 = time.perf_counter()
            outcome = merge_project(project, theirs)
            first = time.perf_counter() - t0
            t0 = time.perf_counter()
            again = merge_project(project, theirs)
            second = time.perf_counter() - t0
        finally:
            project.close()
    assert outcome.tags_added == TAGS and outcome.reports_matched == REPORTS
    assert not again.changed_anything
    return [
        {"name": f"merge a colleague's project of {TAGS:,} tags", "value": round(first, 3),
         "unit": "s", "budget": BUDGET_S},
        {"name": f"merge the same {TAGS:,} tags again (nothing new)", "value": round(second, 3),
         "unit": "s", "budget": BUDGET_S},
    ]


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']:55} {row['value']:>8} {row['unit']}  (budget {row['budget']})")
