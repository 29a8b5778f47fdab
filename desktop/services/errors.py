"""The one error policy: the errors a user can act on (a view shows them as one message,
the command line as one line on stderr), defined with the persistence layer and exposed
here so screens never import storage. Anything else is a bug and keeps its traceback.

Driver failures (locked, read-only, disk full, an unreachable or slow team database)
arrive already as ProjectErrors (db/failures.py); a stale tag as StaleTagError, which
is a ProjectError too. Malformed input is refused with ValueError (ImportRefused,
WorkbookRefused, MetadataError, FieldValueError are ValueErrors); a file that cannot be
read with OSError.
"""

from db.errors import (
    CorruptProjectError,
    LockedProjectError,
    NewerProjectError,
    ProjectError,
    ReadOnlyProjectError,
    StaleTagError,
    UnopenableProjectError,
)
from desktop.domain.fieldvalues import FieldValueError

USER_ERRORS: tuple[type[Exception], ...] = (ProjectError, ValueError, OSError)

__all__ = [
    "USER_ERRORS",
    "CorruptProjectError",
    "FieldValueError",
    "LockedProjectError",
    "NewerProjectError",
    "ProjectError",
    "ReadOnlyProjectError",
    "StaleTagError",
    "UnopenableProjectError",
]
