"""The program registry dialog: its model, rename, add alias and merge through widgets."""

from __future__ import annotations

from typing import Any

import pytest

from PySide6.QtCore import Qt

from desktop.services import programs, reports, tags
from desktop.services.project import Project
from desktop.ui.programs_dialog import ProgramsDialog


@pytest.fixture
def dialog(qtbot: Any, seeded: Project) -> ProgramsDialog:
    rid = reports.library(seeded)[0].id
    _, a = programs.create(seeded, "“智赋万企”行动", category="行动")
    programs.create(seeded, "广东强芯工程", category="工程")
    t = tags.create_tag(seeded, rid, "program", 0, 4).new_tag
    assert t is not None
    programs.link_program_tag(seeded, t, a)
    widget = ProgramsDialog(seeded)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _row(widget: ProgramsDialog, name: str) -> int:
    model = widget.model
    return next(r for r in range(model.rowCount()) if model.entry(r).name == name)


def test_model_passes_the_model_tester(qtmodeltester: Any, dialog: ProgramsDialog) -> None:
    qtmodeltester.check(dialog.model)


def test_rows_show_alias_and_tag_counts(dialog: ProgramsDialog) -> None:
    model = dialog.model
    row = _row(dialog, "智赋万企行动")
    assert model.data(model.index(row, 1)) == "行动"
    assert model.data(model.index(row, 2)) == 1  # “智赋万企”行动
    assert model.data(model.index(row, 3)) == 1
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"


def test_rename_and_add_alias_through_widgets(qtbot: Any, dialog: ProgramsDialog,
                                              seeded: Project) -> None:
    dialog.table.setCurrentIndex(dialog.model.index(_row(dialog, "智赋万企行动"), 0))
    assert not dialog.rename_button.isEnabled()
    dialog.name_edit.insert("智赋万企专项行动")  # keyClicks cannot type Chinese
    assert dialog.rename_button.isEnabled()
    with qtbot.waitSignal(dialog.changed) as blocker:
        qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].programs
    assert dialog.name_edit.text() == ""
    row = _row(dialog, "智赋万企专项行动")
    assert dialog.selected_id() == dialog.model.entry(row).id
    assert "智赋万企行动" in dialog.aliases_label.text()

    dialog.name_edit.insert("智赋万企")
    qtbot.mouseClick(dialog.alias_button, Qt.MouseButton.LeftButton)
    entry = programs.entry(seeded, dialog.model.entry(_row(dialog, "智赋万企专项行动")).id)
    assert entry is not None and entry.alias_count == 3


def test_merge_through_widgets(qtbot: Any, dialog: ProgramsDialog, seeded: Project) -> None:
    source = dialog.model.entry(_row(dialog, "智赋万企行动")).id
    dialog.table.setCurrentIndex(dialog.model.index(_row(dialog, "智赋万企行动"), 0))
    assert dialog.merge_target.count() == 1
    target = dialog.merge_target.currentData()
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 1
    assert programs.entry(seeded, source) is None
    merged = programs.entry(seeded, target)
    assert merged is not None and merged.tag_count == 1
    assert dialog.selected_id() == target


def test_refused_action_shows_the_reason(qtbot: Any, dialog: ProgramsDialog) -> None:
    dialog.table.setCurrentIndex(dialog.model.index(_row(dialog, "广东强芯工程"), 0))
    dialog.name_edit.insert("“智赋万企”行动")
    qtbot.mouseClick(dialog.alias_button, Qt.MouseButton.LeftButton)
    assert "already names" in dialog.error_label.text()
    assert dialog.name_edit.text() == "“智赋万企”行动"
