"""Program suggestions: named government initiatives (GUIDELINES §2 and §4).

Four rules, in the guidelines' order of precedence:
1. “name” + type word right after the quote (“智赋万企”行动);
2. “name” in the object phrase of an implementation verb, or before 等 + type word;
3. an unquoted name ending in a type word, either governed by a verb (实施提振消费专项行动,
   落实…计划, 支持…试点建设, 加快…行动) or the subject that opens its clause, followed by a
   predicate (…综合改革试点获国务院批复, …建设年活动深入实施);
4. a policy document cited by title in 《…》.
Exclusions (infrastructure, events, platforms, laws without 《》, generic category
phrases) are word classes and rules over the structure of a name, not lists of names:
a name made only of level, scale and broad-field words (国家, 重大, 人才, 促消费) is a
category, and so is one counted in items (102项). Every suggestion carries `name` (the
span without quotation and book-title marks) and `category` (from its type word).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.domain.program_names import program_category, program_name
from desktop.domain.suggesters.textspans import CLAUSE_DELIMITERS, Spans, clause_start, has_han
from desktop.domain.suggestion import ReportContext, Suggestion

# add(start, end, rule, category); the name is the span without quotes and 《》
_Adder = Callable[[int, int, str, str], None]

# Type words; several may follow each other (“一网交易”改革三年行动), longest first.
_TYPE_WORDS = (
    "专项行动", "攻坚行动", "三年行动", "行动计划", "系列活动", "消费券",
    "行动", "计划", "工程", "专项", "活动", "品牌", "试点", "项目", "改革",
)
# At most four in a row, so that a long run of them costs linear time.
_TYPE_RE = re.compile("(?:" + "|".join(_TYPE_WORDS) + "){1,4}")
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
                                  "启动", "参与", "争创", "获批", "组织", "申报", "争取", "承担",
                                  "部署", "谋划")))
# Verbs that govern an unquoted name only when no verb above precedes them in the
# phrase: after one they are part of the name (实施金融支持乡村振兴专项行动).
_WEAK_GOVERN_RE = re.compile("落实|加快|支持")
# Words between a verb and the name it governs (落实好…, 加快建设…).
_AFTER_VERB = re.compile("(?:好|了|起|建设)+")
# A predicate that makes a name at the start of its clause the clause's subject
# (…综合改革试点获国务院批复, …建设年活动深入实施, …行动取得明显成效).
_SUBJECT_PREDICATE = re.compile(
    "获[\u4e00-\u9fff]{0,6}?(?:批复|批准|批)|"
    "(?:(?:深入|全面|扎实|加快|有序|稳步|持续|顺利|大力|纵深|正式|率先|成功|已经|已)"
    "(?:组织)?)?(?:实施|推进|推开|铺开|开展|启动|落地|见效|收官|展开)|"
    "取得|成效|进展"
)
# Words that may open a clause before its subject: list markers, connectives, the
# report's own place and time.
_SUBJECT_LEAD = re.compile(
    r"(?:\*\*|[一二三四五六七八九十]+是|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.、．]|"
    r"[0-9]{4}年|其中|同时|此外|另外|目前|当前|今年|去年|全年|我省|我市|我区|本省|本市)+"
)
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
# A law or regulation is named by its head word: 法 as a noun (促进法, 保护法), not the
# 法 of 执法, 司法, 立法, 普法, 违法, 方法 (规范涉企执法专项行动 is a programme).
_LAW_HEAD = "(?:(?<![执司立守普违依方做算用手说想])法|法律|法规|条例|办法|规定|细则)$"
# A quoted name ending in a place word names a park, a town or a cluster (“智造谷”).
_PLACE_HEAD = "(?:谷|港|湾|园|小镇|街区)$"
_NOT_PROGRAM_NAME = re.compile(
    "平台|基金|基地|园区|中心|社区|实验室|联合体|示范区|试验区|" + _LAW_HEAD + "|" + _PLACE_HEAD
)
_AFTER_EXCLUDED = re.compile(
    r"^[^，。；：、“”\n]{0,8}?(?:平台|体系|基地|训练场|中心|实验室|基金|"
    r"产业园|科技园|工业园|示范区|试验区|先行区|新区|小镇|社区)"
)
_LAW = re.compile(_LAW_HEAD)
_NAME_STOP = CLAUSE_DELIMITERS + "、和等“”《》（）() \""
# The type word is the start of a longer word (工程师, 工程机械, 计划单列).
_WORD_GOES_ON = re.compile("师|机械|单列|经费|资金|债")
_DENG_RE = re.compile(
    "等[^，。；：、“”等]{0,4}?(?:政策|" + "|".join(_TYPE_WORDS) + ")(?![\u4e00-\u9fff]{0,2}(?:方案|名单))"
)
# A following word that turns the phrase into a slogan (推动“应用场景”变为“产业风景”).
_PHRASE_AFTER = re.compile("[^，。；：、“”《》\n]{0,10}")
_PIVOT_AFTER = re.compile("^(?:变为|成为|转为|转化为)")
_DOC_AFTER = re.compile("^(?:方案|纲要|意见|办法|细则|规划|名录)")
# Leading words that belong to the context, not to the name.
_NAME_PREFIX = re.compile(
    r"(?:(?:新一轮|新一批|第[一二三四五六七八九十0-9]+批|首批|一批|全国|全省|全市|"
    r"工信部|国务院|国家发展改革委|商务部|省政府|市政府|省委|"
    r"[\u4e00-\u9fff]{0,4}?[0-9一二三四五六七八九十两]+[个家项类批]))+"
)
# A name is specific when some word of it distinguishes it from others of its type.
# One made only of level, scale, collective and broad-field words is a category
# (国家重大人才工程, 促消费活动, 国家和省级重大人才工程, 政府投资计划, 专项行动).
_GENERIC_WORDS = (
    "国家级|国家|省级|市级|县级|省|市|县|中央|地方|各级|全国|全省|全市|"
    "重大|重点|重要|关键|主要|各类|各项|多项|相关|有关|系列|一批|新型|大型|专项|综合|若干|"
    "人才|促消费|扩消费|消费|惠民|民生|招商引资|招商|宣传|培训|示范|主题|专题|特色|年度|工作|"
    "政府|投资|创新|发展|改革|建设|提升|升级|和|与|及|、"
)
_GENERIC = re.compile("^(?:" + _GENERIC_WORDS + ")*$")
# A count of items (102项) before a name: the phrase counts programmes of a kind.
_ITEM_COUNT = re.compile("[0-9一二三四五六七八九十两百千]+项")
_POLICY_TITLE = re.compile(
    "方案|意见|办法|规划|计划|条例|法|规定|通知|指引|指南|清单|目录|纲要|决定|措施|"
    "口袋书|白皮书|标准|细则|公告|政策|行动|工程|若干|实施"
)


def suggest_programs(text: str, context: ReportContext, spans: Spans) -> list[Suggestion]:
    found: dict[tuple[int, int], Suggestion] = {}

    def add(start: int, end: int, rule: str, category: str) -> None:
        if end <= start or (start, end) in found:
            return
        fields = {"name": program_name(text[start:end]), "category": category}
        found[(start, end)] = Suggestion("program", start, end, text[start:end], rule, fields)

    for ts, te in spans.titles:
        inner = text[ts + 1 : te - 1]
        if _POLICY_TITLE.search(inner):
            add(ts, te, "program.title", "政策文件")
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
        add(qs, qe + m.end(), "program.quoted_type", program_category(m.group(0)))
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
        add(qs, qe, "program.quoted_list", program_category(head))
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
    # The category is that of a type word heading the phrase (“金芙蓉”跃升行动 → 行动).
    phrase = _PHRASE_AFTER.match(text, qe)
    add(qs, qe, "program.quoted_object", program_category(phrase.group(0)) if phrase else "")


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
    if ts > 0 and text[ts - 1] in "”》\"":
        return  # rule 1 or 4 (an ASCII-quoted name is not recognised as a quote)
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
    name_start = _governed_name_start(text, i, ts)
    if name_start is None:
        name_start = _subject_name_start(text, i, ts, end)
    if name_start is None:
        return
    prefix = _NAME_PREFIX.match(text, name_start, ts)
    if prefix is not None:
        if _ITEM_COUNT.search(prefix.group(0)):
            return  # 实施102项重大工程: a count of items makes the phrase a category
        name_start = prefix.end()
    if not _acceptable_name(text[name_start:ts]):
        return
    add(name_start, end, "program.named_type", program_category(text[ts:end]))


def _governed_name_start(text: str, i: int, ts: int) -> int | None:
    """Where the name before the type word at `ts` starts when a verb governs it:
    after the last governing verb in text[i:ts], or at `i` for an item of a governed
    `、`/`和` list; None when no verb governs it."""
    verb = _last_match(_GOVERN_RE, text, i, ts) or _last_match(_WEAK_GOVERN_RE, text, i, ts)
    if verb is not None:
        after = _AFTER_VERB.match(text, verb.end(), ts)
        return after.end() if after is not None else verb.end()
    if i > 0 and text[i - 1] in "、和" and _governed(text, i - 1, _GOVERN_RE):
        return i
    return None


def _subject_name_start(text: str, i: int, ts: int, end: int) -> int | None:
    """Where the name ending at `end` starts when it is the subject of its clause: it
    opens the clause (after list markers and connectives) and a predicate such as
    获批, 深入实施 or 取得 follows it. None otherwise."""
    if i > 0 and text[i - 1] not in CLAUSE_DELIMITERS and text[i - 1] not in " \u3000":
        return None
    lead = _SUBJECT_LEAD.match(text, i, ts)
    start = lead.end() if lead is not None else i
    if start >= ts or not _SUBJECT_PREDICATE.match(text, end):
        return None
    return start


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
                add(a, b, "program.deng_list", program_category(head))
            elif head.endswith("政策"):
                continue  # 等政策 takes quoted names only (GUIDELINES §2 rule 2)
            elif _acceptable_name(text[a:b]) and not _NOT_PROGRAM_NAME.search(text[a:b]):
                add(a, b, "program.deng_list", program_category(head))


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


def _without_overlaps(found: list[Suggestion]) -> list[Suggestion]:
    """Keep the earliest-starting, then longest, of overlapping programme spans."""
    found.sort(key=lambda s: (s.start, -(s.end - s.start)))
    out: list[Suggestion] = []
    for s in found:
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out


