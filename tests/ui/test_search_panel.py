from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from desktop.services import reports
from desktop.services.search import tag_results
from desktop.ui.search_panel import SearchPanel


def type_chinese(widget, text: str) -> None:
    """Chinese arrives through the input method as a committed string (QTest.keyClicks
    handles Latin-1 only)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _panel(qtbot, project) -> SearchPanel:
    panel = SearchPanel(project)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_typing_a_query_lists_results_with_context(qtbot, qtmodeltester, seeded):
    panel = _panel(qtbot, seeded)
    type_chinese(panel.query, "智赋万企")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert panel.model.rowCount() == 1
    line = panel.model.index(0).data()
    assert "【智赋万企】" in line and "湖南" in line
    assert panel.status.text() == "1 results in 1 reports"
    qtmodeltester.check(panel.model)


def test_two_character_query_and_regex_toggle(qtbot, seeded):
    panel = _panel(qtbot, seeded)
    type_chinese(panel.query, r"增长\d+")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert panel.model.rowCount() == 0
    panel.regex.setChecked(True)  # searching again with the toggle
    assert panel.model.rowCount() > 0
    assert all(panel.model.hits[i].match.startswith("增长") for i in range(panel.model.rowCount()))
    panel.query.setText("增长(")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert "not valid" in panel.status.text() and panel.model.rowCount() == 0


def test_clicking_a_result_jumps_to_its_span(qtbot, seeded):
    panel = _panel(qtbot, seeded)
    type_chinese(panel.query, "工业")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    rect = panel.results.visualRect(panel.model.index(0))
    with qtbot.waitSignal(panel.result_activated) as blocker:
        qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    report_id, start, end = blocker.args
    doc = reports.document(seeded, report_id)
    assert doc is not None and doc.text[start:end] == "工业"


def test_in_report_scope_and_tag_all_results(qtbot, seeded):
    hunan = next(r.id for r in reports.library(seeded) if r.region == "湖南")
    panel = _panel(qtbot, seeded)
    panel.set_scope(hunan)
    type_chinese(panel.query, "专精特新")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    hits = panel.model.hits
    assert hits and {h.report_id for h in hits} == {hunan}
    assert panel.tag_all.isEnabled()
    action = next(a for a in panel.tag_all.menu().actions() if a.data() == "program")
    with qtbot.waitSignal(panel.tag_all_requested) as blocker:
        action.trigger()
    kind, spans = blocker.args
    assert kind == "program" and spans == [(h.report_id, h.start, h.end) for h in hits]
    _changes, created = tag_results(seeded, kind, spans)
    assert len(created) == len(hits)
