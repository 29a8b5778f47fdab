"""The command line end to end (docs/design.md's contract): import, reports, show; errors are
one line on stderr with a non-zero exit code and change nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from tests.conftest import SEED


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_then_reports_lists_the_two_seed_reports(capsys, tmp_path: Path):
    db = str(tmp_path / "p.sqlite")
    code, out, _ = run(capsys, "--db", db, "import", str(SEED))
    assert code == 0 and "2 imported" in out
    code, out, _ = run(capsys, "--db", db, "reports", "--json")
    rows = json.loads(out)
    assert [(r["title"], r["agency"], r["region"]) for r in rows] == [
        ("湖南锚定“三高四新”蓝图 构建工业经济增长第二曲线", "湖南省工业和信息化厅", "湖南"),
        ("广东坚持守正创新 推动制造业高质量发展开新局", "广东省工业和信息化厅", "广东"),
    ]
    code, out, _ = run(capsys, "--db", db, "import", str(SEED))
    assert code == 0 and "0 imported, 2 skipped" in out


def test_show_prints_text_structure_and_tags(capsys, tmp_path: Path):
    db = str(tmp_path / "p.sqlite")
    run(capsys, "--db", db, "import", str(SEED))
    _, out, _ = run(capsys, "--db", db, "reports", "--json")
    rid = json.loads(out)[0]["id"]
    run(capsys, "--db", db, "--analyst", "alice", "suggest", "--report", rid, "--apply")
    code, out, _ = run(capsys, "--db", db, "show", rid[:8], "--json")
    shown = json.loads(out)
    assert code == 0 and shown["id"] == rid
    assert "**" not in shown["text"]
    assert shown["structure"]["emphasis"]
    assert shown["tags"] and all(shown["text"][t["start"]:t["end"]] == t["text"] for t in shown["tags"])


@pytest.mark.parametrize("make_bad", ["binary", "empty", "directory", "missing"])
def test_bad_files_are_refused_with_one_line_and_nothing_written(capsys, tmp_path: Path, make_bad):
    db = tmp_path / "p.sqlite"
    bad = tmp_path / "bad.txt"
    if make_bad == "binary":
        bad.write_bytes(b"\x00\x01\x02PK" * 500)
    elif make_bad == "empty":
        bad.write_bytes(b"")
    elif make_bad == "directory":
        bad = tmp_path / "folder"
        bad.mkdir()
    code, out, err = run(capsys, "--db", str(db), "import", str(bad))
    assert code == 1
    assert out == "0 imported, 0 skipped, 1 refused\n"  # the refusal itself is on stderr
    assert err.startswith("reportmark: refused: ") and err.count("\n") == 1
    _, out, _ = run(capsys, "--db", str(db), "reports", "--json")
    assert json.loads(out) == []


def test_errors_are_one_line_on_stderr(capsys, tmp_path: Path, project_path: Path):
    newer = tmp_path / "not-a-project.rmk"
    newer.write_bytes(b"this is not a database" * 50)
    code, out, err = run(capsys, "--db", str(newer), "reports")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("reportmark: error:")
    assert "Traceback" not in err
    code, _, err = run(capsys, "--db", str(project_path), "show", "nonexistent")
    assert code == 1 and "no report" in err


def test_the_installed_console_script_runs(project_path: Path):
    script = Path(sys.executable).with_name("reportmark")
    if not script.exists():
        pytest.skip("the project is not installed into this interpreter's environment")
    out = subprocess.run([str(script), "--db", str(project_path), "reports", "--json"],
                         capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []
