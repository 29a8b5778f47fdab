"""Tag ▸ Tag kinds and fields…: the schema dialog, whose changes reach every view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.ui.features.context import FeatureContext

if TYPE_CHECKING:  # imported when first shown: the window does not need it to start
    from desktop.ui.schema_dialog import SchemaDialog


class SchemaFeature(QObject):
    def __init__(self, ctx: FeatureContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.dialog: SchemaDialog | None = None
        ctx.window.act_schema.triggered.connect(self.show)

    def show(self) -> SchemaDialog:
        from desktop.ui.schema_dialog import SchemaDialog

        self.dialog = SchemaDialog(self.ctx.project, self.ctx.runner.run, self.ctx.window)
        self.dialog.show()
        return self.dialog


def install(ctx: FeatureContext) -> SchemaFeature:
    return SchemaFeature(ctx)
