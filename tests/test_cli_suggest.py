"""`reportmark suggest`: JSON lines scored against the development set's gold spans,
--report, --apply and errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from tests.conftest import SEED, SHARED_EVAL

SEED_GOLD = SHARED_EVAL / "seed_000_f66df8a97ae95764.gold.json"
needs_eval = pytest.mark.skipif(not SEED_GOLD.is_file(), reason=f"no shared eval at {SHARED_EVAL}")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _lines(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def _score(gold: Path, pred_lines: str, tmp_path: Path) -> dict[str, dict[str, dict[str, float]]]:
    pred = tmp_path / "pred.jsonl"
    pred.write_text(pred_lines, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SHARED_EVAL / "score.py"), str(gold), str(pred), "--json"],
        capture_output=True, text=True, check=True,
    )
    result: dict[str, dict[str, dict[str, float]]] = json.loads(done.stdout)
    return result


@needs_eval
def test_seed_file_scores_against_gold(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = _run(capsys, "--db", str(tmp_path / "p.rmk"), "suggest", str(SEED), "--json")
    assert code == 0, err
    rows = _lines(out)
    assert rows
    raw = SEED.read_text(encoding="utf-8")
    for row in rows:
        assert set(row) == {"report", "kind", "start", "end", "text", "fields", "rule"}
        start, end = row["start"], row["end"]
        assert isinstance(start, int) and isinstance(end, int)
        assert raw[start:end] == row["text"] or "**" in raw[start:end]
    titles = {row["report"] for row in rows}
    assert len(titles) == 2 and all(isinstance(t, str) and t for t in titles)
    result = _score(SEED_GOLD, out, tmp_path)
    assert result["overlap"]["micro"]["f1"] >= 0.9
    for kind in ("metric", "program"):
        assert result["overlap"][kind]["f1"] >= 0.9
    # FILE without --apply does not need (or create) a project
    assert not (tmp_path / "p.rmk").exists()


@needs_eval
@pytest.mark.parametrize("stem", ["guangdong_2026_review", "hunan_2026_plan",
                                  "shanghai_2026_plan", "shandong_2026_plan"])
def test_eval_texts_score(stem: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = _run(capsys, "suggest", str(SHARED_EVAL / f"{stem}.txt"), "--json")
    assert code == 0, err
    result = _score(SHARED_EVAL / f"{stem}.gold.json", out, tmp_path)
    assert result["overlap"]["micro"]["f1"] >= 0.9


def test_report_offsets_index_the_stored_text(seeded, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    from desktop.services import reports

    rid = reports.library(seeded)[0].id
    doc = reports.document(seeded, rid)
    assert doc is not None
    code, out, err = _run(capsys, "--db", seeded.target, "suggest", "--report", rid[:8], "--json")
    assert code == 0, err
    rows = _lines(out)
    assert rows and all(r["report"] == rid for r in rows)
    for r in rows:
        assert doc.text[int(str(r["start"])):int(str(r["end"]))] == r["text"]
    code, table, _ = _run(capsys, "--db", seeded.target, "suggest", "--report", rid)
    assert code == 0
    assert table.strip().endswith(")") and f"{len(rows)} suggestions" in table


def test_apply_report_creates_tags_once(seeded, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    from desktop.services import reports, tags

    rid = reports.library(seeded)[0].id
    code, out, _ = _run(capsys, "--db", seeded.target, "suggest", "--report", rid, "--json")
    n = len(_lines(out))
    code, out, err = _run(capsys, "--db", seeded.target, "--analyst", "carol",
                          "suggest", "--report", rid, "--apply", "--json")
    assert code == 0, err
    summary = _lines(out)
    assert summary[0]["created"] == n
    rows = tags.table(seeded, rid)
    assert len(rows) == n and {t.author for t in rows} == {"carol"}
    assert all(t.origin.startswith("suggestion:") for t in rows)
    code, out, _ = _run(capsys, "--db", seeded.target, "suggest", "--report", rid, "--apply")
    assert code == 0 and "0 tags created" in out


def test_apply_file_imports_then_tags(capsys: pytest.CaptureFixture[str], project_path: Path) -> None:
    db = str(project_path)
    code, out, err = _run(capsys, "--db", db, "suggest", str(SEED), "--apply")
    assert code == 0, err
    assert "tags created in 2 report(s)" in out
    code, out, _ = _run(capsys, "--db", db, "reports", "--json")
    listed = json.loads(out)
    assert len(listed) == 2
    assert all(sum(r["tag_counts"].values()) > 10 for r in listed)
    # again: nothing imported twice; the only new tags are mentions of programs that the
    # first run put in the registry (found anywhere in the text, rule program.registry)
    code, out, _ = _run(capsys, "--db", db, "suggest", str(SEED), "--apply", "--json")
    assert code == 0
    again = _lines(out)
    assert len(again) == 2
    assert all(set(r["by_kind"]) <= {"program"} for r in again)  # type: ignore[call-overload]
    code, out, _ = _run(capsys, "--db", db, "reports", "--json")
    assert len(json.loads(out)) == 2
    code, out, _ = _run(capsys, "--db", db, "suggest", str(SEED), "--apply")
    assert "0 tags created in 2 report(s)" in out


@pytest.mark.parametrize("argv, message", [
    (["suggest"], "either a FILE or --report"),
    (["suggest", "x.txt", "--report", "abc"], "either a FILE or --report"),
    (["suggest", "missing.txt"], "no such file"),
    (["suggest", "report.xyz"], "not supported"),
])
def test_errors_are_one_line(argv: list[str], message: str, capsys: pytest.CaptureFixture[str],
                             tmp_path: Path) -> None:
    code, out, err = _run(capsys, "--db", str(tmp_path / "p.rmk"), *argv)
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and message in err


def test_unknown_report_id(project, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    code, _, err = _run(capsys, "--db", project.target, "suggest", "--report", "nope")
    assert code == 1 and "no report with id" in err
