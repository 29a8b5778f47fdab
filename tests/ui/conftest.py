from __future__ import annotations

import gc

import pytest

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.app import build, make_application


@pytest.fixture(autouse=True)
def _no_widgets_left_behind(qapp):
    """Close and delete every top-level widget after each test and collect garbage
    while Qt is in a known state: a window's Python wrapper collected later, in the
    middle of another test, can take Qt down with it."""
    yield
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    gc.collect()


@pytest.fixture
def dialogs(monkeypatch):
    """The warnings the window shows, collected instead of shown (a modal box would wait
    for a click); information boxes are dismissed."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **_k: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **_k: None)
    return shown


def shown_window(qtbot, project):
    """The real main window over `project`, shown offscreen in the application's
    language as it stands; its workers are stopped when the test ends (a generator for
    a fixture to yield from)."""
    parts = build(project)
    parts.window.resize(1400, 900)
    parts.window.show()
    qtbot.waitExposed(parts.window)
    yield parts
    for feature in parts.features.values():  # stop workers still running
        job = getattr(feature, "job", None)
        if job is not None and job.running:
            job.cancel()


@pytest.fixture
def app_parts(qtbot, seeded):
    """The real main window over a seeded project, shown offscreen."""
    make_application()
    yield from shown_window(qtbot, seeded)


def select_text(reader, needle: str, occurrence: int = 0) -> tuple[int, int]:
    text = reader.text()
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(needle, start + 1)
    assert start >= 0, needle
    reader.select_span(start, start + len(needle))
    return start, start + len(needle)


def type_chinese(widget, text: str) -> None:
    """Type text as a Chinese input method delivers it: one committed string per
    character (QTest's key clicks know only ASCII keys)."""
    from PySide6.QtGui import QInputMethodEvent

    widget.setFocus()
    for ch in text:
        event = QInputMethodEvent()
        event.setCommitString(ch)
        QApplication.sendEvent(widget, event)


# Latin words a Chinese window may show: the product, file formats, keys, figures'
# names and units (file names and numbers are removed before the check), and "English"
# in a choice of languages, where each language is named in its own
LATIN_ALLOWED = {"ReportMark", "Excel", "PDF", "Word", "CSV", "JSON", "JSONL", "OCR", "UTF", "GB",
                 "English",
                 "F1", "MB", "κ", "Ctrl", "Shift", "Alt", "Enter", "Esc", "Delete", "Tab",
                 "Backspace", "Home", "End", "PgUp", "PgDown", "Del", "Ins", "Space",
                 "A", "B", "C", "R", "X", "N", "P", "F", "E", "Z", "Y", "S", "D", "I",
                 "docx", "doc", "xlsx", "txt", "md", "html", "htm", "pdf", "rmk", "sqlite", "db"}


def latin_words(text: str, allowed: set[str] = LATIN_ALLOWED) -> list[str]:
    """Words in Latin letters that are not allowed (file names and paths removed)."""
    import re

    text = re.sub(r"[\w-]*\.[A-Za-z]{1,5}\b", " ", text)  # file names and extensions are data
    text = re.sub(r"(?:/[\w.-]+)+", " ", text)  # paths
    text = re.sub(r"<[^>]+>|&\w+;|#[0-9a-fA-F]{6}", " ", text)  # rich text's markup
    text = re.sub(r"\(&?\w\)|&(?=\w)", " ", text)  # mnemonics: 打开(&O), (O)
    words = re.findall(r"[A-Za-z][A-Za-z0-9]*", text)
    return [w for w in words if w not in allowed and len(w) > 1  # single letters: keys
            and not re.fullmatch(r"F\d{1,2}", w)]
