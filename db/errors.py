"""Errors the user can act on, kept apart from bugs (as qutebrowser's sql module does):
the persistence layer's part of the UserError hierarchy (desktop/domain/errors.py).

Each carries one clear sentence for a dialog or the command line's stderr. The ones
that mean "your environment" (a lock, a read-only file, a full disk, a team database
out of reach) are EnvironmentProblems too, so a view can tell them from a refusal.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from desktop.domain.errors import EnvironmentProblem, UserError


class ProjectError(UserError):
    """The project cannot be opened or changed; the message says why and what to do."""

    message_id = "project.error"


class NewerProjectError(ProjectError):
    """The project was made by a newer version of ReportMark."""

    message_id = "project.newer"


class CorruptProjectError(ProjectError):
    """The file is not a ReportMark project, or its integrity check failed."""

    message_id = "project.corrupt"


class LockedProjectError(ProjectError, EnvironmentProblem):
    """Another program holds the project's write lock."""

    message_id = "project.locked"


class DiskFullError(ProjectError, EnvironmentProblem):
    """The disk is full, or reported an error, so the write was rolled back."""

    message_id = "project.disk_full"


class ConnectionLostError(ProjectError, EnvironmentProblem):
    """The team database cannot be reached, or did not answer in time."""

    message_id = "project.unreachable"


class StaleTagError(ProjectError):
    """Someone else changed the tag since it was loaded (optimistic locking). `report_id`
    names the report whose tags a view should reload, when known."""

    message_id = "tag.stale"

    def __init__(self, message: str, report_id: str | None = None, *,
                 message_id: str | None = None,
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, message_id=message_id, params=params)
        self.report_id = report_id


class ReadOnlyProjectError(ProjectError, EnvironmentProblem):
    """The project file, or the folder it is in, cannot be written."""

    message_id = "project.read_only"


class UnopenableProjectError(CorruptProjectError):
    """The project cannot be opened; `backup` is the newest backup that can, if any."""

    def __init__(self, message: str, backup: Path | None = None, *,
                 message_id: str | None = None,
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, message_id=message_id, params=params)
        self.backup = backup
