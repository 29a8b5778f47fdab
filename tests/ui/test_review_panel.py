"""The review panel on a real project: the queue model, keys A, R, C, stale verdicts."""

from __future__ import annotations

from typing import Any

import pytest

from PySide6.QtCore import Qt

from desktop.services import review, tags
from desktop.services.project import switch_analyst
from desktop.ui.review_panel import ReviewPanel
from tests.team.conftest import seed_reports, tag_text


@pytest.fixture
def panel(qtbot: Any, seeded: Any) -> tuple[ReviewPanel, Any, list[str]]:
    rid = seed_reports(seeded)["湖南"]
    switch_analyst(seeded, "bob")
    ids = [tag_text(seeded, rid, "7.9亿元", "metric", value="7.9"),
           tag_text(seeded, rid, "“智赋万企”行动", "program"),
           tag_text(seeded, rid, "《惠企政策口袋书》", "program")]
    switch_analyst(seeded, "alice")
    widget = ReviewPanel(seeded)
    qtbot.addWidget(widget)
    widget.show()
    return widget, seeded, ids


def test_queue_model_passes_the_model_tester(qtmodeltester: Any, panel: Any) -> None:
    widget, _project, _ids = panel
    qtmodeltester.check(widget.model)


def test_choosing_a_row_activates_the_tag(qtbot: Any, panel: Any) -> None:
    widget, _project, ids = panel
    assert widget.model.rowCount() == 3
    with qtbot.waitSignal(widget.tag_activated) as blocker:
        widget.view.selectRow(1)
    assert blocker.args[1] == ids[1]
    assert widget.model.index(1, 3).data() == "bob"


def test_keys_a_r_c_record_verdicts(qtbot: Any, panel: Any) -> None:
    widget, project, ids = panel
    widget.view.setFocus()
    widget.view.selectRow(0)
    with qtbot.waitSignal(widget.changed):
        qtbot.keyClick(widget.view, Qt.Key.Key_A)
    assert tags.detail(project, ids[0]).status == "accepted"
    assert widget.model.rowCount() == 2  # accepted tags leave the open queue
    widget.view.selectRow(0)
    qtbot.keyClick(widget.view, Qt.Key.Key_R)
    assert tags.detail(project, ids[1]).status == "rejected"
    widget.view.selectRow(0)
    with qtbot.waitSignal(widget.tag_activated) as blocker:
        qtbot.keyClick(widget.view, Qt.Key.Key_C)
    fixed = blocker.args[1]
    assert tags.detail(project, ids[2]).status == "corrected"
    assert review.corrections_of(project, ids[2]) == [fixed]
    assert widget.model.rowCount() == 0
    widget.status_box.setCurrentIndex(widget.status_box.findData(""))
    assert widget.model.rowCount() == 3


def test_a_verdict_on_a_tag_changed_meanwhile_is_refused_and_shown(
    qtbot: Any, panel: Any
) -> None:
    widget, project, ids = panel
    widget.view.setFocus()
    widget.view.selectRow(0)
    tags.set_note(project, ids[0], "a colleague edited this meanwhile")
    with qtbot.waitSignal(widget.failed) as blocker:
        qtbot.keyClick(widget.view, Qt.Key.Key_A)
    assert "Someone else changed this tag" in blocker.args[0]
    assert "Someone else changed this tag" in widget.message.text()
    assert tags.detail(project, ids[0]).status == "open"
