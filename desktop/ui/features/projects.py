"""More than one project: File ▸ New project…, Open project… and Open recent. The
window asks for another project with `project_requested`; the composition root opens it
in a new window in place of this one. Recent projects live in the settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QFileDialog

from desktop.ui.features.context import FeatureContext

RECENT_KEY = "projects/recent"
RECENT_MAX = 8
FILTER = "*.rmk *.sqlite *.db"


def recent_projects(settings: QSettings) -> list[str]:
    value = settings.value(RECENT_KEY, [], list)
    return [str(v) for v in value] if isinstance(value, list) else []


def remember_project(settings: QSettings, target: str) -> None:
    """Put a project first in the recent list (files by their absolute path)."""
    if "://" not in target:
        target = str(Path(target).resolve())
    kept = [t for t in recent_projects(settings) if t != target]
    settings.setValue(RECENT_KEY, [target, *kept][:RECENT_MAX])


class ProjectsFeature(QObject):
    def __init__(self, ctx: FeatureContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        w = ctx.window
        w.act_new_project.triggered.connect(self.choose_new)
        w.act_open_project.triggered.connect(self.choose_open)
        w.recent_menu.aboutToShow.connect(self.fill_recent)
        remember_project(QSettings(), ctx.project.target)

    def choose_new(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.ctx.window, self.tr("New project"), self.tr("project.rmk"),
            self.tr("ReportMark projects (%1)").replace("%1", FILTER))
        if path:
            self.ctx.window.project_requested.emit(path)

    def choose_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.ctx.window, self.tr("Open project"), "",
            self.tr("ReportMark projects (%1)").replace("%1", FILTER))
        if path:
            self.ctx.window.project_requested.emit(path)

    def fill_recent(self) -> None:
        menu = self.ctx.window.recent_menu
        menu.clear()
        current = self.ctx.project.target
        shown = [t for t in recent_projects(QSettings())
                 if t != current and ("://" in t or Path(t).exists())]
        for target in shown:
            label = target if "://" in target else f"{Path(target).name}  —  {Path(target).parent}"
            action = menu.addAction(label)
            action.setToolTip(target)
            action.triggered.connect(
                lambda _=False, t=target: self.ctx.window.project_requested.emit(t))
        if not shown:
            menu.addAction(self.tr("(no other project yet)")).setEnabled(False)


def install(ctx: FeatureContext) -> ProjectsFeature:
    return ProjectsFeature(ctx)
