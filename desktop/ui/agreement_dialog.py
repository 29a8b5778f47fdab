"""Agreement between two analysts: figures per kind, the ranked disagreements, and
adjudication into the consensus layer.

`AgreementDialog(project, analyst_a=None, analyst_b=None, parent=None)` — reads and
acts through `desktop.services.agreement`. Signals:
  disagreement_activated(report_id, start, end)  a disagreement was double-clicked
                                                 (or Enter): show that text
  write_own_requested(report_id, start, end, kind)  "Write own…": the window lets the
                                                 analyst tag it; call `write_own` after
  changed(Changes)                               an adjudication was recorded
Buttons: Take A, Take B (pick that version), Combine (span of both, fields merged).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.agreement import Agreement, Disagreement, KindFigures
from desktop.services import agreement as svc
from desktop.services import kinds as kinds_service
from desktop.services.errors import USER_ERRORS
from desktop.services.operations import Operation
from desktop.services.ops.review import CombineVersions, PickVersion
from desktop.services.project import Project
from desktop.services.review import CONSENSUS
from desktop.ui.i18n import pick
from desktop.ui.messages import error_text
from desktop.ui.runner import Run, standalone
from desktop.ui.table_model import RIGHT, Index, RowsModel


class FiguresModel(RowsModel[KindFigures]):
    """One row per kind, then "overall"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__((self.tr("Kind"), self.tr("Tags A"), self.tr("Tags B"),
                          self.tr("Exact F1"), self.tr("Overlap F1"), self.tr("Record F1"),
                          self.tr("κ (chars)"), self.tr("Tagged chars")), parent=parent)
        self.kind_labels: dict[str, str] = {}

    def set_result(self, result: Agreement | None) -> None:
        self.set_rows([] if result is None else [*result.per_kind, result.overall])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        fig = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            kind = self.tr("overall") if fig.kind == "overall" else \
                self.kind_labels.get(fig.kind, fig.kind)
            values = (kind, fig.count_a, fig.count_b, f"{fig.exact.f1:.3f}",
                      f"{fig.overlap.f1:.3f}", f"{fig.record.f1:.3f}", f"{fig.kappa:.3f}",
                      fig.tagged_chars)
            return str(values[index.column()])
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return RIGHT
        return None


class DisagreementsModel(RowsModel[Disagreement]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__((self.tr("Why"), self.tr("Kind"), self.tr("A"), self.tr("B"),
                          self.tr("Detail"), self.tr("Consensus")), parent=parent)
        self._decided: set[str] = set()
        self.kind_labels: dict[str, str] = {}
        self.field_labels: dict[str, str] = {}

    def reason(self, reason: str) -> str:
        return {"kind": self.tr("different kind"), "only_a": self.tr("only A"),
                "only_b": self.tr("only B"), "span": self.tr("different span"),
                "fields": self.tr("different fields")}.get(reason, reason)

    def detail(self, d: Disagreement) -> str:
        """What differs, in the window's words (the domain's detail names field keys)."""
        kind = self.kind_labels.get
        if d.reason == "kind" and d.a is not None and d.b is not None:
            return f"A {kind(d.a.kind, d.a.kind)} · B {kind(d.b.kind, d.b.kind)}"
        parts = []
        if d.reason == "span" and d.a is not None and d.b is not None:
            parts.append(f"A {d.a.start}–{d.a.end} · B {d.b.start}–{d.b.end}")
        keys = d.detail.split("fields: ", 1)[1] if "fields: " in d.detail else (
            d.detail if d.reason == "fields" else "")
        if keys:
            names = "、".join(self.field_labels.get(k, k) for k in keys.split(", "))
            parts.append(self.tr("fields: %1").replace("%1", names))
        return "; ".join(parts)

    def set_rows(self, rows: Iterable[Disagreement], decided: set[str] | None = None) -> None:
        self._decided = set(decided or ())  # no view reads between here and the reset
        super().set_rows(rows)

    def is_decided(self, row: int) -> bool:
        d = self._rows[row]
        return any(t is not None and t.id in self._decided for t in (d.a, d.b))

    disagreement = RowsModel.row

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            col = index.column()
            if col == 0:
                return self.reason(d.reason)
            if col == 1:
                kinds = {t.kind for t in (d.a, d.b) if t is not None}
                return " / ".join(self.kind_labels.get(k, k) for k in sorted(kinds))
            if col in (2, 3):
                tag = d.a if col == 2 else d.b
                return "" if tag is None else tag.quote
            if col == 4:
                return self.detail(d)
            return self.tr("decided") if self.is_decided(index.row()) else ""
        return None


class AgreementDialog(QDialog):
    disagreement_activated = Signal(str, int, int)  # report id, start, end (code points)
    write_own_requested = Signal(str, int, int, str)  # report id, start, end, kind
    changed = Signal(object)  # desktop.services.changes.Changes

    def __init__(self, project: Project, analyst_a: str | None = None,
                 analyst_b: str | None = None, parent: QWidget | None = None,
                 run: Run | None = None) -> None:
        super().__init__(parent)
        # the window's runner (undoable); alone, the change sets go out by `changed`
        self._runner = run or standalone(project, self.changed.emit)
        self.setWindowTitle(self.tr("Agreement"))
        self.resize(1000, 680)  # seven figures a kind and the disagreements, unscrolled
        self._project = project
        self.a_box, self.b_box = QComboBox(), QComboBox()
        names = svc.analysts_with_tags(project)
        for box in (self.a_box, self.b_box):
            box.addItems([n for n in names if n != CONSENSUS])
        if analyst_a:
            self.a_box.setCurrentText(analyst_a)
        if analyst_b:
            self.b_box.setCurrentText(analyst_b)
        elif self.b_box.count() > 1 and self.b_box.currentText() == self.a_box.currentText():
            self.b_box.setCurrentIndex(1)
        self.summary = QLabel()
        self.figures = FiguresModel(self)
        self.figures_view = QTableView()
        self.figures_view.setModel(self.figures)
        self.figures_view.verticalHeader().hide()
        self.disagreements = DisagreementsModel(self)
        for info in kinds_service.list_kinds(project):
            label = pick(info.name, info.name_zh)
            self.figures.kind_labels[info.key] = label
            self.disagreements.kind_labels[info.key] = label
            for f in info.fields:
                self.disagreements.field_labels.setdefault(f.key, pick(f.label, f.label_zh))
        self.disagreements_view = QTableView()
        self.disagreements_view.setModel(self.disagreements)
        self.disagreements_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.disagreements_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.disagreements_view.horizontalHeader().setSectionResizeMode(
            4, QHeaderView.ResizeMode.Stretch)
        self.disagreements_view.verticalHeader().hide()

        self.take_a = QPushButton(self.tr("Take &A"))
        self.take_b = QPushButton(self.tr("Take &B"))
        self.combine = QPushButton(self.tr("Co&mbine"))
        self.write_own = QPushButton(self.tr("&Write own…"))
        pickers = QHBoxLayout()
        pickers.addWidget(QLabel(self.tr("A:")))
        pickers.addWidget(self.a_box)
        pickers.addWidget(QLabel(self.tr("B:")))
        pickers.addWidget(self.b_box)
        pickers.addStretch(1)
        actions = QHBoxLayout()
        for button in (self.take_a, self.take_b, self.combine, self.write_own):
            actions.addWidget(button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addWidget(self.figures_view)
        layout.addWidget(self.summary)
        layout.addWidget(self.disagreements_view, 1)
        layout.addLayout(actions)
        layout.addWidget(close)

        self.a_box.currentIndexChanged.connect(self.recompute)
        self.b_box.currentIndexChanged.connect(self.recompute)
        self.disagreements_view.activated.connect(self._on_activated)
        self.disagreements_view.doubleClicked.connect(self._on_activated)
        self.disagreements_view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.take_a.clicked.connect(lambda: self._pick("a"))
        self.take_b.clicked.connect(lambda: self._pick("b"))
        self.combine.clicked.connect(self._combine)
        self.write_own.clicked.connect(self._write_own)
        self.recompute()

    def recompute(self) -> None:
        a, b = self.a_box.currentText(), self.b_box.currentText()
        result: Agreement | None = None
        if a and b and a != b:
            try:
                result = svc.agreement(self._project, a, b).result
            except USER_ERRORS as exc:
                self.summary.setText(error_text(exc))
        else:
            self.summary.setText(self.tr("Choose two different analysts."))
        self.figures.set_result(result)
        self.disagreements.set_rows(list(result.disagreements) if result else [],
                                    svc.adjudicated(self._project) if result else set())
        if result is not None:
            self.summary.setText(self.tr("%1 report(s) both tagged; %2 disagreement(s), most "
                                         "serious first").replace("%1", str(result.reports))
                                 .replace("%2", str(len(result.disagreements))))
        self._update_buttons()

    def current(self) -> Disagreement | None:
        index = self.disagreements_view.currentIndex()
        return self.disagreements.disagreement(index.row()) if index.isValid() else None

    def _update_buttons(self, *_args: Any) -> None:
        d = self.current()
        self.take_a.setEnabled(d is not None and d.a is not None)
        self.take_b.setEnabled(d is not None and d.b is not None)
        self.combine.setEnabled(d is not None and d.a is not None and d.b is not None)
        self.write_own.setEnabled(d is not None)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            d = self.disagreements.disagreement(index.row())
            self.disagreement_activated.emit(d.report_id, d.start, d.end)

    def _run(self, op: Operation) -> None:
        row = self.disagreements_view.currentIndex().row()
        if self._runner(op, self.tr("Adjudicate"), self.summary.setText) is None:
            return
        self.recompute()
        if self.disagreements.rowCount():
            self.disagreements_view.selectRow(min(max(row, 0), self.disagreements.rowCount() - 1))

    def _pick(self, side: str) -> None:
        d = self.current()
        chosen = None if d is None else (d.a if side == "a" else d.b)
        if d is None or chosen is None:
            return
        other = d.b if side == "a" else d.a
        others = () if other is None else (other.id,)
        self._run(PickVersion(chosen.id, others))

    def _combine(self) -> None:
        d = self.current()
        if d is None or d.a is None or d.b is None:
            return
        ids = (d.a.id, d.b.id)
        self._run(CombineVersions(ids))

    def _write_own(self) -> None:
        d = self.current()
        if d is not None:
            self.write_own_requested.emit(d.report_id, d.start, d.end, d.kind)
