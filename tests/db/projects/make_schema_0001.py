"""Builds schema_0001.rmk, a small project as ReportMark saved it under schema 0001 (the
first release): Alembic runs the 0001 migration only, then plain SQL fills it with a
report, kinds, two analysts' tags, history, a review, a link, a program and an alias, a
rejected suggestion, report states and a setting. Fixed ids and times, so it is the same
file every time (given the same SQLite).

    PYTHONPATH=. .venv/bin/python tests/db/projects/make_schema_0001.py

tests/db/test_migrations.py opens the committed file with the current code.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "schema_0001.rmk"

TEXT = ("湖南省2024年政府工作报告\n\n"
        "全省地区生产总值增长4.8%，规模以上工业增加值增长7.7%。\n"
        "深入实施“智赋万企”行动，新增上市企业10家。\n")
AT = "2025-01-06 09:30:00.000000"


def migrate_to_0001(path: Path) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from db.migrations import SCRIPT_LOCATION

    engine = create_engine(f"sqlite+pysqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0001")
    finally:
        engine.dispose()


def fill(path: Path) -> None:
    def span(needle: str) -> tuple[int, int]:
        start = TEXT.index(needle)
        return start, start + len(needle)

    gdp, listed, program = span("增长4.8%"), span("新增上市企业10家"), span("“智赋万企”行动")
    metric_state = {"id": "t-metric", "report_id": "r-hunan", "kind": "metric",
                    "start": gdp[0], "end": gdp[1], "quote": "增长4.8%",
                    "fields": {"indicator": "地区生产总值", "value": "4.8", "unit": "%"},
                    "note": "", "author_id": "a-alice", "origin": "manual", "status": "open"}
    with sqlite3.connect(path) as conn:
        conn.executemany("INSERT INTO analyst VALUES (?, ?, ?, ?)", [
            ("a-alice", "alice", "#2563eb", AT), ("a-bob", "bob", "#db2777", AT)])
        conn.executemany("INSERT INTO tag_kind VALUES (?, ?, ?, ?, ?, ?, ?)", [
            ("k-metric", "metric", "Metric", "指标", "#2563eb", "1", 0),
            ("k-program", "program", "Program", "举措", "#059669", "2", 1),
            ("k-target", "target", "Target", "目标", "#d97706", "3", 2)])
        conn.executemany("INSERT INTO tag_field VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
            ("f-indicator", "k-metric", "indicator", "Indicator", "指标名称", "text", "[]", 0),
            ("f-value", "k-metric", "value", "Value", "数值", "number", "[]", 1),
            ("f-unit", "k-metric", "unit", "Unit", "单位", "text", "[]", 2),
            ("f-name", "k-program", "name", "Name", "名称", "text", "[]", 0)])
        conn.execute("INSERT INTO report VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (
            "r-hunan", "湖南省2024年政府工作报告", "湖南省人民政府", "湖南", 2024, "2024-01-21",
            "hunan_2024.txt", TEXT, "0" * 64, json.dumps({"headings": [[0, 13, 1]]}),
            len(TEXT), AT))
        conn.executemany(
            "INSERT INTO tag VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
                ("t-metric", "r-hunan", "k-metric", *gdp, "增长4.8%",
                 json.dumps(metric_state["fields"], ensure_ascii=False), "", "a-alice",
                 "manual", "open", AT, AT, 1),
                ("t-listed", "r-hunan", "k-metric", *listed, "新增上市企业10家",
                 json.dumps({"value": "10", "unit": "家"}, ensure_ascii=False), "核对",
                 "a-bob", "suggestion:metric", "accepted", AT, AT, 2),
                ("t-program", "r-hunan", "k-program", *program, "“智赋万企”行动",
                 json.dumps({"name": "智赋万企行动", "program_id": "p-zhifu"},
                            ensure_ascii=False), "", "a-alice", "manual", "open", AT, AT, 1)])
        conn.execute("INSERT INTO tag_link VALUES (?, ?, ?, ?, ?)",
                     ("l-part", "t-metric", "t-listed", "part", AT))
        conn.executemany(
            "INSERT INTO tag_event (tag_id, analyst_id, action, state, created_at) "
            "VALUES (?, ?, ?, ?, ?)", [
                ("t-metric", "a-alice", "created",
                 json.dumps(metric_state, ensure_ascii=False), AT),
                # as schema 0001's app wrote a review with a comment: cut to 30 characters
                ("t-listed", "a-alice", "reviewed: accept (checked agai",
                 json.dumps({**metric_state, "id": "t-listed", "status": "accepted"},
                            ensure_ascii=False), AT)])
        conn.execute("INSERT INTO review VALUES (?, ?, ?, ?, ?, ?)",
                     ("v-1", "t-listed", "a-alice", "accept", "checked against table 2", AT))
        conn.execute("INSERT INTO program VALUES (?, ?, ?, ?, ?)",
                     ("p-zhifu", "智赋万企行动", "digital", "provincial", "省工信厅"))
        conn.execute("INSERT INTO program_alias VALUES (?, ?, ?)",
                     ("pa-1", "p-zhifu", "智赋万企"))
        conn.execute("INSERT INTO rejected_suggestion (report_id, kind_key, start, \"end\", "
                     "analyst_id) VALUES (?, ?, ?, ?, ?)", ("r-hunan", "target", 5, 9, "a-bob"))
        conn.executemany("INSERT INTO report_state (report_id, analyst_id, state, updated_at) "
                         "VALUES (?, ?, ?, ?)", [("r-hunan", "a-alice", "done", AT),
                                                 ("r-hunan", "a-bob", "in_progress", AT)])
        conn.execute("INSERT INTO setting VALUES (?, ?)", ("export.language", "zh"))
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA page_size = 1024")  # a small file to keep in the repository
        conn.execute("VACUUM")


def build(out: Path = OUT) -> Path:
    out.unlink(missing_ok=True)
    migrate_to_0001(out)
    fill(out)
    return out


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
