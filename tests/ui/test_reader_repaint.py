"""A key press repaints only the lines it changes; what is on screen afterwards is the
same as a freshly painted reader (no stale underline, outline or lane is left behind).
The screen is read from the window's backing store (the offscreen platform's
grabWindow), which partial repaints update, unlike QWidget.grab, which paints anew."""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from desktop.ui.reader import Mark, ReaderView
from tests.ui.test_reader import make_reader

PARAGRAPH = "全省规模以上工业增加值增长7.8%，高新技术产业增加值增长11.2%，新增智能工厂176家。"
TEXT = "\n\n".join(f"{i}、{PARAGRAPH}" for i in range(40))


def on_screen(reader: ReaderView) -> QImage:
    """What the reader's window shows now, after the pending repaints."""
    QApplication.processEvents()
    window = reader.window()
    screen = window.screen()
    return screen.grabWindow(window.winId()).toImage()


def repainted(reader: ReaderView) -> QImage:
    reader.viewport().repaint()
    return on_screen(reader)


def painted_regions(qtbot, reader: ReaderView, action) -> list[tuple[int, int, int, int]]:
    """The rectangles the reader's viewport repaints after `action`."""
    regions: list[tuple[int, int, int, int]] = []
    from PySide6.QtCore import QEvent, QObject

    class Spy(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                r = event.rect()
                regions.append((r.x(), r.y(), r.width(), r.height()))
            return False

    spy = Spy()
    reader.viewport().installEventFilter(spy)
    QApplication.processEvents()
    regions.clear()
    action()
    QApplication.processEvents()
    reader.viewport().removeEventFilter(spy)
    return regions


def test_adding_overlapping_tags_leaves_the_screen_as_a_full_paint_would(qtbot) -> None:
    reader = make_reader(qtbot, TEXT)
    start = TEXT.index("增长7.8%")
    reader.add_tag(Mark("a", "metric", start, start + 6))
    on_screen(reader)
    # a tag over the first one's start: both move to other lanes, the first's included
    reader.add_tag(Mark("b", "program", start - 4, start + 2))
    reader.select_mark("b")
    assert on_screen(reader) == repainted(reader)
    reader.remove_tag("b")
    assert on_screen(reader) == repainted(reader)


def test_a_tag_repaints_its_lines_not_the_page(qtbot) -> None:
    reader = make_reader(qtbot, TEXT)
    start = TEXT.index("增长11.2%", 200)
    height = reader.viewport().height()
    regions = painted_regions(qtbot, reader,
                              lambda: reader.add_tag(Mark("a", "metric", start, start + 7)))
    assert regions and all(h < height / 4 for *_, h in regions)
    assert on_screen(reader) == repainted(reader)


def test_selection_and_rejection_of_a_suggestion_repaint_what_they_changed(qtbot) -> None:
    reader = make_reader(qtbot, TEXT)
    a = TEXT.index("增长7.8%", 100)
    b = TEXT.index("增长11.2%", 300)
    reader.set_suggestions([Mark("s1", "metric", a, a + 6, suggestion=True),
                            Mark("s2", "metric", b, b + 7, suggestion=True)])
    reader.select_mark("s1")
    on_screen(reader)
    reader.select_mark("s2")  # the first's thick outline goes, the second's comes
    assert on_screen(reader) == repainted(reader)
    reader.remove_suggestions(["s2"])
    assert on_screen(reader) == repainted(reader)


def test_a_change_off_screen_repaints_nothing(qtbot) -> None:
    reader = make_reader(qtbot, TEXT)
    far = TEXT.index("增长7.8%", len(TEXT) - 200)
    regions = painted_regions(qtbot, reader,
                              lambda: reader.add_tag(Mark("far", "metric", far, far + 6)))
    assert regions == []


def test_walking_to_a_mark_on_screen_keeps_the_page_still(qtbot) -> None:
    reader = make_reader(qtbot, TEXT)
    reader.resize(700, 800)
    reader.verticalScrollBar().setValue(reader.verticalScrollBar().maximum() // 3)
    QApplication.processEvents()
    height = reader.viewport().height()
    vis_a, vis_b = reader._visible_range()
    # a figure in the upper part of the page, where centring it would move the page
    near = next(i for i in range(vis_a, vis_b) if TEXT.startswith("增长7.8%", i)
                and reader._segments(i, i + 6)[0].top() > height * 0.2)
    assert reader._segments(near, near + 6)[0].bottom() < height * 0.45
    far = TEXT.index("增长7.8%", len(TEXT) - 100)
    reader.set_suggestions([Mark("near", "metric", near, near + 6, suggestion=True),
                            Mark("far", "metric", far, far + 6, suggestion=True)])
    page = reader.verticalScrollBar().value()
    reader.select_mark("near", scroll=True)
    assert reader.verticalScrollBar().value() == page
    reader.select_mark("far", scroll=True)  # off screen: the page moves to it
    QApplication.processEvents()
    assert reader.verticalScrollBar().value() != page
    assert reader._segments(far, far + 6)[0].bottom() <= height
