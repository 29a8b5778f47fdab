"""File ▸ Import annotations…: what bringing in a doccano, Label Studio, brat or
WebAnno/INCEpTION file would do (each label and the kind it goes to, existing or new, with
its count of spans; the reports matched by their text and those to import) before anything
is written; Import writes it all in one transaction (or nothing) and shows the summary.

`AnnotationsDialog(file_name, plan, kind_names, apply, parent)`: `apply()` performs the
import and returns its `AnnotationOutcome` (None: refused, and said through `refused`);
its change set is emitted as `applied`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.annotations import AnnotationOutcome, AnnotationPlan
from desktop.services.errors import USER_ERRORS
from desktop.ui.messages import error_text

FORMAT_NAMES = {"doccano": "doccano", "labelstudio": "Label Studio", "brat": "brat",
                "webanno": "WebAnno / INCEpTION"}


class AnnotationsDialog(QDialog):
    applied = Signal(object)  # the import's change set

    def __init__(self, file_name: str, plan: AnnotationPlan, kind_names: dict[str, str],
                 apply: Callable[[], AnnotationOutcome | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationsDialog")
        self.setWindowTitle(self.tr("Import annotations"))
        self.resize(640, 460)
        self._apply = apply
        self._names = kind_names
        self.plan = plan
        self.outcome: AnnotationOutcome | None = None

        self.summary = QLabel(self.tr(
            "%1 (%2): documents %3, spans %4. Nothing is written until you press Import.")
            .replace("%1", file_name).replace("%2", FORMAT_NAMES.get(plan.fmt, plan.fmt))
            .replace("%3", str(len(plan.docs))).replace("%4", str(plan.spans)))
        self.summary.setWordWrap(True)
        self.labels = QTreeWidget()
        self.labels.setObjectName("labelMapping")
        self.labels.setRootIsDecorated(False)
        self.labels.setHeaderLabels([self.tr("Label in the file"), self.tr("Kind"),
                                     self.tr("Spans")])
        for m in plan.labels:
            kind = (self.tr("%1 (new kind)").replace("%1", m.kind_name) if m.new
                    else kind_names.get(m.kind_key, m.kind_name))
            item = QTreeWidgetItem([m.label, kind, str(m.spans)])
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.labels.addTopLevelItem(item)
        self.labels.headerItem().setTextAlignment(
            2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = self.labels.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.reports = QLabel(self.tr(
            "Reports: %1 already in the project (matched by their text), %2 to import.")
            .replace("%1", str(len(plan.matched))).replace("%2", str(len(plan.new_reports))))
        self.reports.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(110)
        self.details.setPlainText("\n".join(
            [*(f"= {name}" for name, _rid in plan.matched),
             *(f"+ {name}" for name in plan.new_reports)]))
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(plan.spans > 0 or bool(plan.new_reports))
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Labels and the kinds they become:")))
        layout.addWidget(self.labels, 1)
        layout.addWidget(self.reports)
        layout.addWidget(self.details)
        layout.addWidget(self.buttons)

    def refused(self, message: str) -> None:
        """Nothing was imported, and why."""
        self.summary.setText(self.tr("Nothing was imported: %1").replace("%1", message))
        self.import_button.setEnabled(False)

    def apply(self) -> None:
        """Write the plan (all or nothing) and show what was done."""
        try:
            outcome = self._apply()
        except USER_ERRORS as exc:
            self.refused(error_text(exc))
            return
        if outcome is None:  # refused, and already said (by `refused`)
            self.import_button.setEnabled(False)
            return
        self.outcome = outcome
        by_kind = ", ".join(f"{self._names.get(k, k)} {n}" for k, n in sorted(outcome.by_kind.items()))
        self.summary.setText(self.tr(
            "Imported: %1 tags (%2); %3 already tagged; %4 reports imported, %5 matched; "
            "new kinds: %6.")
            .replace("%1", str(outcome.tags_created)).replace("%2", by_kind or "0")
            .replace("%3", str(outcome.already_tagged))
            .replace("%4", str(outcome.reports_imported))
            .replace("%5", str(outcome.reports_matched))
            .replace("%6", ", ".join(outcome.kinds_created) or self.tr("none")))
        self.buttons.clear()
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.accept)
        self.applied.emit(outcome.changes)
