"""Fields flow everywhere, from the command line: `suggest --json` names them as
docs/fields.md does, accepted suggestions keep them into the workbook, and a report's
metadata is set on import or afterwards with `set-report`."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from desktop.cli import main
from tests.conftest import SEED

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def listed(capsys: pytest.CaptureFixture[str], db: str) -> list[dict[str, Any]]:
    code, out, err = run(capsys, "--db", db, "reports", "--json")
    assert code == 0, err
    rows: list[dict[str, Any]] = json.loads(out)
    return rows


def assert_period_fields(fields: dict[str, Any]) -> None:
    start, end = fields["period_start"], fields["period_end"]
    assert MONTH.match(start) and MONTH.match(end), fields
    assert fields["period"] == f"{start}..{end}"
    assert start <= end


def test_suggest_json_has_period_with_its_start_and_end(capsys: pytest.CaptureFixture[str],
                                                        tmp_path: Path) -> None:
    code, out, err = run(capsys, "suggest", str(SEED), "--json")
    assert code == 0, err
    metrics = [r for r in lines(out) if r["kind"] == "metric"]
    assert len(metrics) > 20
    for row in metrics:
        assert_period_fields(row["fields"])
        assert {"indicator", "value", "value_high", "unit", "region", "direction"} <= set(row["fields"])
    # the same for a report of the project
    db = str(tmp_path / "p.rmk")
    run(capsys, "--db", db, "import", str(SEED))
    rid = listed(capsys, db)[0]["id"]
    code, out, err = run(capsys, "--db", db, "suggest", "--report", rid, "--json")
    assert code == 0, err
    metrics = [r for r in lines(out) if r["kind"] == "metric"]
    assert metrics
    for row in metrics:
        assert_period_fields(row["fields"])


def test_applied_suggestions_fill_the_workbook_period_columns(capsys: pytest.CaptureFixture[str],
                                                               tmp_path: Path,
                                                               project_path: Path) -> None:
    db = str(project_path)
    code, _, err = run(capsys, "--db", db, "--analyst", "alice", "suggest", str(SEED), "--apply")
    assert code == 0, err
    out_xlsx = tmp_path / "tags.xlsx"
    code, _, err = run(capsys, "--db", db, "export", str(out_xlsx))
    assert code == 0, err
    sheet = openpyxl.load_workbook(out_xlsx)["Metric"]
    rows = list(sheet.iter_rows(values_only=True))
    headers = list(rows[0])
    period, start, end = (headers.index(h) for h in ("Period", "Period start", "Period end"))
    body = rows[1:]
    assert len(body) > 20
    for row in body:
        assert row[period] and str(row[period]).strip(), row
        assert MONTH.match(str(row[start])) and MONTH.match(str(row[end])), row
    # the period reads as words (2025年, 2025年前三季度), not as the stored key
    assert all(".." not in str(row[period]) for row in body)
    # the JSON Lines export keeps every field the suggestion filled
    out_jsonl = tmp_path / "tags.jsonl"
    code, _, err = run(capsys, "--db", db, "export", str(out_jsonl), "--kind", "metric")
    assert code == 0, err
    records = lines(out_jsonl.read_text(encoding="utf-8"))
    assert records
    for rec in records:
        fields = rec["fields"]
        assert_period_fields(fields)
        assert {"direction", "qualifier", "value_high"} <= set(fields)


def test_import_with_metadata_overrides_the_file(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    db = str(tmp_path / "p.rmk")
    code, out, err = run(capsys, "--db", db, "import", str(SEED), "--region", "全国",
                         "--year", "2024", "--agency", "工业和信息化部")
    assert code == 0 and "2 imported" in out, err
    rows = listed(capsys, db)
    assert [(r["region"], r["year"], r["agency"]) for r in rows] == [("全国", 2024, "工业和信息化部")] * 2
    code, out, _ = run(capsys, "--db", db, "suggest", "--report", rows[0]["id"], "--json")
    metrics = [r["fields"] for r in lines(out) if r["kind"] == "metric"]
    assert metrics and {f["region"] for f in metrics} >= {"全国"}


def test_import_title_names_one_report_only(capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    db = str(tmp_path / "p.rmk")
    # the seed holds two articles
    code, out, err = run(capsys, "--db", db, "import", str(SEED), "--title", "T")
    assert code == 1 and out == "" and err.count("\n") == 1 and "2 articles" in err
    assert listed(capsys, db) == []
    one = tmp_path / "one.txt"
    one.write_text("某省工业报告\n\n2025年，全省规上工业增加值增长6.5%。\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", db, "import", str(one), str(SEED), "--title", "T")
    assert code == 1 and err.count("\n") == 1 and "2 files" in err
    assert listed(capsys, db) == []
    code, out, err = run(capsys, "--db", db, "import", str(one), "--title", "某省2025年报告",
                         "--year", "2025")
    assert code == 0, err
    assert [(r["title"], r["year"]) for r in listed(capsys, db)] == [("某省2025年报告", 2025)]


def test_set_report_changes_metadata_and_the_suggestions(capsys: pytest.CaptureFixture[str],
                                                         tmp_path: Path) -> None:
    db = str(tmp_path / "p.rmk")
    run(capsys, "--db", db, "import", str(SEED))
    before = listed(capsys, db)[0]
    rid = before["id"]
    code, out, _ = run(capsys, "--db", db, "suggest", "--report", rid, "--json")
    old = [r for r in lines(out) if r["kind"] == "metric"]
    assert old and all(r["fields"]["region"] != "江西" for r in old)
    code, out, err = run(capsys, "--db", db, "set-report", rid[:8], "--region", "江西",
                         "--year", "2023", "--title", "新标题")
    assert code == 0 and err == "" and rid[:8] in out
    after = next(r for r in listed(capsys, db) if r["id"] == rid)
    assert (after["region"], after["year"], after["title"], after["agency"]) == \
        ("江西", 2023, "新标题", before["agency"])
    code, out, _ = run(capsys, "--db", db, "suggest", "--report", rid, "--json")
    new = [r for r in lines(out) if r["kind"] == "metric"]
    # the figures about the report's own place now name the new one
    assert sum(r["fields"]["region"] == "江西" for r in new) > len(new) // 2
    # and the figures with no time stated are dated by the new year
    assert any(r["fields"]["period"] == "2023-01..2023-12" for r in new)


@pytest.mark.parametrize("argv, message", [
    (["--year", "20x5"], "year must be a number"),
    (["--year", "3000"], "year must be a number"),
    (["--title", "  "], "needs a title"),
    ([], "give at least one of"),
    ("unknown-id", "no report with id"),
])
def test_set_report_refuses_bad_input_and_changes_nothing(
    argv: list[str] | str, message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    db = str(tmp_path / "p.rmk")
    run(capsys, "--db", db, "import", str(SEED))
    before = listed(capsys, db)
    if isinstance(argv, str):
        args = ["set-report", "zzzz", "--region", "江西"]
    else:
        args = ["set-report", before[0]["id"], *argv]
    code, out, err = run(capsys, "--db", db, *args)
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and err.startswith("reportmark: error:") and message in err
    assert listed(capsys, db) == before


def test_help_says_what_the_year_is(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("import", "set-report"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = " ".join(capsys.readouterr().out.split())
        assert "the year the report reviews" in out
