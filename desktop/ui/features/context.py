from __future__ import annotations

from dataclasses import dataclass

from desktop.services.project import Project
from desktop.ui.bus import ChangeBus
from desktop.ui.main_window import MainWindow
from desktop.ui.reading import Layers, Navigation, SuggestionHooks, Tagging
from desktop.ui.runner import Runner


@dataclass(frozen=True)
class FeatureContext:
    """What a feature controller may use: the open project, the window, the bus, the
    runner (every action goes through it), navigation, tagging, and the shared state of
    what is read. Never the main controller (an import-linter contract keeps it so),
    nothing global."""

    project: Project
    window: MainWindow
    bus: ChangeBus
    runner: Runner
    nav: Navigation
    tagging: Tagging
    layers: Layers
    suggestions: SuggestionHooks
