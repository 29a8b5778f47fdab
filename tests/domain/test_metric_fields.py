"""The fields of suggested rows (docs/fields.md), one construction per test.

The sentences are written for these tests in the style of other provinces' reports,
not taken from the development set, so that they check the rule and not a tuning.
"""

from __future__ import annotations

import pytest

from desktop.domain.report_context import infer_region, infer_year
from desktop.domain.report_text import parse_reports
from desktop.domain.suggesters import suggest
from desktop.domain.suggesters.sections import passages
from desktop.domain.suggestion import ReportContext

REVIEW_2025 = ReportContext(region="江西", year=2025)


def metric_fields(text: str, context: ReportContext = REVIEW_2025) -> dict[str, dict[str, object]]:
    return {s.text: s.fields for s in suggest(text, context, kinds=("metric",))}


# --- report context --------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "agency", "name", "text", "region"),
    [
        ("2026年四川省政府工作报告", "", "", "全省地区生产总值增长5.6%。", "四川"),
        ("", "江西省工业和信息化厅", "", "全省新增…", "江西"),
        ("今年主要预期目标是：地区生产总值增长5%左右", "", "jiangxi_2026_plan", "全省…", "江西"),
        ("", "", "shaanxi-2025", "…", "陕西"),
        ("", "", "report", "四川省…四川…重庆…", "四川"),
        ("", "", "notes", "全省工业增长6%。", ""),
    ],
)
def test_region_from_title_agency_name_or_text(
    title: str, agency: str, name: str, text: str, region: str
) -> None:
    assert infer_region(title, agency, text, name) == region


@pytest.mark.parametrize(
    ("title", "name", "text", "headings", "year"),
    [
        # a work report delivered in 2026 looks back on 2025
        ("2026年四川省政府工作报告", "", "过去一年，全省…", [], 2025),
        ("", "sichuan_2026_review", "二是推动经济稳中向好。地区生产总值增长5.6%。", [], 2025),
        # a year-end article speaks of months of the year under way
        ("", "jiangxi_2025_industry", "1—11月，全省规上工业增加值增长7.1%。", [], 2025),
        # a heading planning 2026 means the article reviews 2025
        ("", "", "……", ["2026年工作思路"], 2025),
        # no name: the year the text names most, a work report's text looks back a year
        ("", "", "2025年全省…2025年…", [], 2025),
        ("", "", "今年主要预期目标是：2026年…，到2030年…", [], 2025),
    ],
)
def test_year_looked_back_on(
    title: str, name: str, text: str, headings: list[str], year: int
) -> None:
    assert infer_year(title, text, headings, name) == year


def test_imported_excerpt_takes_place_and_year_from_its_file_name() -> None:
    (report,) = parse_reports("今年主要预期目标是：全省生产总值增长5%左右。", fallback_title="jiangxi_2026_plan")
    assert (report.region, report.year) == ("江西", 2025)


# --- passages ---------------------------------------------------------------------


def test_review_with_goal_words_yields_no_target_and_does_not_open_a_plan() -> None:
    text = (
        "过去一年，我们完成全年主要目标任务，全省规上工业增加值增长6.2%。\n"
        "全省新增专精特新企业320家，力争上游的势头已经形成。\n"
        "今年主要预期目标是：地区生产总值增长5%左右；城镇新增就业45万人以上。\n"
        "（一）加快建设现代化产业体系。实施产业链提升行动，力争新增规上工业企业1000家以上。"
    )
    found = suggest(text, REVIEW_2025, kinds=("target",))
    texts = [s.text for s in found]
    assert "地区生产总值增长5%左右" in texts
    assert "城镇新增就业45万人以上" in texts
    # targets in the task section after the list are found too
    assert "力争新增规上工业企业1000家以上" in texts
    # nothing from the review paragraphs
    assert all(s.start > text.index("今年主要预期目标") for s in found)
    kinds = [(p.kind, p.year) for p in passages(text, REVIEW_2025)]
    assert kinds[0] == ("review", 2025) and kinds[-1] == ("plan", 2026)


def test_target_fields_year_indicator_value_and_program() -> None:
    text = "今年要重点做好以下工作。深入实施数字赋能行动，力争数字经济核心产业营收增长12%以上。到2028年，全省光伏装机容量达到3000万千瓦。"
    found = {s.text: s.fields for s in suggest(text, REVIEW_2025, kinds=("target", "program"))}
    first = found["力争数字经济核心产业营收增长12%以上"]
    assert (first["year"], first["indicator"], first["value"], first["unit"]) == (
        2026, "数字经济核心产业营收", "12", "%")
    second = found["全省光伏装机容量达到3000万千瓦"]
    assert (second["year"], second["value"], second["unit"]) == (2028, "3000", "万千瓦")


def test_qualitative_list_item_takes_its_first_goal_object() -> None:
    text = "主要预期目标是：居民人均可支配收入增长与经济增长同步；全面完成国家下达的能耗双控和污染减排目标。"
    found = {s.text: s.fields for s in suggest(text, REVIEW_2025, kinds=("target",))}
    assert found["居民人均可支配收入增长与经济增长同步"]["indicator"] == "居民人均可支配收入"
    assert found["全面完成国家下达的能耗双控和污染减排目标"]["indicator"] == "能耗双控"


# --- metric indicators --------------------------------------------------------------


def test_subject_verb_figure_and_continued_subject() -> None:
    f = metric_fields("全省社会消费品零售总额达1.3万亿元、增长4.6%。")
    assert f["1.3万亿元"]["indicator"] == "社会消费品零售总额"
    assert f["增长4.6%"]["indicator"] == "社会消费品零售总额"
    assert (f["增长4.6%"]["direction"], f["1.3万亿元"]["direction"]) == (1, 0)


def test_attribute_takes_the_owner_of_its_clause() -> None:
    f = metric_fields("规模以上工业企业实现营业收入4.2万亿元、利润2100亿元。")
    assert f["2100亿元"]["indicator"] == "规模以上工业企业利润"


def test_counted_noun_after_the_count() -> None:
    f = metric_fields("新培育省级专精特新中小企业860家，认定42家省级智能制造标杆企业。")
    assert f["860家"]["indicator"] == "省级专精特新中小企业"
    assert f["42家"]["indicator"] == "省级智能制造标杆企业"


def test_generic_noun_keeps_its_predicate() -> None:
    f = metric_fields("全年有18个项目入选国家先进制造业集群培育名单。")
    assert f["18个"]["indicator"] == "入选国家先进制造业集群培育名单项目"


def test_respectively_distributes_subjects_and_the_shared_head() -> None:
    f = metric_fields("1—10月，全省电子信息、装备制造产业营收分别增长11.2%和8.4%。")
    assert f["增长11.2%"]["indicator"] == "电子信息产业营收"
    assert f["8.4%"]["indicator"] == "装备制造产业营收"
    assert f["8.4%"]["direction"] == 1  # the list's verb governs every item
    assert f["8.4%"]["period"] == "2025-01..2025-10"


def test_level_modifiers_share_the_last_items_head() -> None:
    f = metric_fields("全省新增3家国家级、25家省级绿色工业园区。")
    assert f["3家"]["indicator"] == "国家级绿色工业园区"
    assert f["25家"]["indicator"] == "省级绿色工业园区"
    assert f["3家"]["direction"] == 1  # 新增 leads: the figures are increments


def test_share_of_a_whole() -> None:
    f = metric_fields("全省锂电池产量增长21%、占全国3成。")
    assert f["3成"]["indicator"] == "锂电池产量占全国比重"


def test_entity_list_gives_each_figure_its_place() -> None:
    f = metric_fields("南昌、赣州机场旅客吞吐量分别达1520万、690万人次。")
    assert (f["1520万"]["region"], f["690万人次"]["region"]) == ("南昌", "赣州")
    assert f["1520万"]["indicator"] == "机场旅客吞吐量"
    assert f["1520万"]["unit"] == "万人次"  # the shared unit is supplied


# --- periods ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "period"),
    [
        ("前三季度，全省工业投资增长9.1%，民间投资增长3.2%。", "增长3.2%", "2025-01..2025-09"),
        ("截至11月末，全省累计建成充电桩12.6万个。", "12.6万个", "2025-11..2025-11"),
        ("全省高新技术企业达1.4万家。", "1.4万家", "2025-01..2025-12"),
        ("预计未来三年带动投资超500亿元。", "500亿元", "2026-01..2028-12"),
        ("8月份开通以来，已服务企业3200家。", "3200家", "2025-08..2025-12"),
        ("出口较上年增长7%。", "增长7%", "2025-01..2025-12"),
    ],
)
def test_period_of_a_review_figure(text: str, span: str, period: str) -> None:
    assert metric_fields(text)[span]["period"] == period


def test_plan_passage_dates_its_figures_by_the_plan_year() -> None:
    text = "2025年，全省粮食产量432亿斤。\n2026年工作思路\n全年新增规上工业企业800家。"
    f = metric_fields(text)
    assert f["432亿斤"]["period"] == "2025-01..2025-12"
    assert f["800家"]["period"] == "2026-01..2026-12"


def test_level_verbs_give_no_direction() -> None:
    f = metric_fields("国际航线增至86条，低效用地减量12平方公里。")
    assert f["86条"]["direction"] == 0
    assert f["12平方公里"]["direction"] == -1


def test_plan_stays_a_plan_when_a_task_mentions_what_exists() -> None:
    text = (
        "今年要重点做好以下工作。\n"
        "（二）壮大先进制造业集群。我省已形成电子信息等优势产业。\n"
        "实施产业链攻坚行动，新增国家级专精特新企业80家。"
    )
    found = [s.text for s in suggest(text, REVIEW_2025, kinds=("target",))]
    assert found == ["新增国家级专精特新企业80家"]


def test_generic_noun_with_a_subject_and_a_predicate() -> None:
    f = metric_fields("推动省级以上开发区11个地市全覆盖，全省有效发明专利拥有量达9.6万件。")
    assert f["11个"]["indicator"] == "省级以上开发区覆盖地市"
    assert f["9.6万件"]["indicator"] == "有效发明专利拥有量"


def test_review_stays_a_review_when_a_sentence_says_what_will_follow() -> None:
    text = (
        "全省规上工业增加值增长6.8%，增速居全国前列。"
        "省级财政将12亿元资金用于技术改造，带动投资超300亿元。"
        "新能源汽车产量增长21.5%。"
    )
    assert suggest(text, REVIEW_2025, kinds=("target",)) == []
    assert metric_fields(text)["300亿元"]["period"] == "2025-01..2025-12"


def test_excerpt_opening_with_tasks_is_a_plan() -> None:
    text = (
        "（四）加快建设现代化产业体系。要坚持把发展经济的着力点放在实体经济上，力争规上工业增加值增长6%。"
        "实施技术改造提升工程，完成工业投资1800亿元。"
    )
    found = [s.text for s in suggest(text, REVIEW_2025, kinds=("target",))]
    assert found == ["力争规上工业增加值增长6%", "完成工业投资1800亿元"]


def test_next_clause_attribute_comparison_and_duration() -> None:
    f = metric_fields(
        "新开工亿元以上项目860个，完成投资2100亿元。地区生产总值增长5.6%，高于全国0.6个百分点。"
        "粮食产量达432亿斤，连续12年稳定在430亿斤以上。合同金额9亿元，预计新增产值超50亿元。"
    )
    assert f["2100亿元"]["indicator"] == "项目投资"  # the attribute of the things counted
    assert f["0.6个百分点"]["indicator"] == "地区生产总值高于全国"
    assert f["430亿斤以上"]["indicator"] == "粮食产量"  # 连续12年 is a duration
    assert f["50亿元"]["indicator"] == "产值"  # not the money figure's subject


def test_statistical_bulletin_sentences() -> None:
    f = metric_fields(
        "全年全省地区生产总值6.1万亿元，按可比价格计算，比上年增长5.4%。其中，第一产业增加值5200亿元，增长3.1%。"
        "年末全省常住人口4500万人，比上年末减少6万人。宜春市地区生产总值3800亿元，增长6.1%。"
    )
    assert f["5200亿元"]["direction"] == 0  # 增加值 is a noun, not 增加
    assert f["增长5.4%"]["period"] == "2025-01..2025-12"  # 比上年 is the base, not the period
    assert (f["4500万人"]["indicator"], f["4500万人"]["period"]) == ("常住人口", "2025-12..2025-12")
    assert (f["减少6万人"]["indicator"], f["减少6万人"]["direction"]) == ("常住人口", -1)
    assert (f["3800亿元"]["indicator"], f["3800亿元"]["region"]) == ("地区生产总值", "宜春市")
    assert f["增长6.1%"]["region"] == "宜春市"  # the next figure of the same subject
    assert f["增长3.1%"]["region"] == "江西"


def test_plan_sentence_with_a_city_a_goal_word_and_an_annual_average() -> None:
    plan = "今年主要预期目标是：地区生产总值增长5.5%左右。“十五五”时期，全省经济年均增长5%左右。杭州市地区生产总值力争突破2.3万亿元。"
    f = metric_fields(plan)
    assert (f["增长5%左右"]["indicator"], f["增长5%左右"]["period"]) == ("经济", "2026-01..2030-12")
    assert (f["2.3万亿元"]["indicator"], f["2.3万亿元"]["region"]) == ("地区生产总值", "杭州市")
    targets = {s.text: s.fields for s in suggest(plan, REVIEW_2025, kinds=("target",))}
    assert targets["全省经济年均增长5%左右"]["year"] == 2030


def test_a_first_sentence_is_not_a_title() -> None:
    # an excerpt with no title line: its first sentence names the year it reviews
    (report,) = parse_reports(
        "2025年，全省地区生产总值增长5.8%。规上工业增加值增长7%。", fallback_title="jiangxi_2026_review"
    )
    assert report.year == 2025
    # the file name's year counts, not a year in a first sentence taken for a title
    sentence = "2026年，全省将推进新型工业化，力争规上工业增加值增长6%。主要预期目标是：增长5%。"
    assert infer_year(sentence, sentence, [], "hunan_2026_plan") == 2025


def test_a_plan_titled_with_its_year_plans_that_year() -> None:
    (report,) = parse_reports("2026年工作要点\n\n江西省人民政府\n\n2026年，力争全省地区生产总值增长5.5%左右。")
    assert report.year == 2025
    context = ReportContext(region=report.region, year=report.year)
    (target,) = suggest(report.text, context, kinds=("target",))
    assert (target.text, target.fields["year"]) == ("力争全省地区生产总值增长5.5%左右", 2026)
