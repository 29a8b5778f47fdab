"""The reader on its own: offsets outside the BMP, painting, keys."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.domain.offsets import OffsetMap
from desktop.ui.reader import KindStyle, Mark, ReaderView

KINDS = [KindStyle("metric", "Metric 指标", "#2f6fd6", "1"),
         KindStyle("program", "Program 举措", "#1f9d55", "2")]


def make_reader(qtbot, text: str) -> ReaderView:
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.resize(700, 400)
    reader.set_kinds(KINDS)
    reader.set_report(text, None)
    reader.show()
    qtbot.waitExposed(reader)
    return reader


def test_offsets_round_trip_with_characters_outside_the_bmp() -> None:
    text = "𠮷野家😀增长7.8%"
    m = OffsetMap(text)
    i = text.index("7.8%")
    assert i == 6
    assert m.to_utf16(i) == 8  # 𠮷 and 😀 take two UTF-16 units each
    assert m.to_codepoint(8) == 6
    assert all(m.to_codepoint(m.to_utf16(k)) == k for k in range(len(text) + 1))
    assert m.to_codepoint(1) == 0  # inside a surrogate pair rounds down


def test_selection_after_astral_characters_tags_the_right_code_points(qtbot) -> None:
    text = "𠮷野家😀，全省工业增长7.8%。"
    reader = make_reader(qtbot, text)
    start = text.index("7.8%")
    reader.select_span(start, start + 4)
    assert reader.textCursor().selectedText() == "7.8%"
    with qtbot.waitSignal(reader.tag_requested) as blocker:
        qtbot.keyClick(reader, Qt.Key.Key_1)
    assert blocker.args == ["metric", start, start + 4]


def test_click_selects_the_tag_under_the_mouse_and_cycles_overlaps(qtbot) -> None:
    text = "预计未来三年将新增产值超300亿元。" * 3
    reader = make_reader(qtbot, text)
    inner = text.index("300亿元")
    reader.set_marks([Mark("outer", "program", 0, 17), Mark("inner", "metric", inner, inner + 5)])
    rect = reader._segments(inner + 1, inner + 2)[0]
    with qtbot.waitSignal(reader.mark_clicked) as first:
        qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert first.args == ["inner"]  # the shortest first
    with qtbot.waitSignal(reader.mark_clicked) as second:
        qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert second.args == ["outer"]


def test_resize_keys_move_the_end_and_the_start(qtbot) -> None:
    reader = make_reader(qtbot, "工业经济增长7.8%，居全国第10")
    reader.set_marks([Mark("t", "metric", 6, 10)])
    reader.select_mark("t")
    with qtbot.waitSignal(reader.resize_requested) as grow:
        qtbot.keyClick(reader, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert grow.args == ["t", 6, 11]
    with qtbot.waitSignal(reader.resize_requested) as start:
        qtbot.keyClick(reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert start.args == ["t", 5, 10]


def test_n_and_p_walk_marks_in_text_order(qtbot) -> None:
    reader = make_reader(qtbot, "甲乙丙丁戊己庚辛壬癸" * 5)
    reader.set_marks([Mark("b", "metric", 20, 22), Mark("a", "metric", 2, 4), Mark("c", "program", 30, 31)])
    reader.select_mark("a")
    seen = []
    for _ in range(3):
        with qtbot.waitSignal(reader.mark_clicked) as step:
            qtbot.keyClick(reader, Qt.Key.Key_N)
        seen.append(step.args[0])
    assert seen == ["b", "c", "a"]
    with qtbot.waitSignal(reader.mark_clicked) as back:
        qtbot.keyClick(reader, Qt.Key.Key_P)
    assert back.args == ["c"]


def test_double_click_snaps_to_number_with_unit_and_quoted_name(qtbot) -> None:
    text = "持续深化“智赋万企”行动，全省工业经济增长7.8%。"
    reader = make_reader(qtbot, text)
    i = text.index("7.8%")
    rect = reader._segments(i + 1, i + 2)[0]
    qtbot.mouseDClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert reader.textCursor().selectedText() == "增长7.8%"
    j = text.index("智赋")
    rect = reader._segments(j, j + 1)[0]
    qtbot.mouseDClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert reader.textCursor().selectedText() == "“智赋万企”行动"


def test_only_visible_marks_are_painted(qtbot) -> None:
    text = ("湖南工业经济增长7.8%。" * 20 + "\n") * 400
    reader = make_reader(qtbot, text)
    marks = [Mark(str(i), "metric", i * 13 + 8, i * 13 + 12) for i in range(len(text) // 13)]
    reader.set_marks(marks)
    a, b = reader._visible_range()
    visible = list(reader._index.overlapping(a, b))
    assert 0 < len(visible) < len(marks) / 20
    reader.grab()  # paints without error


def test_many_authors_and_kinds_widen_the_code_columns(qtbot) -> None:
    text = "甲乙丙丁戊己庚辛壬癸" * 100
    reader = make_reader(qtbot, text)
    n = 300  # more distinct authors than one byte can code
    reader.set_tags([f"t{i:04d}" for i in range(n)], ["metric"] * n, list(range(n)),
                    [i + 2 for i in range(n)], ["open"] * n, [f"analyst-{i}" for i in range(n)])
    assert reader.mark("t0299").author == "analyst-299"
    reader.add_tag(Mark("new", "program", 5, 7, author="analyst-new"))
    assert reader.mark("new").author == "analyst-new"
    assert reader.kind_counts() == {"metric": n, "program": 1}
    reader.remove_tag("t0000")
    assert reader.tag_count() == n
