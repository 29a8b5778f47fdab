"""Start the real window on a screen of a given size and report what fits (run in a
subprocess: the offscreen platform's screen size is fixed when Qt starts).

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python -m tests.ui.on_screen PROJECT
prints one JSON object.
"""

from __future__ import annotations

import json
import sys


def main(project_path: str) -> None:
    from PySide6.QtCore import QCoreApplication, QElapsedTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app import build, make_application
    from desktop.services.project import open_project_as

    app = make_application()
    project = open_project_as(project_path, "alice")
    parts = build(project)
    w = parts.window
    w.show()
    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < 300:
        QCoreApplication.processEvents()

    def box(widget) -> list[int]:
        top_left = widget.mapToGlobal(widget.rect().topLeft())
        return [top_left.x(), top_left.y(), widget.width(), widget.height()]

    free = QApplication.primaryScreen().availableGeometry()
    out = {
        "screen": [free.x(), free.y(), free.width(), free.height()],
        "window": [w.frameGeometry().x(), w.frameGeometry().y(), w.frameGeometry().width(),
                   w.frameGeometry().height()],
        "minimum": [w.minimumSizeHint().width(), w.minimumSizeHint().height()],
        "parts": {name: box(widget) for name, widget in (
            ("library", w.library), ("reader", w.reader), ("inspector", w.inspector),
            ("tag_table", w.tag_table), ("status_bar", w.statusBar()))},
        "visible": {name: widget.isVisible() for name, widget in (
            ("library", w.library), ("inspector", w.inspector), ("status_bar", w.statusBar()))},
        "tag_columns": [w.tag_table.view.columnWidth(c) for c in range(5)],
        "library_columns": [w.library.view.columnWidth(c) for c in range(6)],
    }
    print(json.dumps(out))
    w.close()
    project.close()
    app.quit()


if __name__ == "__main__":
    main(sys.argv[1])
