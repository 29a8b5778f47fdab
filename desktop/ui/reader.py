"""The reader: a report's text with its tags painted over it.

A QPlainTextEdit lays out only the visible blocks (a 1 MB report paints in ~33 ms).
Highlights are painted in `paintEvent` from an interval index, only for what is on
screen; no ExtraSelections (slow for thousands of tags and unsafe from scroll-bar
signals: docs/design.md guard-rails). Positions are code points everywhere outside this
widget; the OffsetMap converts to Qt's UTF-16 positions at its edge.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, MutableSequence, Sequence
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolTip, QWidget

from desktop.domain.offsets import OffsetMap
from desktop.domain.report_text import Structure
from desktop.domain.spans import IdColumn, IntervalIndex, assign_lanes, snap
from desktop.domain.states import TagStatus
from desktop.ui.fonts import reader_font

# reviewed tags carry a mark at their end: (symbol, colour) by status
BADGES: dict[str, tuple[str, str]] = {TagStatus.ACCEPTED: ("✓", "#15803d"), TagStatus.CORRECTED: ("✎", "#b45309")}


@dataclass(frozen=True, slots=True)
class Mark:
    """One painted span: a tag (solid) or a suggestion (dashed outline)."""

    id: str
    kind: str
    start: int  # code points
    end: int
    suggestion: bool = False
    tooltip: str = ""
    status: str = TagStatus.OPEN
    author: str = ""  # analyst id


@dataclass(frozen=True, slots=True)
class KindStyle:
    key: str
    label: str
    colour: str
    shortcut: str


def _int_column(values: Sequence[int]) -> array[int]:
    if isinstance(values, array) and values.typecode == "i":
        return values[:]  # one block copy
    return array("i", values)


class ReaderView(QPlainTextEdit):
    tag_requested = Signal(str, int, int)  # kind, start, end (code points)
    mark_clicked = Signal(str)  # mark id ('' when clicking outside any mark)
    delete_requested = Signal(str)
    resize_requested = Signal(str, int, int)
    accept_requested = Signal(str)  # a suggestion (Enter / A)
    accept_kind_requested = Signal(str)  # every suggestion of a kind (Shift+Enter)
    accept_as_requested = Signal(str, str)  # a suggestion, as the kind of key 1/2/3
    reject_requested = Signal(str)  # a suggestion (Delete / X)
    tag_all_requested = Signal(str, str)  # kind, text

    LANE_GAP = 3.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # a scroll bar that comes and goes changes the text width, and a new width makes
        # QPlainTextDocumentLayout give every block a QTextLayout (relayout()): 16 MB and
        # ~30 ms for a 5 MB report of 46 000 paragraphs. Always shown, it never changes it.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setFont(reader_font())
        self.setMouseTracking(True)
        self.document().setDocumentMargin(28)
        self._text = ""
        self._offsets = OffsetMap("")
        # tags as parallel columns sorted by (start, end): 100 000 tags load in a few
        # milliseconds and cost a few MB, where objects per tag would not. Positions are
        # machine ints (array: 4 bytes a tag, not a list slot and an int object: 36);
        # kinds, statuses and authors are codes into `_names` (a byte a tag)
        self._ids = IdColumn()
        self._starts = array("i")
        self._ends = array("i")
        self._names: list[str] = []
        self._codes: dict[str, int] = {}
        self._tkinds: MutableSequence[int] = bytearray()
        self._status: MutableSequence[int] = bytearray()
        self._authors: MutableSequence[int] = bytearray()
        # underline in the author's colour when several analysts' layers are shown
        self.author_colours: dict[str, str] = {}
        self.colour_by_author = False
        self._index = IntervalIndex.from_columns(self._starts, self._ends)
        self._suggestions: list[Mark] = []
        self._sugg_starts: list[int] = []
        self._sugg_ends: list[int] = []
        self._sugg_index = IntervalIndex.from_columns(self._sugg_starts, self._sugg_ends)
        self._sugg_ids: dict[str, Mark] = {}
        self.tooltip_provider: Callable[[str], str] | None = None
        self._kinds: dict[str, KindStyle] = {}
        self._selected: str | None = None
        self._flash: tuple[int, int] | None = None
        self._seg_key: tuple[object, ...] = ()
        self._seg_rects: dict[tuple[int, int], list[QRectF]] = {}
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._end_flash)

    # --- content --------------------------------------------------------------------

    def set_kinds(self, kinds: Sequence[KindStyle]) -> None:
        self._kinds = {k.key: k for k in kinds}
        self.viewport().update()

    def kind_for_shortcut(self, key: str) -> str | None:
        return next((k.key for k in self._kinds.values() if k.shortcut == key), None)

    def set_report(self, text: str, structure: Structure | None) -> None:
        self._text = text
        self._offsets = OffsetMap(text)
        self._selected = None
        self.setPlainText(text)
        if structure is not None:
            self._style_structure(structure)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def clear_report(self) -> None:
        self.set_report("", None)
        self.set_marks([])

    def text(self) -> str:
        return self._text

    def set_tags(self, ids: Sequence[str] | IdColumn, kinds: Sequence[str], starts: Sequence[int],
                 ends: Sequence[int], statuses: Sequence[str],
                 authors: Sequence[str] | None = None) -> None:
        """All tags of the report as columns, sorted by start; copied into compact
        columns (the caller's lists can go). Columns already compact (an IdColumn, int
        arrays: services.values.SpanColumns) are copied as blocks."""
        self._names, self._codes = [], {}
        self._ids = ids.copy() if isinstance(ids, IdColumn) else IdColumn(ids)
        self._starts, self._ends = _int_column(starts), _int_column(ends)
        self._tkinds = self._encode(kinds)
        self._status = self._encode(statuses)
        self._authors = self._encode(authors if authors is not None else [""] * len(ids))
        self._reindex()

    def _code(self, name: str) -> int:
        code = self._codes.get(name)
        if code is None:
            code = self._codes[name] = len(self._names)
            self._names.append(name)
            if code == 256:  # more names than a byte holds: two bytes a tag from now on
                self._tkinds, self._status, self._authors = (
                    array("H", list(column))
                    for column in (self._tkinds, self._status, self._authors))
        return code

    def _encode(self, values: Sequence[str]) -> MutableSequence[int]:
        """A column of a few distinct strings as codes into `_names`."""
        codes = self._codes
        for name in set(values):  # a C pass; then the lookups below never miss
            if name not in codes:
                self._code(name)
        if len(self._names) <= 256:
            return bytearray(map(codes.__getitem__, values))
        return array("H", map(codes.__getitem__, values))

    def set_marks(self, marks: Sequence[Mark]) -> None:
        """Tags and suggestions as Mark objects (convenient for small sets and tests)."""
        tags = sorted((m for m in marks if not m.suggestion), key=lambda m: m.start)
        self.set_tags([m.id for m in tags], [m.kind for m in tags], [m.start for m in tags],
                      [m.end for m in tags], [m.status for m in tags], [m.author for m in tags])
        self.set_suggestions([m for m in marks if m.suggestion])

    def set_suggestions(self, marks: Sequence[Mark]) -> None:
        self._suggestions = sorted(marks, key=lambda m: (m.start, m.end))
        # columns shared with the index, so one suggestion can leave without a rebuild
        self._sugg_starts = [m.start for m in self._suggestions]
        self._sugg_ends = [m.end for m in self._suggestions]
        self._sugg_index = IntervalIndex.from_columns(self._sugg_starts, self._sugg_ends)
        self._sugg_ids = {m.id: m for m in self._suggestions}
        self.viewport().update()

    def drop_suggestions(self, taken: Callable[[Mark], bool],
                         span: tuple[int, int] | None = None) -> None:
        """Remove the suggestions a new tag has just taken up; with `span`, only those
        overlapping it are looked at (a key press costs what is near, not all of them)."""
        if span is None:
            candidates = list(self._suggestions)
        else:
            candidates = [self._suggestions[i] for i in self._sugg_index.overlapping(*span)]
        self.remove_suggestions([m.id for m in candidates if taken(m)])

    def remove_suggestions(self, ids: Iterable[str]) -> None:
        """Remove suggestions by id (a rejection, a tag taking their place)."""
        for mark_id in ids:
            mark = self._sugg_ids.pop(mark_id, None)
            if mark is None:
                continue
            k = bisect_left(self._sugg_starts, mark.start)
            while self._suggestions[k].id != mark_id:
                k += 1
            del self._suggestions[k], self._sugg_starts[k], self._sugg_ends[k]
            if self._selected == mark_id:
                self._selected = None
            self._update_lines(mark.start, mark.end)

    def suggestion_count(self) -> int:
        return len(self._suggestions)

    def suggestion_after(self, start: int, end: int) -> Mark | None:
        """The first suggestion after (start, end) in text order."""
        k = bisect_left(self._sugg_starts, start)
        for mark in self._suggestions[k:k + 64]:
            if (mark.start, mark.end) > (start, end):
                return mark
        return next((m for m in self._suggestions[k + 64:] if (m.start, m.end) > (start, end)),
                    None)

    def suggestions_over(self, start: int, end: int) -> list[Mark]:
        return [self._suggestions[i] for i in self._sugg_index.overlapping(start, end)]

    def tags_over(self, start: int, end: int) -> list[tuple[str, int, int]]:
        """(kind, start, end) of the shown tags overlapping [start, end)."""
        names = self._names
        return [(names[self._tkinds[i]], self._starts[i], self._ends[i])
                for i in self._index.overlapping(start, end)]

    def add_tag(self, mark: Mark) -> None:
        """Insert one tag in order (the key-press path: no reload of the others)."""
        k = self._insert_point(mark.start, mark.end)
        # codes first: a new name may widen the coded columns
        kind, status, author = (self._code(mark.kind), self._code(mark.status),
                                self._code(mark.author))
        self._ids.insert(k, mark.id)
        self._tkinds.insert(k, kind)
        self._starts.insert(k, mark.start)
        self._ends.insert(k, mark.end)
        self._status.insert(k, status)
        self._authors.insert(k, author)
        self._index.widen(mark.end - mark.start)  # the index shares these columns
        self._update_around(mark.start, mark.end)

    def _insert_point(self, start: int, end: int) -> int:
        return bisect_right(self._starts, start)

    def remove_tag(self, tag_id: str) -> None:
        row = self._row(tag_id)
        if row is None:
            return
        self._update_around(self._starts[row], self._ends[row])  # the lanes it shared
        del self._ids[row]
        for column in (self._tkinds, self._starts, self._ends, self._status, self._authors):
            del column[row]
        if self._selected == tag_id:
            self._selected = None
        # the index shares the columns; its bound stays valid

    def _reindex(self) -> None:
        self._index = IntervalIndex.from_columns(self._starts, self._ends)
        self.viewport().update()

    def _row(self, tag_id: str) -> int | None:
        try:
            return self._ids.index(tag_id)  # a C scan: ~0.1 ms for 10 000 tags
        except ValueError:
            return None

    def tag_count(self) -> int:
        return len(self._ids)

    def kind_counts(self) -> dict[str, int]:
        counts = {}
        for code, name in enumerate(self._names):  # a few names, each counted in C
            if n := self._tkinds.count(code):
                counts[name] = n
        return counts

    def _tag_mark(self, i: int) -> Mark:
        names = self._names
        return Mark(self._ids[i], names[self._tkinds[i]], self._starts[i], self._ends[i],
                    status=names[self._status[i]], author=names[self._authors[i]])

    def marks(self) -> list[Mark]:
        return [self._tag_mark(i) for i in range(len(self._ids))] + list(self._suggestions)

    def suggestions(self) -> list[Mark]:
        return list(self._suggestions)

    def select_mark(self, mark_id: str | None, *, scroll: bool = False, flash: bool = False) -> None:
        old = self.selected_mark()
        if old is not None:
            self._update_lines(old.start, old.end)  # its outline goes
        self._selected = mark_id
        mark = self.mark(mark_id) if mark_id else None
        if mark is not None and scroll:
            # the page moves only for a mark outside its middle: walking the marks on
            # one screen keeps the text still (and repaints a line, not the page)
            steady = self._in_view(mark.start, mark.end)
            cursor = self.textCursor()
            cursor.setPosition(self._offsets.to_utf16(mark.start))
            self.setTextCursor(cursor)
            if not steady:
                self.centerCursor()
        if mark is not None and flash:
            self._flash = (mark.start, mark.end)
            self._flash_timer.start(600)
        if mark is not None:
            self._update_lines(mark.start, mark.end)

    def selected_mark(self) -> Mark | None:
        return self.mark(self._selected) if self._selected else None

    def selection_span(self) -> tuple[int, int] | None:
        """The selected text in code points, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        a = self._offsets.to_codepoint(cursor.selectionStart())
        b = self._offsets.to_codepoint(cursor.selectionEnd())
        return (a, b) if a < b else None

    def select_span(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self._offsets.to_utf16(start))
        cursor.setPosition(self._offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def marks_at(self, pos: int) -> list[Mark]:
        found = [self._tag_mark(i) for i in self._index.at(pos)]
        found += [self._suggestions[i] for i in self._sugg_index.at(pos)]
        return found

    def mark(self, mark_id: str | None) -> Mark | None:
        """The tag or suggestion with this id, if shown."""
        if mark_id is None:
            return None
        suggestion = self._sugg_ids.get(mark_id)  # a dict look first: no scan of the tags
        if suggestion is not None:
            return suggestion
        row = self._row(mark_id)
        return self._tag_mark(row) if row is not None else None

    # --- structure styling ------------------------------------------------------------

    def _style_structure(self, s: Structure) -> None:
        base = self.font().pointSizeF()

        def fmt(bold: bool = False, italic: bool = False, size: float | None = None,
                colour: str | None = None, background: str | None = None) -> QTextCharFormat:
            f = QTextCharFormat()
            if bold:
                f.setFontWeight(QFont.Weight.Bold)
            if italic:
                f.setFontItalic(True)
            if size:
                f.setFontPointSize(size)
            if colour:
                f.setForeground(QColor(colour))
            if background:
                f.setBackground(QColor(background))
            return f

        styles = [
            ([s.title] if s.title else [], fmt(bold=True, size=base * 1.45)),
            ([s.byline] if s.byline else [], fmt(colour="#6b6b6b")),
            (list(s.headings), fmt(bold=True, size=base * 1.12, colour="#1f2a44")),
            (list(s.captions), fmt(italic=True, colour="#6b6b6b")),
            (list(s.emphasis), fmt(bold=True)),
        ]
        cursor = QTextCursor(self.document())
        callout = QTextBlockFormat()  # a block background, so tag fills stay visible on it
        callout.setBackground(QColor("#f4eedd"))
        for a, b in s.callouts:
            cursor.setPosition(self._offsets.to_utf16(a))
            cursor.setPosition(self._offsets.to_utf16(b), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeBlockFormat(callout)
        for ranges, f in styles:
            for a, b in ranges:
                cursor.setPosition(self._offsets.to_utf16(a))
                cursor.setPosition(self._offsets.to_utf16(b), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(f)

    # --- painting -----------------------------------------------------------------------

    CHAIN_LIMIT = 20_000  # code points: a change chained wider than this repaints it all

    def _update_around(self, start: int, end: int) -> None:
        """Repaint what a tag added or removed at [start, end) can change: its lines and
        those of the tags chained to it by overlap, whose underlines may change lanes."""
        a, b = start, end
        while b - a <= self.CHAIN_LIMIT:
            spans = [(self._starts[i], self._ends[i]) for i in self._index.overlapping(a, b)]
            wider = (min([a, *(s for s, _ in spans)]), max([b, *(e for _, e in spans)]))
            if wider == (a, b):
                self._update_lines(a, b)
                return
            a, b = wider
        self.viewport().update()

    VIEW_MARGINS = (0.1, 0.85)  # a span outside these parts of the height is scrolled to

    def _in_view(self, start: int, end: int) -> bool:
        """Whether the span is laid out inside the viewport's middle part."""
        vis_a, vis_b = self._visible_range()
        if start < vis_a or end > vis_b:
            return False
        rects = self._segments(start, end)
        height = self.viewport().height()
        top, bottom = self.VIEW_MARGINS
        return bool(rects) and all(r.top() >= height * top and r.bottom() <= height * bottom
                                   for r in rects)

    def _update_lines(self, start: int, end: int) -> None:
        """Repaint the full width of the lines [start, end) is laid out on (a key press
        repaints a line or two, not the whole page); nothing when they are off screen."""
        vis_a, vis_b = self._visible_range()
        a, b = max(start, vis_a), min(end, vis_b)
        if a >= b:
            return
        if b - a > self.CHAIN_LIMIT:
            self.viewport().update()
            return
        rects = self._segments(a, b)
        if not rects:
            return
        top = min(r.top() for r in rects)
        bottom = max(r.bottom() for r in rects)
        margin = 4  # outline pens and badges reach a little past the line
        self.viewport().update(QRect(0, int(top) - margin, self.viewport().width(),
                                     int(bottom - top) + 2 * margin + 1))

    def _visible_range(self) -> tuple[int, int]:
        return self._range_of(self.viewport().rect())

    def _range_of(self, rect: QRect) -> tuple[int, int]:
        """The code points laid out in the viewport's `rect`, to whole paragraphs."""
        doc = self.document()
        top = doc.findBlock(self.cursorForPosition(rect.topLeft()).position())
        bottom = doc.findBlock(self.cursorForPosition(rect.bottomRight()).position())
        end = bottom.position() + bottom.length()
        return (self._offsets.to_codepoint(top.position()),
                self._offsets.to_codepoint(end) + 1)

    def _laid_out_key(self) -> tuple[object, ...]:
        """What the rectangles of a span depend on: the scroll position, the viewport's
        size, the document and its font. While it holds, the rectangles are kept."""
        offset = self.contentOffset()
        viewport = self.viewport()
        doc = self.document()
        return (offset.x(), offset.y(), self.firstVisibleBlock().blockNumber(),
                viewport.width(), viewport.height(), doc.revision(), self.font().key(),
                id(self._offsets))

    def _keep_segments(self) -> None:
        """At the start of a paint: forget the kept rectangles if anything moved."""
        key = self._laid_out_key()
        if key != self._seg_key:
            self._seg_key = key
            self._seg_rects = {}

    def _cached_segments(self, start: int, end: int) -> list[QRectF]:
        """`_segments`, kept from the last paint while nothing moved: after a key press
        only the new tag's span is measured again, not every visible one."""
        rects = self._seg_rects.get((start, end))
        if rects is None:
            rects, complete = self._segments_of(start, end)
            if complete:  # a block not laid out yet would have none: not kept
                self._seg_rects[(start, end)] = rects
        return rects

    def _segments(self, start: int, end: int) -> list[QRectF]:
        """One rectangle per laid-out line the span [start, end) (code points) covers."""
        return self._segments_of(start, end)[0]

    def _segments_of(self, start: int, end: int) -> tuple[list[QRectF], bool]:
        """The rectangles, and whether every block the span covers was laid out."""
        complete = True
        a, b = self._offsets.to_utf16(start), self._offsets.to_utf16(end)
        rects: list[QRectF] = []
        doc = self.document()
        block = doc.findBlock(a)
        offset = self.contentOffset()
        while block.isValid() and block.position() < b:
            if block.isVisible():
                geo = self.blockBoundingGeometry(block).translated(offset)
                layout = block.layout()
                bstart = block.position()
                if not layout.lineCount():
                    complete = False
                for i in range(layout.lineCount()):
                    line = layout.lineAt(i)
                    ls, le = bstart + line.textStart(), bstart + line.textStart() + line.textLength()
                    s, e = max(a, ls), min(b, le)
                    if s >= e:
                        continue
                    x1 = cast(tuple[float, int], line.cursorToX(s - bstart))[0]
                    x2 = cast(tuple[float, int], line.cursorToX(e - bstart))[0]
                    rect = line.rect()
                    rects.append(QRectF(geo.left() + x1, geo.top() + rect.top(), x2 - x1, rect.height()))
            block = block.next()
        return rects, complete

    def paintEvent(self, event: QPaintEvent) -> None:
        self._keep_segments()
        vis_a, vis_b = self._visible_range()
        visible = list(self._index.overlapping(vis_a, vis_b))
        # lanes over every visible tag, so a partial repaint draws each where a whole one
        # would; drawn are only those in the repainted part (a key press: a line or two)
        lanes = assign_lanes([(self._starts[i], self._ends[i]) for i in visible])
        if event.rect().height() < self.viewport().height():
            vis_a, vis_b = self._range_of(event.rect())
            kept = [(lane, i) for lane, i in zip(lanes, visible, strict=True)
                    if self._starts[i] < vis_b and vis_a < self._ends[i]]
            lanes, visible = [lane for lane, _ in kept], [i for _, i in kept]
        rects = {i: self._cached_segments(self._starts[i], self._ends[i]) for i in visible}
        names = self._names
        rejected = self._codes.get(TagStatus.REJECTED, -1)
        painter = QPainter(self.viewport())
        # fills under the text
        for i in visible:
            colour = QColor(self._colour(names[self._tkinds[i]]))
            colour.setAlpha(55 if self._status[i] != rejected else 20)
            for rect in rects[i]:
                painter.fillRect(rect, colour)
        if self._flash is not None:
            for rect in self._segments(*self._flash):
                painter.fillRect(rect, QColor(255, 214, 10, 120))
        painter.end()
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.6))
        small_ascent = QFontMetricsF(small).ascent() - 2
        badges = {code: BADGES[name] for name, code in self._codes.items() if name in BADGES}
        # each tag's underline in its own lane, so overlapping tags all stay visible
        for lane, i in zip(lanes, visible, strict=True):
            colour = QColor(self._colour(names[self._tkinds[i]]))
            line = colour
            author = names[self._authors[i]]
            if self.colour_by_author and author in self.author_colours:
                line = QColor(self.author_colours[author])
            painter.setPen(QPen(line, 2.0))
            for rect in rects[i]:
                y = rect.bottom() - 1 - lane * self.LANE_GAP
                painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            if self._status[i] == rejected:
                painter.setPen(QPen(QColor("#b91c1c"), 1.2))
                for rect in rects[i]:
                    mid = rect.center().y()
                    painter.drawLine(QPointF(rect.left(), mid), QPointF(rect.right(), mid))
            badge = badges.get(self._status[i])
            if badge is not None and rects[i]:
                # a reviewed tag says so: ✓ accepted, ✎ corrected, at its end
                last = rects[i][-1]
                painter.setPen(QColor(badge[1]))
                painter.setFont(small)
                painter.drawText(QPointF(last.right() - 1, last.top() + small_ascent), badge[0])
            if self._ids[i] == self._selected:
                painter.setPen(QPen(colour.darker(140), 2.0))
                for rect in rects[i]:
                    painter.drawRect(rect)
        # suggestions: dashed outlines
        for j in self._sugg_index.overlapping(vis_a, vis_b):
            mark = self._suggestions[j]
            colour = QColor(self._colour(mark.kind))
            width = 2.2 if mark.id == self._selected else 1.2
            painter.setPen(QPen(colour, width, Qt.PenStyle.DashLine))
            for rect in self._cached_segments(mark.start, mark.end):
                painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()

    def _colour(self, kind: str) -> str:
        style = self._kinds.get(kind)
        return style.colour if style else "#888888"

    def _end_flash(self) -> None:
        if self._flash is not None:
            self._update_lines(*self._flash)
        self._flash = None

    # --- input ------------------------------------------------------------------------

    def _pos_at(self, event: QMouseEvent) -> int:
        return self._offsets.to_codepoint(self.cursorForPosition(event.position().toPoint()).position())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = self._pos_at(event)
        under = self.marks_at(pos)
        if not under:
            self.select_mark(None)
            self.mark_clicked.emit("")
            return
        # clicking again cycles through overlapping marks; the shortest comes first
        under.sort(key=lambda m: (m.end - m.start, m.suggestion))
        ids = [m.id for m in under]
        nxt = ids[(ids.index(self._selected) + 1) % len(ids)] if self._selected in ids else ids[0]
        self.select_mark(nxt)
        self.mark_clicked.emit(nxt)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = self._pos_at(event)
        span = snap(self._text, pos)
        if span is None:
            super().mouseDoubleClickEvent(event)
            return
        self.select_span(*span)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons():
            return
        under = self.marks_at(self._pos_at(event))
        provider = self.tooltip_provider
        tips = [m.tooltip or (provider(m.id) if provider else "") for m in under]
        tips = [t for t in tips if t]
        if tips:
            QToolTip.showText(event.globalPosition().toPoint(), "\n\n".join(tips), self)
        else:
            QToolTip.hideText()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        mark = self.selected_mark()
        text = event.text()
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if plain and text and (kind := self.kind_for_shortcut(text)) is not None:
            span = self.selection_span()
            if span is not None:
                self.tag_requested.emit(kind, *span)
                return
            if mark is not None and mark.suggestion:
                self.accept_as_requested.emit(mark.id, kind)
                return
        if mark is not None and mark.suggestion:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if mods & Qt.KeyboardModifier.ShiftModifier:
                    self.accept_kind_requested.emit(mark.kind)
                else:
                    self.accept_requested.emit(mark.id)
                return
            if plain and key == Qt.Key.Key_A:
                self.accept_requested.emit(mark.id)
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) or (plain and key == Qt.Key.Key_X):
                self.reject_requested.emit(mark.id)
                return
        if mark is not None and not mark.suggestion:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
                self.step(1)  # nothing to accept here: move on, as after a suggestion
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.delete_requested.emit(mark.id)
                return
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and mods & (
                Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier
            ):
                step = -1 if key == Qt.Key.Key_Left else 1
                start, end = mark.start, mark.end
                if mods & Qt.KeyboardModifier.AltModifier:
                    start = min(max(0, start + step), end - 1)
                else:
                    end = max(min(len(self._text), end + step), start + 1)
                if (start, end) != (mark.start, mark.end):
                    self.resize_requested.emit(mark.id, start, end)
                return
        if plain and key in (Qt.Key.Key_N, Qt.Key.Key_P):
            self.step(1 if key == Qt.Key.Key_N else -1)
            return
        if key == Qt.Key.Key_Escape:
            self.select_mark(None)
            self.mark_clicked.emit("")
            return
        super().keyPressEvent(event)

    def step(self, direction: int) -> None:
        """Select the next (1) or previous (-1) tag or suggestion in text order: by
        (start, end, id), found by bisection in the columns (both kept in start order),
        so a press looks at the neighbours, not at every tag."""
        if not len(self._ids) and not self._suggestions:
            return
        current = self.selected_mark()
        if current is None:
            pos = self._offsets.to_codepoint(self.textCursor().position())
            if direction > 0:  # the first at or after the cursor
                pick = self._nearest(pos, None, 1) or self._nearest(-1, None, 1)
            else:  # the last before it
                pick = self._nearest(pos, None, -1) or self._nearest(2**62, None, -1)
        else:
            here = (current.start, current.end, current.id)
            pick = (self._nearest(current.start, here, direction)
                    or self._nearest(-1 if direction > 0 else 2**62, None, direction))
        assert pick is not None
        self.select_mark(pick[2], scroll=True)
        self.mark_clicked.emit(pick[2])

    def _nearest(self, pos: int, here: tuple[int, int, str] | None,
                 direction: int) -> tuple[int, int, str] | None:
        """The first mark (start, end, id) after `here` (direction 1) or the last before
        it (-1); without `here`: the first starting at or after `pos`, or the last
        starting before it. Both columns are in start order; among equal starts the
        order is (end, id), so a group of equal starts is looked at whole."""

        def tag(i: int) -> tuple[int, int, str]:
            return self._starts[i], self._ends[i], self._ids[i]

        def suggestion(i: int) -> tuple[int, int, str]:
            mark = self._suggestions[i]
            return mark.start, mark.end, mark.id

        found: list[tuple[int, int, str]] = []
        columns: tuple[tuple[Sequence[int], Callable[[int], tuple[int, int, str]]], ...] = (
            (self._starts, tag), (self._sugg_starts, suggestion))
        for starts, item in columns:
            n = len(starts)
            best: tuple[int, int, str] | None = None
            if direction > 0:
                i = bisect_left(starts, pos)
                if here is not None:
                    while i < n and starts[i] == pos:
                        mark = item(i)
                        if mark > here and (best is None or mark < best):
                            best = mark
                        i += 1
                if best is None and i < n:
                    group = starts[i]
                    while i < n and starts[i] == group:
                        mark = item(i)
                        if best is None or mark < best:
                            best = mark
                        i += 1
            else:
                if here is not None:
                    i = bisect_right(starts, pos) - 1
                    while i >= 0 and starts[i] == pos:
                        mark = item(i)
                        if mark < here and (best is None or mark > best):
                            best = mark
                        i -= 1
                else:
                    i = bisect_left(starts, pos) - 1
                if best is None and i >= 0:
                    group = starts[i]
                    while i >= 0 and starts[i] == group:
                        mark = item(i)
                        if best is None or mark > best:
                            best = mark
                        i -= 1
            if best is not None:
                found.append(best)
        if not found:
            return None
        return min(found) if direction > 0 else max(found)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        span = self.selection_span()
        for style in self._kinds.values():
            action = menu.addAction(self.tr("Tag as %1").replace("%1", style.label))
            if style.shortcut:
                action.setShortcut(style.shortcut)
            action.setEnabled(span is not None)
            if span is not None:
                action.triggered.connect(
                    lambda _=False, k=style.key, s=span: self.tag_requested.emit(k, *s)
                )
        if span is not None:
            sub = menu.addMenu(self.tr("Tag all occurrences as"))
            text = self._text[span[0]:span[1]]
            for style in self._kinds.values():
                sub.addAction(style.label).triggered.connect(
                    lambda _=False, k=style.key, t=text: self.tag_all_requested.emit(k, t)
                )
        mark = self.selected_mark()
        if mark is not None and not mark.suggestion:
            menu.addSeparator()
            menu.addAction(self.tr("Delete tag")).triggered.connect(
                lambda: self.delete_requested.emit(mark.id)
            )
        menu.addSeparator()
        menu.addAction(self.tr("Copy")).triggered.connect(self.copy)
        menu.exec(event.globalPos())
