"""Composition root: builds the application, the project, the bus, the controllers and
the main window. The only place that knows all of them.

Start-up follows docs/design.md's guard-rails: only Qt is imported before the first paint;
the project (SQLAlchemy, migrations) opens right after the window is shown.
"""

from __future__ import annotations

import getpass
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QIcon, QUndoStack
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget

from desktop import APP_NAME, ORG_NAME

if TYPE_CHECKING:
    from desktop.services.project import Project
    from desktop.ui.bus import ChangeBus
    from desktop.ui.controller import MainController
    from desktop.ui.main_window import MainWindow
    from desktop.ui.runner import Runner
    from desktop.ui.shown_report import ShownReport
    from desktop.ui.tag_editing import TagEditing

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


@dataclass
class AppParts:
    project: Project
    window: MainWindow
    bus: ChangeBus
    runner: Runner
    shown: ShownReport  # the open report, and navigation around the project
    editing: TagEditing  # the edit commands
    controller: MainController
    features: dict[str, Any]


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    style = RESOURCES / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    install_translations(app)
    return app


_TRANSLATED = "reportmarkTranslated"  # a dynamic property: translators were installed


def install_translations(app: QApplication, language: str | None = None) -> None:
    """简体中文 when the system (or REPORTMARK_LANG) asks for Chinese; English otherwise."""
    language = language or os.environ.get("REPORTMARK_LANG") or QLocale.system().name()
    # the ones installed before (a language switch); at start-up there are none, and
    # findChildren would have PySide look up the type of each child first (~8 ms)
    if app.property(_TRANSLATED):
        for old in app.findChildren(QTranslator):
            app.removeTranslator(old)
    if language.startswith("zh"):
        app.setProperty(_TRANSLATED, True)
        translator = QTranslator(app)
        if translator.load(str(RESOURCES / "translations" / "reportmark_zh_CN.qm")):
            app.installTranslator(translator)
        # Qt's own words (OK, Cancel, Close, Yes, No, the file dialog) come from the
        # qtbase_zh_CN.qm that PySide6-Essentials ships in its translations folder
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)


def build(project: Project, window: MainWindow | None = None,
          report_id: str | None = None,
          opened: Callable[[AppParts], None] | None = None) -> AppParts:
    """The window and its controllers over an open project (tests call this directly).
    When the window asks for another project (File ▸ Open…, a team database), it opens
    in a new window in place of this one, and `opened` hears of it."""
    from desktop.ui import extensions
    from desktop.ui.bus import ChangeBus
    from desktop.ui.controller import MainController
    from desktop.ui.main_window import MainWindow
    from desktop.ui.runner import Runner
    from desktop.ui.shown_report import ShownReport
    from desktop.ui.tag_editing import TagEditing

    bus = ChangeBus()
    window = window or MainWindow(QUndoStack())
    runner = Runner(project, bus, window.undo_stack, window)
    shown = ShownReport(project, window)
    editing = TagEditing(project, window, runner, shown)
    controller = MainController(project, window, bus, shown, editing)
    bus.setParent(window)
    from desktop.ui.wheel import guard_wheel

    features = extensions.install(project, window, bus, runner, shown, editing)
    guard_wheel(window)  # the wheel scrolls panels; it never changes a combo box
    controller.start(report_id)
    parts = AppParts(project, window, bus, runner, shown, editing, controller, features)
    window.project_requested.connect(lambda target: switch_project(parts, target, opened))
    return parts


def switch_project(parts: AppParts, target: str,
                   opened: Callable[[AppParts], None] | None = None) -> AppParts | None:
    """Open (or create) another project in a new window with this one's layout, then
    close this one. A project that cannot be opened is said so, and nothing changes."""
    from desktop.services.errors import USER_ERRORS
    from desktop.services.project import open_project_as
    from desktop.ui.main_window import MainWindow
    from desktop.ui.messages import error_text  # only on errors

    try:
        project = open_project_as(target, parts.project.analyst_name)
    except USER_ERRORS as exc:
        QMessageBox.warning(parts.window, APP_NAME, error_text(exc))
        return None
    old = parts.window
    window = MainWindow(QUndoStack())
    window.setWindowIcon(old.windowIcon())
    window.restoreGeometry(old.saveGeometry())
    window.restoreState(old.saveState())
    new = build(project, window, opened=opened)
    window.show()
    for feature in parts.features.values():  # workers of the old window stop
        job = getattr(feature, "job", None)
        if job is not None and job.running:
            job.cancel()
    old.close()
    old.deleteLater()
    parts.project.close()
    if opened is not None:
        opened(new)
    return new


def _import_and_show(parts: AppParts, files: Sequence[str]) -> None:
    """Import the files given on the command line, then show the first one imported
    (or, for a file already in the project, the report it is)."""
    from desktop.services import reports

    dialog = parts.features["importing"].start([Path(f) for f in files])

    def show(summary: Any) -> None:
        report_id = summary.imported[0][0] if summary.imported else None
        if report_id is None and summary.skipped:
            title = summary.skipped[0][0]
            report_id = next((r.id for r in reports.library(parts.project) if r.title == title),
                             None)
        if report_id is not None:
            parts.shown.reload_library()
            parts.window.library.select(report_id)

    dialog.finished_import.connect(show)


def _save_window(settings: QSettings, parts: AppParts) -> None:
    settings.setValue("window/geometry", parts.window.saveGeometry())
    settings.setValue("window/state", parts.window.saveState())
    settings.setValue("window/report", parts.shown.report_id or "")


def _choose_analyst(settings: QSettings, given: str | None) -> str:
    if given:
        return given
    saved = settings.value("analyst", "", str)
    if saved:
        return str(saved)
    default = getpass.getuser() or "analyst"
    if QApplication.platformName() in ("offscreen", "minimal"):
        return default
    name, ok = QInputDialog.getText(
        None, APP_NAME, QApplication.translate("app", "Welcome to ReportMark. Your name:"),
        text=default,
    )
    return name.strip() if ok and name.strip() else default


def _offer_backup(parent: QWidget | None, exc: Exception, target: str) -> bool:
    """A project that does not open, with a backup that does: offer to restore it.
    Returns whether it was restored."""
    from desktop.services.errors import ProjectError, UnopenableProjectError
    from desktop.services.project import restore_backup
    from desktop.ui.messages import error_text  # only on errors

    if not isinstance(exc, UnopenableProjectError) or exc.backup is None:
        return False
    answer = QMessageBox.question(
        parent, APP_NAME,
        QCoreApplication.translate("app", "%1\n\nRestore the backup %2 now? The file it "
                                   "replaces is kept beside the backups.")
        .replace("%1", error_text(exc).split(" Its backup ")[0])
        .replace("%2", exc.backup.name))
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        restore_backup(target)
    except ProjectError as failed:
        QMessageBox.critical(parent, APP_NAME, error_text(failed))
        return False
    return True


def run(db: str | None = None, analyst: str | None = None,
        files: Sequence[str] = ()) -> int:
    """Paint the window first (from a read-only snapshot of the project when it exists),
    then open the project, import the seeds on first run and hand over to the
    controllers. `files` (reportmark FILE…, "Open with ReportMark") are imported into the
    project and the window opens on the first of them."""
    from desktop.paths import default_project_path
    from desktop.services.snapshot import first_frame
    from desktop.ui.main_window import MainWindow

    app = make_application()
    settings = QSettings()
    name = _choose_analyst(settings, analyst)
    settings.setValue("analyst", name)
    target = db or os.environ.get("REPORTMARK_DB") or str(default_project_path())
    window = MainWindow(QUndoStack())
    window.setWindowIcon(QIcon(str(RESOURCES / "icons" / "reportmark.svg")))
    # the window's layout and the last report read come back as they were
    geometry, state = settings.value("window/geometry"), settings.value("window/state")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    if isinstance(state, QByteArray):
        window.restoreState(state)
    last_report = str(settings.value("window/report", "") or "") or None
    frame = first_frame(target, name, last_report)
    if frame is not None:
        from desktop.ui.first_frame import paint_first_frame

        paint_first_frame(window, frame)
        window.show()
    else:  # the first run: say what the next seconds are for, instead of an empty window
        window.statusBar().showMessage(QCoreApplication.translate(
            "app", "Preparing your project and the sample reports…"))
        window.show()
    parts: dict[str, AppParts] = {}

    def opened(built: AppParts) -> None:
        from desktop.ui.features.projects import remember_project

        parts["app"] = built
        remember_project(settings, built.project.target)
        built.window.closing.connect(lambda: _save_window(settings, built))

    def open_project(restored: bool = False) -> None:
        from desktop import logs  # after the first paint (start-up time)
        from desktop.paths import save_analyst
        from desktop.services.errors import ProjectError
        from desktop.services.project import open_project_as
        from desktop.services.seeds import import_seeds_once
        from desktop.ui import bug_hook
        from desktop.ui.messages import error_text  # only on errors

        logs.setup()
        bug_hook.install(lambda: parts["app"].window if "app" in parts else window)
        try:
            project = open_project_as(target, name)
            import_seeds_once(project)
        except ProjectError as exc:
            if restored or not _offer_backup(window if frame else None, exc, target):
                QMessageBox.critical(window if frame else None, APP_NAME, error_text(exc))
                app.exit(1)
                return
            open_project(restored=True)  # the backup is in place: open it
            return
        save_analyst(name)
        built = build(project, window, None if files else last_report, opened=opened)
        opened(built)
        built.window.show()
        if files:
            _import_and_show(built, files)
        if os.environ.get("REPORTMARK_BENCH_EXIT"):  # benchmarks/bench_startup.py
            app.quit()

    if os.environ.get("REPORTMARK_BENCH_EXIT") and frame is not None:
        window.repaint()  # the first frame is what the start-up figure measures
        # when it was painted (the interpreter's teardown after it is not start-up)
        if sys.stdout is not None:  # None in a windowed bundle
            sys.stdout.write(f"painted at {time.time():.6f}\n")
            sys.stdout.flush()
        return 0
    # a turn later, and a little more on the first run: the message above is painted first
    QTimer.singleShot(0 if frame is not None else 50, open_project)
    code = app.exec()
    if "app" in parts:
        parts["app"].project.close()
    return int(code)
