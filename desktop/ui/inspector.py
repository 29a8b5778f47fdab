"""The inspector: the selected tag's fields as a form, its note, links, history and
warnings. Edits are emitted as signals; the controller commits each one at once.

A selected suggestion shows the fields it would fill, read-only: accepting it (Enter)
stores exactly those on the new tag."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.services.values import KindInfo, TagDetail
from desktop.ui.i18n import action_label, link_label, origin_label, pick
from desktop.ui.tag_table import status_labels
from desktop.ui.wheel import guard_wheel


class InspectorPanel(QScrollArea):
    field_edited = Signal(str, str, str)  # key, field type, typed text
    note_edited = Signal(str)
    kind_changed = Signal(str)
    revert_requested = Signal(int)  # history entry id
    link_requested = Signal(str)  # link type; the controller asks which tag
    unlink_requested = Signal(str, str)  # other tag id, link type (outgoing links only)
    link_activated = Signal(str)  # other tag id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.setWidgetResizable(True)
        self._kinds: dict[str, KindInfo] = {}
        self._detail: TagDetail | None = None
        self._editors: dict[str, QLineEdit | QComboBox] = {}
        self._types: dict[str, str] = {}
        self._form_kind: str | None = None
        # the fields the form's editors stand for: another kind with the same fields
        # reuses them (a press only sets values)
        self._form_fields: tuple[Any, ...] | None = None
        self._suggested = False  # showing a suggestion (read-only), not a tag
        body = QWidget(self)
        self.setWidget(body)
        outer = QVBoxLayout(body)

        self.empty = QLabel(self.tr("Select text and press 1, 2 or 3 to tag it;\n"
                                    "click a tag to see its fields here."), body)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("inspectorEmpty")
        outer.addWidget(self.empty)

        self.card = QWidget(body)
        card = QVBoxLayout(self.card)
        card.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.kind = QComboBox(self.card)
        self.kind.activated.connect(self._on_kind)
        head.addWidget(self.kind, 1)
        self.status = QLabel(self.card)
        self.status.setObjectName("tagStatus")
        head.addWidget(self.status)
        card.addLayout(head)
        self.quote = QLabel(self.card)
        self.quote.setWordWrap(True)
        self.quote.setObjectName("tagQuote")
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        card.addWidget(self.quote)
        self.warnings = QLabel(self.card)
        self.warnings.setObjectName("tagWarnings")
        self.warnings.setWordWrap(True)
        card.addWidget(self.warnings)

        self.fields_box = QGroupBox(self.tr("Fields"), self.card)
        self.form = QFormLayout(self.fields_box)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        card.addWidget(self.fields_box)

        self.note = QPlainTextEdit(self.card)
        self.note.setPlaceholderText(self.tr("Note"))
        self.note.setFixedHeight(64)
        self.note.installEventFilter(self)
        card.addWidget(self.note)

        self.meta = QLabel(self.card)
        self.meta.setObjectName("tagMeta")
        self.meta.setWordWrap(True)
        card.addWidget(self.meta)

        self.links_box = links_box = QGroupBox(self.tr("Links"), self.card)
        links_layout = QVBoxLayout(links_box)
        self.links = QListWidget(links_box)
        self.links.setMaximumHeight(90)
        self.links.itemDoubleClicked.connect(self._on_link_activated)
        links_layout.addWidget(self.links)
        buttons = QHBoxLayout()
        self.link_program = QPushButton(self.tr("Link to program…"), links_box)
        self.link_program.clicked.connect(lambda: self.link_requested.emit("program"))
        self.link_part = QPushButton(self.tr("Same record…"), links_box)
        self.link_part.clicked.connect(lambda: self.link_requested.emit("part"))
        self.unlink = QPushButton(self.tr("Remove link"), links_box)
        self.unlink.clicked.connect(self._on_unlink)
        for b in (self.link_program, self.link_part, self.unlink):
            buttons.addWidget(b)
        links_layout.addLayout(buttons)
        card.addWidget(links_box)

        self.history_box = history_box = QGroupBox(self.tr("History"), self.card)
        history_layout = QVBoxLayout(history_box)
        self.history = QListWidget(history_box)
        self.history.setMaximumHeight(120)
        history_layout.addWidget(self.history)
        self.revert = QPushButton(self.tr("Revert to this version"), history_box)
        self.revert.clicked.connect(self._on_revert)
        history_layout.addWidget(self.revert)
        card.addWidget(history_box)
        card.addStretch(1)
        outer.addWidget(self.card)
        guard_wheel(self)
        self.show_tag(None)

    def set_kinds(self, kinds: list[KindInfo]) -> None:
        self._kinds = {k.key: k for k in kinds}
        self._form_kind = None  # fields may have changed
        self._form_fields = None
        self.kind.clear()
        for k in kinds:
            self.kind.addItem(pick(k.name, k.name_zh), k.key)

    def detail(self) -> TagDetail | None:
        return self._detail

    def is_suggestion(self) -> bool:
        """Whether the card shows a suggestion (read-only) rather than a tag."""
        return self._suggested and self.card.isVisible()

    def show_suggestion(self, kind: str, quote: str, fields: dict[str, Any], rule: str,
                        confidence: float | None = None) -> None:
        """A suggestion's fields, read-only, as accepting it would store them; a learned
        one (rule learned:KIND) or a rule one the model scored says the confidence."""
        self._detail = None
        self._set_suggested(True)
        self.empty.setVisible(False)
        self.card.setVisible(True)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self.status.setText(self.tr("Suggestion"))
        self.quote.setText(f"“{quote}”")
        self.warnings.setVisible(False)
        self._show_form(kind, fields)
        self._set_read_only(True)
        if confidence is None and not rule.startswith("learned:"):
            self.meta.setText(self.tr("Suggested by rule %1\nEnter accepts these fields · X rejects")
                              .replace("%1", rule))
        else:
            from desktop.ui.i18n import suggestion_source

            self.meta.setText(suggestion_source(rule, confidence) + "\n"
                              + self.tr("Enter accepts these fields · X rejects"))

    def _set_suggested(self, on: bool) -> None:
        self._suggested = on
        self.kind.setEnabled(not on)
        for widget in (self.note, self.links_box, self.history_box):
            widget.setVisible(not on)

    def _set_read_only(self, on: bool) -> None:
        for editor in self._editors.values():
            if isinstance(editor, QLineEdit):
                editor.setReadOnly(on)
            else:
                editor.setEnabled(not on)

    def show_tag(self, detail: TagDetail | None) -> None:
        self._detail = detail
        self.empty.setVisible(detail is None)
        self.card.setVisible(detail is not None)
        if detail is None:
            return
        if self._suggested:
            self._set_suggested(False)
        self.kind.setCurrentIndex(max(self.kind.findData(detail.kind), 0))
        self.status.setText(status_labels(self).get(detail.status, detail.status))
        self.quote.setText(f"“{detail.quote}”")
        self.warnings.setText("\n".join(f"⚠ {w}" for w in detail.warnings))
        self.warnings.setVisible(bool(detail.warnings))
        # in place when it can: an editor may be emitting the signal that led here
        self._show_form(detail.kind, detail.fields)
        self._set_read_only(False)
        if not self.note.hasFocus():
            self.note.setPlainText(detail.note)
        self.meta.setText(self.tr("By %1 · %2\nCreated %3 · updated %4")
                          .replace("%1", detail.author).replace("%2", origin_label(detail.origin))
                          .replace("%3", detail.created_at.strftime("%Y-%m-%d %H:%M"))
                          .replace("%4", detail.updated_at.strftime("%Y-%m-%d %H:%M")))
        self.links.clear()
        for link in detail.links:
            arrow = "→" if link.outgoing else "←"
            other = self._kinds.get(link.other_kind)
            kind = pick(other.name, other.name_zh) if other else link.other_kind
            item = QListWidgetItem(f"{arrow} {link_label(link.type)}: {link.other_quote} ({kind})")
            item.setData(Qt.ItemDataRole.UserRole, (link.other_id, link.type, link.outgoing))
            self.links.addItem(item)
        self.history.clear()
        for entry in reversed(detail.history):
            item = QListWidgetItem(
                f"{entry.at:%m-%d %H:%M:%S}  {entry.analyst}  {action_label(entry.action)}")
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setToolTip(self._state_summary(entry.state))
            self.history.addItem(item)

    def _state_summary(self, state: dict[str, object]) -> str:
        """A past version as a tooltip: kind and quote, then each field by its label."""
        fields = state.get("fields") or {}
        assert isinstance(fields, dict)
        kind = self._kinds.get(str(state.get("kind")))
        labels = {f.key: pick(f.label, f.label_zh) for f in kind.fields} if kind else {}
        name = pick(kind.name, kind.name_zh) if kind else state.get("kind")
        lines = [f"{name}: {state.get('quote')}"]
        from desktop.domain.fieldvalues import display  # see _shown

        lines += [f"{labels.get(k, k)}: {display(v)}" for k, v in fields.items()
                  if v not in (None, "") and k in labels]
        return "\n".join(lines)

    def _shown(self, key: str, value: Any) -> str:
        """A field's value as the form shows it (a period as 2025年前三季度)."""
        # loaded when a tag's fields are first shown: it brings the number grammar,
        # which the first paint does not need
        from desktop.domain.fieldvalues import display, period_text

        return period_text(value) if self._types.get(key) == "period" else display(value)

    def _fields_of(self, kind_key: str) -> tuple[Any, ...] | None:
        kind = self._kinds.get(kind_key)
        return None if kind is None else tuple(
            (f.key, f.type, f.label, f.label_zh, tuple(f.choices)) for f in kind.fields)

    def _show_form(self, kind_key: str, fields: dict[str, Any]) -> None:
        """The form for a kind: its editors reused when the fields are the same (the
        same kind, or another with the same fields), else built anew."""
        if self._form_kind != kind_key:
            same = self._fields_of(kind_key)
            if same is None or same != self._form_fields:
                self._build_form(kind_key, fields)
                return
            self._form_kind = kind_key
        self._fill_form(fields)

    def _build_form(self, kind_key: str, fields: dict[str, Any]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self._editors.clear()
        self._types.clear()
        self._form_kind = kind_key
        self._form_fields = self._fields_of(kind_key)
        kind = self._kinds.get(kind_key)
        if kind is None:
            return
        for f in kind.fields:
            self._types[f.key] = f.type
            value = fields.get(f.key)
            editor: QLineEdit | QComboBox
            if f.type == "choice":
                editor = QComboBox(self.fields_box)
                editor.addItems(list(f.choices))
                current = self._shown("", value)
                if current and editor.findText(current) < 0:
                    editor.addItem(current)
                editor.setCurrentText(current)
                editor.activated.connect(
                    lambda _i, key=f.key, t=f.type, e=editor: self.field_edited.emit(key, t, e.currentText())
                )
            else:
                editor = QLineEdit(self._shown(f.key, value), self.fields_box)
                editor.setObjectName(f"field_{f.key}")
                if f.type == "number":
                    editor.setPlaceholderText("7.8%  ·  1.2万亿  ·  3,500")
                elif f.type == "period":
                    editor.setPlaceholderText("1—10月 · 前三季度 · 2025年")
                editor.editingFinished.connect(
                    lambda key=f.key, t=f.type, e=editor: self._on_line_edited(key, t, e)
                )
            self._editors[f.key] = editor
            self.form.addRow(pick(f.label, f.label_zh), editor)
        guard_wheel(self.fields_box)

    def _fill_form(self, fields: dict[str, Any]) -> None:
        for key, editor in self._editors.items():
            value = self._shown(key, fields.get(key))
            blocker = editor.blockSignals(True)
            if isinstance(editor, QComboBox):
                if value and editor.findText(value) < 0:
                    editor.addItem(value)
                editor.setCurrentText(value)
            elif editor.text() != value:
                editor.setText(value)
            editor.blockSignals(blocker)

    def focus_first_field(self) -> None:
        if self._editors:
            next(iter(self._editors.values())).setFocus()

    def editor(self, key: str) -> QLineEdit | QComboBox | None:
        return self._editors.get(key)

    def _on_line_edited(self, key: str, field_type: str, editor: QLineEdit) -> None:
        if self._detail is None:
            return
        if editor.text().strip() == self._shown(key, self._detail.fields.get(key)):
            return
        self.field_edited.emit(key, field_type, editor.text())

    def _on_kind(self, _index: int) -> None:
        key = self.kind.currentData()
        if self._detail is not None and key and key != self._detail.kind:
            self.kind_changed.emit(key)

    def _on_revert(self) -> None:
        item = self.history.currentItem()
        if item is not None:
            self.revert_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _on_unlink(self) -> None:
        item = self.links.currentItem()
        if item is None:
            return
        other, link_type, outgoing = item.data(Qt.ItemDataRole.UserRole)
        if outgoing:
            self.unlink_requested.emit(other, link_type)

    def _on_link_activated(self, item: QListWidgetItem) -> None:
        self.link_activated.emit(item.data(Qt.ItemDataRole.UserRole)[0])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        note = getattr(self, "note", None)
        if watched is note and event.type() == QEvent.Type.FocusOut and self._detail:
            text = self.note.toPlainText()
            if text != self._detail.note:
                self.note_edited.emit(text)
        return super().eventFilter(watched, event)
