"""What the window says about its keys and marks: the legend under the title, Help ▸
Keyboard shortcuts (F1) and Help ▸ About. The kinds' keys are the project's own."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.services.values import KindInfo
from desktop.ui.i18n import pick


def legend_text(kinds: list[KindInfo]) -> str:
    """One line under the title: what the marks mean, and the keys to walk them."""
    colours = " ".join(f'<span style="color:{k.colour}">■ {escape(pick(k.name, k.name_zh))}</span>'
                       for k in kinds)
    marks = QCoreApplication.translate(
        "HelpText", "dashed outline: a suggestion · underline: a tag · ✓ accepted · "
        "✎ corrected · struck through: rejected")
    shortcuts = " ".join(escape(k.shortcut) for k in kinds if k.shortcut)
    keys = (QCoreApplication.translate(
        "HelpText", "N / P next / previous · Enter accept · X reject · %1 tag or accept "
        "as that kind · F1 all keys").replace("%1", shortcuts) if shortcuts
        else QCoreApplication.translate(
            "HelpText", "N / P next / previous · Enter accept · X reject · F1 all keys"))
    return f"{colours} &nbsp;·&nbsp; {marks}<br><b>{keys}</b>"


def keys_text(kinds: list[KindInfo]) -> str:
    """Help ▸ Keyboard shortcuts (F1): the kinds' keys as the project defines them."""
    mine = [k for k in kinds if k.shortcut]
    first = QCoreApplication.translate("HelpText", "%1 — tag the selection as %2").replace(
        "%1", " / ".join(k.shortcut for k in mine)).replace(
        "%2", " / ".join(pick(k.name, k.name_zh) for k in mine))
    rest = QCoreApplication.translate(
        "HelpText",
        "N / P — next / previous tag or suggestion\n"
        "Enter or A — accept the selected suggestion; Shift+Enter — accept all of its kind\n"
        "Delete or X — reject the selected suggestion; Delete — delete the selected tag\n"
        "Shift+← / → — move the selected tag's end; Alt+← / → — move its start\n"
        "Double-click — select the number with its unit, or the quoted name\n"
        "F2 — edit the selected tag's first field\n"
        "Ctrl+Z / Ctrl+Y — undo / redo · Ctrl+F — find · Ctrl+Shift+F — search the project\n"
        "Ctrl+E — export")
    return f"{first}\n{rest}" if mine else rest


def show_keys(parent: QWidget, kinds: list[KindInfo]) -> None:
    QMessageBox.information(parent, QCoreApplication.translate("HelpText", "Keyboard shortcuts"),
                            keys_text(kinds))


def show_about(parent: QWidget) -> None:
    from desktop import __version__

    QMessageBox.about(parent, QCoreApplication.translate("HelpText", "About ReportMark"),
                      f"ReportMark {__version__}\n" + QCoreApplication.translate(
                          "HelpText", "Tag metrics, programs and targets in Chinese reports."))
