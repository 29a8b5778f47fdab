"""Suggestions that learn, in the real window (issue 17): a kind added in the schema dialog
gets learned suggestions in the reader after 20 tags made by keyboard (trained in the
worker after TRAIN_EVERY decisions), which Enter / X / the kind's key accept or reject;
Tag ▸ Train suggestions trains in the worker and reports per kind; File ▸ Import
annotations… previews the mapping and counts, then imports all or nothing; a shape
rejected five times stops while the accepted growth rates keep coming."""

from __future__ import annotations

import json
import os
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.app import build, install_translations, make_application
from desktop.services import kinds, learning, reports, suggestions, tags
from desktop.services.project import Project
from desktop.ui.schema_dialog import KindForm
from desktop.ui.train_dialog import TrainDialog
from tests.services.test_learning import FIRMS, _report, _text, growth_text
from tests.ui.conftest import LATIN_ALLOWED, latin_words

PICTURES = Path(os.environ.get("REPORTMARK_PICTURES", "/tmp/reportmark-learning"))


def _window(qtbot: Any, project: Project, report_id: str | None = None) -> Any:
    parts = build(project, report_id=report_id)
    parts.window.resize(1400, 900)
    parts.window.show()
    qtbot.waitExposed(parts.window)
    return parts


def _stop_jobs(parts: Any) -> None:
    parts.window.close()  # the features stop their workers
    feature = parts.features["learning"]
    for job in (feature.job, parts.features["suggestions"].learned.job,
                feature.train_dialog and feature.train_dialog._job):
        assert job is None or not job.running


@pytest.fixture(autouse=True)
def _application(qapp: Any) -> None:
    make_application()


@pytest.fixture
def firms(project: Project) -> tuple[list[tuple[str, list[str]]], str]:
    """Two reports naming ten firms each (to tag), and one naming ten others (held back)."""
    made = []
    for n, chunk in enumerate((FIRMS[:10], FIRMS[10:20])):
        text, names = _text(chunk, n)
        made.append((_report(project, text, f"训练{n}"), names))
    text, _names = _text(FIRMS[20:], 2)
    return made, _report(project, text, "留出")


def _company_marks(w: Any, key: str) -> list[Any]:
    return [m for m in w.reader.suggestions() if m.kind == key]


def test_a_kind_added_in_the_schema_dialog_gets_learned_suggestions_after_20_tags(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch, project: Project, firms: Any) -> None:
    made, held = firms
    parts = _window(qtbot, project, made[0][0])
    w, shown = parts.window, parts.shown
    try:
        # Tag ▸ Tag kinds and fields… ▸ Add kind…: Company, 公司, key 4
        def fill(form: KindForm) -> None:
            form.name_edit.setText("Company")
            form.name_zh_edit.setText("公司")
            form.shortcut_edit.setText("4")

        monkeypatch.setattr(KindForm, "exec", lambda self: (fill(self), 1)[1])
        w.act_schema.trigger()
        dialog = parts.features["schema"].dialog
        qtbot.mouseClick(dialog.add_kind_button, Qt.MouseButton.LeftButton)
        dialog.close()
        key = next(k.key for k in kinds.list_kinds(project) if k.name == "Company")
        assert key in {k.key for k in shown.kinds}
        # twenty firms tagged by keyboard: select, press 4
        for rid, names in made:
            shown.open_report(rid)
            for name in names:
                start = w.reader.text().index(name)
                w.reader.select_span(start, start + len(name))
                QTest.keyClicks(w.reader, "4")
        assert sum(r.kind == key for rid, _ in made for r in tags.table(project, rid)) == 20
        feature = parts.features["learning"]
        # the 20th decision starts a training in the worker; the window goes on meanwhile
        qtbot.waitUntil(lambda: feature.job is not None, timeout=10_000)
        qtbot.waitUntil(lambda: any(o.kind == key and o.trained for o in feature.last_outcomes),
                        timeout=90_000)
        assert key in learning.model_stamps(project)
        shown.open_report(held)
        qtbot.waitUntil(lambda: len(_company_marks(w, key)) >= 6, timeout=30_000)
        marks = _company_marks(w, key)
        text = w.reader.text()
        held_names = [n for n in _text(FIRMS[20:], 2)[1]]
        hits = [m for m in marks if text[m.start:m.end] in held_names]
        assert len(hits) >= 6, [text[m.start:m.end] for m in marks]
        assert "confidence" in hits[0].tooltip and "Learned" in hits[0].tooltip
        # the inspector says where it comes from
        w.reader.select_mark(hits[0].id)
        shown.show_detail(hits[0].id)
        assert "confidence" in w.inspector.meta.text()
        # Enter accepts (origin learned:KEY), X rejects (remembered), 4 accepts as the kind
        w.reader.setFocus()
        w.reader.select_mark(hits[0].id)
        QTest.keyClick(w.reader, Qt.Key.Key_Return)
        w.reader.select_mark(hits[1].id)
        QTest.keyClick(w.reader, Qt.Key.Key_X)
        w.reader.select_mark(hits[2].id)
        QTest.keyClicks(w.reader, "4")
        rows = {(r.start, r.end): r for r in tags.table(project, held)}
        assert rows[(hits[0].start, hits[0].end)].origin == f"learned:{key}"
        assert (hits[2].start, hits[2].end) in rows
        assert (hits[1].start, hits[1].end) not in rows
        left = {(m.start, m.end) for m in _company_marks(w, key)}
        assert not left & {(h.start, h.end) for h in hits[:3]}
        with project.uow() as session:
            from db.queries import learning as lq

            assert (hits[1].start, hits[1].end) in lq.rejected(session, key)[held]
        # undo brings the rejected one back
        w.act_undo.trigger()  # the accept-as
        w.act_undo.trigger()  # the rejection
        qtbot.waitUntil(lambda: any((m.start, m.end) == (hits[1].start, hits[1].end)
                                    for m in _company_marks(w, key)))
    finally:
        _stop_jobs(parts)


def test_train_from_the_menu_runs_in_the_worker_and_reports_and_decisions_train_again(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch, project: Project, firms: Any) -> None:
    made, held = firms
    _, kind_id = kinds.add_kind(project, "Company", "公司", shortcut="4")
    key = next(k.key for k in kinds.list_kinds(project) if k.id == kind_id)
    for rid, names in made:
        text = reports.document(project, rid).text
        for name in names:
            start = text.index(name)
            tags.create_tag(project, rid, key, start, start + len(name))
    parts = _window(qtbot, project, held)
    w = parts.window
    feature = parts.features["learning"]
    try:
        assert w.act_train in w.tag_menu.actions()
        assert not _company_marks(w, key)
        w.act_train.trigger()
        dialog = feature.train_dialog
        assert dialog is not None and dialog.running  # the menu returned at once
        w.act_train.trigger()
        assert feature.train_dialog is dialog  # one training at a time
        qtbot.waitUntil(lambda: dialog.outcomes is not None, timeout=90_000)
        text = dialog.details.toPlainText()
        assert "Company: trained on 20 examples" in text, text
        assert "Metric" not in text  # kinds without tags are not tried
        assert dialog.status.text() == "Training finished: 1 of 1 kinds trained."
        qtbot.waitUntil(lambda: len(_company_marks(w, key)) >= 6, timeout=30_000)
        stamp = learning.model_stamps(project)[key]
        dialog.close()
        # a project-level N: after N more decisions the worker trains again by itself;
        # Shift+Enter accepts every shown suggestion of the learned kind at once
        monkeypatch.setattr(learning, "TRAIN_EVERY", 3)
        marks = _company_marks(w, key)
        w.reader.setFocus()
        w.reader.select_mark(marks[0].id)
        QTest.keyClick(w.reader, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
        rows = [r for r in tags.table(project, held) if r.kind == key]
        assert sorted((r.start, r.end) for r in rows) == sorted((m.start, m.end) for m in marks)
        assert {r.origin for r in rows} == {f"learned:{key}"}
        qtbot.waitUntil(lambda: feature.job is not None, timeout=10_000)
        qtbot.waitUntil(lambda: learning.model_stamps(project)[key] != stamp, timeout=90_000)
        qtbot.waitUntil(lambda: "Suggestions trained" in w.statusBar().currentMessage(),
                        timeout=10_000)
        assert "Company" in w.statusBar().currentMessage()
    finally:
        _stop_jobs(parts)


def test_a_long_report_goes_through_the_models_in_the_worker(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch, project: Project, firms: Any) -> None:
    from desktop.ui.features import learning as learning_ui

    made, held = firms
    _, kind_id = kinds.add_kind(project, "Company", "公司", shortcut="4")
    key = next(k.key for k in kinds.list_kinds(project) if k.id == kind_id)
    for rid, names in made:
        text = reports.document(project, rid).text
        for name in names:
            start = text.index(name)
            tags.create_tag(project, rid, key, start, start + len(name))
    learning.train(project, key)
    monkeypatch.setattr(learning_ui, "INLINE_WORK", 0)  # every report is "long"
    parts = _window(qtbot, project, held)
    w = parts.window
    try:
        learned = parts.features["suggestions"].learned
        assert learned.job is not None  # the reader opened at once, the models run aside
        qtbot.waitUntil(lambda: len(_company_marks(w, key)) >= 6, timeout=60_000)
        assert not learned.job.running
    finally:
        _stop_jobs(parts)


def _doccano(path: Path, docs: list[tuple[str, list[tuple[int, int, str]]]]) -> Path:
    path.write_text("\n".join(json.dumps({"text": t, "label": [list(s) for s in spans]},
                                         ensure_ascii=False) for t, spans in docs),
                    encoding="utf-8")
    return path


def test_import_annotations_previews_then_imports_all_or_nothing(
        qtbot: Any, seeded: Project, tmp_path: Path) -> None:
    parts = _window(qtbot, seeded)
    w = parts.window
    feature = parts.features["learning"]
    shown: list[str] = []
    parts.runner.show_error = shown.append  # the warning box is modal
    try:
        assert w.act_import_annotations in w.menuBar().actions()[0].menu().actions()
        before = (len(reports.library(seeded)), len(kinds.list_kinds(seeded)))
        a = "𠮷城华为科技有限公司工业增加值增长6.5%。"
        b = "😀比亚迪股份有限公司出口增长12%。"
        good = _doccano(tmp_path / "team.jsonl", [
            (a, [(3, 11, "Firm"), (a.index("增长"), a.index("。"), "metric")]),
            (b, [(1, 10, "Firm")])])
        dialog = feature.preview_annotations(good)
        assert dialog is not None
        rows = [[dialog.labels.topLevelItem(i).text(c) for c in range(3)]
                for i in range(dialog.labels.topLevelItemCount())]
        assert rows == [["Firm", "Firm (new kind)", "2"], ["metric", "Metric", "1"]]
        assert "0 already in the project" in dialog.reports.text()
        assert "2 to import" in dialog.reports.text()
        # nothing is written before Import
        assert (len(reports.library(seeded)), len(kinds.list_kinds(seeded))) == before
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        assert "Imported: 3 tags" in dialog.summary.text(), dialog.summary.text()
        assert len(reports.library(seeded)) == before[0] + 2
        firm = next(k.key for k in kinds.list_kinds(seeded) if k.name == "Firm")
        assert firm in {k.key for k in parts.shown.kinds}  # the window knows the kind
        qtbot.waitUntil(lambda: w.library.model.rowCount() == before[0] + 2)
        dialog.close()
        # a span that does not match its text: one clear line, nothing changed
        after = (len(reports.library(seeded)), len(kinds.list_kinds(seeded)))
        bad = tmp_path / "bad.jsonl"
        bad.write_text(json.dumps({"text": "新的文本", "label": [[0, 2, "Firm"]]},
                                  ensure_ascii=False) + "\n"
                       + json.dumps({"text": "短", "label": [[0, 9, "Other"]]},
                                    ensure_ascii=False), encoding="utf-8")
        assert feature.preview_annotations(bad) is None
        assert len(shown) == 1 and "\n" not in shown[0] and "bad.jsonl" in shown[0], shown
        assert "line 2" in shown[0]
        gbk = tmp_path / "gbk.jsonl"
        gbk.write_bytes(json.dumps({"text": "华为公司", "label": [[0, 2, "Firm"]]},
                                   ensure_ascii=False).encode("gbk"))
        assert feature.preview_annotations(gbk) is None
        assert shown[1] == "The annotations were not imported: gbk.jsonl is not UTF-8 text"
        assert (len(reports.library(seeded)), len(kinds.list_kinds(seeded))) == after
    finally:
        _stop_jobs(parts)


def test_a_shape_rejected_five_times_stops_and_accepted_growth_rates_keep_coming(
        qtbot: Any, project: Project) -> None:
    rid = _report(project, growth_text(40, 1), "decided")
    found = [s for s in suggestions.for_report(project, rid) if s.kind == "metric"]
    for s in [s for s in found if s.text != "增长0%"][:12]:
        suggestions.accept(project, rid, s)
    for s in [s for s in found if s.text == "增长0%"][:5]:
        suggestions.reject(project, rid, s)
    learning.train(project, "metric")
    fresh = _report(project, growth_text(40, 7), "fresh")
    parts = _window(qtbot, project, fresh)
    w = parts.window
    try:
        text = w.reader.text()
        shown = [text[m.start:m.end] for m in w.reader.suggestions() if m.kind == "metric"]
        rates = [s.text for s in suggestions.for_report(project, fresh)
                 if s.kind == "metric" and s.text != "增长0%"]
        assert "增长0%" not in shown
        metric = sorted((m.start, m.end) for m in w.reader.suggestions() if m.kind == "metric")
        assert all(a[1] <= b[0] for a, b in pairwise(metric))  # rules and model: one
        assert len(rates) == 30 and all(r in shown for r in rates)
        tips = [m.tooltip for m in w.reader.suggestions() if m.kind == "metric"]
        assert all("model confidence" in t for t in tips)
    finally:
        _stop_jobs(parts)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_pictures_of_learned_suggestions_and_the_import_dialog(
        qtbot: Any, project: Project, firms: Any, tmp_path: Path, lang: str) -> None:
    """The reader with learned suggestions (one selected, the inspector saying where it
    comes from) and the import dialog, saved as PNG in both languages."""
    app = make_application()  # (it installs the system's language) …
    install_translations(app, lang)  # … the window is built in this one
    try:
        made, held = firms
        _, kind_id = kinds.add_kind(project, "Company", "公司", shortcut="4")
        key = next(k.key for k in kinds.list_kinds(project) if k.id == kind_id)
        for rid, names in made:
            text = reports.document(project, rid).text
            for name in names:
                start = text.index(name)
                tags.create_tag(project, rid, key, start, start + len(name))
        _, outcomes = learning.train(project, key)
        parts = _window(qtbot, project, held)
        w = parts.window
        try:
            marks = _company_marks(w, key)
            assert len(marks) >= 6
            w.reader.select_mark(marks[1].id, scroll=True)
            parts.shown.show_detail(marks[1].id)
            QApplication.processEvents()
            PICTURES.mkdir(parents=True, exist_ok=True)
            assert w.grab().save(str(PICTURES / f"reader-learned-{lang}.png"))
            tip = marks[1].tooltip
            zh = lang == "zh_CN"
            assert ("置信度" in tip) if zh else ("confidence" in tip), tip
            assert ("置信度" in w.inspector.meta.text()) if zh else True
            source = tmp_path / "team.jsonl"
            _doccano(source, [("华为科技有限公司工业增加值增长6.5%。",
                               [(0, 8, "Company"), (12, 17, "metric"), (0, 2, "Brand")])])
            dialog = parts.features["learning"].preview_annotations(source)
            assert dialog is not None
            dialog.show()
            QApplication.processEvents()
            assert dialog.grab().save(str(PICTURES / f"import-annotations-{lang}.png"))
            if zh:
                assert "新类型" in dialog.labels.topLevelItem(0).text(1)
                data = {"doccano", "Brand", "Company", "metric"}  # the file's labels and format
                texts = [dialog.windowTitle(), dialog.summary.text(), dialog.reports.text(),
                         *(dialog.labels.headerItem().text(c) for c in range(3)),
                         *(b.text() for b in dialog.buttons.buttons())]
                assert not latin_words(" ".join(texts), LATIN_ALLOWED | data), texts
            dialog.close()
            # the training dialog's result, as the worker's outcomes give it
            train = TrainDialog(project.target, project.analyst_name, {key: "公司" if zh else "Company"},
                                parent=w)
            train.show()
            train._on_finished([*outcomes, learning.TrainOutcome("metric", 2, 3, 0.0, False)])
            QApplication.processEvents()
            assert train.grab().save(str(PICTURES / f"train-{lang}.png"))
            lines = train.details.toPlainText()
            if zh:
                assert "公司：已用 20 个样例" in lines and "未训练" in lines, lines
                assert not latin_words(lines + train.windowTitle(), LATIN_ALLOWED | {"metric"})
            else:
                assert "Company: trained on 20 examples" in lines, lines
            train.close()
        finally:
            _stop_jobs(parts)
    finally:
        install_translations(app, "en")
