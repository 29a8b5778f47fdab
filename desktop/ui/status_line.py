"""The status bar's four labels: the analyst, the project, the suggestions shown and the
open report's count of tags of each kind."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.services.project import Project
from desktop.services.values import KindInfo
from desktop.ui.i18n import pick
from desktop.ui.main_window import MainWindow


class StatusLine:
    def __init__(self, project: Project, window: MainWindow) -> None:
        self.project = project
        self.window = window

    def show(self, kinds: list[KindInfo], counts: dict[str, int],
             suggestions: int | None) -> None:
        w = self.window
        w.status_analyst.setText(QCoreApplication.translate("StatusLine", "Analyst: %1")
                                 .replace("%1", self.project.analyst_name))
        where = self.project.display_name
        w.status_project.setText(where if self.project.is_team else Path(where).name)
        w.status_project.setToolTip(where)
        if suggestions is not None:
            w.status_suggestions.setText(
                QCoreApplication.translate("StatusLine", "%1 suggestions")
                .replace("%1", str(suggestions)))
        else:
            w.status_suggestions.setText("")
        w.status_counts.setText("  ".join(f"{pick(k.name, k.name_zh)} {counts.get(k.key, 0)}"
                                          for k in kinds))
