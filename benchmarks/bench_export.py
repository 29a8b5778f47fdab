"""Export 100 000 tags to xlsx: time and peak memory, against docs/design.md's budget
(< 8 s, < 50 MB above the app).

The same rows are also written with openpyxl's write-only mode in the same run, so the
choice of XlsxWriter (constant-memory) stays a measured one (issue 5). The project is
built with Core bulk inserts (110 000 rows/s; `add_all` is six times slower).

    python -m benchmarks.bench_export        # a readable table
"""

from __future__ import annotations

import gc
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

N_TAGS = 100_000
N_REPORTS = 20
BUDGET_S = 8.0
BUDGET_MB = 50.0


def _build(path: Path) -> Any:
    from sqlalchemy import insert, select

    from db.base import utcnow
    from db.models import Report, Tag, TagKind
    from desktop.domain.report_text import text_sha256
    from desktop.services.project import open_project_as

    project = open_project_as(path, "bench")
    seed = (Path(__file__).resolve().parents[1] / "seeds" / "000_f66df8a97ae95764.txt").read_text(
        encoding="utf-8")
    now = utcnow()
    with project.uow.begin() as session:
        kinds = dict(session.execute(select(TagKind.key, TagKind.id)).tuples().all())
        reports = []
        for r in range(N_REPORTS):
            text = f"报告{r}\n" + seed * 8
            reports.append({"id": str(uuid.uuid4()), "title": f"报告 {r}", "agency": "工业和信息化厅",
                            "region": ("湖南", "广东", "浙江", "江苏")[r % 4], "year": 2025,
                            "text": text, "sha256": text_sha256(text), "char_count": len(text),
                            "structure": {}, "imported_at": now, "published": "",
                            "source_file": f"r{r}.txt"})
        session.execute(insert(Report), reports)
        rows = []
        per = N_TAGS // N_REPORTS
        for rep in reports:
            text = rep["text"]
            step = max((len(text) - 10) // per, 1)
            for i in range(per):
                start = 1 + i * step
                kind = ("metric", "program", "target")[i % 3]
                fields: dict[str, Any] = (
                    {"indicator": f"指标{i % 50}", "value": str(i % 97 + 0.5), "unit": "亿元",
                     "period": "前三季度", "region": rep["region"]} if kind == "metric"
                    else {"name": f"行动{i % 40}", "category": "行动"} if kind == "program"
                    else {"year": "2026", "value": "6", "unit": "%"})
                rows.append({"id": str(uuid.uuid4()), "report_id": rep["id"],
                             "kind_id": kinds[kind], "start": start, "end": start + 6,
                             "quote": text[start:start + 6], "fields": fields, "note": "",
                             "author_id": project.analyst_id, "origin": "manual",
                             "status": "open", "created_at": now, "updated_at": now,
                             "version": 1})
        for i in range(0, len(rows), 10_000):
            session.execute(insert(Tag), rows[i:i + 10_000])
    return project


def _measure(fn: Any) -> tuple[float, float]:
    """Wall time of one run, then peak Python memory of a second run (tracemalloc slows
    the run it watches several times over, so it never times one)."""
    gc.collect()
    t0 = time.perf_counter()
    fn()
    elapsed = time.perf_counter() - t0
    gc.collect()
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak / 2**20


def _openpyxl_write_only(project: Any, out: Path) -> None:
    """The same rows through openpyxl's write-only mode (for comparison only)."""
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    from desktop.io.cells import clean_text
    from desktop.io.export_rows import kind_columns, row_values
    from desktop.services import export

    wb = openpyxl.Workbook(write_only=True)
    kinds = export.kind_specs(project)
    sheets = {}
    for kind in kinds:
        ws = wb.create_sheet(kind.name)
        cols = kind_columns(kind)
        ws.append([c.header for c in cols])
        sheets[kind.key] = (ws, cols)
    bold = InlineFont(b=True)
    with project.uow() as session:
        records: Iterator[Any] = export._records(session, export.ExportFilter())
        for rec in records:
            ws, cols = sheets[rec.kind]
            values = row_values(rec, cols)
            out_row = []
            for v in values:
                if isinstance(v, tuple):
                    parts: list[Any] = [p for p in (clean_text(v[0]),) if p]
                    parts.append(TextBlock(bold, clean_text(v[1])))
                    if v[2]:
                        parts.append(clean_text(v[2]))
                    out_row.append(CellRichText(parts))
                elif isinstance(v, str):
                    out_row.append(clean_text(v))
                else:
                    out_row.append(v)
            ws.append(out_row)
    wb.save(out)


def run() -> list[dict[str, Any]]:
    from desktop.services import export

    with tempfile.TemporaryDirectory(prefix="reportmark-bench-") as tmp:
        project = _build(Path(tmp) / "bench.rmk")
        try:
            out = Path(tmp) / "tags.xlsx"
            seconds, peak = _measure(lambda: export.export(project, out))
            size = out.stat().st_size / 2**20
            o_seconds, o_peak = _measure(lambda: _openpyxl_write_only(project, Path(tmp) / "o.xlsx"))
        finally:
            project.close()
    return [
        {"name": "export 100 000 tags to xlsx (XlsxWriter constant-memory)", "value": round(seconds, 2),
         "unit": "s", "budget": BUDGET_S},
        {"name": "export 100 000 tags: peak Python memory", "value": round(peak, 1), "unit": "MB",
         "budget": BUDGET_MB},
        {"name": "export 100 000 tags: workbook size", "value": round(size, 1), "unit": "MB",
         "budget": None},
        {"name": "same rows, openpyxl write-only (comparison)", "value": round(o_seconds, 2),
         "unit": "s", "budget": None},
        {"name": "same rows, openpyxl write-only: peak Python memory", "value": round(o_peak, 1),
         "unit": "MB", "budget": None},
    ]


if __name__ == "__main__":
    for row in run():
        budget = "" if row["budget"] is None else f"(budget {row['budget']})"
        print(f"{row['name']:60} {row['value']:>8} {row['unit']:3} {budget}")
