"""The error policy (issue 15): user errors are one hierarchy with a message id, the
environment's problems are told apart, and anything else is a bug that keeps its
traceback in the log instead of being shown as if the user had made a mistake."""

from __future__ import annotations

import pickle

import pytest

from desktop import logs
from desktop.cli import main
from desktop.services import tags
from desktop.services.errors import (
    USER_ERRORS,
    ConnectionLostError,
    DiskFullError,
    EnvironmentProblem,
    LockedProjectError,
    NotFound,
    ProjectError,
    ReadOnlyProjectError,
    RefusedInput,
    StaleTagError,
    UnknownKind,
    UserError,
)


def test_a_programming_error_is_not_a_user_error() -> None:
    assert not isinstance(ValueError("bug"), USER_ERRORS)
    assert not isinstance(KeyError("bug"), USER_ERRORS)
    assert isinstance(RefusedInput("Refused."), USER_ERRORS)
    assert isinstance(StaleTagError("Stale."), USER_ERRORS)


def test_a_bug_inside_a_service_is_not_caught_as_a_user_error(seeded, monkeypatch) -> None:
    """Before, every ValueError was a user error: a bug in a service became a dialog."""
    def broken(*_args: object) -> None:
        raise ValueError("invalid literal for int() with base 10: 'x'")  # a bug, not input

    monkeypatch.setattr(tags, "_report_text", broken)
    from desktop.services import reports

    report_id = reports.library(seeded)[0].id
    with pytest.raises(ValueError) as raised:
        try:
            tags.create_tag(seeded, report_id, "metric", 0, 4)
        except USER_ERRORS:
            pytest.fail("a programming error was taken for the user's mistake")
    assert not isinstance(raised.value, UserError)


def test_user_errors_keep_the_value_error_callers_rely_on(seeded) -> None:
    from desktop.services import reports

    report_id = reports.library(seeded)[0].id
    with pytest.raises(ValueError) as refused:
        tags.create_tag(seeded, report_id, "no_such_kind", 0, 4)
    assert isinstance(refused.value, UnknownKind) and isinstance(refused.value, NotFound)
    assert refused.value.message_id == "kind.unknown"
    assert refused.value.params == {"kind": "no_such_kind"}
    assert str(refused.value) == "There is no tag kind 'no_such_kind'."


def test_environment_problems_are_their_own_family() -> None:
    from db.failures import sqlite_failure

    said = {"database is locked": LockedProjectError,
            "attempt to write a readonly database": ReadOnlyProjectError,
            "database or disk is full": DiskFullError}
    for driver_says, kind in said.items():
        failure = sqlite_failure(Exception(driver_says))
        assert isinstance(failure, kind) and isinstance(failure, EnvironmentProblem)
        assert isinstance(failure, ProjectError)
    assert issubclass(ConnectionLostError, EnvironmentProblem)
    assert not issubclass(StaleTagError, EnvironmentProblem)
    assert not issubclass(RefusedInput, EnvironmentProblem)


@pytest.mark.parametrize("error", [
    UnknownKind("指标"),
    RefusedInput("{n} is too many", message_id="x.many", params={"n": 3}),
    StaleTagError("Stale.", "report-1"),
    DiskFullError("The disk is full."),
])
def test_a_user_error_crosses_a_process_boundary_intact(error: UserError) -> None:
    """A worker process sends the error itself, so the window can translate it."""
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error) and str(back) == str(error)
    assert (back.message_id, back.params) == (error.message_id, error.params)


def test_the_log_gets_a_bugs_traceback(tmp_path) -> None:
    path = logs.setup(tmp_path / "logs" / "reportmark.log")

    def deep() -> None:
        raise KeyError("missing")

    try:
        deep()
    except KeyError as exc:
        assert logs.log_bug(exc, "testing") == path
    text = path.read_text(encoding="utf-8")
    assert "Traceback" in text and "in deep" in text and "KeyError: 'missing'" in text
    assert "while testing" in text


def test_the_command_line_logs_a_bug_and_names_the_log(capsys, project_path, monkeypatch) -> None:
    import desktop.cli

    def broken(_args: object) -> int:
        raise ValueError("a bug in a command")

    parser = desktop.cli.build_parser()
    monkeypatch.setattr(desktop.cli, "build_parser", lambda: _with_func(parser, broken))
    assert main(["--db", str(project_path), "reports"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "internal error" in err and str(logs.log_path()) in err
    logged = logs.log_path().read_text(encoding="utf-8")
    assert "Traceback" in logged and "ValueError: a bug in a command" in logged


def _with_func(parser, func):  # every subcommand runs `func`
    real = parser.parse_args

    def parse_args(argv=None):
        args = real(argv)
        args.func = func
        return args

    parser.parse_args = parse_args
    return parser
