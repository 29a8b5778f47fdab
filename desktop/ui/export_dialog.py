"""File ▸ Export… (Ctrl+E): format, filters, workbook language, destination; asks before
overwriting a file; the export runs in a spawned process (desktop.ui.jobs.ProcessJob)
with a progress bar and Cancel, then says where the file is, with Open and Show in
folder. The folder last exported to is remembered (QSettings).

The dialog never touches storage: the composition root hands it the export target
function (`desktop.services.export.export_job`), the project target and analyst, and
the choices for the filters (`desktop.services.export.filter_choices(project)`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.jobs import ProcessJob
from desktop.ui.tag_table import status_labels

FORMATS = (("xlsx", "Excel workbook (.xlsx)"), ("csv", "CSV, one file per kind (.csv)"),
           ("jsonl", "JSON Lines (.jsonl)"))
LAST_FOLDER = "export/last_folder"


class ExportDialog(QDialog):
    """`ExportDialog(export_target, project_target, analyst, kinds, analysts=(), regions=(),
    years=(), statuses=(), default_dir=None, parent=None)`.

    `export_target(report, *, target, analyst, out, fmt, filters, lang)` is run in a
    spawned process; `kinds` are (key, display name) pairs. Emits `exported(result dict)`
    when done; `last_result` / `last_error` keep the outcome for the caller. Without
    `default_dir`, the folder last exported to (else the home folder) is offered.
    """

    exported = Signal(object)

    def __init__(
        self,
        export_target: Callable[..., Any],
        project_target: str,
        analyst: str | None,
        kinds: Sequence[tuple[str, str]],
        analysts: Sequence[str] = (),
        regions: Sequence[str] = (),
        years: Sequence[int] = (),
        statuses: Sequence[str] = (),
        default_dir: str | Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export tags"))
        self.setMinimumWidth(520)
        self._target = export_target
        self._project = project_target
        self._analyst = analyst
        self._kinds = [k for k, _ in kinds]
        remembered = str(QSettings().value(LAST_FOLDER, "", str) or "")
        self._default_dir = Path(default_dir or remembered or Path.home())
        self.open_url = QDesktopServices.openUrl  # replaced in tests
        self.job: ProcessJob | None = None
        self.last_result: dict[str, Any] | None = None
        self.last_error: str | None = None

        self.format = QComboBox()
        for key, label in FORMATS:
            self.format.addItem(self.format_label(key, label), key)
        self.kind = self._combo([(None, self.tr("All kinds")), *[(k, n) for k, n in kinds]])
        self.author = self._combo([(None, self.tr("Everyone")), *[(a, a) for a in analysts]])
        names = status_labels()
        self.status = self._combo([(None, self.tr("Any status")),
                                   *[(s, names.get(s, s)) for s in statuses]])
        self.region = self._combo([(None, self.tr("All regions")), *[(r, r) for r in regions]])
        self.year = self._combo([(None, self.tr("All years")), *[(y, str(y)) for y in years]])
        self.lang = self._combo([("zh_CN", "简体中文"), ("en", "English")])
        # The window's language, as its translation says it (the idiom Qt uses for
        # QT_LAYOUT_DIRECTION): "zh_CN" in the Chinese .ts, the source text otherwise.
        window_lang = "zh_CN" if self.tr("en", "workbook language code") == "zh_CN" else "en"
        self.lang.setCurrentIndex(self.lang.findData(window_lang))
        self.path = QLineEdit(str(self._default_dir / "reportmark-export.xlsx"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.choose_file)
        self.format.currentIndexChanged.connect(self._format_changed)

        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Analyst"), self.author)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Region"), self.region)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Workbook language"), self.lang)
        form.addRow(self.tr("Save to"), path_row)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton(self.tr("Open"), QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button = self.buttons.addButton(self.tr("Show in folder"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self.open_file)
        self.folder_button.clicked.connect(self.show_folder)
        self.open_button.setVisible(False)
        self.folder_button.setVisible(False)
        self.overwrite_box: QMessageBox | None = None

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def format_label(self, key: str, label: str) -> str:
        """A format's name in the window's language (written out for lupdate)."""
        return {"xlsx": self.tr("Excel workbook (.xlsx)"),
                "csv": self.tr("CSV, one file per kind (.csv)"),
                "jsonl": self.tr("JSON Lines (.jsonl)")}.get(key, label)

    def _combo(self, items: Sequence[tuple[Any, str]]) -> QComboBox:
        box = QComboBox()
        for value, label in items:
            box.addItem(label, value)
        return box

    def _format_changed(self) -> None:
        fmt = self.format.currentData()
        path = Path(self.path.text())
        self.path.setText(str(path.with_suffix("." + fmt)))

    def choose_file(self) -> None:
        fmt = self.format.currentData()
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.path.text(), f"*.{fmt}")
        if name:
            self.path.setText(name)

    def filters(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, box in (("kind", self.kind), ("analyst", self.author), ("status", self.status),
                         ("region", self.region), ("year", self.year)):
            if box.currentData() is not None:
                out[key] = box.currentData()
        return out

    def _outputs(self) -> list[Path]:
        out = Path(self.path.text().strip())
        if self.format.currentData() == "csv":
            stem = out.stem if out.suffix.lower() == ".csv" else out.name
            return [out.with_name(f"{stem}-{k}.csv") for k in self._kinds]
        return [out]

    def start(self) -> None:
        """Ask before overwriting (a message box the caller can answer), then export."""
        if self.job is not None and self.job.running:
            return
        if not self.path.text().strip():
            self.message.setText(self.tr("Choose where to save the export."))
            return
        existing = [p for p in self._outputs() if p.exists()]
        if existing:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Replace the file?"),
                              self.tr("%1 already exists. Replace it?").replace(
                                  "%1", ", ".join(p.name for p in existing)),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
            box.setDefaultButton(QMessageBox.StandardButton.No)
            box.accepted.connect(self._run)  # Yes is the accept role
            self.overwrite_box = box
            box.open()
            return
        self._run()

    def _run(self) -> None:
        """Start the export in a spawned process."""
        out = self.path.text().strip()
        self.last_result, self.last_error = None, None
        self.open_button.setVisible(False)
        self.folder_button.setVisible(False)
        kwargs = {"target": self._project, "analyst": self._analyst, "out": out,
                  "fmt": self.format.currentData(), "filters": self.filters(),
                  "lang": self.lang.currentData()}
        self.job = ProcessJob(self._target, kwargs, self)
        self.job.progress.connect(self._on_progress)
        self.job.finished.connect(self._on_finished)
        self.job.failed.connect(self._on_failed)
        self.job.cancelled.connect(self._on_cancelled)
        self.progress.setRange(0, 0)  # busy until the first report
        self.progress.setVisible(True)
        self.export_button.setEnabled(False)
        self.message.setText(self.tr("Exporting…"))
        self.job.start()

    def cancel(self) -> None:
        """Cancel a running export (nothing is left behind), or close the dialog."""
        if self.job is not None and self.job.running:
            self.job.cancel()
        else:
            self.reject()

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.message.setText(message)

    def _on_finished(self, result: object) -> None:
        assert isinstance(result, dict)
        self.last_result = result
        self.export_button.setEnabled(True)
        self.progress.setVisible(False)
        total = sum(result.get("counts", {}).values())
        self.message.setText(self.tr("Exported %n tag(s) to ", "", total) + ", ".join(result["paths"]))
        paths = result.get("paths") or []
        if paths:
            QSettings().setValue(LAST_FOLDER, str(Path(paths[0]).parent))
        self.open_button.setVisible(bool(paths))
        self.folder_button.setVisible(bool(paths))
        self.cancel_button.setText(self.tr("Close"))
        self.exported.emit(result)

    def open_file(self) -> None:
        paths = (self.last_result or {}).get("paths") or []
        if paths:
            self.open_url(QUrl.fromLocalFile(paths[0]))

    def show_folder(self) -> None:
        paths = (self.last_result or {}).get("paths") or []
        if paths:
            self.open_url(QUrl.fromLocalFile(str(Path(paths[0]).parent)))

    def _on_failed(self, text: str) -> None:
        self.last_error = text
        self.export_button.setEnabled(True)
        self.progress.setVisible(False)
        self.message.setText(self.tr("The export failed: ") + text)

    def _on_cancelled(self) -> None:
        self._discard_partial()
        self.export_button.setEnabled(True)
        self.progress.setVisible(False)
        self.message.setText(self.tr("Export cancelled; nothing was written."))

    def _discard_partial(self) -> None:
        """A terminated process may not have removed its temporary files."""
        out = Path(self.path.text().strip())
        fmt = self.format.currentData()
        if fmt == "csv":
            stem = out.stem if out.suffix.lower() == ".csv" else out.name
            names = [f"{stem}-{k}.csv" for k in self._kinds]
        else:
            names = [out.name]
        for name in names:
            (out.parent / f".{name}.part").unlink(missing_ok=True)
