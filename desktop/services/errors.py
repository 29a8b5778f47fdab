"""The errors a view may show the user (defined with the persistence layer, exposed here
so screens never import storage)."""

from db.errors import (
    CorruptProjectError,
    LockedProjectError,
    NewerProjectError,
    ProjectError,
    StaleTagError,
)
from desktop.domain.fieldvalues import FieldValueError

__all__ = [
    "CorruptProjectError",
    "FieldValueError",
    "LockedProjectError",
    "NewerProjectError",
    "ProjectError",
    "StaleTagError",
]
