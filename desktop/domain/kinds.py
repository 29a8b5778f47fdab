"""Tag kinds and their typed fields. Kinds are data in the project; these are the
defaults a new project starts with (docs/design.md, "What they tag")."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.domain.states import TagStatus

FIELD_TYPES = ("text", "number", "choice", "period", "reference")


@dataclass(frozen=True, slots=True)
class FieldDef:
    key: str
    label: str
    label_zh: str
    type: str = "text"
    choices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class KindDef:
    key: str
    name: str
    name_zh: str
    colour: str
    shortcut: str
    fields: tuple[FieldDef, ...] = field(default_factory=tuple)


DEFAULT_KINDS: tuple[KindDef, ...] = (
    KindDef(
        "metric", "Metric", "指标", "#2f6fd6", "1",
        (
            FieldDef("indicator", "Indicator", "指标名称"),
            FieldDef("value", "Value", "数值", "number"),
            FieldDef("unit", "Unit", "单位"),
            FieldDef("period", "Period", "时期", "period"),
            FieldDef("region", "Region", "地区"),
            FieldDef("comparison", "Comparison", "比较", "choice", ("", "同比", "环比", "排名", "累计")),
        ),
    ),
    KindDef(
        "program", "Program", "举措", "#1f9d55", "2",
        (
            FieldDef("name", "Canonical name", "规范名称"),
            FieldDef(
                "category", "Category", "类别", "choice",
                ("", "行动", "工程", "计划", "活动", "平台", "基金", "政策文件", "试点", "改革", "项目", "其他"),
            ),
            FieldDef("level", "Level", "层级", "choice", ("", "国家", "省", "市", "县")),
            FieldDef("lead_body", "Lead body", "牵头单位"),
        ),
    ),
    KindDef(
        "target", "Target", "目标", "#d9822b", "3",
        (
            FieldDef("year", "Target year", "目标年份", "number"),
            FieldDef("indicator", "Indicator", "指标名称"),
            FieldDef("value", "Value", "数值", "number"),
            FieldDef("unit", "Unit", "单位"),
            FieldDef("statement", "Statement", "表述"),
            FieldDef("program", "Linked program", "关联举措", "reference"),
        ),
    ),
)

TAG_STATUSES: tuple[str, ...] = tuple(TagStatus)  # in the order filters list them
