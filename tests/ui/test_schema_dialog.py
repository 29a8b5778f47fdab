"""The tag schema dialog on a seeded project: its two models, and each action through real
widgets (the modal forms and message boxes are answered by patched `exec`/static calls)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QDialog, QMessageBox

from desktop.services import kinds, reports, tags
from desktop.services.project import Project
from desktop.ui import schema_dialog
from desktop.ui.schema_dialog import DeleteKindDialog, FieldForm, KindForm, SchemaDialog

LEFT = Qt.MouseButton.LeftButton
ACCEPTED = QDialog.DialogCode.Accepted
REJECTED = QDialog.DialogCode.Rejected


@pytest.fixture
def dialog(qtbot: Any, seeded: Project) -> SchemaDialog:
    widget = SchemaDialog(seeded)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def answer(monkeypatch: pytest.MonkeyPatch, form: type[QDialog],
           fill: Callable[[Any], None], result: QDialog.DialogCode = ACCEPTED) -> list[Any]:
    """Make `form.exec()` fill the real form's widgets and close with `result`; returns
    the forms shown, so a test can look at them."""
    shown: list[Any] = []

    def exec_(self: Any) -> int:
        shown.append(self)
        fill(self)
        return int(result)

    monkeypatch.setattr(form, "exec", exec_)
    return shown


def click(qtbot: Any, button: Any) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, LEFT)


def kind_row(dialog: SchemaDialog, key: str) -> int:
    model = dialog.kind_model
    return next(r for r in range(model.rowCount()) if model.kind(r).key == key)


def choose_kind(dialog: SchemaDialog, key: str) -> None:
    dialog.kind_view.setCurrentIndex(dialog.kind_model.index(kind_row(dialog, key), 0))


def field_keys(dialog: SchemaDialog) -> list[str]:
    model = dialog.field_model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def tag_some(project: Project, kind_key: str, n: int) -> list[str]:
    rid = reports.library(project)[0].id
    return [str(tags.create_tag(project, rid, kind_key, 10 * i, 10 * i + 4).new_tag)
            for i in range(n)]


def test_models_pass_the_model_tester(qtmodeltester: Any, dialog: SchemaDialog) -> None:
    qtmodeltester.check(dialog.kind_model)
    qtmodeltester.check(dialog.field_model)


def test_kinds_and_fields_show_what_the_project_holds(dialog: SchemaDialog,
                                                      seeded: Project) -> None:
    tag_some(seeded, "metric", 2)
    dialog.refresh()
    model = dialog.kind_model
    assert model.rowCount() == 3
    assert [model.data(model.index(0, c)) for c in range(4)] == ["Metric", "指标", "1", 2]
    assert model.data(model.index(1, 3)) == 0
    swatch = model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole)
    assert isinstance(swatch, QColor) and swatch.name() == "#2f6fd6"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "中文名"
    # the first kind is selected, its fields listed in order
    assert dialog.selected_kind() is not None and dialog.selected_kind().key == "metric"  # type: ignore[union-attr]
    assert field_keys(dialog) == ["indicator", "value", "unit", "period", "region", "comparison"]
    fm = dialog.field_model
    assert [fm.data(fm.index(5, c)) for c in range(1, 5)] == [
        "Comparison", "比较", "choice", "同比、环比、排名、累计"]
    choose_kind(dialog, "target")
    assert field_keys(dialog)[0] == "year" and "Target" in dialog.fields_label.text()


def test_add_kind_through_the_form(qtbot: Any, monkeypatch: pytest.MonkeyPatch,
                                   dialog: SchemaDialog, seeded: Project) -> None:
    def fill(form: KindForm) -> None:
        assert form.colour_edit.text() == schema_dialog.PALETTE[0]  # a colour not yet taken
        form.name_edit.insert("Risk")
        form.name_zh_edit.insert("风险")  # keyClicks cannot type Chinese
        qtbot.keyClicks(form.shortcut_edit, "r")

    answer(monkeypatch, KindForm, fill)
    with qtbot.waitSignal(dialog.changed) as blocker:
        click(qtbot, dialog.add_kind_button)
    assert blocker.args[0].kinds
    added = dialog.selected_kind()
    assert added is not None and (added.key, added.name_zh, added.shortcut) == ("risk", "风险", "r")
    assert dialog.kind_model.rowCount() == 4 and field_keys(dialog) == []
    assert [k.key for k in kinds.list_kinds(seeded)][-1] == "risk"


def test_a_refused_kind_shows_why_and_changes_nothing(qtbot: Any, monkeypatch: pytest.MonkeyPatch,
                                                      dialog: SchemaDialog, seeded: Project) -> None:
    answer(monkeypatch, KindForm, lambda f: (f.name_edit.insert("Risk"),
                                            f.shortcut_edit.insert("2")))
    with qtbot.assertNotEmitted(dialog.changed):
        click(qtbot, dialog.add_kind_button)
    assert "already tags as Program" in dialog.error_label.text()
    assert len(kinds.list_kinds(seeded)) == 3
    # a cancelled form does nothing at all
    answer(monkeypatch, KindForm, lambda f: f.name_edit.insert("Risk"), REJECTED)
    with qtbot.assertNotEmitted(dialog.changed):
        click(qtbot, dialog.add_kind_button)
    assert len(kinds.list_kinds(seeded)) == 3


def test_rename_and_recolour(qtbot: Any, monkeypatch: pytest.MonkeyPatch,
                             dialog: SchemaDialog, seeded: Project) -> None:
    choose_kind(dialog, "program")

    def fill(form: KindForm) -> None:
        assert form.name_edit.text() == "Program" and form.shortcut_edit.text() == "2"
        form.name_edit.clear()
        form.name_edit.insert("Initiative")
        form.name_zh_edit.clear()
        form.name_zh_edit.insert("政策举措")

    answer(monkeypatch, KindForm, fill)
    with qtbot.waitSignal(dialog.changed):
        click(qtbot, dialog.rename_button)
    row = kind_row(dialog, "program")
    assert dialog.kind_model.data(dialog.kind_model.index(row, 1)) == "政策举措"
    assert dialog.selected_kind().name == "Initiative"  # type: ignore[union-attr]

    asked: list[str] = []

    def get_color(initial: QColor, *_: Any) -> QColor:
        asked.append(initial.name())
        return QColor("#123456")

    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(get_color))
    with qtbot.waitSignal(dialog.changed):
        click(qtbot, dialog.colour_button)
    assert asked == ["#1f9d55"]
    program = next(k for k in kinds.list_kinds(seeded) if k.key == "program")
    assert program.colour == "#123456"
    # cancelling the colour dialog (an invalid colour) changes nothing
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *_: QColor()))
    with qtbot.assertNotEmitted(dialog.changed):
        click(qtbot, dialog.colour_button)


def test_delete_an_unused_kind_asks_first(qtbot: Any, monkeypatch: pytest.MonkeyPatch,
                                          dialog: SchemaDialog, seeded: Project) -> None:
    choose_kind(dialog, "target")
    questions: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_: Any) -> QMessageBox.StandardButton:
        questions.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(DeleteKindDialog, "exec", lambda self: pytest.fail("not in use"))
    click(qtbot, dialog.delete_kind_button)
    assert "No tag uses it" in questions[0] and len(kinds.list_kinds(seeded)) == 3

    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *_: QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(dialog.changed):
        click(qtbot, dialog.delete_kind_button)
    assert [k.key for k in kinds.list_kinds(seeded)] == ["metric", "program"]
    assert dialog.kind_model.rowCount() == 2 and dialog.selected_kind() is not None


def test_delete_a_kind_in_use_moves_its_tags(qtbot: Any, monkeypatch: pytest.MonkeyPatch,
                                             dialog: SchemaDialog, seeded: Project) -> None:
    ids = tag_some(seeded, "metric", 3)
    dialog.refresh()
    choose_kind(dialog, "metric")

    def fill(ask: DeleteKindDialog) -> None:
        assert "3 tag(s) use the kind “Metric”" in ask.message.text()
        assert [ask.target_combo.itemText(i) for i in range(ask.target_combo.count())] == [
            "Program", "Target"]
        ask.target_combo.setCurrentIndex(1)
        assert ask.move_radio.isChecked()

    answer(monkeypatch, DeleteKindDialog, fill)
    with qtbot.waitSignal(dialog.changed) as blocker:
        click(qtbot, dialog.delete_kind_button)
    changes = blocker.args[0]
    assert changes.kinds and changes.updated == set(ids) and not changes.removed
    assert {tags.detail(seeded, t).kind for t in ids} == {"target"}  # type: ignore[union-attr]
    target_row = kind_row(dialog, "target")
    assert dialog.kind_model.data(dialog.kind_model.index(target_row, 3)) == 3


def test_delete_a_kind_in_use_deletes_its_tags_or_cancels(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch, dialog: SchemaDialog,
        seeded: Project) -> None:
    ids = tag_some(seeded, "program", 2)
    dialog.refresh()
    choose_kind(dialog, "program")
    answer(monkeypatch, DeleteKindDialog, lambda ask: None, REJECTED)
    with qtbot.assertNotEmitted(dialog.changed):
        click(qtbot, dialog.delete_kind_button)
    assert len(kinds.list_kinds(seeded)) == 3

    def fill(ask: DeleteKindDialog) -> None:
        qtbot.mouseClick(ask.delete_radio, LEFT)
        assert not ask.target_combo.isEnabled() and ask.move_to() is None

    answer(monkeypatch, DeleteKindDialog, fill)
    with qtbot.waitSignal(dialog.changed) as blocker:
        click(qtbot, dialog.delete_kind_button)
    assert blocker.args[0].removed == set(ids)
    assert all(tags.detail(seeded, t) is None for t in ids)
    assert [k.key for k in kinds.list_kinds(seeded)] == ["metric", "target"]


def test_add_and_edit_fields(qtbot: Any, monkeypatch: pytest.MonkeyPatch,
                             dialog: SchemaDialog, seeded: Project) -> None:
    choose_kind(dialog, "program")

    def fill(form: FieldForm) -> None:
        assert not form.choices_edit.isEnabled()
        form.label_edit.insert("Funding")
        form.label_zh_edit.insert("资金来源")
        form.type_combo.setCurrentIndex(form.type_combo.findData("choice"))
        assert form.choices_edit.isEnabled()
        form.choices_edit.insert("中央、省级，市级")

    answer(monkeypatch, FieldForm, fill)
    with qtbot.waitSignal(dialog.changed):
        click(qtbot, dialog.add_field_button)
    assert field_keys(dialog)[-1] == "funding"
    added = dialog.selected_field()
    assert added is not None and added.choices == ("", "中央", "省级", "市级")

    def edit(form: FieldForm) -> None:
        assert form.key_edit.isReadOnly() and not form.type_combo.isEnabled()
        assert form.choices_edit.text() == "中央、省级、市级"
        form.choices_edit.insert("、县级")
        form.label_edit.clear()
        form.label_edit.insert("Funding source")

    answer(monkeypatch, FieldForm, edit)
    with qtbot.waitSignal(dialog.changed):
        click(qtbot, dialog.edit_field_button)
    edited = dialog.selected_field()
    assert edited is not None and edited.label == "Funding source"
    assert edited.choices[-1] == "县级"

    # a refused field: the reason shows, nothing is emitted
    answer(monkeypatch, FieldForm, lambda f: f.label_edit.insert("Level"))
    with qtbot.assertNotEmitted(dialog.changed):
        click(qtbot, dialog.add_field_button)
    assert "already has a field called “Level”" in dialog.error_label.text()


def test_move_fields_up_and_down(qtbot: Any, dialog: SchemaDialog) -> None:
    dialog.field_view.setCurrentIndex(dialog.field_model.index(0, 0))
    assert not dialog.up_button.isEnabled()
    with qtbot.waitSignal(dialog.changed):
        click(qtbot, dialog.down_button)
    assert field_keys(dialog)[:2] == ["value", "indicator"]
    assert dialog.selected_field().key == "indicator"  # type: ignore[union-attr]
    click(qtbot, dialog.up_button)
    assert field_keys(dialog)[:2] == ["indicator", "value"]
    last = dialog.field_model.rowCount() - 1
    dialog.field_view.setCurrentIndex(dialog.field_model.index(last, 0))
    assert dialog.up_button.isEnabled() and not dialog.down_button.isEnabled()


def test_remove_field_says_values_stay(qtbot: Any, monkeypatch: pytest.MonkeyPatch,
                                       dialog: SchemaDialog, seeded: Project) -> None:
    (tag_id,) = tag_some(seeded, "metric", 1)
    tags.set_fields(seeded, tag_id, {"region": "湖南"})
    dialog.field_view.setCurrentIndex(dialog.field_model.index(field_keys(dialog).index("region"), 0))
    questions: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_: Any) -> QMessageBox.StandardButton:
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    with qtbot.waitSignal(dialog.changed):
        click(qtbot, dialog.remove_field_button)
    assert "stay in the tags" in questions[0] and "“region”" in questions[0]
    assert "region" not in field_keys(dialog)
    assert tags.detail(seeded, tag_id).fields["region"] == "湖南"  # type: ignore[union-attr]


def test_the_dialog_speaks_chinese(qtbot: Any, qapp: Any, seeded: Project) -> None:
    from desktop.app import install_translations

    install_translations(qapp, "zh_CN")
    try:
        widget = SchemaDialog(seeded)
        qtbot.addWidget(widget)
        assert widget.windowTitle() == "标注类型和字段"
        assert widget.add_kind_button.text() == "添加类型(&A)…"
        metric = widget.selected_kind()
        assert metric is not None
        ask = DeleteKindDialog(metric, 3, [], widget)
        assert ask.message.text() == "有 3 个标注使用类型“指标”。如何处理这些标注？"
    finally:
        install_translations(qapp, "en")
