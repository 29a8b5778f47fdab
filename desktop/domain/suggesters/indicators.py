"""What a figure measures: its indicator, read from the structure of its clause.

Chinese reports state figures in a few shapes, and each names the measured thing in
its own place (docs/fields.md §1):

* subject + verb + figure: 地区生产总值增长5.3% → 地区生产总值;
* verb + figure + counted noun: 培育52家单项冠军企业 → 单项冠军企业; a generic noun keeps
  its predicate: 15个项目入选国家试点 → 入选国家试点项目;
* a subject list and 分别: 甲、乙产业产值分别增长9.7%和9.8% → 甲产业产值 / 乙产业产值;
* a figure that continues the subject before it: 进出口总额5.9万亿元、增长6%;
  规上工业企业实现营业收入17万亿元、利润7千亿元 → 规上工业企业利润;
* a share: 无人机产量增长39%、占全国9成 → 无人机产量占全国比重.

Leading verbs, adverbs, qualifiers, periods and region words are dropped; the head
noun and its modifiers are kept. The rules read the shape of the clause, not a list
of indicator names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from desktop.domain.suggesters.indicator_words import leads_with_new, place_named, strip_words

__all__ = ["ClauseFigure", "Indicator", "SentenceState", "indicators_of_clause"]

# A count noun that names nothing by itself keeps the predicate that defines it.
_GENERIC_NOUN = re.compile(r"^(?:企业|项目|品牌|行业|单位|市州|地市|城市|县|个|家|批|人|所|项)+$")
# Verbs that start the predicate after a counted noun (15个项目入选国家…试点).
_PREDICATE = re.compile(
    r"入选|入围|纳入|获评|获批|获得|荣获|开展|参与|参加|实现|完成|落户|通过|进入|上线|投产|"
    r"建成|开工|签约|达成|新承接|承接|提质|全覆盖|覆盖|获|被"
)
# The nouns statistics put at the head of a measured thing (产值, 增加值, 余额 …), used
# to give each item of a list the head that only its last item writes out.
_HEADS = (
    "产业", "产值", "增加值", "产量", "销量", "销售额", "余额", "收入", "营收", "营业收入", "总额",
    "利润", "投资", "比重", "占比", "规模", "数量", "人数", "金额", "里程", "吞吐量", "客运量",
    "货运量", "贷款", "存款", "消费", "出口", "进口", "进出口", "总产值", "增速",
)
_HEAD_RE = re.compile("(?:" + "|".join(sorted(_HEADS, key=len, reverse=True)) + ")+$")
_DIGITS = "0123456789０１２３４５６７８９"
_NOUN_STOP = "，。；：、,;:\n（("
# A number that starts another count inside the phrase (…项目700个).
_COUNT_AHEAD = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?[多余]?[万亿]?(?:[个家项条座所批名位人元吨亩辆套场款户]|%|％)")
# Verbs that end a counted noun phrase whose noun names its thing (主平台【新承接】…).
_NOUN_END = re.compile(r"新承接|新签约|新引进|开展|参与|参加|落户|提前|完成|实现|进行|发放|授信|支持|用于")
_ITEM_START = "0123456789０１２３４５６７８９“首第"
_LIST_SPLIT = re.compile(r"、|和|与|及")
_SHARE = re.compile(r"^约?占(.{1,12}?)(?:的)?(?:比重|比例)?$")


@dataclass(frozen=True, slots=True)
class ClauseFigure:
    """One figure of a clause: where it stands and what its span holds."""

    start: int  # the span's start (a touching change verb included)
    end: int
    counted: bool  # a count of things (measure word unit): may be followed by its noun


@dataclass(frozen=True, slots=True)
class Indicator:
    text: str
    leads_with_new: bool  # 新增 governs the figure: it is an increment (direction 1)
    share_of_list: bool  # the figure is one item of a 分别 list (shares the list's verb)
    place: str = ""  # the place the clause names as the figure's own (广州、深圳…分别)


def _counted_noun(text: str, pos: int, limit: int) -> tuple[str, str]:
    """The noun phrase that follows a count at `pos` (培育52家【单项冠军企业】), split into
    the noun and a defining predicate after it; ('', '') when the count ends its item."""
    end = pos
    while end < limit and text[end] not in _NOUN_STOP and end - pos < 30:
        if text[end] in "和及与" and end + 1 < limit and text[end + 1] in _ITEM_START:
            break
        if text[end] in _DIGITS and _COUNT_AHEAD.match(text, end):
            break
        end += 1
    phrase = text[pos:end].replace("*", "").strip()
    if not phrase or not re.match(r"[\u4e00-\u9fff“A-Za-z0-9]", phrase):
        return "", ""
    if re.match(r"(?:以上|左右|以内|以下|的|，|增长|下降|同比)", phrase):
        return "", ""
    m = _PREDICATE.search(phrase)
    if m and m.start() > 0 and _GENERIC_NOUN.match(phrase[: m.start()]):
        return phrase[: m.start()], phrase[m.start() :]
    m = _NOUN_END.search(phrase)
    if m and m.start() > 1:
        return phrase[: m.start()], ""
    return phrase, ""


def _distribute_head(items: list[str]) -> list[str]:
    """甲、乙产业产值 → 甲产业产值, 乙产业产值: items without the last item's head get it."""
    if len(items) < 2:
        return items
    last = items[-1]
    m = _HEAD_RE.search(last)
    if not m or m.start() == 0:
        return items
    head = last[m.start() :]
    return [item if item.endswith(head) or _HEAD_RE.search(item) else item + head for item in items[:-1]] + [last]


def _distribute_level_head(mods: list[str], last: str) -> list[str]:
    """新增1家领航级、7家卓越级、176家先进级智能工厂: the short items (领航级) take the
    head that the last item writes after its own modifier (智能工厂)."""
    out = []
    for mod in mods:
        cut = last.find(mod[-1]) if mod else -1
        out.append(mod + last[cut + 1 :] if 0 <= cut < len(last) - 1 else mod)
    return out


@dataclass(frozen=True, slots=True)
class SentenceState:
    """What a sentence's earlier clauses leave to the next one."""

    subjects: tuple[str, ...] = ()  # the subject list (for 分别增长… in the next clause)
    subject: str = ""  # the last subject named
    counted: bool = False  # it was a count of things (项目1860个，完成投资…)
    place: str = ""  # the place the subject belongs to, when the clause named one


def indicators_of_clause(
    text: str,
    clause: tuple[int, int],
    figures: list[ClauseFigure],
    state: SentenceState,
) -> tuple[list[Indicator], SentenceState]:
    """The indicator of each figure of one clause, in order, and what the clause leaves
    to the next clause of its sentence."""
    previous = list(state.subjects)
    previous_subject = state.subject
    cs, ce = clause
    out: list[Indicator] = []
    first_pre = text[cs : figures[0].start] if figures else ""
    respectively = "分别" in first_pre
    new_for_clause = leads_with_new(first_pre)
    subjects: list[str] = []
    places: list[str] = []
    if respectively:
        head = strip_words(first_pre[: first_pre.index("分别")])
        if head.startswith("占") and previous:
            share = _share_name(head)
            subjects = [p + share for p in previous]
        elif head:
            items = [strip_words(i) or i for i in _LIST_SPLIT.split(head) if i]
            entities = _entity_list(items)
            if entities:
                places, measured = entities
                subjects = [measured] * len(places)
            else:
                subjects = _distribute_head(items)
        else:
            subjects = list(previous)
    seg_start = cs
    pending_mods: list[tuple[int, str]] = []  # figures whose noun is a bare level word
    subject = previous_subject
    counted = state.counted and bool(subject)
    subject_place = state.place
    clause_subject = ""  # the subject named in this clause, owner of a following attribute
    for k, fig in enumerate(figures):
        raw_pre = text[seg_start : fig.start]
        if "、" in raw_pre and not respectively and seg_start > cs:
            raw_pre = raw_pre.rsplit("、", 1)[-1]
        pre = strip_words(raw_pre)
        noun, predicate = ("", "")
        if fig.counted or not pre:
            # a count names its thing after it (52家单项冠军企业); so does a bare figure
            # with nothing before it (下达7400亩用地指标)
            noun, predicate = _counted_noun(text, fig.end, ce)
        if respectively and subjects:
            name = subjects[min(k, len(subjects) - 1)] if len(subjects) >= len(figures) or k < len(subjects) else subjects[-1]
        elif noun:
            noun_clean = strip_words(noun) or noun
            if _GENERIC_NOUN.match(noun_clean) and predicate:
                # 集群14个市州全覆盖 → 集群覆盖市州: the subject, the predicate, the noun
                owner = pre if pre and not _GENERIC_NOUN.match(pre) else ""
                name = owner + strip_words(predicate).removeprefix("全") + noun_clean
            elif _GENERIC_NOUN.match(noun_clean) and "等" in raw_pre:
                # 公路方面，新开工甲至乙等2个项目: the clause's verb and the topic define them
                name = _lead_verb(raw_pre) + _topic(text, cs) + noun_clean
            elif raw_pre.rstrip().endswith("的") and pre and not _GENERIC_NOUN.match(pre):
                name = pre + noun_clean
            else:
                name = noun_clean
            if re.search(r"[级类型]$", noun_clean) and len(noun_clean) <= 4:
                pending_mods.append((k, noun_clean))
        elif (owner := _owner_after(text, fig.end, ce)) and len(pre) <= 4:
            name = owner + pre
        elif pre.startswith("占") and subject:
            name = subject + _share_name(pre)
        elif pre and len(pre) <= 3 and clause_subject and not clause_subject.endswith(pre):
            name = _subject_part(clause_subject) + pre
        elif pre and len(pre) <= 3 and counted and _is_attribute(pre) and not subject.endswith(pre):
            # …项目1860个，完成投资4200亿元: an attribute in the next clause of the sentence
            name = _subject_part(subject) + pre
        elif _COMPARATIVE.match(pre) and subject:
            name = subject + pre  # 增长5.8%，高于全国0.8个百分点
        elif pre:
            name = pre
        else:
            name = subject
        place = places[k] if respectively and k < len(places) else place_named(raw_pre)
        if not place and name == subject:
            place = subject_place  # 成都市地区生产总值2.4万亿元，增长5.9%
        out.append(Indicator(name, new_for_clause or leads_with_new(raw_pre), respectively, place))
        if name and not pre.startswith("占"):
            subject = clause_subject = name
            counted = fig.counted
            subject_place = place
        seg_start = fig.end
    if pending_mods:
        last_noun = out[-1].text
        mods = [m for _, m in pending_mods]
        if pending_mods[-1][0] != len(figures) - 1 and len(last_noun) > len(mods[-1]):
            heads = _distribute_level_head(mods, last_noun)
            for (k, _), name in zip(pending_mods, heads, strict=True):
                out[k] = replace(out[k], text=name)
    left = tuple(subjects) or ((subject,) if subject else ())
    return out, SentenceState(left, subject, counted, subject_place)


def _entity_list(items: list[str]) -> tuple[list[str], str] | None:
    """广州、深圳地铁客运量: short names listed before one long item are the entities
    (places, firms) that share what the long item measures after its own name."""
    if len(items) < 2 or not all(2 <= len(i) <= 3 for i in items[:-1]):
        return None
    last = items[-1]
    k = len(items[0])
    if len(last) < k + 4:
        return None
    return [*items[:-1], last[:k]], last[k:]


_TOPIC = re.compile(r"([\u4e00-\u9fff]{1,6})方面[，,：:]")
_LEAD_VERB = re.compile(r"^(?:新开工|开工|续建|建成通车|建成|完工|竣工|投产|新建|改造|提速|推进)")


def _topic(text: str, clause_start: int) -> str:
    """The topic a sentence opens with (公路方面，…), for the generic nouns in it."""
    found = list(_TOPIC.finditer(text, max(0, clause_start - 120), clause_start))
    return found[-1].group(1) if found else ""


def _lead_verb(raw_pre: str) -> str:
    m = _LEAD_VERB.match(raw_pre.strip(" ，,、"))
    return m.group(0) if m and m.group(0) not in ("推进", "提速") else ""


def _owner_after(text: str, pos: int, limit: int) -> str:
    """总规模1000亿元【的省产业基金】: the owner a figure's attribute belongs to."""
    if pos >= limit or text[pos] != "的":
        return ""
    noun, _ = _counted_noun(text, pos + 1, limit)
    noun = re.sub(r"^[0-9０-９.]+[多余]?[个家项条座所批]", "", noun)
    if not noun or noun[0].isdigit():
        end = pos + 1
        while end < limit and text[end] not in "，。；：、":
            end += 1
        noun = re.sub(r"^[0-9０-９.]+[多余]?[个家项条座所批]", "", text[pos + 1 : end])
    return strip_words(noun)


_COMPARATIVE = re.compile(r"^(?:高于|低于|快于|慢于|好于)")


def _is_attribute(word: str) -> bool:
    """总数, 投资, 规模: a word that measures something named before it."""
    return word.startswith("总") or bool(_HEAD_RE.fullmatch(word))


def _share_name(pre: str) -> str:
    m = _SHARE.match(pre)
    whole = m.group(1) if m else pre.lstrip("约占")
    whole = whole.removesuffix("比重").removesuffix("比例").removesuffix("的")
    return f"占{whole}比重"


def _subject_part(subject: str) -> str:
    """规上工业企业营业收入 → 规上工业企业: the owner of an attribute, for the next attribute."""
    m = _HEAD_RE.search(subject)
    if m and m.start() > 0:
        return subject[: m.start()]
    return subject
