"""The inspector: the selected tag's fields as a form, its note, links, history and
warnings. Edits are emitted as signals; the controller commits each one at once.

A selected suggestion shows the fields it would fill, read-only: accepting it (Enter)
stores exactly those on the new tag."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
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
from desktop.ui.field_form import FieldForm, shown
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
        # one form per kind, made when a tag of that kind is first shown: selecting a tag
        # of another kind shows its form, a key press builds none
        self._forms: dict[str, FieldForm] = {}
        self._form: FieldForm | None = None
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
        self._forms_layout = QVBoxLayout(self.fields_box)
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
        for form in self._forms.values():  # fields may have changed
            form.deleteLater()
        self._forms.clear()
        self._form = None
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
        if self._form is not None:
            self._form.set_read_only(on)

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
        if not self.note.hasFocus() and self.note.toPlainText() != detail.note:
            self.note.setPlainText(detail.note)  # a reset document relays itself out
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
        """A field's value as the current form shows it."""
        return self._form.shown(key, value) if self._form is not None else shown("", value)

    def _show_form(self, kind_key: str, fields: dict[str, Any]) -> None:
        """The kind's form, filled with `fields` (in place when it is shown already: an
        editor may be emitting the signal that led here)."""
        form = self._forms.get(kind_key)
        if form is None:
            kind = self._kinds.get(kind_key)
            if kind is not None:
                form = FieldForm(kind, self.field_edited.emit, self._on_line_edited,
                                 self.fields_box)
                self._forms[kind_key] = form
                self._forms_layout.addWidget(form)
        if form is not self._form:
            if self._form is not None:
                self._form.setVisible(False)
            self._form = form
            if form is not None:
                form.setVisible(True)
        if form is not None:
            form.fill(fields)

    def focus_first_field(self) -> None:
        if self._form is not None and self._form.editors:
            next(iter(self._form.editors.values())).setFocus()

    def editor(self, key: str) -> QLineEdit | QComboBox | None:
        return self._form.editors.get(key) if self._form is not None else None

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
