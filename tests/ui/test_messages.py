"""Refusals and errors an analyst meets in normal use, raised by the real services and
shown in the window's language by their message id (desktop/ui/messages.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.services import importing, reports, tags
from desktop.services.errors import USER_ERRORS
from desktop.services.project import open_project_as
from desktop.ui.messages import error_text
from tests.ui.conftest import latin_words


def caught(action) -> Exception:
    try:
        action()
    except USER_ERRORS as exc:
        return exc
    raise AssertionError("no error")


def everyday_errors(project, tmp_path: Path) -> list[Exception]:
    """The errors services raise for everyday mistakes and mishaps."""
    out: list[Exception] = []
    for name, content in (("empty.txt", b""), ("photo.txt", bytes(range(256)) * 8),
                          ("table.xls", b"x"), ("scan.pdf", b"not a pdf"),
                          ("old.docx", b"PK\x03\x04 not a zip")):
        path = tmp_path / name
        path.write_bytes(content)
        outcome = importing.import_files(project, [path])
        out += outcome.refusals
    out += importing.import_files(project, [tmp_path / "gone.txt"]).refusals
    report = reports.library(project)[0].id
    made = tags.create_tag(project, report, "metric", 0, 4)
    tag_id = made.new_tag
    out.append(caught(lambda: tags.set_field_text(project, tag_id, "value", "number", "很多")))
    tags.set_note(project, tag_id, "first")  # the version moves on: an old one is stale
    out.append(caught(lambda: tags.set_note(project, tag_id, "second", 1)))
    out.append(caught(lambda: tags.create_tag(project, report, "metric", 5, 5)))
    out.append(caught(lambda: reports.update_metadata(project, report, year="去年底")))
    out.append(caught(lambda: tags.create_tag(project, report, "指标二", 0, 4)))
    # projects that do not open
    newer = tmp_path / "newer.rmk"
    newer.write_bytes(Path(project.target).read_bytes())
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '20991231'")
    not_ours = tmp_path / "notes.rmk"
    not_ours.write_text("just notes")
    for path in (newer, not_ours, tmp_path):
        out.append(caught(lambda p=path: open_project_as(p, "alice")))
    from db.failures import sqlite_failure  # the lock and disk errors, as the driver says them

    for driver_says in ("database is locked", "attempt to write a readonly database",
                        "database or disk is full"):
        failure = sqlite_failure(Exception(driver_says))
        assert failure is not None
        out.append(failure)
    return out


def test_everyday_errors_read_in_chinese(seeded, qapp, tmp_path):
    from desktop.app import install_translations

    errors = everyday_errors(seeded, tmp_path)
    assert len(errors) >= 15
    install_translations(qapp, "zh_CN")
    try:
        for error in errors:
            shown = error_text(error)
            assert shown != str(error) or not latin_words(str(error)), error
            assert latin_words(shown) == [], (error.message_id, str(error), shown)
    finally:
        install_translations(qapp, "en")


def han(text: str) -> set[str]:
    return {ch for ch in text if "\u4e00" <= ch <= "\u9fff"}


def test_the_english_window_shows_english(seeded, tmp_path):
    for error in everyday_errors(seeded, tmp_path):
        shown = error_text(error)
        assert han(shown) <= han(str(error)), (str(error), shown)  # only what was typed


def test_an_unknown_message_is_shown_as_it_is(qapp):
    from desktop.services.errors import RefusedInput

    assert error_text(RefusedInput("Something new.", message_id="no.such.id")) == "Something new."
    assert error_text(OSError("No space left.")) == "No space left."


@pytest.mark.parametrize("value", ["abc", "7.8.8"])
def test_a_bad_number_keeps_what_was_typed(qapp, value):
    from desktop.app import install_translations
    from desktop.domain.fieldvalues import coerce
    from desktop.services.errors import FieldValueError

    with pytest.raises(FieldValueError) as refused:
        coerce("number", value)
    install_translations(qapp, "zh_CN")
    try:
        assert error_text(refused.value) == f"“{value}”不是数字"
    finally:
        install_translations(qapp, "en")


def test_a_refusal_is_translated_by_its_id_not_its_english(qapp):
    """The English sentence may be reworded; the window still finds its translation."""
    from desktop.app import install_translations
    from desktop.services.errors import RefusedInput, UnknownKind

    reworded = RefusedInput("Please select a stretch of text first!", message_id="tag.no_selection")
    install_translations(qapp, "zh_CN")
    try:
        assert error_text(reworded) == error_text(RefusedInput("x", message_id="tag.no_selection"))
        assert latin_words(error_text(reworded)) == []
        assert error_text(UnknownKind("指标二")) == "没有名为“指标二”的标注类型。"
    finally:
        install_translations(qapp, "en")


def _a_buggy_job(report):  # a ProcessJob target (top level: the child imports it)
    raise KeyError("a bug in a worker")


def _a_refusing_job(report):
    from desktop.services.errors import UnknownKind

    raise UnknownKind("指标二")


def test_a_bug_in_a_worker_is_logged_and_said_as_such(qapp, qtbot):
    from desktop import logs
    from desktop.ui.jobs import ProcessJob

    job = ProcessJob(_a_buggy_job, {})
    with qtbot.waitSignal(job.failed, timeout=30_000) as failed:
        job.start()
    message = failed.args[0]
    assert str(logs.current_path()) in message and "KeyError" not in message
    logged = logs.current_path().read_text(encoding="utf-8")
    assert "Traceback" in logged and "KeyError: 'a bug in a worker'" in logged


def test_a_refusal_in_a_worker_reaches_the_window_translated(qapp, qtbot):
    from desktop.app import install_translations
    from desktop.ui.jobs import ProcessJob

    install_translations(qapp, "zh_CN")
    try:
        job = ProcessJob(_a_refusing_job, {})
        with qtbot.waitSignal(job.failed, timeout=30_000) as failed:
            job.start()
        assert failed.args[0] == "没有名为“指标二”的标注类型。"
    finally:
        install_translations(qapp, "en")


def test_an_uncaught_exception_in_the_window_is_logged_and_said(qapp, monkeypatch):
    """A bug in a slot or a paint (outside any operation) reaches the log with its
    traceback and the analyst learns where; the hook stays out of a harness's way."""
    import sys

    from desktop import logs
    from desktop.ui import bug_hook

    shown: list[str] = []
    monkeypatch.setattr(bug_hook.QMessageBox, "critical",
                        lambda _parent, _title, text: shown.append(text))
    try:
        {}["missing"]
    except KeyError as exc:
        bug_hook.bug_hook(lambda: None)(KeyError, exc, exc.__traceback__)
    assert shown and str(logs.current_path()) in shown[0]
    assert "KeyError: 'missing'" in logs.current_path().read_text(encoding="utf-8")
    assert sys.excepthook is not sys.__excepthook__  # pytest-qt's, during a test
    assert bug_hook.install(lambda: None) is False  # so ours is not installed over it


def test_schema_and_registry_refusals_read_in_chinese(seeded, qapp):
    from desktop.app import install_translations
    from desktop.services import programs

    programs.create(seeded, "智赋万企行动")
    refusals = [caught(lambda: programs.create(seeded, "  ")),
                caught(lambda: programs.create(seeded, "智赋万企行动"))]
    install_translations(qapp, "zh_CN")
    try:
        shown = [error_text(e) for e in refusals]
    finally:
        install_translations(qapp, "en")
    assert shown == ["举措需要名称。", "“智赋万企行动”已在登记表中。"]


def test_every_history_action_has_a_chinese_name(qapp):
    """The inspector's history names each HistoryAction in the window's language, and an
    entry an older version wrote (a review with its comment cut in) by its action."""
    from desktop.app import install_translations
    from desktop.domain.states import HistoryAction
    from desktop.ui.i18n import action_label

    install_translations(qapp, "zh_CN")
    try:
        for action in [*HistoryAction, "reviewed: accept (checked agai"]:
            assert latin_words(action_label(action)) == [], action
        assert action_label("reviewed: accept (checked agai") == action_label(
            HistoryAction.REVIEWED_ACCEPT)
    finally:
        install_translations(qapp, "en")
