"""Kinds are data (issue 15): a kind added in the schema dialog is counted in the
library, filters the tag table, tags by its shortcut, and the suggestions say there are
none of it yet."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from desktop.services.ops.schema import AddKind
from tests.ui.conftest import select_text
from tests.ui.test_main_window import press


def test_a_kind_added_in_the_schema_dialog_works_everywhere(app_parts: Any, qtbot: Any) -> None:
    w = app_parts.window
    w.act_schema.trigger()
    dialog = app_parts.features["schema"].dialog
    qtbot.addWidget(dialog)
    assert dialog._run(AddKind("Risk", "风险", "#aa3355", "4"), "Add a tag kind") is not None
    report_id = app_parts.shown.report_id
    model = w.library.model
    assert model.headerData(4, Qt.Orientation.Horizontal) == "M·P·T·R"

    select_text(w.reader, "7.8%")
    press(qtbot, w, Qt.Key.Key_4)  # the new kind's shortcut
    assert w.inspector.detail().kind == "risk"
    row = model.row_of(report_id)
    qtbot.waitUntil(lambda: model.index(row, 4).data().endswith("·1"))
    assert "Risk 1" in model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole)

    table = w.tag_table
    table.kind_filter.setCurrentIndex(table.kind_filter.findData("risk"))
    assert table.model.ids() == [w.inspector.detail().id]

    app_parts.features["suggestions"].accept_kind("risk")
    QCoreApplication.processEvents()
    assert "no suggestions for Risk yet" in w.statusBar().currentMessage()
