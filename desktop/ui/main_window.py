"""The main window's layout (a view: it builds widgets and actions, decides nothing).

Library on the left, the reader in the centre, inspector over the tag table on the
right, a status bar with analyst, project and counts. The controller wires it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.inspector import InspectorPanel
from desktop.ui.library import LibraryPanel
from desktop.ui.reader import ReaderView
from desktop.ui.tag_table import TagTablePanel


class MainWindow(QMainWindow):
    closing = Signal()
    project_requested = Signal(str)  # open (or create) this project file or database URL

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("ReportMark")
        self.resize(self.first_size())
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks)
        self.undo_stack = undo_stack

        self.reader = ReaderView(self)
        self.report_title = QLabel(self)
        self.report_title.setObjectName("reportTitle")
        self.report_title.setMinimumWidth(1)  # a long title never widens the window
        centre = QWidget(self)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        centre_layout.addWidget(self.report_title)
        # what the outlines mean and the keys of the walk, always in sight
        self.legend = QLabel(self)
        self.legend.setObjectName("legend")
        self.legend.setMinimumWidth(1)
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        centre_layout.addWidget(self.legend)
        centre_layout.addWidget(self.reader)
        self.setCentralWidget(centre)

        self.library = LibraryPanel(self)
        self.left_tabs = QTabWidget(self)
        self.left_tabs.setObjectName("leftTabs")
        self.left_tabs.addTab(self.library, self.tr("Library"))
        self.left_dock = self._dock(self.tr("Reports"), "libraryDock", self.left_tabs,
                                    Qt.DockWidgetArea.LeftDockWidgetArea)

        self.inspector = InspectorPanel(self)
        self.tag_table = TagTablePanel(self)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.inspector)
        right.addWidget(self.tag_table)
        right.setSizes([470, 330])
        right.setChildrenCollapsible(False)
        self.right_dock = self._dock(self.tr("Inspector"), "inspectorDock", right,
                                     Qt.DockWidgetArea.RightDockWidgetArea)
        # the panels share the width as they do on a 1480-pixel window
        width = self.width()
        self.resizeDocks([self.left_dock, self.right_dock],
                         [width * 430 // 1480, width * 470 // 1480], Qt.Orientation.Horizontal)

        self.status_analyst = QLabel(self)
        self.status_project = QLabel(self)
        self.status_counts = QLabel(self)
        self.status_suggestions = QLabel(self)
        for label in (self.status_suggestions, self.status_counts, self.status_analyst,
                      self.status_project):
            label.setMinimumWidth(1)  # a long path never widens the window: it is cut
            self.statusBar().addPermanentWidget(label)

        self._build_actions()

    def first_size(self) -> QSize:
        """1480×900, or the screen's free area when it is smaller (a 1280×800 laptop),
        less room for the frame the window manager adds."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return QSize(1480, 900)
        free = screen.availableGeometry()
        return QSize(min(1480, free.width() - 16), min(900, free.height() - 48))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        # closable: on a small screen a panel folds away (View menu, F9 / F10 bring it back)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, text: str,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        return action

    def _build_actions(self) -> None:
        self.act_new_project = self._action(self.tr("&New project…"), QKeySequence.StandardKey.New,
                                            "actNewProject")
        self.act_open_project = self._action(self.tr("&Open project…"), "Ctrl+Shift+O",
                                             "actOpenProject")
        self.act_import = self._action(self.tr("&Import reports…"), QKeySequence.StandardKey.Open, "actImport")
        self.act_export = self._action(self.tr("&Export…"), "Ctrl+E", "actExport")
        self.act_import_edits = self._action(self.tr("Import &edits from a workbook…"), None, "actImportEdits")
        self.act_import_annotations = self._action(self.tr("Import a&nnotations…"), None,
                                                   "actImportAnnotations")
        self.act_merge = self._action(self.tr("&Merge colleague's project…"), None, "actMerge")
        self.act_connect = self._action(self.tr("&Connect to team database…"), None, "actConnect")
        self.act_switch_analyst = self._action(self.tr("Switch &analyst…"), None, "actAnalyst")
        self.act_quit = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, "actQuit")
        self.act_undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.act_redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_find = self._action(self.tr("&Find in report…"), "Ctrl+F", "actFind")
        self.act_find_all = self._action(self.tr("Search the &project…"), "Ctrl+Shift+F", "actFindAll")
        self.act_next = self._action(self.tr("&Next tag"), None, "actNext")
        self.act_prev = self._action(self.tr("&Previous tag"), None, "actPrev")
        self.act_suggestions = self._action(self.tr("Show &suggestions"), "Ctrl+Shift+S", "actSuggestions")
        self.act_suggestions.setCheckable(True)
        self.act_suggestions.setChecked(True)
        self.act_train = self._action(self.tr("T&rain suggestions"), None, "actTrain")
        self.act_schema = self._action(self.tr("Tag &kinds and fields…"), None, "actSchema")
        self.act_programs = self._action(self.tr("&Program registry…"), None, "actPrograms")
        self.act_agreement = self._action(self.tr("&Agreement…"), None, "actAgreement")
        self.act_about = self._action(self.tr("&About ReportMark"), None, "actAbout")
        self.act_keys = self._action(self.tr("&Keyboard shortcuts"), "F1", "actKeys")

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addAction(self.act_new_project)
        file_menu.addAction(self.act_open_project)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.setObjectName("recentMenu")
        file_menu.addSeparator()
        for a in (self.act_import, self.act_export, self.act_import_edits,
                  self.act_import_annotations):
            file_menu.addAction(a)
        file_menu.addSeparator()
        for a in (self.act_merge, self.act_connect, self.act_switch_analyst):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = menu.addMenu(self.tr("&Edit"))
        for a in (self.act_undo, self.act_redo):
            edit_menu.addAction(a)
        edit_menu.addSeparator()
        for a in (self.act_find, self.act_find_all):
            edit_menu.addAction(a)
        self.tag_menu = menu.addMenu(self.tr("&Tag"))
        for a in (self.act_next, self.act_prev, self.act_suggestions, self.act_train):
            self.tag_menu.addAction(a)
        self.tag_menu.addSeparator()
        for a in (self.act_schema, self.act_programs):
            self.tag_menu.addAction(a)
        self.view_menu = menu.addMenu(self.tr("&View"))
        for dock, key in ((self.left_dock, "F9"), (self.right_dock, "F10")):
            toggle = dock.toggleViewAction()
            toggle.setShortcut(QKeySequence(key))
            self.view_menu.addAction(toggle)
        self.review_menu = menu.addMenu(self.tr("&Review"))
        self.review_menu.addAction(self.act_agreement)
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_keys)
        help_menu.addAction(self.act_about)

        self.toolbar = QToolBar(self.tr("Main"), self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        self.toolbar.addAction(self.act_import)
        self.toolbar.addAction(self.act_export)
        self.toolbar.addSeparator()
        self.kind_actions: dict[str, QAction] = {}
        self.kind_separator = self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_undo)
        self.toolbar.addAction(self.act_redo)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_suggestions)

    def set_kind_actions(self, kinds: list[tuple[str, str, str]]) -> dict[str, QAction]:
        """Toolbar buttons 'Tag as …' (key, label, shortcut); returns them by key."""
        for action in self.kind_actions.values():
            self.toolbar.removeAction(action)
        self.kind_actions = {}
        for key, label, shortcut in kinds:
            text = f"{label} ({shortcut})" if shortcut else label
            action = QAction(text, self)
            action.setObjectName(f"actTag_{key}")
            action.setToolTip(self.tr("Tag the selected text as %1").replace("%1", label))
            self.toolbar.insertAction(self.kind_separator, action)
            self.kind_actions[key] = action
        return self.kind_actions
