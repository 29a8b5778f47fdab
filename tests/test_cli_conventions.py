"""The command line follows the conventions a script expects (issue 16, item 4):
--version; a refused file is a non-zero exit with the refusal on stderr; only `import` and
the window create a project; one JSON shape per kind of record; progress on stderr only
on a terminal; --analyst means one thing; every option says what it does."""

from __future__ import annotations

import argparse
import io
import json
import shutil
from pathlib import Path

import pytest

from desktop import __version__
from desktop.cli import build_parser, main
from desktop.commands import progress
from tests.conftest import SEED


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"reportmark {__version__}\n"


def test_a_refused_file_among_good_ones_exits_1_with_the_refusal_on_stderr(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x00\x01\x02PK" * 500)
    code, out, err = run(capsys, "--db", str(tmp_path / "p.rmk"), "import", str(SEED), str(bad))
    assert code == 1
    assert "2 imported, 0 skipped, 1 refused" in out and "scan.txt" not in out
    assert err.startswith("reportmark: refused: ") and "scan.txt" in err
    code, out, err = run(capsys, "--db", str(tmp_path / "p.rmk"), "import", str(bad), "--json")
    assert code == 1 and json.loads(out)["refused"][0]["file"] == "scan.txt" and "scan.txt" in err


# every command but `import` (and the window), with a --db that names no project
NO_CREATE = [
    ["reports"], ["show", "abc"], ["set-report", "abc", "--year", "2025"],
    ["suggest", "--report", "abc"], ["suggest", str(SEED), "--apply"],
    ["export", "{tmp}/out.xlsx"], ["import-edits", "{tmp}/in.xlsx"],
    ["merge", "{tmp}/other.rmk"], ["agreement", "alice", "bob"], ["restore-backup"],
]


@pytest.mark.parametrize("argv", NO_CREATE, ids=lambda a: " ".join(a[:2]).replace(str(SEED), "FILE"))
def test_only_import_creates_a_project(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                       argv: list[str]) -> None:
    typo = tmp_path / "typo" / "projetc.rmk"
    code, out, err = run(capsys, "--db", str(typo), *(a.format(tmp=tmp_path) for a in argv))
    assert code != 0 and out == ""
    assert err.startswith("reportmark: error: ") and err.count("\n") == 1
    assert not typo.parent.exists()


def test_merge_never_creates_the_colleagues_project(capsys: pytest.CaptureFixture[str],
                                                    project_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "colleague" / "bob.rmk"
    code, _, err = run(capsys, "--db", str(project_path), "merge", str(other))
    assert code != 0 and err.startswith("reportmark: error: ")
    assert not other.parent.exists()


def test_import_creates_the_project(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "new" / "p.rmk"
    code, out, _ = run(capsys, "--db", str(db), "import", str(SEED))
    assert code == 0 and "2 imported" in out and db.exists()


REPORT_KEYS = ["id", "title", "agency", "region", "year", "chars", "source_file", "tag_counts",
               "analysts"]


def test_a_report_is_the_same_record_in_import_reports_and_show(
        capsys: pytest.CaptureFixture[str], project_path: Path, tmp_path: Path) -> None:
    db = str(project_path)
    code, out, _ = run(capsys, "--db", db, "import", str(SEED), "--json")
    assert code == 0
    imported = json.loads(out)
    assert imported["skipped"] == [] and imported["refused"] == []
    assert [list(r) for r in imported["imported"]] == [REPORT_KEYS] * 2
    rid = imported["imported"][0]["id"]
    run(capsys, "--db", db, "--analyst", "alice", "suggest", "--report", rid, "--apply")
    _, out, _ = run(capsys, "--db", db, "reports", "--json")
    listed = {r["id"]: r for r in json.loads(out)}
    assert all(list(r) == REPORT_KEYS for r in listed.values())
    assert {k: v for k, v in listed[rid].items() if k not in ("tag_counts", "analysts")} == \
        {k: v for k, v in imported["imported"][0].items() if k not in ("tag_counts", "analysts")}
    _, out, _ = run(capsys, "--db", db, "show", rid, "--json")
    shown = json.loads(out)
    assert {k: shown[k] for k in REPORT_KEYS} == listed[rid]
    assert list(shown)[len(REPORT_KEYS):] == ["text", "structure", "tags"]
    # a tag is the same object as an export to JSON Lines writes
    out_jsonl = tmp_path / "tags.jsonl"
    run(capsys, "--db", db, "export", str(out_jsonl), "--report", rid)
    exported = [json.loads(line) for line in out_jsonl.read_text(encoding="utf-8").splitlines()]
    assert shown["tags"] == exported and len(exported) == sum(listed[rid]["tag_counts"].values())


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_goes_to_stderr_on_a_terminal_only(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    files = []
    for i in range(3):
        files.append(tmp_path / f"r{i}.txt")
        files[-1].write_text(f"第{i}份报告\n\n前三季度，湖南工业经济增长{i + 5}.8%。\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", str(tmp_path / "a.rmk"), "import", *map(str, files))
    assert code == 0 and err == ""  # not a terminal: silent
    assert out.endswith("3 imported, 0 skipped, 0 refused\n")
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setattr(progress, "DELAY_S", 0.0)  # as if the work had lasted over a second
    monkeypatch.setattr(progress, "REDRAW_S", 0.0)
    assert main(["--db", str(tmp_path / "b.rmk"), "import", *map(str, files)]) == 0
    shown = terminal.getvalue()
    assert "import" in shown and "3/3" in shown
    assert "3 imported" in capsys.readouterr().out  # results stay on stdout


def _options(parser: argparse.ArgumentParser, where: str = "reportmark"):  # type: ignore[no-untyped-def]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _options(sub, f"{where} {name}")
        elif not isinstance(action, argparse._HelpAction):
            yield where, action


def test_analyst_is_only_the_acting_analyst() -> None:
    owners = [where for where, action in _options(build_parser())
              if "--analyst" in action.option_strings]
    assert owners == ["reportmark"]
    export_options = [a.option_strings for w, a in _options(build_parser()) if w == "reportmark export"]
    assert ["--by"] in export_options


def test_export_by_filters_by_author(capsys: pytest.CaptureFixture[str], project_path: Path,
                                     tmp_path: Path) -> None:
    db = str(project_path)
    run(capsys, "--db", db, "import", str(SEED))
    run(capsys, "--db", db, "--analyst", "alice", "suggest", "--report",
        json.loads(run(capsys, "--db", db, "reports", "--json")[1])[0]["id"], "--apply")
    code, out, _ = run(capsys, "--db", db, "export", str(tmp_path / "a.jsonl"), "--by", "alice")
    assert code == 0 and not out.startswith("0 tags") and "0 tags exported" not in out
    code, out, _ = run(capsys, "--db", db, "export", str(tmp_path / "b.jsonl"), "--by", "bob")
    assert code == 0 and "0 tags exported" in out
    with pytest.raises(SystemExit):  # the old filter spelling is refused, not misread
        main(["--db", db, "export", str(tmp_path / "c.jsonl"), "--analyst", "alice"])


def test_every_option_says_what_it_does() -> None:
    silent = [f"{where} {action.option_strings or action.dest}"
              for where, action in _options(build_parser())
              if not (action.help and len(action.help) > 10)
              and not isinstance(action, argparse._SubParsersAction)]
    assert silent == []


def test_a_project_file_argument_opens_that_project(monkeypatch: pytest.MonkeyPatch,
                                                    project_path: Path) -> None:
    opened: list[dict[str, object]] = []
    monkeypatch.setattr("desktop.app.run", lambda **kw: opened.append(kw) or 0)
    assert main([str(project_path)]) == 0
    assert opened == [{"db": str(project_path), "analyst": None}]
    report = project_path.with_name("r.txt")
    shutil.copyfile(SEED, report)
    assert main(["--db", str(project_path), str(report)]) == 0
    assert opened[-1] == {"db": str(project_path), "analyst": None, "files": [str(report)]}
