"""Editing a report's metadata (title, agency, region, year, published date)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

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

    def values(self) -> dict[str, object]:
        year = self.year.text().strip()
        return {"title": self.title.text().strip(), "agency": self.agency.text().strip(),
                "region": self.region.text().strip(), "year": int(year) if year else None,
                "published": self.published.text().strip()}

    def _check(self) -> None:
        year = self.year.text().strip()
        if year and not (year.isdigit() and 1900 <= int(year) <= 2100):
            self.error.setText(self.tr("The year must be a number such as 2025."))
            return
        if not self.title.text().strip():
            self.error.setText(self.tr("A report needs a title."))
            return
        self.accept()
