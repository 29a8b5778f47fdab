"""Kinds are data in the tag table's key fields, the legend and the key help (issue 15):
each comes from the project's kinds, their fields and their shortcuts, in both languages."""

from __future__ import annotations

from typing import Any

import pytest

from PySide6.QtCore import QCoreApplication, Qt

from desktop.services import kinds
from desktop.services.ops.schema import AddField, AddKind, MoveField
from desktop.ui.help_text import keys_text
from tests.ui.conftest import select_text, shown_window
from tests.ui.test_main_window import press

pytestmark = pytest.mark.usefixtures("dialogs")  # tests/ui/conftest.py


def key_fields(w: Any, tag_id: str) -> str:
    QCoreApplication.processEvents()
    model = w.tag_table.model
    row = model.ids().index(tag_id)
    return str(model.index(row, model.COLUMNS.index("fields")).data())


def test_the_key_fields_follow_each_kinds_fields(app_parts: Any, qtbot: Any) -> None:
    w, project = app_parts.window, app_parts.project
    select_text(w.reader, "7.8%")
    press(qtbot, w, Qt.Key.Key_1)
    metric = w.inspector.detail()
    # a default kind: its first filled fields in the schema's order (indicator first)
    order = [f.key for k in kinds.list_kinds(project) if k.key == "metric" for f in k.fields]
    filled = [k for k in order if metric.fields.get(k)]
    assert len(filled) >= 2
    assert key_fields(w, metric.id).split(" · ")[0] == str(metric.fields[filled[0]])

    w.act_schema.trigger()
    dialog = app_parts.features["schema"].dialog
    qtbot.addWidget(dialog)
    risk = dialog._run(AddKind("Risk", "风险", "#aa3355", "4"), "Add a tag kind").made
    dialog._run(AddField(risk, "Owner", "责任单位", key="owner"), "Add a field")
    level = dialog._run(AddField(risk, "Level", "等级", key="level"), "Add a field").made
    select_text(w.reader, "智赋万企")
    press(qtbot, w, Qt.Key.Key_4)
    tag_id = w.inspector.detail().id
    w.inspector.field_edited.emit("level", "text", "高")  # typed in another order
    qtbot.waitUntil(lambda: key_fields(w, tag_id) == "高")
    w.inspector.field_edited.emit("owner", "text", "市工信局")
    qtbot.waitUntil(lambda: key_fields(w, tag_id) == "市工信局 · 高")
    dialog._run(MoveField(level, -1), "Move a field")  # the analyst reorders the kind
    qtbot.waitUntil(lambda: key_fields(w, tag_id) == "高 · 市工信局")


def test_the_legend_and_the_key_help_name_the_projects_kinds(app_parts: Any, qtbot: Any) -> None:
    w, shown = app_parts.window, app_parts.shown
    assert "1 2 3 tag or accept" in w.legend.text()
    assert keys_text(shown.kinds).split("\n")[0] == (
        "1 / 2 / 3 — tag the selection as Metric / Program / Target")
    w.act_schema.trigger()
    dialog = app_parts.features["schema"].dialog
    qtbot.addWidget(dialog)
    dialog._run(AddKind("Risk", "风险", "#aa3355", "4"), "Add a tag kind")
    QCoreApplication.processEvents()
    assert "1 2 3 4 tag or accept" in w.legend.text()
    assert keys_text(shown.kinds).split("\n")[0] == (
        "1 / 2 / 3 / 4 — tag the selection as Metric / Program / Target / Risk")
    w.act_undo.trigger()
    QCoreApplication.processEvents()
    assert "1 2 3 tag or accept" in w.legend.text() and "Risk" not in keys_text(shown.kinds)


@pytest.fixture
def chinese_parts(qtbot: Any, seeded: Any) -> Any:
    """The main window built in Chinese (as app_parts, with the translations first)."""
    from desktop.app import install_translations, make_application

    app = make_application()
    install_translations(app, "zh_CN")
    yield from shown_window(qtbot, seeded)
    install_translations(app, "en")


def test_the_chinese_window_names_the_kinds_in_chinese(chinese_parts: Any) -> None:
    parts = chinese_parts
    parts.runner.run(AddKind("Risk", "风险", "#aa3355", "4"), "Add a tag kind")
    QCoreApplication.processEvents()
    assert "1 2 3 4 按该类型标注或采纳" in parts.window.legend.text()
    lines = keys_text(parts.shown.kinds).split("\n")
    assert lines[0] == "1 / 2 / 3 / 4 — 将选中文字标注为 指标 / 举措 / 目标 / 风险"
    assert lines[1].startswith("N / P — 下一个")
