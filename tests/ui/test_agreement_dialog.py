"""The agreement dialog on two analysts' tags of the seed: figures, disagreements,
jumping to the text, adjudication into the consensus layer."""

from __future__ import annotations

from typing import Any

import pytest

from PySide6.QtCore import Qt

from desktop.services import tags
from desktop.services.project import switch_analyst
from desktop.ui.agreement_dialog import AgreementDialog
from tests.team.conftest import seed_reports, tag_text


@pytest.fixture
def dialog(qtbot: Any, seeded: Any) -> tuple[AgreementDialog, Any, str]:
    rid = seed_reports(seeded)["湖南"]
    tag_text(seeded, rid, "7.9亿元", "metric", value="7.9")
    tag_text(seeded, rid, "《惠企政策口袋书》", "program")
    switch_analyst(seeded, "bob")
    tag_text(seeded, rid, "7.9亿元", "metric", value="8.9")
    tag_text(seeded, rid, "《惠企政策口袋书》", "target")
    switch_analyst(seeded, "alice")
    widget = AgreementDialog(seeded, "alice", "bob")
    qtbot.addWidget(widget)
    widget.show()
    return widget, seeded, rid


def test_models_pass_the_model_tester(qtmodeltester: Any, dialog: Any) -> None:
    widget, _project, _rid = dialog
    qtmodeltester.check(widget.figures)
    qtmodeltester.check(widget.disagreements)


def test_figures_per_kind_and_overall(dialog: Any) -> None:
    widget, _project, _rid = dialog
    rows = [[widget.figures.index(r, c).data() for c in range(widget.figures.columnCount())]
            for r in range(widget.figures.rowCount())]
    assert [r[0] for r in rows] == ["Metric", "Program", "Target", "overall"]
    metric = rows[0]
    assert metric[1:6] == ["1", "1", "1.000", "1.000", "0.000"]  # same span, values differ
    assert rows[-1][6] != "1.000"
    assert "2 disagreement" in widget.summary.text()


def test_double_click_jumps_to_the_text(qtbot: Any, dialog: Any) -> None:
    widget, project, rid = dialog
    first = widget.disagreements.index(0, 0)
    assert first.data() == "different kind"
    view = widget.disagreements_view
    rect = view.visualRect(first)
    with qtbot.waitSignal(widget.disagreement_activated) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    report_id, start, end = blocker.args
    text = next(t for t in tags.table(project, rid) if t.kind == "target").quote
    assert (report_id, end - start) == (rid, len(text))


def test_take_a_and_combine_make_consensus_tags(qtbot: Any, dialog: Any) -> None:
    widget, project, rid = dialog
    widget.disagreements_view.selectRow(0)  # the kind dispute
    assert widget.take_a.isEnabled() and widget.combine.isEnabled()
    with qtbot.waitSignal(widget.changed):
        qtbot.mouseClick(widget.take_a, Qt.MouseButton.LeftButton)
    assert widget.disagreements.index(0, 5).data() == "decided"
    widget.disagreements_view.selectRow(1)  # the value dispute
    qtbot.mouseClick(widget.take_b, Qt.MouseButton.LeftButton)
    consensus = sorted((t.kind, t.fields.get("value", "")) for t in tags.table(project, rid)
                       if t.author == "consensus")
    assert consensus == [("metric", "8.9"), ("program", "")]
    with qtbot.waitSignal(widget.write_own_requested) as blocker:
        qtbot.mouseClick(widget.write_own, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == rid
