"""Refusals and errors an analyst meets in normal use, raised by the real services and
shown in the window's language (desktop/ui/messages.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.services import importing, reports, tags
from desktop.services.errors import USER_ERRORS
from desktop.services.project import open_project_as
from desktop.ui.messages import error_text, translated
from tests.ui.conftest import latin_words


def caught(action) -> Exception:
    try:
        action()
    except USER_ERRORS as exc:
        return exc
    raise AssertionError("no error")


def everyday_errors(project, tmp_path: Path) -> list[str]:
    """The English messages services raise for everyday mistakes and mishaps."""
    out = []
    for name, content in (("empty.txt", b""), ("photo.txt", bytes(range(256)) * 8),
                          ("table.xls", b"x"), ("scan.pdf", b"not a pdf"),
                          ("old.docx", b"PK\x03\x04 not a zip")):
        path = tmp_path / name
        path.write_bytes(content)
        outcome = importing.import_files(project, [path])
        out += [reason for _name, reason in outcome.refused]
    out.append(dict(importing.import_files(project, [tmp_path / "gone.txt"]).refused)
               ["gone.txt"])
    report = reports.library(project)[0].id
    made = tags.create_tag(project, report, "metric", 0, 4)
    tag_id = made.focus_tag
    out.append(str(caught(lambda: tags.set_field_text(project, tag_id, "value", "number",
                                                      "很多"))))
    tags.set_note(project, tag_id, "first")  # the version moves on: an old one is stale
    out.append(str(caught(lambda: tags.set_note(project, tag_id, "second", 1))))
    out.append(str(caught(lambda: tags.create_tag(project, report, "metric", 5, 5))))
    out.append(str(caught(lambda: reports.update_metadata(project, report, year="去年底"))))
    # projects that do not open
    newer = tmp_path / "newer.rmk"
    newer.write_bytes(Path(project.target).read_bytes())
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '20991231'")
    not_ours = tmp_path / "notes.rmk"
    not_ours.write_text("just notes")
    for path in (newer, not_ours, tmp_path):
        out.append(str(caught(lambda p=path: open_project_as(p, "alice"))))
    from db.failures import DISK_FULL, LOCKED, READ_ONLY  # the lock and disk messages

    out += [LOCKED, READ_ONLY, DISK_FULL]
    return out


def test_everyday_errors_read_in_chinese(seeded, qapp, tmp_path):
    from desktop.app import install_translations

    messages = everyday_errors(seeded, tmp_path)
    assert len(messages) >= 15
    install_translations(qapp, "zh_CN")
    try:
        for message in messages:
            shown = translated(message)
            assert shown != message or not latin_words(message), message
            assert latin_words(shown) == [], (message, shown)
    finally:
        install_translations(qapp, "en")


def han(text: str) -> set[str]:
    return {ch for ch in text if "\u4e00" <= ch <= "\u9fff"}


def test_the_english_window_shows_english(seeded, tmp_path):
    for message in everyday_errors(seeded, tmp_path):
        shown = translated(message)
        assert han(shown) <= han(message), (message, shown)  # only what was typed


def test_an_unknown_message_is_shown_as_it_is(qapp):
    assert error_text(ValueError("Something new went wrong.")) == "Something new went wrong."


@pytest.mark.parametrize("value", ["abc", "7.8.8"])
def test_a_bad_number_keeps_what_was_typed(qapp, value):
    from desktop.app import install_translations

    install_translations(qapp, "zh_CN")
    try:
        assert translated(f"{value!r} is not a number") == f"“{value}”不是数字"
    finally:
        install_translations(qapp, "en")
