"""The search panel (Ctrl+Shift+F across the project, Ctrl+F in the open report).

For the main window::

    panel = SearchPanel(project, parent=window)
    dock.setWidget(panel)
    panel.result_activated.connect(lambda rid, start, end: reader_show(rid, start, end))
    panel.tag_all_requested.connect(on_tag_all)   # (kind key, [(report id, start, end)])
    panel.set_scope(report_id)   # None: the whole project; an id: that report only
    panel.focus_query()

`tag_all_requested` only asks; the window decides (e.g. calls
desktop.services.search.tag_results and publishes the change set), so undo and the bus
stay in one place. Offsets are code points into the stored text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.kinds import list_kinds
from desktop.services.project import Project
from desktop.services.search import BadPattern, SearchHit, search_project, search_report
from desktop.ui.i18n import pick
from desktop.ui.messages import error_text

AnyIndex = QModelIndex | QPersistentModelIndex


CONTEXT_BEFORE = 12  # characters shown before a match


class SearchResultsModel(QAbstractListModel):
    """Rows are hits; the display is the context line, the tooltip the report title."""

    HitRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hits: tuple[SearchHit, ...] = ()

    def set_hits(self, hits: tuple[SearchHit, ...]) -> None:
        self.beginResetModel()
        self._hits = hits
        self.endResetModel()

    @property
    def hits(self) -> tuple[SearchHit, ...]:
        return self._hits

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            # the match near the start of the line (a narrow panel cuts the end), a few
            # characters before it; the report's title below
            before = hit.before[-CONTEXT_BEFORE:]
            return f"…{before}【{hit.match}】{hit.after}…\n{hit.report_title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{hit.report_title}\n\n…{hit.before}【{hit.match}】{hit.after}…"
        if role == self.HitRole:
            return hit
        return None


class SearchPanel(QWidget):
    result_activated = Signal(str, int, int)  # report id, start, end
    tag_all_requested = Signal(str, list)  # kind key, [(report id, start, end), …]

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._report_id: str | None = None
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Search the project"))
        self.query.setClearButtonEnabled(True)
        self.regex = QCheckBox(self.tr("Regex"))
        self.tag_all = QToolButton()
        self.tag_all.setText(self.tr("Tag all results as…"))
        self.tag_all.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.tag_all.setEnabled(False)
        menu = QMenu(self.tag_all)
        for kind in list_kinds(project):
            action = menu.addAction(pick(kind.name, kind.name_zh))
            action.setData(kind.key)
            action.triggered.connect(lambda _=False, key=kind.key: self.request_tag_all(key))
        self.tag_all.setMenu(menu)
        self.status = QLabel()
        self.model = SearchResultsModel(self)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setUniformItemSizes(True)
        self.results.activated.connect(self._on_activated)
        self.results.clicked.connect(self._on_activated)

        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.regex)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.tag_all)
        layout.addLayout(bottom)
        layout.addWidget(self.results, 1)
        self.query.returnPressed.connect(self.run_search)
        self.regex.toggled.connect(lambda _on: self.run_search() if self.query.text() else None)

    # -- public ------------------------------------------------------------------------
    def set_scope(self, report_id: str | None) -> None:
        """None searches the whole project; a report id searches that report only."""
        self._report_id = report_id
        self.query.setPlaceholderText(
            self.tr("Search the project") if report_id is None else self.tr("Search this report"))

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def run_search(self) -> None:
        text = self.query.text()
        if not text:
            self.model.set_hits(())
            self.status.setText("")
            self.tag_all.setEnabled(False)
            return
        try:
            if self._report_id is None:
                result = search_project(self._project, text, regex=self.regex.isChecked())
            else:
                result = search_report(self._project, self._report_id, text,
                                       regex=self.regex.isChecked())
        except BadPattern as exc:
            self.model.set_hits(())
            self.status.setText(error_text(exc))
            self.tag_all.setEnabled(False)
            return
        self.model.set_hits(result.hits)
        more = self.tr(" (first {0} shown)").format(len(result.hits)) if result.truncated else ""
        self.status.setText(self.tr("{0} results in {1} reports").format(
            len(result.hits), result.reports) + more)
        self.tag_all.setEnabled(bool(result.hits))

    def request_tag_all(self, kind: str) -> None:
        spans = [(h.report_id, h.start, h.end) for h in self.model.hits]
        if spans:
            self.tag_all_requested.emit(kind, spans)

    # -- slots -------------------------------------------------------------------------
    def _on_activated(self, index: QModelIndex) -> None:
        hit = self.model.data(index, SearchResultsModel.HitRole)
        if isinstance(hit, SearchHit):
            self.result_activated.emit(hit.report_id, hit.start, hit.end)
