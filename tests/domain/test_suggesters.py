"""Suggesters on sample sentences (GUIDELINES.md rules)."""

from __future__ import annotations

import json

import pytest

from desktop.domain.suggesters import RULES_VERSION, suggest
from desktop.domain.suggestion import ReportContext
from tests.conftest import no_hang

CTX = ReportContext(region="湖南", year=2026)


def spans(text: str, kind: str, ctx: ReportContext = CTX) -> list[str]:
    return [s.text for s in suggest(text, ctx, kinds=(kind,))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("地区生产总值增长5.3%。", ["增长5.3%"]),
        ("分别增长6.5%和7%。", ["增长6.5%", "7%"]),
        ("总量达950.2万户。", ["950.2万户"]),
        ("高新技术企业超3.2万家。", ["3.2万家"]),
        ("增长20%以上。", ["增长20%以上"]),
        ("增长5%—5.5%。", ["增长5%—5.5%"]),
        ("前三季度，湖南工业经济增长**7.8%**，居全国第**10**。", ["7.8%"]),
        ("分别增长**9.7%**和**9.8%**。", ["9.7%", "9.8%"]),
        ("两届广交会，开展四轮督导，十个方面。", []),
        ("升级组建超百亿元的基金，减税超千亿元。", ["百亿元", "千亿元"]),
        ("占全国9成，近五成。", ["9成", "五成"]),
        ("连续37年居首位，未来三年，提前两个月。", []),
        ("济宁4大机器人产业基地，新增2家千亿级园区。", ["2家"]),
        ("分别达1409万、1305万人次。", ["1409万", "1305万人次"]),
        ("抵离口岸的交通工具达2813.8万辆（艘、架、列）次。", ["2813.8万辆（艘、架、列）次"]),
        ("国内首款100%国产芯片智能汽车。", ["100%"]),
        ("减量7平方公里，较上年增长超50%，涨幅2%左右。", ["7平方公里", "50%", "2%左右"]),
        ("控制在5.5%左右。", ["5.5%左右"]),
        ("13号线、12英寸产线、昇腾384、T8、4K、365展贸网、5G工厂、PM2.5。", []),
        ("“民营经济30条”“15条”《流浪地球3》第8.5代面板线。", []),
        ("约占全国1/10，1/3以上。", ["1/10", "1/3以上"]),
        ("3万余场次，50余场，300多场。", ["3万余场次", "50余场", "300多场"]),
        ("2025年1—10月，全省2个百分点以上。", ["2个百分点以上"]),
        ("发布第三批78个人工智能应用场景。", ["78个"]),
        ("惠及千家万户，赋能千行百业。", []),
    ],
)
def test_metrics(text: str, expected: list[str]) -> None:
    assert spans(text, "metric") == expected


def test_metric_fields() -> None:
    text = "1—10月，广东规上工业企业实现营业收入**17.3万亿元**，同比增长5%左右。"
    found = suggest(text, ReportContext(region="广东", year=2025), kinds=("metric",))
    first, second = found
    assert first.text == "17.3万亿元"
    assert first.fields["value"] == "17.3"
    assert first.fields["unit"] == "万亿元"
    assert first.fields["normalized_value"] == "17300000000000"
    assert first.fields["normalized_unit"] == "元"
    assert first.fields["period_start"] == "2025-01"
    assert first.fields["period_end"] == "2025-10"
    assert first.fields["region"] == "广东"
    assert "营业收入" in first.fields["indicator"]
    assert second.fields["direction"] == 1
    assert second.fields["qualifier"] == "左右"
    assert second.fields["comparison"] == "同比"
    json.dumps([s.fields for s in found])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("深入实施“十大行动”。", ["“十大行动”"]),
        ("持续深化“智赋万企”行动。", ["“智赋万企”行动"]),
        ("深化实施公共资源“一网交易”改革三年行动。", ["“一网交易”改革三年行动"]),
        ("用好国家“两重”“两新”政策资金。", ["“两重”", "“两新”"]),
        ("开展“以旧换新”等促消费活动。", ["“以旧换新”"]),
        ("与共建“一带一路”国家合作。", ["“一带一路”"]),
        ("持续推进“金芙蓉”跃升行动。", ["“金芙蓉”"]),
        ("实施提振消费专项行动。", ["提振消费专项行动"]),
        ("实施新一轮园区土地利用专项清理行动。", ["园区土地利用专项清理行动"]),
        ("东莞入选第二批国家制造业新型技术改造城市试点。", ["国家制造业新型技术改造城市试点"]),
        ("推动20个项目入围工信部算力强基揭榜行动名单。", ["算力强基揭榜行动"]),
        ("打造支部联工业大县、党建协作机制等品牌。", ["支部联工业大县", "党建协作机制"]),
        ("编印《惠企政策口袋书》。", ["《惠企政策口袋书》"]),
        ("坚持“两个毫不动摇”，推行“揭榜挂帅”“赛马制”。", []),
        ("推动更多企业“小升规”，推动“应用场景”变为“产业风景”。", []),
        ("推进能源“源网荷储”一体工程、算力“四网融合”工程等“十大基础设施项目”建设。", ["“十大基础设施项目”"]),
        ("办好新春消费季、“五五购物节”等扩消费活动。", []),
        ("完成年度投资计划，探索编制全口径政府投资计划。", []),
        ("全力推进“1+1+N”具身智能训练场体系建设。", []),
        ("观看《流浪地球3》。", []),
        ("实施优化营商环境2026年行动方案。", []),
        ("加快推进TCL华星T8、T9等重大项目建设。", []),
    ],
)
def test_programs(text: str, expected: list[str]) -> None:
    assert spans(text, "program") == expected


def test_program_fields() -> None:
    (found,) = suggest("持续深化“智赋万企”行动。", CTX, kinds=("program",))
    assert found.fields == {"name": "智赋万企行动", "category": "行动"}
    assert found.rule == "program.quoted_type"


PLAN = (
    "今年主要预期目标是：地区生产总值增长5%左右，在实际工作中努力争取更好结果；"
    "居民收入增速高于经济增速。\n"
    "大力培育商贸企业，力争新增限额以上批零住餐企业1000家以上；推动强链壮群。"
)


def test_targets_in_plan() -> None:
    assert spans(PLAN, "target") == [
        "地区生产总值增长5%左右",
        "居民收入增速高于经济增速",
        "力争新增限额以上批零住餐企业1000家以上",
    ]


def test_target_fields() -> None:
    # a report looking back on 2025 plans 2026
    found = suggest(PLAN, ReportContext(region="湖南", year=2025), kinds=("target",))
    assert found[0].fields["year"] == 2026
    assert found[0].fields["value"] == "5"
    assert found[0].fields["unit"] == "%"
    assert found[0].fields["statement"] == "地区生产总值增长5%左右"


def test_no_targets_in_review() -> None:
    text = "2025年重点工作\n全省规上工业企业实现营业收入17.3万亿元。预计未来三年将新增产值超300亿元。"
    assert spans(text, "target") == []


def test_goal_cue_outside_plan() -> None:
    assert spans("到2027年，力争规上工业增加值增长6%左右。", "target") == ["力争规上工业增加值增长6%左右"]


def test_suggestions_are_consistent() -> None:
    text = PLAN + "实施提振消费专项行动。"
    found = suggest(text, CTX)
    assert found == sorted(found, key=lambda s: (s.start, s.end, ("metric", "program", "target").index(s.kind)))
    for s in found:
        assert text[s.start : s.end] == s.text
        assert s.rule.startswith(s.kind + ".")
    json.dumps([s.fields for s in found])
    assert RULES_VERSION


def test_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown"):
        suggest("x", CTX, kinds=("nope",))


@pytest.mark.parametrize(
    "piece",
    ["1", "1,", "一二三四五六七八九十", "三分", "实施行动", "“", "“a”等", "等活动", "主要目标是：",
     "工作思路\n", "**1**", "第1个、", "百分之", "《", "1—", "1月", "实施提振消费专项行动增长5%"],
)
def test_pathological_input_does_not_hang(piece: str) -> None:
    text = piece * (20000 // len(piece))
    with no_hang():
        suggest(text, CTX)
