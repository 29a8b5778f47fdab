"""Errors the user can act on, kept apart from bugs (as qutebrowser's sql module does).

Each carries one clear sentence for a dialog or the command line's stderr.
"""

from __future__ import annotations

from pathlib import Path


class ProjectError(Exception):
    """The project cannot be opened or changed; the message says why and what to do."""


class NewerProjectError(ProjectError):
    """The project was made by a newer version of ReportMark."""


class CorruptProjectError(ProjectError):
    """The file is not a ReportMark project, or its integrity check failed."""


class LockedProjectError(ProjectError):
    """Another program holds the project's write lock."""


class StaleTagError(ProjectError):
    """Someone else changed the tag since it was loaded (optimistic locking). `report_id`
    names the report whose tags a view should reload, when known."""

    def __init__(self, message: str, report_id: str | None = None) -> None:
        super().__init__(message)
        self.report_id = report_id


class ReadOnlyProjectError(ProjectError):
    """The project file, or the folder it is in, cannot be written."""


class UnopenableProjectError(CorruptProjectError):
    """The project cannot be opened; `backup` is the newest backup that can, if any."""

    def __init__(self, message: str, backup: Path | None = None) -> None:
        super().__init__(message)
        self.backup = backup
