"""Export service: CSV, JSON Lines, temp file + rename, the process-job target, the CLI."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from desktop.cli import main
from desktop.services import export
from desktop.services.project import Project
from tests.services.export_data import FORMULA, make_tags


@pytest.fixture
def ids(seeded: Project, tmp_path: Path) -> dict[str, Any]:
    return make_tags(seeded, tmp_path)


def test_csv_one_file_per_kind_with_bom(seeded: Project, ids: dict[str, Any], tmp_path: Path) -> None:
    result = export.export(seeded, tmp_path / "tags.csv", "csv")
    names = sorted(Path(p).name for p in result.paths)
    assert names == ["tags-metric.csv", "tags-program.csv", "tags-target.csv"]
    raw = (tmp_path / "tags-metric.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(tmp_path / "tags-metric.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["Tag ID"] == ids["metric"]
    assert rows[0]["Indicator"] == "工业经济增长"
    assert rows[0]["Value"] == "7.8"
    assert rows[0]["Sentence"].startswith("●前三季度，湖南工业经济增长7.8%")
    assert "Checksum" not in rows[0]
    with open(tmp_path / "tags-program.csv", encoding="utf-8-sig", newline="") as fh:
        program = next(r for r in csv.DictReader(fh) if r["Tag ID"] == ids["formula"])
    assert program["Tagged text"] == "'" + FORMULA  # never run as a formula
    assert program["Lead body"] == "'-5"
    assert not list(tmp_path.glob(".*.part"))


def test_jsonl_one_object_per_tag(seeded: Project, ids: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "tags.jsonl"
    assert export.export(seeded, out, "jsonl").total == 4
    objects = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    metric = next(o for o in objects if o["id"] == ids["metric"])
    assert metric["kind"] == "metric" and metric["text"] == "7.8%"
    assert metric["report"]["region"] == "湖南"
    assert metric["fields"]["value"] == "7.8"
    assert metric["normalized_value"] == "7.8" and metric["normalized_unit"] == "%"
    assert metric["review"] is None and metric["author"] == "alice"
    formula = next(o for o in objects if o["id"] == ids["formula"])
    assert formula["text"] == FORMULA


def test_failed_export_leaves_nothing_and_keeps_the_old_file(
    seeded: Project, ids: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "tags.xlsx"
    out.write_bytes(b"previous export")
    from desktop.io import xlsx_export

    real = xlsx_export.row_values

    def failing(rec: Any, columns: Any) -> Any:
        if rec.kind == "target":
            raise OSError("No space left on device")
        return real(rec, columns)

    monkeypatch.setattr(xlsx_export, "row_values", failing)
    with pytest.raises(OSError, match="No space"):
        export.export(seeded, out)
    assert out.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_missing_folder_and_unknown_format(seeded: Project, tmp_path: Path) -> None:
    with pytest.raises(OSError, match="does not exist"):
        export.export(seeded, tmp_path / "nope" / "x.xlsx")
    with pytest.raises(ValueError, match="Unknown export format"):
        export.export(seeded, tmp_path / "x.ods", "ods")


def test_export_job_target_reports_progress(seeded: Project, ids: dict[str, Any], tmp_path: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    out = tmp_path / "job.xlsx"
    result = export.export_job(lambda d, t, m="": seen.append((d, t, m)), target=seeded.target,
                               analyst="alice", out=str(out), filters={"kind": "metric"})
    assert result == {"paths": [str(out)], "counts": {"metric": 1}}
    assert seen[0][:2] == (0, 1) and seen[-1][:2] == (1, 1)
    assert openpyxl.load_workbook(out).sheetnames[0] == "Metric"


def test_discard_partial(tmp_path: Path) -> None:
    part = tmp_path / ".a-metric.csv.part"
    part.write_text("x")
    export.discard_partial(tmp_path / "a.csv", "csv", ["metric", "target"])
    assert not part.exists()


def test_cli_export(seeded: Project, ids: dict[str, Any], tmp_path: Path,
                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli.xlsx"
    assert main(["--db", seeded.target, "export", str(out), "--kind", "metric", "--lang", "en",
                 "--region", "湖南", "--year", "2025", "--status", "open", "--by", "alice"]) == 0
    assert "1 tags exported (metric: 1)" in capsys.readouterr().out
    ws = openpyxl.load_workbook(out)["Metric"]
    assert (ws["A1"].value, ws["F1"].value, ws["F2"].value) == ("Report", "Indicator", "工业经济增长")
    assert main(["--db", seeded.target, "export", str(out), "--kind", "metric", "--lang", "zh_CN"]) == 0
    ws = openpyxl.load_workbook(out)["指标"]
    assert (ws["A1"].value, ws["F1"].value, ws["F2"].value) == ("报告", "指标名称", "工业经济增长")
    assert main(["--db", seeded.target, "export", str(tmp_path / "x.jsonl")]) == 0
    assert len((tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()) == 4
    assert main(["--db", seeded.target, "export", str(out), "--kind", "bogus"]) == 1
    assert "no tag kind 'bogus'" in capsys.readouterr().err
