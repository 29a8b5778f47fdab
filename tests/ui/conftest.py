from __future__ import annotations

import pytest

from desktop.app import AppParts, build, make_application


@pytest.fixture
def app_parts(qtbot, seeded) -> AppParts:
    """The real main window over a seeded project, shown offscreen."""
    make_application()
    parts = build(seeded)
    qtbot.addWidget(parts.window)
    parts.window.resize(1400, 900)
    parts.window.show()
    qtbot.waitExposed(parts.window)
    return parts


def select_text(reader, needle: str, occurrence: int = 0) -> tuple[int, int]:
    text = reader.text()
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(needle, start + 1)
    assert start >= 0, needle
    reader.select_span(start, start + len(needle))
    return start, start + len(needle)
