"""The words a workbook is written in: 简体中文 or English, as the window speaks.

A workbook is data, not a widget, so its words are not Qt translations: they live here,
one pair per word, and `import-edits` reads a workbook in either language (a status or
direction typed in English into a Chinese workbook is understood too).
"""

from __future__ import annotations

import os

from desktop.domain.states import TagStatus, Verdict


def workbook_lang(requested: str | None = None) -> str:
    """"zh_CN" or "en": the language asked for, else REPORTMARK_LANG or the locale."""
    text = requested or os.environ.get("REPORTMARK_LANG") or os.environ.get("LANG") or ""
    return "zh_CN" if text.lower().startswith("zh") else "en"


# Column headers by column key (fields take their label from the kind schema).
_HEADERS: dict[str, tuple[str, str]] = {  # key: (zh_CN, en)
    "tag_id": ("标签ID", "Tag ID"),
    "report": ("报告", "Report"),
    "region": ("报告地区", "Report region"),
    "agency": ("发布机构", "Agency"),
    "year": ("报告年份", "Report year"),
    "text": ("标注文字", "Tagged text"),
    "sentence": ("原句", "Sentence"),
    "norm_value": ("标准化数值", "Normalised value"),
    "norm_unit": ("标准化单位", "Normalised unit"),
    "note": ("备注", "Note"),
    "author": ("标注人", "Author"),
    "origin": ("来源", "Origin"),
    "status": ("状态", "Status"),
    "reviewer": ("审核人", "Reviewer"),
    "verdict": ("审核结论", "Verdict"),
    "review_comment": ("审核意见", "Review comment"),
    "created": ("创建时间", "Created"),
    "updated": ("更新时间", "Updated"),
    "version": ("版本", "Version"),
    "checksum": ("校验", "Checksum"),
    # fields the suggesters fill beside a value (docs/fields.md), shown even when the kind's
    # schema does not list them
    "direction": ("方向", "Direction"),
    "qualifier": ("限定词", "Qualifier"),
    "value_high": ("区间上限", "Range end"),
}

# Words used on the Reports, Summary and Charts sheets and in print footers.
_WORDS: dict[str, tuple[str, str]] = {
    "Reports": ("报告", "Reports"),
    "Summary": ("汇总", "Summary"),
    "Charts": ("图表", "Charts"),
    "Report ID": ("报告ID", "Report ID"),
    "Title": ("标题", "Title"),
    "Agency": ("发布机构", "Agency"),
    "Region": ("地区", "Region"),
    "Year": ("年份", "Year"),
    "Published": ("发布日期", "Published"),
    "Source file": ("源文件", "Source file"),
    "Characters": ("字数", "Characters"),
    "Total": ("合计", "Total"),
    "Tags per report and kind": ("各报告各类标签数", "Tags per report and kind"),
    "Metric values by indicator × region × period":
        ("指标数值（指标 × 地区 × 时期）", "Metric values by indicator × region × period"),
    "Indicator": ("指标名称", "Indicator"),
    "Period": ("时期", "Period"),
    "Period start": ("时期起", "Period start"),
    "Period end": ("时期止", "Period end"),
    "Value": ("数值", "Value"),
    "Unit": ("单位", "Unit"),
    "Direction": ("方向", "Direction"),
    "Tags": ("标签数", "Tags"),
    "Conflict": ("冲突", "Conflict"),
    "conflict: see below": ("数值不一致，见下方冲突表", "values differ: see the conflicts below"),
    "Conflicting values": ("数值冲突（同一指标、地区、时期有不同数值）",
                           "Conflicting values (one indicator, region and period, different values)"),
    "Tag IDs": ("标签ID", "Tag IDs"),
    "Tagged text": ("标注文字", "Tagged text"),
    "Report": ("报告", "Report"),
    "more rows not shown": ("更多行未列出", "more rows not shown"),
    "No indicator has values for two or more regions or periods.":
        ("没有指标在两个及以上地区或时期有数值。",
         "No indicator has values for two or more regions or periods."),
    "more charts not drawn": ("个图表未绘制（仅绘制数据点最多的图表）",
                              "more charts not drawn (the ones with most points are drawn)"),
    "Exported": ("导出于", "Exported"),
    "Page": ("第", "Page"),
    "Not in the list": ("不在列表中", "Not in the list"),
    "Choose a value from the list.": ("请从下拉列表中选择。", "Choose a value from the list."),
}

# Choice values a cell shows for what the project stores.
_STATUS = {TagStatus.OPEN: ("待审", "open"), TagStatus.ACCEPTED: ("已采纳", "accepted"),
           TagStatus.REJECTED: ("已拒绝", "rejected"),
           TagStatus.CORRECTED: ("已更正", "corrected")}
_VERDICT = {Verdict.ACCEPT: ("采纳", "accept"), Verdict.REJECT: ("拒绝", "reject"),
            Verdict.CORRECT: ("更正", "correct"), Verdict.COMMENT: ("评论", "comment")}
_DIRECTION = {1: ("增长", "rise"), -1: ("下降", "fall"), 0: ("水平", "level")}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "zh_CN" else pair[1]


def header(key: str, lang: str) -> str:
    return _pick(_HEADERS[key], lang)


def word(text: str, lang: str) -> str:
    return _pick(_WORDS[text], lang)


def status_labels(lang: str) -> dict[str, str]:
    """Stored status → the word a cell shows."""
    return {k: _pick(v, lang) for k, v in _STATUS.items()}


def verdict_labels(lang: str) -> dict[str, str]:
    return {k: _pick(v, lang) for k, v in _VERDICT.items()}


def direction_labels(lang: str) -> dict[int, str]:
    return {k: _pick(v, lang) for k, v in _DIRECTION.items()}


def read_status(text: str) -> str | None:
    """The stored status for a cell's text in either language (None if it is none)."""
    folded = text.strip().lower()
    for key, pair in _STATUS.items():
        if folded in (key, pair[0]):
            return key
    return None


def read_direction(text: str) -> int | None:
    """1, -1 or 0 for 增长/下降/水平, rise/fall/level or the number itself."""
    folded = text.strip().lower()
    for key, pair in _DIRECTION.items():
        if folded in (pair[0], pair[1], str(key), f"{key}.0"):
            return key
    return None
