"""The words around a figure that are not what it measures: leading verbs, adverbs,
periods and place words, trailing level verbs and qualifiers; and the place a phrase
opens with. Word classes of how reports are written, not lists of indicator names."""

from __future__ import annotations

import re

from desktop.domain.regions import PROVINCES

__all__ = ["leads_with_new", "place_named", "strip_words"]

# Words between the measured thing and its figure: level and change verbs, qualifiers.
_TAIL_WORDS = re.compile(
    r"(?:分别|均|共|合计|总计|累计|同比|比上年|较上年|比去年|预计|达到了|达到|达|为|是|"
    r"超过|超|突破|逾|近|约|接近|增至|增加到|提升至|提升到|提高到|提高至|升至|降至|下降到|"
    r"扩展到|扩大到|实现|完成|控制在|保持在|稳定在|稳居|居|增长|提高|增加|上涨|上升|下降|"
    r"降低|下跌|减少|回落|下滑|超出|高达|仅|有|的|了|年均|力争|确保|争取|预计)$"
)
# Words a clause opens with that are not part of what is measured.
_LEAD_WORDS = re.compile(
    r"^(?:比上年末|比上年|较上年|比去年|同比|其中|此外|同时|另外|全年|全省|全市|全区|全县|"
    r"全国|我省|我市|我区|本省|本市|今年|去年|当年|"
    r"未来[一二三四五六七八九十两0-9]+年|连续[一二三四五六七八九十两0-9]+年|"
    r"将|预计|力争|确保|争取|努力|计划|已经|已|累计|共计|共|合计|总计|新增|新培育|新认定|"
    r"新引进|新开工|新建成|新建|新签约|新承接|培育|认定|建成|建设|打造|创建|组建|升级组建|"
    r"支持|推动|推进|带动|吸引|引导|组织|举办|开展|发布|实施|完成|实现|达成|达到|下达|安排|"
    r"抓好|提速|加快|全面|持续|深入|大力|着力|积极|扎实|稳步|有序|加大|加强|深化|促进|"
    r"成功|首次|先后|陆续|分别|超过|超|近|约|达|为|在|与|和|及|并|还|再|又|均|都|"
    r"[一二三四五六七八九十]是|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[.、．])"
)
# Periods at the head of a clause: 前三季度, 1—10月, 2025年, 至10月末, 上半年.
_LEAD_PERIOD = re.compile(
    r"^(?:截至|截止|至|到)?(?:20[0-9]{2}年|今年|去年|上年|明年)?(?:年末|年底|末|底)?"
    r"(?:前三季度|上半年|下半年|全年|第?[一二三四1-4]季度|[0-9０-９一二三四五六七八九十]{1,3}"
    r"(?:[—–－\-～~至到][0-9０-９一二三四五六七八九十]{1,3})?月(?:份|末|底)?)?(?:以来|来)?"
)
# Province- and city-level words for the whole of the reporting place, and the names of
# provincial-level regions (湖南工业经济 → 工业经济: the region is a field of its own).
_REGION_LEAD = re.compile(
    r"^(?:全省|全市|全区|全县|我省|我市|本省|本市|全省域|省内外|(?:"
    + "|".join(sorted(PROVINCES, key=len, reverse=True))
    + r")(?:省|市|自治区)?(?![团队籍])(?=[\u4e00-\u9fff]{2}))"
)
# A city or prefecture named at the head of a phrase (成都市地区生产总值): the figure is
# that place's (docs/fields.md §1 region), and the place is not part of the indicator.
_CITY_LEAD = re.compile(
    r"^([\u4e00-\u9fff]{1,3}?[^城全本我各该超门股上县区级](?:州市|市|州))"
    r"(?![场民值级区县政委圈])(?=[\u4e00-\u9fff]{2})"
)
_PROVINCE_LEAD = re.compile(
    "^(" + "|".join(sorted(PROVINCES, key=len, reverse=True)) + r")(?:省|市|自治区)?(?![团队籍])(?=[\u4e00-\u9fff]{2})"
)
# A period inside a phrase (湘企融平台前三季度助企融资): the period is a field of its own.
_INNER_PERIOD = re.compile(
    r"(?<=.)(?:前三季度|上半年|下半年|[0-9０-９一二三四五六七八九十]{1,2}[—–－\-～~至到]"
    r"[0-9０-９一二三四五六七八九十]{1,2}月(?:份)?)(?=.)"
)

def strip_words(phrase: str) -> str:
    """`phrase` without its leading verbs, periods and region words and its trailing
    level verbs and qualifiers."""
    s = phrase.replace("*", "").strip(" ，,、：:；“”\"")
    for _ in range(8):
        before = s
        m = _LEAD_PERIOD.match(s)
        if m and m.end():
            s = s[m.end() :]
        s = _REGION_LEAD.sub("", s, count=1)
        s = _CITY_LEAD.sub("", s, count=1)
        s = _LEAD_WORDS.sub("", s, count=1)
        s = _TAIL_WORDS.sub("", s, count=1)
        s = s.strip(" ，,、：:；")
        if s == before:
            break
    # 实现 between an owner and its attribute is a verb (企业实现营业收入)
    s = re.sub(r"(?<=.)(?:实现|完成)(?=.)", "", s)
    s = _INNER_PERIOD.sub("", s)
    return s.replace("“", "").replace("”", "")


def _drop_leads(phrase: str, leads: re.Pattern[str]) -> str:
    """`phrase` without the periods and the `leads` words it opens with."""
    s = phrase.replace("*", "").strip(" ，,、：:；")
    for _ in range(4):
        m = _LEAD_PERIOD.match(s)
        if m and m.end():
            s = s[m.end() :]
        s = leads.sub("", s, count=1)
    return s


_PLACE_OPENERS = re.compile(r"^(?:全省|全市|其中|同期)")
_NEW_OPENERS = re.compile(r"^(?:全省|全市|全区|我省|我市|力争|确保|争取|预计|全年|累计|共)")


def place_named(phrase: str) -> str:
    """The province or city a phrase opens with, as written, or ''."""
    s = _drop_leads(phrase, _PLACE_OPENERS)
    m = _PROVINCE_LEAD.match(s) or _CITY_LEAD.match(s)
    return m.group(1) if m else ""


def leads_with_new(phrase: str) -> bool:
    """新增 opens the phrase (after its period, place and goal words): an increment."""
    return _drop_leads(phrase, _NEW_OPENERS).startswith("新增")
