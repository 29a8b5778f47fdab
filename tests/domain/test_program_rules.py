"""Program rules on invented sentences (GUIDELINES §2 and §4, FIELDS §3).

The sentences are written in the style of provincial work reports but are not taken
from the development texts: each construction is checked on wording the rules were
not tuned on, with the span, the `name` field and the `category` field expected.
"""

from __future__ import annotations

import pytest

from desktop.domain.program_names import PROGRAM_CATEGORIES, program_category, program_name
from desktop.domain.suggesters import suggest
from desktop.domain.suggestion import ReportContext
from tests.conftest import no_hang

CTX = ReportContext(region="江西", year=2026)

Found = list[tuple[str, str, str]]


def programs(text: str) -> Found:
    return [(s.text, s.fields["name"], s.fields["category"]) for s in suggest(text, CTX, kinds=("program",))]


# --- names that open their clause (subject position) --------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("赣南老区共同富裕综合改革试点获国务院批复，为全省改革探路。",
         [("赣南老区共同富裕综合改革试点", "赣南老区共同富裕综合改革试点", "试点")]),
        ("乡村振兴示范带建设年活动深入实施，新建美丽乡村120个。",
         [("乡村振兴示范带建设年活动", "乡村振兴示范带建设年活动", "活动")]),
        ("一是制造业数字化转型行动全面铺开，新增智能工厂30家。",
         [("制造业数字化转型行动", "制造业数字化转型行动", "行动")]),
        ("县域商贸流通提质工程取得明显成效。", [("县域商贸流通提质工程", "县域商贸流通提质工程", "工程")]),
        ("2025年，我省营商环境优化提升行动正式启动。",
         [("营商环境优化提升行动", "营商环境优化提升行动", "行动")]),
        ("同时，数据要素市场化配置改革试点获批落地。",
         [("数据要素市场化配置改革试点", "数据要素市场化配置改革试点", "试点")]),
    ],
)
def test_subject_position(text: str, expected: Found) -> None:
    assert programs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "国家重大人才工程入选人数创新高。",  # generic, and 入选人数 is no predicate
        "各类促消费活动持续开展，专项行动取得成效。",  # generic category phrases
        "城际铁路建设工程加快推进。",  # physical construction
        "高新区扩区获国务院批复。",  # a zone: no type word
        "完成年度投资计划，重点项目建设有序推进。",  # no predicate / generic / 项目
        "省级产业发展基金正式启动。",  # a fund
        "全省招商引资活动取得成效，各项改革试点稳步推进。",  # generic
    ],
)
def test_subject_position_exclusions(text: str) -> None:
    assert programs(text) == []


# --- objects of governing verbs ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("落实农业转移人口市民化行动计划，推进基本公共服务均等化。",
         [("农业转移人口市民化行动计划", "农业转移人口市民化行动计划", "计划")]),
        ("落实好高校毕业生就业促进计划。", [("高校毕业生就业促进计划", "高校毕业生就业促进计划", "计划")]),
        ("支持赣江新区综合改革试点建设。", [("赣江新区综合改革试点", "赣江新区综合改革试点", "试点")]),
        ("加快城市更新行动，改造城中村。", [("城市更新行动", "城市更新行动", "行动")]),
        ("抓好稳岗扩就业专项行动。", [("稳岗扩就业专项行动", "稳岗扩就业专项行动", "行动")]),
        ("启动新一轮农村人居环境整治提升行动。",
         [("农村人居环境整治提升行动", "农村人居环境整治提升行动", "行动")]),
        ("组织实施中小学教师能力提升计划。", [("中小学教师能力提升计划", "中小学教师能力提升计划", "计划")]),
        ("扎实推进县域医共体建设试点。", [("县域医共体建设试点", "县域医共体建设试点", "试点")]),
        # a weak verb after a governing one belongs to the name
        ("实施金融支持民营企业专项行动。", [("金融支持民营企业专项行动", "金融支持民营企业专项行动", "行动")]),
        # 执法 is not a law: the name is kept
        ("开展规范涉企执法专项行动。", [("规范涉企执法专项行动", "规范涉企执法专项行动", "行动")]),
        # a count of sites before a specific name is left out of it
        ("发挥南昌、赣州2个跨境电商综合试点作用。", [("跨境电商综合试点", "跨境电商综合试点", "试点")]),
    ],
)
def test_governed_names(text: str, expected: Found) -> None:
    assert programs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # generic category phrases: only level, scale and broad-field words + type word
        "推荐20人入选国家重大人才工程。",
        "用好国家和省级重大人才工程。",
        "实施102项重大工程。",
        "开展促消费活动，组织开展专项行动。",
        "落实政府投资计划。",
        # zones, parks, bases, platforms, funds, organisations
        "支持企业建设省级技术创新中心。",
        "打造“智造谷”产业园。",
        "设立省级产业发展基金，推进“赣服通”平台建设。",
        # events
        "举办第三届数字经济博览会。",
        "开展新春购物季等促消费活动。",
        # physical construction
        "加快推进沿江高铁建设工程，实施城区排水管网改造工程。",
        # quoted principles and requirements
        "坚持“两山”理念，落实“四个最严”要求，做到“应保尽保”。",
        # laws named without 《》
        "开展中小企业促进法、反垄断法等执法专项行动。",
        # yearly documents and words that are not type words
        "制定优化营商环境2026年行动方案，完善稳就业工作机制。",
    ],
)
def test_exclusions(text: str) -> None:
    assert programs(text) == []


# --- names and categories of quoted and titled programmes ----------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全面推行“一件事一次办”改革。", [("“一件事一次办”改革", "一件事一次办改革", "改革")]),
        ("深化“赣商回归”工程。", [("“赣商回归”工程", "赣商回归工程", "工程")]),
        ("开展“千企万岗”系列活动。", [("“千企万岗”系列活动", "千企万岗系列活动", "活动")]),
        ("打响“诚信江西 放心消费”品牌。", [("“诚信江西 放心消费”品牌", "诚信江西 放心消费品牌", "其他")]),
        ("持续推进“绿色工厂”培育行动。", [("“绿色工厂”", "绿色工厂", "行动")]),
        ("用好“两新”政策。", [("“两新”", "两新", "其他")]),
        ("出台《关于促进民营经济发展壮大的若干措施》。",
         [("《关于促进民营经济发展壮大的若干措施》", "关于促进民营经济发展壮大的若干措施", "政策文件")]),
        ("印发《江西省“人工智能+制造”行动方案》。",
         [("《江西省“人工智能+制造”行动方案》", "江西省人工智能+制造行动方案", "政策文件")]),
    ],
)
def test_names_and_categories(text: str, expected: Found) -> None:
    assert programs(text) == expected


def test_program_name_helper() -> None:
    assert program_name("“智赋万企”行动") == "智赋万企行动"
    assert program_name("《惠民政策明白纸》") == "惠民政策明白纸"
    assert program_name("“两重”") == "两重"
    assert program_name("“好品江西 赣出精品”品牌") == "好品江西 赣出精品品牌"


@pytest.mark.parametrize(
    ("type_words", "category"),
    [("改革三年行动", "行动"), ("三年行动计划", "计划"), ("专项行动", "行动"), ("系列活动", "活动"),
     ("品牌", "其他"), ("重大工程", "工程"), ("", "")],
)
def test_program_category(type_words: str, category: str) -> None:
    assert program_category(type_words) == category
    assert category in PROGRAM_CATEGORIES


def test_categories_are_choices() -> None:
    text = "实施城乡居民增收计划，开展“千企万岗”系列活动，打造“赣企通”、惠企服务直通车等品牌，用好“两重”“两新”政策。"
    found = suggest(text, CTX, kinds=("program",))
    assert found
    assert all(s.fields["category"] in PROGRAM_CATEGORIES for s in found)


def test_ascii_quotes_give_no_broken_span() -> None:
    # ASCII quotes are not recognised as quotes: better no span than half a name
    assert programs('持续实施"千村示范、万村整治"工程。') == []


def test_long_runs_do_not_hang() -> None:
    with no_hang():
        for text in ("行动" * 50_000, "支持" * 50_000 + "试点" * 50_000, ("一是" * 10 + "专项行动获") * 5_000):
            suggest(text, CTX, kinds=("program",))
