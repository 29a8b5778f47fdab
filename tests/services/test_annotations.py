"""Annotations brought in from other tools: labels mapped to kinds (new ones created),
reports matched by text or imported, all in one transaction; and taken out again."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.annotations import ForeignDoc, ForeignSpan
from desktop.services import annotations, reports, suggestions, tags
from desktop.services.kinds import list_kinds
from desktop.services.project import Project

TEXT = "😀广东实施“广东强芯”工程，𠮷林市华为公司增长7.8%。"


def _doc(text: str = TEXT) -> ForeignDoc:
    def at(needle: str, label: str) -> ForeignSpan:
        i = text.index(needle)
        return ForeignSpan(i, i + len(needle), label)

    return ForeignDoc("a", text, [at("“广东强芯”工程", "program"), at("7.8%", "Metric"),
                                  at("华为公司", "公司")])


def test_plan_maps_labels_and_writes_nothing(project: Project) -> None:
    plan = annotations.plan(project, "doccano", [_doc()])
    mapping = {m.label: (m.kind_key, m.new) for m in plan.labels}
    assert mapping["program"] == ("program", False)
    assert mapping["Metric"] == ("metric", False)
    assert mapping["公司"][1] is True
    assert plan.new_reports == ("a",) and plan.matched == ()
    assert reports.library(project) == []
    assert "公司" not in {k.name for k in list_kinds(project)}


def test_apply_imports_report_kinds_and_tags_once(project: Project) -> None:
    plan = annotations.plan(project, "brat", [_doc()])
    outcome = annotations.apply(project, plan)
    assert outcome.reports_imported == 1 and outcome.tags_created == 3
    assert len(outcome.kinds_created) == 1
    rid = suggestions.report_id_for_text(project, TEXT)
    assert rid is not None
    rows = tags.table(project, rid)
    assert sorted(r.quote for r in rows) == sorted(["“广东强芯”工程", "7.8%", "华为公司"])
    # the same file again: the report is matched by its text, nothing is added
    again = annotations.apply(project, annotations.plan(project, "brat", [_doc()]))
    assert again.reports_matched == 1 and again.tags_created == 0 and again.already_tagged == 3
    assert again.kinds_created == ()


def test_export_then_import_into_another_project(project: Project, tmp_path: Path,
                                                 template_project: Path) -> None:
    import shutil

    from desktop.services.project import open_project_as

    annotations.apply(project, annotations.plan(project, "doccano", [_doc()]))
    files, docs, spans = annotations.export(project, tmp_path / "out.json", "labelstudio")
    assert (docs, spans) == (1, 3)
    other_path = tmp_path / "other.rmk"
    shutil.copyfile(template_project, other_path)
    other = open_project_as(other_path, "bob")
    try:
        fmt, read = annotations.read(files[0])
        outcome = annotations.apply(other, annotations.plan(other, fmt, read))
        assert outcome.tags_created == 3 and outcome.reports_imported == 1
        back = annotations.documents(other)
        assert sorted((s.start, s.end) for s in back[0].spans) == sorted(
            (s.start, s.end) for s in _doc().spans)
    finally:
        other.close()
