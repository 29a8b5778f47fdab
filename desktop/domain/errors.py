"""Errors a user can act on, as one hierarchy (qutebrowser's sql module and Anki keep the
same split): everything else is a bug and keeps its traceback.

A `UserError` carries a stable `message_id` and its `params`; `str(err)` is the English
sentence (the command line and the log print it), and the window translates by id
(desktop/ui/messages.py). The English text is a `str.format` template over the params,
so the sentence and its parameters are written once, where the error is found.

Defined in the domain (the lowest layer) because the domain, the importers and the
persistence layer all raise them; desktop/services/errors.py is the one place the
screens and the command line import them from.
"""

from __future__ import annotations

from collections.abc import Mapping


class UserError(Exception):
    """A refusal or a mishap the message explains; `message_id` names it for translation."""

    message_id: str = "error"

    def __init__(self, text: str, *, message_id: str | None = None,
                 params: Mapping[str, object] | None = None) -> None:
        self.params: dict[str, object] = dict(params or {})
        super().__init__(text.format(**self.params) if self.params else text)
        if message_id is not None:
            self.message_id = message_id

    def __reduce__(self) -> tuple[object, ...]:
        # rebuilt as it is, not through __init__ (whose arguments differ per subclass),
        # so an error crosses to the window from a worker process intact
        return _restore, (type(self), self.args, dict(self.__dict__))


def _restore(cls: type[UserError], args: tuple[object, ...],
             state: dict[str, object]) -> UserError:
    err = cls.__new__(cls, *args)
    err.args = args
    err.__dict__.update(state)
    return err


class RefusedInput(UserError, ValueError):
    """What the user typed, chose or imported cannot be used. Still a ValueError, so the
    callers that refuse a value (`except ValueError`) keep working."""

    message_id = "input.refused"


class NotFound(UserError, ValueError):
    """What the action names is gone (deleted, perhaps by a colleague) or never existed."""

    message_id = "not_found"


class UnknownKind(NotFound):
    """A tag kind that is not in the project's schema."""

    def __init__(self, kind: str) -> None:
        super().__init__("There is no tag kind {kind!r}.", message_id="kind.unknown",
                         params={"kind": kind})


class EnvironmentProblem(UserError):
    """The machine or the network, not the input: a lock, a read-only file, a full disk,
    a team database that cannot be reached. Nothing was changed; trying again can work."""

    message_id = "environment"


class ReportGone(NotFound):
    """The report was deleted (perhaps by a colleague) while it was open."""

    def __init__(self) -> None:
        super().__init__("The report no longer exists.", message_id="report.gone")


class TagDeleted(NotFound):
    """The tag was deleted (perhaps by a colleague) since it was loaded."""

    def __init__(self) -> None:
        super().__init__("This tag was deleted (perhaps by a colleague).",
                         message_id="tag.deleted")


class EmptySpan(RefusedInput):
    """A tag's span that covers no character of the report."""

    def __init__(self) -> None:
        super().__init__("A tag must cover at least one character of the report.",
                         message_id="tag.empty_span")


class MissingFolder(UserError, FileNotFoundError):
    """The folder chosen to write into does not exist (still an OSError for callers that
    catch file trouble)."""

    def __init__(self, folder: object) -> None:
        super().__init__("The folder {folder} does not exist.", message_id="folder.missing",
                         params={"folder": folder})
