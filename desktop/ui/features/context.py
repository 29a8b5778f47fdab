from __future__ import annotations

from dataclasses import dataclass

from desktop.services.project import Project
from desktop.ui.bus import ChangeBus
from desktop.ui.controller import MainController
from desktop.ui.main_window import MainWindow


@dataclass(frozen=True)
class FeatureContext:
    """What a feature controller may use: the open project, the window, the bus and the
    tagging controller (for selecting and opening). Nothing global."""

    project: Project
    window: MainWindow
    bus: ChangeBus
    controller: MainController
