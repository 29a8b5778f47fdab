"""`reportmark import-annotations` / `export-annotations`: the mapping printed first,
--dry-run writes nothing, the write needs --yes, a bad span is refused with file and
line and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services import reports
from desktop.services.project import open_project_as

TEXT = "𠮷林实施“智赋万企”行动😀，工业增长7.8%。"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _jsonl(path: Path, spans: list[list[object]]) -> Path:
    path.write_text(json.dumps({"text": TEXT, "label": spans}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    return path


def _count(project_path: Path) -> int:
    project = open_project_as(project_path, "alice", create=False)
    try:
        return len(reports.library(project))
    finally:
        project.close()


def test_dry_run_then_yes_then_export(capsys: pytest.CaptureFixture[str], project_path: Path,
                                      tmp_path: Path) -> None:
    a = TEXT.index("“智赋万企”行动")
    src = _jsonl(tmp_path / "d.jsonl", [[a, a + 8, "Program"], [0, 2, "地名"]])
    code, out, _ = _run(capsys, "--db", str(project_path), "import-annotations", str(src),
                        "--dry-run")
    assert code == 0
    assert "Program → program (existing kind" in out and "地名 →" in out and "new kind" in out
    assert "dry run" in out and _count(project_path) == 0
    code, _, err = _run(capsys, "--db", str(project_path), "import-annotations", str(src))
    assert code == 1 and "--yes" in err and _count(project_path) == 0
    code, out, _ = _run(capsys, "--db", str(project_path), "import-annotations", str(src), "--yes")
    assert code == 0 and "2 tags created" in out and _count(project_path) == 1
    brat = tmp_path / "brat"
    code, out, _ = _run(capsys, "--db", str(project_path), "export-annotations", str(brat),
                        "--format", "brat")
    assert code == 0
    ann = (brat / "doc0001.ann").read_text(encoding="utf-8")
    assert "\tProgram 4 12\t“智赋万企”行动" in ann and "𠮷林" in ann


def test_a_bad_span_is_refused_and_nothing_written(capsys: pytest.CaptureFixture[str],
                                                   project_path: Path, tmp_path: Path) -> None:
    src = tmp_path / "bad.jsonl"
    src.write_text(json.dumps({"text": TEXT, "label": [[0, 2, "X"]]}, ensure_ascii=False) + "\n"
                   + json.dumps({"text": TEXT, "label": [[5, 99, "X"]]}, ensure_ascii=False)
                   + "\n", encoding="utf-8")
    code, _, err = _run(capsys, "--db", str(project_path), "import-annotations", str(src), "--yes")
    assert code == 1 and "bad.jsonl, line 2" in err
    assert _count(project_path) == 0
