"""Review by buttons in the real window: accept, reject and correct a colleague's tags
without knowing a key; a correction opens the copy for editing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.services import reports, tags
from desktop.services.project import switch_analyst
from tests.team.conftest import tag_text


def test_review_by_buttons(app_parts, qtbot):
    project, w = app_parts.project, app_parts.window
    report = next(r.id for r in reports.library(project) if r.region.startswith("湖南"))
    me = project.analyst_name
    switch_analyst(project, "bob")
    ids = [tag_text(project, report, "7.8%", "metric", value="7.8", unit="%"),
           tag_text(project, report, "“智赋万企”行动", "program"),
           tag_text(project, report, "7.9亿元", "metric", value="7.9", unit="亿元")]
    switch_analyst(project, me)
    panel = app_parts.features["review"].panel
    w.left_tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    assert not panel.accept_button.isEnabled()  # nothing chosen yet
    assert "A" in panel.accept_button.text() and "R" in panel.reject_button.text()

    def choose(tag_id: str) -> None:
        panel.select_tag(tag_id)
        qtbot.waitUntil(lambda: w.inspector.detail() is not None
                        and w.inspector.detail().id == tag_id)

    choose(ids[0])
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert tags.detail(project, ids[0]).status == "accepted"
    choose(ids[1])
    qtbot.mouseClick(panel.reject_button, Qt.MouseButton.LeftButton)
    assert tags.detail(project, ids[1]).status == "rejected"
    choose(ids[2])
    qtbot.mouseClick(panel.correct_button, Qt.MouseButton.LeftButton)
    assert tags.detail(project, ids[2]).status == "corrected"
    # the reviewer's copy is open in the inspector, its first field ready for typing
    qtbot.waitUntil(lambda: w.inspector.detail() is not None
                    and w.inspector.detail().author == me)
    copy = w.inspector.detail()
    assert copy.id != ids[2] and copy.quote == "7.9亿元"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.inspector.editor("indicator"))
    # the verdicts show in the reader and the tag table
    statuses = {m.id: m.status for m in w.reader.marks() if not m.suggestion}
    assert statuses[ids[0]] == "accepted" and statuses[ids[1]] == "rejected"
