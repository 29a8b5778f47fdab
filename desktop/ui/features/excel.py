"""Excel: File ▸ Export… (Ctrl+E) in a spawned process, and File ▸ Import edits… with a
preview of what will change before anything is applied."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from desktop.ui.features.context import FeatureContext
from desktop.ui.messages import error_text

if TYPE_CHECKING:  # imported in the slots: the window does not need them to start
    from desktop.services.changes import Changes
    from desktop.ui.edits_dialog import EditsDialog
    from desktop.ui.export_dialog import ExportDialog


class ExcelFeature(QObject):
    def __init__(self, ctx: FeatureContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.export_dialog: ExportDialog | None = None
        self.edits_dialog: EditsDialog | None = None
        ctx.window.act_export.triggered.connect(self.show_export)
        ctx.window.act_import_edits.triggered.connect(self.choose_edits)

    def show_export(self) -> ExportDialog:
        from desktop.services import export
        from desktop.ui.export_dialog import ExportDialog
        from desktop.ui.i18n import pick

        project = self.ctx.project
        choices = export.filter_choices(project)
        # kinds by the names the window uses (指标 in the Chinese window)
        shown = {k.key: pick(k.name, k.name_zh) for k in self.ctx.nav.kinds}
        kinds = [(key, shown.get(key, name)) for key, name in choices.kinds]
        self.export_dialog = ExportDialog(
            export.export_job, project.target, project.analyst_name, kinds,
            choices.analysts, choices.regions, choices.years, choices.statuses,
            default_dir=None, parent=self.ctx.window)
        self.export_dialog.show()
        return self.export_dialog

    def choose_edits(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.ctx.window, self.tr("Import edits from a workbook"), "",
            self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self.preview_edits(Path(path))

    def preview_edits(self, path: Path) -> EditsDialog | None:
        from desktop.services import excel_edits
        from desktop.services.errors import USER_ERRORS
        from desktop.ui.edits_dialog import EditsDialog

        project = self.ctx.project
        try:
            preview = excel_edits.preview(project, path)
        except USER_ERRORS as exc:  # WorkbookRefused, EditsRefused, a file that cannot be read
            self.ctx.runner.show_error(error_text(exc))
            return None
        self.edits_dialog = EditsDialog(preview, lambda: self.apply_edits(path),
                                        parent=self.ctx.window)
        self.edits_dialog.show()
        return self.edits_dialog

    def apply_edits(self, path: Path) -> Changes | None:
        """One operation through the runner (published, and undoable with Ctrl+Z); a
        refusal is shown in the dialog. None: nothing was applied."""
        from desktop.services.ops.edits import ApplyEdits

        dialog = self.edits_dialog
        refused = dialog.message.setText if dialog is not None else None
        outcome = self.ctx.runner.run(ApplyEdits(str(path)), self.tr("Import edits"), refused)
        return outcome.changes if outcome is not None else None


def install(ctx: FeatureContext) -> ExcelFeature:
    return ExcelFeature(ctx)
