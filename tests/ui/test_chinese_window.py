"""The Chinese window speaks Chinese everywhere: every menu, panel and dialog an analyst
opens is searched for visible Latin words outside a short allow-list (the product,
formats, keys; file names, figures and analysts' names are data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTabBar,
    QWidget,
)

from desktop.app import build, install_translations, make_application
from desktop.services import reports, tags
from desktop.services.project import switch_analyst
from desktop.ui.help_text import show_about, show_keys
from tests.ui.conftest import LATIN_ALLOWED, latin_words, select_text


def texts_of(root: QWidget, cells: bool = True) -> list[str]:
    """Every text a user sees in a widget tree: titles, labels, buttons, tabs,
    placeholders, combo items, table headers and (with `cells`) the visible cells."""
    out = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if isinstance(w, QLabel):
            out.append(w.text())
        elif isinstance(w, QAbstractButton):
            out += [w.text(), w.toolTip()]
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QTabBar):
            out += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QDockWidget):
            out.append(w.windowTitle())
        elif isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            root_index = QModelIndex()
            try:
                columns = model.columnCount(root_index)
            except TypeError:  # a list model: one column (PySide hides its columnCount)
                columns = 1
            for c in range(columns):
                out.append(str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
            for r in range(min(model.rowCount(root_index), 20) if cells else 0):
                for c in range(columns):
                    out.append(str(model.index(r, c, root_index).data() or ""))
    return out



def menu_texts(menu: QMenu) -> list[str]:
    menu.aboutToShow.emit()  # menus filled when shown (analysts, recent projects)
    out = [menu.title()]
    for action in menu.actions():
        out += [action.text(), action.toolTip() if action.toolTip() != action.text() else ""]
        if action.menu() is not None:
            out += menu_texts(action.menu())
    return out


def english_in(texts: list[str], allowed: set[str]) -> list[tuple[str, list[str]]]:
    return [(t, words) for t in texts if t and (words := latin_words(t, allowed))]


@pytest.fixture
def chinese(qapp):
    install_translations(qapp, "zh_CN")
    yield
    install_translations(qapp, "en")


def test_every_menu_panel_and_dialog_of_the_chinese_window(chinese, qtbot, seeded, tmp_path):
    project = seeded
    report = next(r.id for r in reports.library(project) if r.region.startswith("湖南"))
    text = reports.document(project, report).text
    switch_analyst(project, "bob")
    i = text.find("7.9亿元")
    colleague = tags.create_tag(project, report, "metric", i, i + 5,
                                fields={"value": "7.9", "unit": "亿元"}).new_tag
    switch_analyst(project, "alice")
    allowed = LATIN_ALLOWED | {"alice", "bob"}  # analysts' names are data
    app = make_application()  # (it installs the system's language) …
    install_translations(app, "zh_CN")  # … the window is built in Chinese
    parts = build(project)
    w = parts.window
    w.resize(1264, 752)
    w.show()
    qtbot.waitExposed(w)
    seen: list[str] = []
    # menus and the toolbar
    for action in w.menuBar().actions():
        seen += menu_texts(action.menu())
    seen += [a.text() for a in w.toolbar.actions()] + [a.toolTip() for a in w.toolbar.actions()]
    # the window with a tag of one's own, a colleague's tag, and each left panel
    select_text(w.reader, "7.8%")
    qtbot.keyClick(w.reader, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: w.inspector.detail() is not None)
    seen += texts_of(w)
    parts.shown.select_tag(colleague)
    seen += [*texts_of(w), parts.shown.tooltip(colleague)]
    for index in range(w.left_tabs.count()):
        w.left_tabs.setCurrentIndex(index)
        QCoreApplication.processEvents()
        seen += texts_of(w.left_tabs.currentWidget())
    # dialogs
    features = parts.features
    for open_dialog in (features["review"].show_agreement, features["suggestions"].show_programs):
        dialog = open_dialog()
        QCoreApplication.processEvents()
        seen += texts_of(dialog)
        dialog.close()
    # the schema editor's tables hold both names of each kind and field: data it edits
    dialog = features["schema"].show()
    QCoreApplication.processEvents()
    seen += texts_of(dialog, cells=False)
    dialog.close()
    dialog = features["excel"].show_export()
    QCoreApplication.processEvents()
    seen += texts_of(dialog)
    dialog.close()
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    dialog = features["importing"].start([empty])
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    seen += texts_of(dialog)
    dialog.close()
    # message boxes: an error, the keys, about — with Qt's own buttons
    boxes: list[str] = []

    def read_box() -> None:
        box = next((t for t in QApplication.topLevelWidgets()
                    if isinstance(t, QMessageBox) and t.isVisible()), None)
        if box is None:
            QTimer.singleShot(20, read_box)
            return
        boxes.extend(texts_of(box))
        box.done(0)

    for show in (lambda: parts.editing.edit_field("value", "number", "很多"),
                 lambda: show_keys(parts.window, parts.shown.kinds),
                 lambda: show_about(parts.window)):
        QTimer.singleShot(20, read_box)
        show()
    seen += boxes
    assert "确定" in boxes or "关闭" in boxes or "OK" not in boxes  # Qt's buttons in Chinese
    # Qt's file dialog (the one Qt draws itself)
    file_dialog = QFileDialog(w, "打开", str(Path(project.target).parent))
    file_dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    file_dialog.show()
    QCoreApplication.processEvents()
    import os

    folders = set(Path(project.target).parts) | set(Path(os.environ["HOME"]).parts)  # data
    seen += [t for t in texts_of(file_dialog) if t not in folders]
    file_dialog.close()
    found = english_in(seen, allowed)
    assert found == [], "\n".join(f"{words}: {t!r}" for t, words in found)
