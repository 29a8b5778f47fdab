"""Names the window shows for data-defined things (kinds, fields, origins, history
actions, link types, field types) in the window's language. Kinds and fields carry both
names as data (Metric / 指标); the Chinese window shows the Chinese one, the English
window the English one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.states import HistoryAction


def chinese() -> bool:
    """Whether the window speaks Chinese (the installed translation says so)."""
    return QCoreApplication.translate("Language", "en") == "zh_CN"


def pick(english: str, chinese_name: str) -> str:
    """A data-defined name in the window's language (the other when one is missing)."""
    if chinese():
        return chinese_name or english
    return english or chinese_name


def origin_label(origin: str) -> str:
    """manual · suggestion:RULE · merged … as the window names them."""
    head, _, rule = origin.partition(":")
    labels = {
        "manual": QCoreApplication.translate("Origin", "by hand"),
        "suggestion": QCoreApplication.translate("Origin", "suggestion"),
        "merged": QCoreApplication.translate("Origin", "merged"),
        "excel": QCoreApplication.translate("Origin", "workbook"),
        "review": QCoreApplication.translate("Origin", "review"),
        "adjudicated (picked)": QCoreApplication.translate("Origin", "adjudicated"),
        "adjudicated (combined)": QCoreApplication.translate("Origin", "adjudicated"),
        "adjudicated (own)": QCoreApplication.translate("Origin", "adjudicated"),
    }
    if head == "learned":
        return QCoreApplication.translate("Origin", "learned suggestion")
    label = labels.get(head.strip(), head)
    return f"{label} · {rule}" if rule and head == "suggestion" else label


def suggestion_source(rule: str, confidence: float | None) -> str:
    """Where a suggestion comes from, with the learned model's confidence where there is
    one (a learned suggestion's rule is learned:KIND)."""
    if rule.startswith("learned:"):
        return QCoreApplication.translate(
            "Suggestion", "Learned from this project's tags · confidence %1%").replace(
            "%1", str(round((confidence or 0.0) * 100)))
    text = QCoreApplication.translate("Suggestion", "Suggestion (%1)").replace("%1", rule)
    if confidence is None:
        return text
    return text + " · " + QCoreApplication.translate(
        "Suggestion", "model confidence %1%").replace("%1", str(round(confidence * 100)))


def action_label(action: str) -> str:
    """A history entry's action as the window names it (desktop/domain/states.py's
    HistoryAction; an entry older versions wrote, such as a review with its comment cut
    into the action, by the action it begins with)."""
    first, _, rest = action.partition(" ")
    if first in ("linked", "unlinked"):
        verb = (QCoreApplication.translate("History", "linked") if first == "linked"
                else QCoreApplication.translate("History", "unlinked"))
        return f"{verb} {link_label(rest)}".strip()
    adjudicated = QCoreApplication.translate("History", "adjudicated")
    labels: dict[str, str] = {
        HistoryAction.CREATED: QCoreApplication.translate("History", "created"),
        HistoryAction.CREATED_CORRECTION: QCoreApplication.translate("History", "created (correction)"),
        HistoryAction.EDITED: QCoreApplication.translate("History", "edited"),
        HistoryAction.RESIZED: QCoreApplication.translate("History", "resized"),
        HistoryAction.DELETED: QCoreApplication.translate("History", "deleted"),
        HistoryAction.RESTORED: QCoreApplication.translate("History", "restored"),
        HistoryAction.REVERTED: QCoreApplication.translate("History", "reverted"),
        HistoryAction.KIND_CHANGED: QCoreApplication.translate("History", "kind changed"),
        HistoryAction.EXCEL_EDIT: QCoreApplication.translate("History", "edited in a workbook"),
        HistoryAction.PROGRAM_RELINKED: QCoreApplication.translate("History", "program relinked"),
        HistoryAction.REVIEWED_ACCEPT: QCoreApplication.translate("History", "accepted"),
        HistoryAction.REVIEWED_REJECT: QCoreApplication.translate("History", "rejected"),
        HistoryAction.REVIEWED_CORRECT: QCoreApplication.translate("History", "corrected"),
        HistoryAction.REVIEWED_COMMENT: QCoreApplication.translate("History", "commented"),
        HistoryAction.ADJUDICATED_PICKED: adjudicated,
        HistoryAction.ADJUDICATED_COMBINED: adjudicated,
        HistoryAction.ADJUDICATED_OWN: adjudicated,
        HistoryAction.MERGED_OTHER: QCoreApplication.translate("History", "merged: the other version"),
        HistoryAction.MERGED_NEWER_KEPT: QCoreApplication.translate("History", "merged: the newer version kept"),
        HistoryAction.UNDONE: QCoreApplication.translate("History", "undone"),
        HistoryAction.REVIEW_WITHDRAWN: QCoreApplication.translate("History", "review withdrawn"),
    }
    label = labels.get(action)
    if label is not None:
        return label
    begins = next((a for a in sorted(labels, key=len, reverse=True) if action.startswith(a)), None)
    return labels[begins] if begins is not None else action


def link_label(link_type: str) -> str:
    return {
        "program": QCoreApplication.translate("Link", "program"),
        "part": QCoreApplication.translate("Link", "same record"),
        "corrects": QCoreApplication.translate("Link", "corrects"),
        "adjudicates": QCoreApplication.translate("Link", "adjudicates"),
    }.get(link_type, link_type)


def field_type_label(field_type: str) -> str:
    return {
        "text": QCoreApplication.translate("FieldType", "text"),
        "number": QCoreApplication.translate("FieldType", "number"),
        "choice": QCoreApplication.translate("FieldType", "choice"),
        "period": QCoreApplication.translate("FieldType", "period"),
        "reference": QCoreApplication.translate("FieldType", "reference"),
    }.get(field_type, field_type)
