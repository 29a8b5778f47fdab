"""Connect to a team database (PostgreSQL).

`ConnectDialog(check, parent=None)` where `check(url) -> ConnectionCheck` is
`desktop.services.team.check_connection` (a parameter so the dialog holds no globals).
Fill in host, port, user, password and database, or paste a URL; "Test connection"
reports what is there. On OK the password goes to libpq's password file (~/.pgpass,
readable by the user only) and `url()` is the URL to open, without it: a password is
never shown, saved in the settings or put on a command line (issue 11, item 15).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.team import (
    ConnectionCheck,
    build_url,
    keep_password,
    password_file,
    without_password,
)


class ConnectDialog(QDialog):
    def __init__(self, check: Callable[[str], ConnectionCheck],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a team database"))
        self._check = check
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("postgresql://user@host:5432/reportmark")
        self.host_edit = QLineEdit("localhost")
        self.port_box = QSpinBox()
        self.port_box.setRange(1, 65535)
        self.port_box.setValue(5432)
        self.user_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.database_edit = QLineEdit("reportmark")
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.password_note = QLabel(self.tr(
            "The password is kept in your PostgreSQL password file (%1), readable only by "
            "you; it is never shown, saved in the settings or put on the command line.")
            .replace("%1", str(password_file())))
        self.password_note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("URL (or the fields below)"), self.url_edit)
        form.addRow(self.tr("Host"), self.host_edit)
        form.addRow(self.tr("Port"), self.port_box)
        form.addRow(self.tr("User"), self.user_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow("", self.password_note)
        form.addRow(self.tr("Database"), self.database_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.test_button)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self.test_button.clicked.connect(self.test_connection)
        self.url_edit.textChanged.connect(self._sync_fields)

    def _url_with_password(self) -> str:
        typed = self.url_edit.text().strip()
        if typed:
            return typed
        return build_url(self.host_edit.text().strip(), self.port_box.value(),
                         self.user_edit.text().strip(), self.password_edit.text(),
                         self.database_edit.text().strip())

    def url(self) -> str:
        """The URL to open, without a password (see `accept`)."""
        return without_password(self._url_with_password())

    def accept(self) -> None:
        try:
            keep_password(self._url_with_password())
        except (OSError, ValueError) as exc:
            self.status_label.setText(self.tr("The password could not be saved: %1")
                                      .replace("%1", str(exc)))
            return
        super().accept()

    def _sync_fields(self, text: str) -> None:
        for widget in (self.host_edit, self.port_box, self.user_edit, self.password_edit,
                       self.database_edit):
            widget.setEnabled(not text.strip())

    def test_connection(self) -> ConnectionCheck:
        self.status_label.setText(self.tr("Connecting…"))
        outcome = self._check(self._url_with_password())
        self.status_label.setText(outcome.message)
        self.status_label.setProperty("ok", outcome.ok)
        return outcome
