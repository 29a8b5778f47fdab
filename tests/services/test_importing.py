from pathlib import Path

from desktop.services import importing, reports
from tests.conftest import SEED


def test_seed_splits_into_two_reports_with_regions(seeded):
    rows = reports.library(seeded)
    assert sorted(r.region for r in rows) == ["广东", "湖南"]
    assert all(r.year == 2025 for r in rows)
    assert {r.agency for r in rows} == {"湖南省工业和信息化厅", "广东省工业和信息化厅"}


def test_importing_twice_skips_duplicates_and_changes_nothing(seeded):
    before = reports.library(seeded)
    outcome = importing.import_files(seeded, [SEED])
    assert outcome.imported == ()
    assert len(outcome.skipped) == 2
    assert reports.library(seeded) == before


def test_stored_text_has_no_bold_markers_and_keeps_emphasis(seeded):
    row = next(r for r in reports.library(seeded) if r.region == "湖南")
    doc = reports.document(seeded, row.id)
    assert "**" not in doc.text
    bold = [doc.text[a:b] for a, b in doc.structure.emphasis]
    assert bold[:3] == ["7.8%", "10", "2"]
    assert "入选首批" in doc.text  # the page-break join


def test_bad_files_are_refused_and_change_nothing(project, tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    weird = tmp_path / "report.xyz"
    weird.write_text("湖南", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    outcome = importing.import_files(project, [empty, binary, weird, missing])
    reasons = dict(outcome.refused)
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "not supported" in reasons["report.xyz"]
    assert "missing.txt" in reasons
    assert reports.library(project) == []


def test_gbk_and_utf16_files_import_the_same_text(project, tmp_path: Path):
    text = "湖南省政府工作报告\n\n湖南省人民政府\n\n全省地区生产总值增长5.3%。"
    (tmp_path / "gbk.txt").write_bytes(text.encode("gbk"))
    outcome = importing.import_files(project, [tmp_path / "gbk.txt"])
    assert len(outcome.imported) == 1
    (tmp_path / "u16.txt").write_bytes(text.encode("utf-16"))
    again = importing.import_files(project, [tmp_path / "u16.txt"])
    assert again.imported == () and len(again.skipped) == 1
