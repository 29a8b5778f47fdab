"""Editing a report's metadata (title, agency, region, year, published date)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop.services import reports
from desktop.services.values import ReportRow


class MetadataDialog(QDialog):
    """`values()` gives the edited fields, to hand to `reports.update_metadata`."""

    def __init__(self, row: ReportRow, published: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Report metadata"))
        self.setMinimumWidth(480)
        self.title = QLineEdit(row.title)
        self.agency = QLineEdit(row.agency)
        self.region = QLineEdit(row.region)
        self.year = QLineEdit(str(row.year) if row.year else "")
        self.year.setPlaceholderText("2025")
        self.published = QLineEdit(published)
        self.published.setPlaceholderText("2025-12-31")
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c")
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Agency"), self.agency)
        form.addRow(self.tr("Region"), self.region)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Published"), self.published)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _typed(self) -> dict[str, object]:
        return {"title": self.title.text(), "agency": self.agency.text(),
                "region": self.region.text(), "year": self.year.text(),
                "published": self.published.text()}

    def values(self) -> dict[str, object]:
        """The typed values as stored (checked by `reports.check_metadata`)."""
        return reports.check_metadata(self._typed())

    def _check(self) -> None:
        try:
            reports.check_metadata(self._typed())  # as `set-report` checks them
        except reports.MetadataError as exc:
            messages = {"year": self.tr("The year must be a number such as 2025."),
                        "title": self.tr("A report needs a title.")}
            self.error.setText(messages.get(exc.field, str(exc)))
            return
        self.accept()
