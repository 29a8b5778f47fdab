"""The one error policy: the errors a user can act on (a view shows them as one message,
translated by `message_id`; the command line prints `str(err)`, one English line on
stderr). Screens and the command line import them from here, never from storage.

    UserError                       message_id + params; str() is English
    ├── RefusedInput (ValueError)   what was typed, chosen or imported cannot be used
    ├── NotFound (ValueError)       what the action names is gone: UnknownKind, …
    ├── ProjectError                the project cannot be opened or changed
    │   ├── StaleTagError           a colleague changed the tag since it was loaded
    │   └── …                       newer, corrupt, unopenable
    └── EnvironmentProblem          locked, read-only, disk full, connection lost
                                    (the ProjectErrors db/failures.py makes of driver
                                    errors are EnvironmentProblems too)

An OSError (a file that cannot be read or written) is the user's environment as well.
Anything else, a bare ValueError included, is a bug: it keeps its traceback, goes to the
log (desktop/logs.py) and is never shown as if the user had made a mistake.
"""

from db.errors import (
    ConnectionLostError,
    CorruptProjectError,
    DiskFullError,
    LockedProjectError,
    NewerProjectError,
    ProjectError,
    ReadOnlyProjectError,
    StaleTagError,
    UnopenableProjectError,
)
from desktop.domain.errors import (
    EnvironmentProblem,
    NotFound,
    RefusedInput,
    UnknownKind,
    UserError,
)
from desktop.domain.fieldvalues import FieldValueError

USER_ERRORS: tuple[type[Exception], ...] = (UserError, OSError)

__all__ = [
    "USER_ERRORS",
    "ConnectionLostError",
    "CorruptProjectError",
    "DiskFullError",
    "EnvironmentProblem",
    "FieldValueError",
    "LockedProjectError",
    "NewerProjectError",
    "NotFound",
    "ProjectError",
    "ReadOnlyProjectError",
    "RefusedInput",
    "StaleTagError",
    "UnknownKind",
    "UnopenableProjectError",
    "UserError",
]
