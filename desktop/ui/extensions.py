"""Feature controllers beyond tagging, installed into the main window by the
composition root (each in desktop/ui/features/)."""

from __future__ import annotations

import linecache
from typing import Any

from desktop.services.project import Project
from desktop.ui.bus import ChangeBus
from desktop.ui.features import (
    excel,
    importing,
    layers,
    learning,
    projects,
    review,
    schema,
    search,
    suggestions,
    team,
)
from desktop.ui.features.context import FeatureContext
from desktop.ui.main_window import MainWindow
from desktop.ui.runner import Runner
from desktop.ui.shown_report import ShownReport
from desktop.ui.tag_editing import TagEditing

FEATURES = (importing, search, review, team, excel, layers, suggestions, schema, projects,
            learning)


def install(project: Project, window: MainWindow, bus: ChangeBus, runner: Runner,
            shown: ShownReport, editing: TagEditing) -> dict[str, Any]:
    ctx = FeatureContext(project, window, bus, runner, shown, editing, shown.layers,
                         shown.suggestions)
    features = {module.__name__.rsplit(".", 1)[-1]: module.install(ctx) for module in FEATURES}
    # PySide6's import hook (shibokensupport feature_imported) reads the source of every
    # module imported after PySide6 through inspect.getsource, and linecache keeps all of
    # it: ~14 MB of lines for the start-up imports. Tracebacks read them again if needed.
    linecache.clearcache()
    return features
