"""Names the window shows for data-defined things (kinds, fields, origins, history
actions, link types, field types) in the window's language. Kinds and fields carry both
names as data (Metric / 指标); the Chinese window shows the Chinese one, the English
window the English one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


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
    """A history entry's action (created, edited, linked program …)."""
    first, _, rest = action.partition(" ")
    labels = {
        "created": QCoreApplication.translate("History", "created"),
        "edited": QCoreApplication.translate("History", "edited"),
        "resized": QCoreApplication.translate("History", "resized"),
        "deleted": QCoreApplication.translate("History", "deleted"),
        "restored": QCoreApplication.translate("History", "restored"),
        "reverted": QCoreApplication.translate("History", "reverted"),
        "linked": QCoreApplication.translate("History", "linked"),
        "unlinked": QCoreApplication.translate("History", "unlinked"),
        "accepted": QCoreApplication.translate("History", "accepted"),
        "rejected": QCoreApplication.translate("History", "rejected"),
        "corrected": QCoreApplication.translate("History", "corrected"),
        "commented": QCoreApplication.translate("History", "commented"),
        "merged": QCoreApplication.translate("History", "merged"),
        "adjudicated:": QCoreApplication.translate("History", "adjudicated"),
    }
    label = labels.get(first)
    if label is None:
        return action
    return f"{label} {link_label(rest)}".strip() if first in ("linked", "unlinked") else label


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
