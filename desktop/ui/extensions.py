"""Feature controllers beyond tagging (suggestions, export, import, search, review),
installed into the main window by the composition root."""

from __future__ import annotations

from desktop.services.project import Project
from desktop.ui.bus import ChangeBus
from desktop.ui.controller import MainController
from desktop.ui.main_window import MainWindow


def install(project: Project, window: MainWindow, bus: ChangeBus, controller: MainController) -> None:
    """Nothing yet beyond tagging; each feature adds its controller here."""
