"""Program suggestions: named government initiatives (GUIDELINES §2 and §4).

Four rules, in the guidelines' order of precedence:
1. “name” + type word right after the quote (“智赋万企”行动);
2. “name” in the object phrase of an implementation verb, or before 等 + type word;
3. an unquoted name ending in a type word, governed by a verb (实施提振消费专项行动);
4. a policy document cited by title in 《…》.
Exclusions (infrastructure, events, platforms, laws without 《》) are word classes,
not names.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.domain.suggesters.textspans import CLAUSE_DELIMITERS, Spans, clause_start, has_han
from desktop.domain.suggestion import ReportContext, Suggestion

# add(start, end, rule, name, category)
_Adder = Callable[[int, int, str, str, str], None]

# Type words; several may follow each other (“一网交易”改革三年行动), longest first.
_TYPE_WORDS = (
    "专项行动", "攻坚行动", "三年行动", "行动计划", "系列活动", "消费券",
    "行动", "计划", "工程", "专项", "活动", "品牌", "试点", "项目", "改革",
)
_TYPE_RE = re.compile("(?:" + "|".join(_TYPE_WORDS) + ")+")
# Unquoted names (rule 3): 项目, 改革 and 品牌 name categories far more often than
# programmes (重大项目, 金融体制改革, 上海消费品牌), so they need a quote or 等.
_RULE3_TYPES = ("专项行动", "攻坚行动", "三年行动", "行动计划", "系列活动",
                "行动", "工程", "计划", "专项", "活动", "试点")
_RULE3_RE = re.compile("(?:" + "|".join(_RULE3_TYPES) + ")")
# Implementation verbs of rule 2 (adverbs before them are allowed by construction:
# only the text between the verb and the name is examined).
_IMPLEMENT = ("实施", "开展", "推进", "深化", "推动", "打造", "创建", "迭代升级", "用好", "出台", "共建")
_IMPLEMENT_RE = re.compile("|".join(_IMPLEMENT))
# Verbs that govern an unquoted programme name (rule 3) or an 等 list: the
# implementation verbs plus those that take a programme as object without
# making a quoted phrase one (做好 …试点工作, 入选 …试点, 举办 …活动).
_GOVERN_RE = re.compile("|".join((*_IMPLEMENT, "做好", "抓好", "入选", "入围", "举办", "发挥",
                                  "启动", "参与", "争创", "获批", "组织")))
# Verbs that end the object phrase of an earlier verb.
_BLOCKING_RE = re.compile(
    "推行|推广|制定|发布|提升|优化|加力|抓好|做优|举办|办好|修订|纳入|新开|加密|支持|坚持|"
    "做到|做好|落实|构建|召开|推出|编制|扩大|加强|变为|成为|入选|入围|培育|营造|通过|聚焦|"
    "完善|健全|建立|加大|统筹|探索|按照|围绕|发挥|提高|促进|引导|鼓励|组建|形成"
)
# Words that make a phrase infrastructure, an event, a place or an organisation.
_INFRA = re.compile(
    "基础设施|铁路|高铁|公路|高速|水库|灌区|水利|机场|港区|港口|航道|管网|电网|核电|风电|"
    "电站|通道|轨道|枢纽|特高压|管道|隧道|桥"
)
# Before a quote, a domain noun makes “…”工程 one physical work (算力“四网融合”工程).
_INFRA_DOMAIN = re.compile(_INFRA.pattern + "|算力|能源|供暖|供热|供水|供气|燃气")
_EVENT = re.compile("交流|对接|推介|峰会|论坛|大会|博览会|交易会|展会|展览|大赛|赛事|比赛|联赛|节$|季$|会$|培训班")
_NOT_PROGRAM_NAME = re.compile("平台|基金|基地|园区|中心|社区|实验室|联合体|示范区|试验区|法$|条例|办法")
_AFTER_EXCLUDED = re.compile(r"^[^，。；：、“”\n]{0,8}?(?:平台|体系|基地|训练场|中心|实验室|基金)")
_LAW = re.compile("法$|条例")
_NAME_STOP = CLAUSE_DELIMITERS + "、和等“”《》（）() "
# The type word is the start of a longer word (工程师, 工程机械, 计划单列).
_WORD_GOES_ON = re.compile("师|机械|单列|经费|资金|债")
_DENG_RE = re.compile(
    "等[^，。；：、“”等]{0,4}?(?:政策|" + "|".join(_TYPE_WORDS) + ")(?![\u4e00-\u9fff]{0,2}(?:方案|名单))"
)
# A following word that turns the phrase into a slogan (推动“应用场景”变为“产业风景”).
_PIVOT_AFTER = re.compile("^(?:变为|成为|转为|转化为)")
_DOC_AFTER = re.compile("^(?:方案|纲要|意见|办法|细则|规划|名录)")
# Leading words that belong to the context, not to the name.
_NAME_PREFIX = re.compile(
    r"(?:(?:新一轮|新一批|第[一二三四五六七八九十0-9]+批|首批|一批|全国|全省|全市|"
    r"工信部|国务院|国家发展改革委|商务部|省政府|市政府|省委|"
    r"[\u4e00-\u9fff]{0,4}?[0-9一二三四五六七八九十两]+[个家项类批]))+"
)
_GENERIC = re.compile(r"^(?:重大|重点|系列|各类|相关|有关|各项|一批|新型|大型)*$")
_POLICY_TITLE = re.compile(
    "方案|意见|办法|规划|计划|条例|法|规定|通知|指引|指南|清单|目录|纲要|决定|措施|"
    "口袋书|白皮书|标准|细则|公告|政策|行动|工程|若干|实施"
)


def suggest_programs(text: str, context: ReportContext, spans: Spans) -> list[Suggestion]:
    found: dict[tuple[int, int], Suggestion] = {}

    def add(start: int, end: int, rule: str, name: str, category: str) -> None:
        if end <= start or (start, end) in found:
            return
        fields = {"name": name, "category": category}
        found[(start, end)] = Suggestion("program", start, end, text[start:end], rule, fields)

    for ts, te in spans.titles:
        inner = text[ts + 1 : te - 1]
        if _POLICY_TITLE.search(inner):
            add(ts, te, "program.title", inner, "政策文件")
    for qs, qe in spans.quotes:
        if spans.title_at(qs) is not None:
            continue
        _quoted(text, qs, qe, spans, add)
    for m in _RULE3_RE.finditer(text):
        _unquoted(text, m.start(), m.end(), spans, add)
    _deng_lists(text, spans, add)
    return _without_overlaps(list(found.values()))


def _last_match(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    last = None
    for last in pattern.finditer(text, start, end):  # noqa: B007 - we want the last one
        pass
    return last


def _governed(text: str, start: int, verbs: re.Pattern[str]) -> bool:
    """Whether a verb of `verbs` governs the phrase at `start` within its clause."""
    cs = clause_start(text, start)
    before = text[cs:start]
    last = _last_match(verbs, before, 0, len(before))
    if last is None:
        return False
    return _BLOCKING_RE.search(before[last.end() :]) is None


def _quoted(text: str, qs: int, qe: int, spans: Spans, add: _Adder) -> None:
    name = text[qs + 1 : qe - 1]
    after = text[qe : qe + 12]
    before = text[max(0, qs - 4) : qs]
    if _INFRA_DOMAIN.search(before):
        return
    # Rule 1: type words right after the closing quote.
    m = _TYPE_RE.match(after)
    if m is not None and not _DOC_AFTER.match(after[m.end() :]):
        add(qs, qe + m.end(), "program.quoted_type", name, _category(m.group(0)))
        return
    if not has_han(name) or _NOT_PROGRAM_NAME.search(name) or _PIVOT_AFTER.match(after):
        return
    if _AFTER_EXCLUDED.match(after):
        return
    # Rule 2b: “A”、B等 + type word (or 等政策) — the quote is an item of the list.
    head = _deng_head_after(text, qe)
    item_rest = re.match("[^、，。；：“”等\n]*", text[qe : qe + 20])
    if _EVENT.search(name) or (item_rest is not None and _EVENT.search(item_rest.group(0))):
        return
    if head is not None:
        add(qs, qe, "program.quoted_list", name, _category(head))
        return
    # Rule 2: the object phrase of an implementation verb. A pivot (推动 企业 “小升规”)
    # makes the quote what the object is to do, not a programme.
    cs = clause_start(text, qs)
    last = _last_match(_IMPLEMENT_RE, text, cs, qs)
    if last is None:
        return
    between = text[last.end() : qs]
    if _BLOCKING_RE.search(between) and not between.endswith("等"):
        return
    if last.group(0) == "推动" and re.sub(r"“[^“”]*”[、和与及]?", "", between):
        return
    add(qs, qe, "program.quoted_object", name, _category(after))


def _deng_head_after(text: str, pos: int) -> str | None:
    """The type word of an `等` list that the item ending at `pos` belongs to, if any."""
    end = pos
    limit = min(len(text), pos + 60)
    while end < limit and text[end] not in CLAUSE_DELIMITERS and text[end] != "等":
        end += 1
    if text[end : end + 1] != "等" or _BLOCKING_RE.search(text[pos:end]):
        return None
    m = _DENG_RE.match(text, end)
    if m is None or not (m.group(0).endswith(_TYPE_WORDS) or "政策" in m.group(0)):
        return None
    return m.group(0)[1:]


def _unquoted(text: str, ts: int, te: int, spans: Spans, add: _Adder) -> None:
    # Longest run of type words, e.g. 三年行动计划, 专项行动.
    run = _TYPE_RE.match(text, ts)
    end = run.end() if run is not None else te
    if ts > 0 and text[ts - 1] in "”》":
        return
    if spans.quote_at(ts) is not None or spans.title_at(ts) is not None:
        return
    following = text[end : end + 4]
    if _DOC_AFTER.match(following) or _WORD_GOES_ON.match(following):
        return
    # 专项 alone is mostly an adjective (专项债券, 专项资金): it must end the phrase.
    if text[ts:end].endswith("专项") and has_han(following[:1]):
        return
    # Name: back to a delimiter, a list separator, 等 or a governing verb.
    i = ts
    while i > 0 and ts - i < 24 and text[i - 1] not in _NAME_STOP:
        i -= 1
    if text[i - 1 : i] == "等":
        return  # the category word of an 等 list (等重大工程), not a name
    segment = text[i:ts]
    verb = _last_match(_GOVERN_RE, segment, 0, len(segment))
    if verb is not None:
        name_start = i + verb.end()
    elif i > 0 and text[i - 1] in "、和" and _governed(text, i - 1, _GOVERN_RE):
        name_start = i
    else:
        return
    prefix = _NAME_PREFIX.match(text, name_start, ts)
    if prefix is not None:
        name_start = prefix.end()
    name = text[name_start:ts]
    if not _acceptable_name(name):
        return
    add(name_start, end, "program.named_type", text[name_start:end], _category(text[ts:end]))


def _acceptable_name(name: str) -> bool:
    if len(name) < 2 or _GENERIC.match(name) or not has_han(name):
        return False
    # Model names and codes (TCL华星T8) are plants and products, not programmes.
    if re.search("[A-Za-z0-9]$", name):
        return False
    if _INFRA.search(name) or _EVENT.search(name) or _LAW.search(name):
        return False
    # A year inside (优化营商环境2026年行动方案) marks a yearly document, not a programme.
    return re.search("[0-9]{4}年", name) is None


def _deng_lists(text: str, spans: Spans, add: _Adder) -> None:
    """`A、B等 + type word`: every item is a programme (GUIDELINES §4 等 lists)."""
    for m in _DENG_RE.finditer(text):
        if spans.quote_at(m.start()) is not None or spans.title_at(m.start()) is not None:
            continue
        head = m.group(0)[1:]
        # 等重大项目: the items are construction projects (GUIDELINES §2 exclusions).
        if head.endswith("项目") or _INFRA.search(head) or _EVENT.search(head[:-2]):
            continue
        cs = clause_start(text, m.start())
        last = _last_match(_GOVERN_RE, text, cs, m.start())
        if last is None:
            continue
        pos = last.end()
        prefix = _NAME_PREFIX.match(text, pos, m.start())
        if prefix is not None:
            pos = prefix.end()
        for item in _split_items(text, pos, m.start()):
            a, b = item
            if text[a] == "“" and text[b - 1] == "”":
                if _EVENT.search(text[a + 1 : b - 1]):
                    continue
                add(a, b, "program.deng_list", text[a + 1 : b - 1], _category(head))
            elif head.endswith("政策"):
                continue  # 等政策 takes quoted names only (GUIDELINES §2 rule 2)
            elif _acceptable_name(text[a:b]) and not _NOT_PROGRAM_NAME.search(text[a:b]):
                add(a, b, "program.deng_list", text[a:b], _category(head))


def _split_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    items: list[tuple[int, int]] = []
    a = start
    for i in range(start, end + 1):
        if i == end or text[i] in "、和":
            if i > a:
                items.append((a, i))
            a = i + 1
        elif text[i] == "“" and i > a and text[i - 1] == "”":
            items.append((a, i))  # “A”“B”: adjacent quotes are separate items
            a = i
    return items


def _category(word: str) -> str:
    for type_word in ("政策", "行动", "工程", "计划", "活动", "品牌", "试点", "项目", "改革",
                      "专项", "消费券"):
        if type_word in word:
            return type_word
    return "行动"


def _without_overlaps(found: list[Suggestion]) -> list[Suggestion]:
    """Keep the earliest-starting, then longest, of overlapping programme spans."""
    found.sort(key=lambda s: (s.start, -(s.end - s.start)))
    out: list[Suggestion] = []
    for s in found:
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out


