"""Filling the window from a FirstFrame, before the project (and SQLAlchemy) is loaded;
the controller takes over a moment later and reloads everything."""

from __future__ import annotations

from desktop.services.snapshot import FirstFrame
from desktop.ui.i18n import pick
from desktop.ui.main_window import MainWindow
from desktop.ui.reader import KindStyle


def paint_first_frame(window: MainWindow, frame: FirstFrame) -> None:
    window.reader.set_kinds([KindStyle(k.key, pick(k.name, k.name_zh), k.colour, k.shortcut)
                             for k in frame.kinds])
    window.library.set_rows(frame.library)
    doc = frame.report
    if doc is None:
        return
    window.library.select(doc.id, emit=False)
    window.report_title.setText(f"{doc.title}   ·   {doc.agency}  {doc.region}  {doc.year or ''}")
    window.reader.set_report(doc.text, doc.structure)
    s = frame.spans
    window.reader.set_tags(s.ids, s.kinds, s.starts, s.ends, s.statuses, s.authors)
