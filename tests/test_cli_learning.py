"""`reportmark train` and `suggest --report ID --source learned|all`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services import tags
from desktop.services.project import open_project_as
from tests.services.test_learning import FIRMS, _report, _text


def test_train_then_suggest_learned(capsys: pytest.CaptureFixture[str], project_path: Path) -> None:
    project = open_project_as(project_path, "alice", create=False)
    try:
        text, names = _text(FIRMS[:20], 0)
        rid = _report(project, text, "r")
        for name in names[:15]:
            start = text.index(name)
            tags.create_tag(project, rid, "program", start, start + len(name))
    finally:
        project.close()
    assert main(["--db", str(project_path), "train", "--kind", "program"]) == 0
    assert "program: trained on 15 tags" in capsys.readouterr().out
    assert main(["--db", str(project_path), "suggest", "--report", rid, "--source", "learned",
                 "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and all(r["rule"] == "learned:program" and 0 < r["confidence"] <= 1 for r in rows)
    assert {r["text"] for r in rows} & set(names[15:])
    assert main(["--db", str(project_path), "train", "--kind", "nope"]) == 1
