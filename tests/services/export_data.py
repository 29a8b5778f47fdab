"""Tags for the export and round-trip tests, made through the tagging service."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.services import reports, tags
from desktop.services.importing import import_files
from desktop.services.project import Project

FORMULA = '=HYPERLINK("http://x","y")'


FORMULA_REPORT = f"公式测试报告\n\n2025年，某市工业增长5%。{FORMULA}出现在正文中。\x07控制符\n"


def make_tags(project: Project, tmp_path: Path) -> dict[str, Any]:
    """A metric on 7.8% (Hunan), a program, a target, and in a third report a program
    whose text is a formula. Returns their ids and the report ids."""
    lib = reports.library(project)
    hunan = next(r for r in lib if r.region == "湖南")
    other = next(r for r in lib if r.id != hunan.id)
    text = reports.document(project, hunan.id).text  # type: ignore[union-attr]
    i = text.index("7.8%")
    metric = tags.create_tag(project, hunan.id, "metric", i, i + 4, fields={
        "indicator": "工业经济增长", "value": "7.8", "unit": "%", "period": "前三季度",
        "region": "湖南", "comparison": "同比"}).new_tag
    j = text.index("“")
    program = tags.create_tag(project, hunan.id, "program", j, text.index("”", j) + 1,
                              fields={"category": "行动"}).new_tag
    other_text = reports.document(project, other.id).text  # type: ignore[union-attr]
    k = other_text.index("2026")
    target = tags.create_tag(project, other.id, "target", k, k + 8,
                             fields={"year": "2026", "value": "6", "unit": "%"}).new_tag
    source = tmp_path / "formula.txt"
    source.write_text(FORMULA_REPORT, encoding="utf-8")
    (formula_report, _), = import_files(project, [source]).imported
    ftext = reports.document(project, formula_report).text  # type: ignore[union-attr]
    m = ftext.index(FORMULA)
    formula = tags.create_tag(project, formula_report, "program", m, m + len(FORMULA),
                              fields={"name": FORMULA, "lead_body": "-5"}).new_tag
    return {"metric": metric, "program": program, "target": target, "formula": formula,
            "hunan": hunan.id, "other": other.id, "formula_report": formula_report, "text": text, "at": i}
