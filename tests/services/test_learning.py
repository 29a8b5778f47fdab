"""The learned suggester: a kind added by the user gets learned suggestions after about 20
tagged examples; the model is stored in the project; rules and model agreeing give one
suggestion; a rule shape rejected again and again is held back."""

from __future__ import annotations

import time

from desktop.domain.learning.sequences import Sentence, bio, sentences, spans_of
from desktop.domain.suggestion import Suggestion
from desktop.services import learning, suggestions, tags
from desktop.services.importing import add_parsed
from desktop.services.kinds import add_kind
from desktop.services.project import Project, open_project_as
from desktop.services.reports import set_state

FIRMS = ["华为", "比亚迪", "宁德时代", "格力", "美的", "中兴", "联想", "小米", "海尔", "长安",
         "三一", "徐工", "京东方", "立讯", "汇川", "大疆", "蔚来", "理想", "隆基", "通威",
         "中芯", "紫光", "海康", "浪潮", "科大讯飞", "迈瑞", "恒瑞", "药明", "传音", "欧菲"]
SUFFIXES = ["科技有限公司", "股份有限公司", "集团有限公司"]
FRAMES = ["今年{}投资建设新基地。", "省领导调研{}并座谈。", "{}入选制造业单项冠军。",
          "支持{}牵头组建创新联合体。"]


def _text(firms: list[str], offset: int) -> tuple[str, list[str]]:
    names = [f + SUFFIXES[(i + offset) % 3] for i, f in enumerate(firms)]
    body = "".join(FRAMES[(i + offset) % 4].format(n) for i, n in enumerate(names))
    return "全省工业经济运行情况。\n" + body + "\n工业增加值增长6.5%。", names


def _report(project: Project, text: str, title: str) -> str:
    from desktop.domain.report_text import ParsedReport, Structure

    parsed = ParsedReport(title=title, agency="", region="", year=None, text=text,
                          structure=Structure())
    outcome = add_parsed(project, [parsed], title)
    return outcome.imported[0][0]


def test_bio_and_spans() -> None:
    s = Sentence(10, "支持华为公司")
    labels = bio(s, [(12, 16)])
    assert labels == ["O", "O", "B", "I", "I", "I"]
    assert spans_of(labels, [1.0] * 6) == [(2, 6, 1.0)]
    assert [x.text for x in sentences("甲。乙\n丙")] == ["甲。", "乙\n", "丙"]


def test_a_new_kind_gets_learned_suggestions_after_20_tags(project: Project) -> None:
    _, kind_id = add_kind(project, "Company", "公司")
    kind = next(k.key for k in __import__("desktop.services.kinds", fromlist=["x"])
                .list_kinds(project) if k.id == kind_id)
    tagged = 0
    for n, chunk in enumerate((FIRMS[:10], FIRMS[10:20])):
        text, names = _text(chunk, n)
        rid = _report(project, text, f"r{n}")
        for name in names:
            start = text.index(name)
            tags.create_tag(project, rid, kind, start, start + len(name))
            tagged += 1
        set_state(project, rid, "done")
    assert tagged == 20
    began = time.perf_counter()
    _, outcomes = learning.train(project, kind)
    assert outcomes[0].trained and time.perf_counter() - began < 10
    text, names = _text(FIRMS[20:], 2)
    rid = _report(project, text, "held back")
    # a colleague's copy (another connection) finds the stored model
    other = open_project_as(project.target, "bob", create=False)
    try:
        found = learning.suggest(other, rid, "learned")
    finally:
        other.close()
    got = {(x.suggestion.text, x.origin) for x in found}
    hits = [n for n in names if (n, f"learned:{kind}") in got]
    assert len(hits) >= 6, (names, got)
    assert all(x.confidence is not None and 0.5 <= x.confidence <= 1 for x in found)
    # accepting one makes it a tag with the learned origin; it is not suggested again
    first = next(x for x in found if x.suggestion.text in hits)
    learning.accept(project, rid, first)
    rows = tags.table(project, rid)
    assert any(r.origin == f"learned:{kind}" for r in rows)
    again = {x.suggestion.text for x in learning.suggest(project, rid, "learned")}
    assert first.suggestion.text not in again


def test_rules_and_model_agreeing_give_one_suggestion_and_rejected_shapes_are_held_back(
        project: Project) -> None:
    lines = [f"{2020 + i}年全省工业增加值增长{i + 3}.{i}%，第{i + 1}季度出口额增长{i + 2}%。"
             for i in range(8)]
    rid = _report(project, "\n".join(lines), "metrics")
    rule = [s for s in suggestions.for_report(project, rid) if s.kind == "metric"]
    assert rule
    # tag the first few rule suggestions so a metric model exists
    for s in rule[:6]:
        suggestions.accept(project, rid, s)
    learning.train(project, "metric")
    merged = learning.suggest(project, rid, "all")
    keys = [(x.suggestion.kind, x.suggestion.start, x.suggestion.end) for x in merged]
    assert len(keys) == len(set(keys))
    metric_spans = [x for x in merged if x.suggestion.kind == "metric"]
    assert all(not (a.suggestion.start < b.suggestion.end and b.suggestion.start
                    < a.suggestion.end) for a in metric_spans for b in metric_spans if a is not b)


INDICATORS = ["规上工业增加值", "社会消费品零售总额", "固定资产投资", "高技术制造业增加值", "进出口总额",
              "一般公共预算收入", "装备制造业增加值", "软件业务收入", "电子信息制造业营业收入", "出口额"]
CITIES = ["长沙", "株洲", "湘潭", "衡阳", "岳阳", "常德", "益阳", "郴州", "永州", "怀化", "邵阳", "娄底"]


def growth_text(lines: int, seed: int) -> str:
    """Growth rates as the rules suggest them (增长5.2%), every fourth one 增长0%."""
    import random

    rng = random.Random(seed)
    out = []
    for i in range(lines):
        v = "0" if i % 4 == 3 else f"{rng.randint(1, 15)}.{rng.randint(1, 9)}"
        out.append(f"前三季度，{CITIES[i % 12]}市{INDICATORS[(i + seed) % 10]}同比增长{v}%。")
    return "\n".join(out)


def test_five_rejections_of_a_shape_stop_it_and_the_accepted_growth_rates_keep_coming(
        project: Project) -> None:
    """增长0% rejected five times stops; 增长5.2% and the like, which the team accepts, keep
    coming (the blunt shape rule held both back: figures as 0 make them one shape)."""
    rid = _report(project, growth_text(40, 1), "decided")
    found = [s for s in suggestions.for_report(project, rid) if s.kind == "metric"]
    zeros = [s for s in found if s.text == "增长0%"]
    rates = [s for s in found if s.text != "增长0%"]
    assert len(zeros) == 10 and len(rates) == 30
    for s in rates[:12]:
        suggestions.accept(project, rid, s)
    for s in zeros[:5]:
        suggestions.reject(project, rid, s)
    assert learning.due_kinds(project, every=5) == ["metric"]
    learning.train(project, "metric")
    assert learning.due_kinds(project, every=5) == []
    other = _report(project, growth_text(40, 7), "fresh")
    for report in (rid, other):
        shown = [x for x in learning.suggest(project, report, "all")
                 if x.suggestion.kind == "metric"]
        texts = [x.suggestion.text for x in shown]
        left = [s for s in suggestions.for_report(project, report) if s.kind == "metric"]
        left_rates = [s.text for s in left if s.text != "增长0%"]
        assert "增长0%" not in texts, texts
        assert sum(t in texts for t in left_rates) == len(left_rates), (left_rates, texts)
        assert all(x.confidence is not None for x in shown)
    # without a model's word the old rule stands: a family never tagged is held back
    text = "\n".join(f"第{i}批名单公布，共{i}家。" for i in range(1, 8))
    rid2 = _report(project, text, "shapes")
    fake = [Suggestion("metric", text.index(f"共{i}家") + 1, text.index(f"共{i}家") + 3,
                       f"{i}家", "test", {}) for i in range(1, 8)]
    for s in fake[:learning.SUPPRESS_AFTER]:
        suggestions.reject(project, rid2, s)
    families = learning._families(project, {"metric"})
    assert families[("metric", "0家")] == learning.SUPPRESS_AFTER
    assert "0家" not in learning._tagged_shapes(project, "metric")
    assert learning.held_back(True, None, lambda: False)
    assert not learning.held_back(True, 0.9, lambda: False)
    assert not learning.held_back(False, 0.1, lambda: False)


def test_ids_and_origins_of_any_kind() -> None:
    s = Suggestion("company_2", 3, 9, "华为科技公司", "learned:company_2", {})
    sid = suggestions.suggestion_id(s)
    assert suggestions.parse_id(sid) == ("company_2", 3, 9)
    assert suggestions.origin_of(s) == "learned:company_2"
    assert suggestions.origin_of(Suggestion("metric", 0, 1, "x", "metric.change")) \
        == "suggestion:metric.change"
    for bad in ("s:1x:1:2", "s::1:2", "s:metric:a:2", "t:metric:1:2", "s:metric:1"):
        try:
            suggestions.parse_id(bad)
        except ValueError:
            continue
        raise AssertionError(bad)


def test_rule_spans_scored_once_per_sentence_and_none_across_sentences() -> None:
    text, names = _text(FIRMS[:10], 0)
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    model = learning.train_sequences(learning.sequences_for(text, spans, [], True))
    loaded = learning._tagger(model)
    cut = text.index("。") + 1
    scored = learning._span_confidences(loaded, text, [*spans, (cut - 2, cut + 2), spans[0]])
    assert scored[(cut - 2, cut + 2)] is None  # across a sentence's end: no word on it
    assert all(0.5 < (scored[s] or 0) <= 1 for s in spans)
    one = sentences(text)[1]
    assert scored[spans[0]] == learning.span_confidence(loaded, one, *spans[0])


def test_the_workers_training_job_trains_only_the_kinds_due(project: Project) -> None:
    def job() -> list[learning.TrainOutcome]:
        return learning.train_due_job(lambda *_: None, target=project.target,
                                      analyst="alice", every=learning.TRAIN_EVERY)

    _, kind_id = add_kind(project, "Company", "公司")
    kind = next(k.key for k in __import__("desktop.services.kinds", fromlist=["x"])
                .list_kinds(project) if k.id == kind_id)
    text, names = _text(FIRMS[:20], 0)
    rid = _report(project, text, "r")
    for name in names[:learning.TRAIN_EVERY - 1]:
        tags.create_tag(project, rid, kind, text.index(name), text.index(name) + len(name))
    assert job() == []  # 19 decisions: not yet
    last = names[learning.TRAIN_EVERY - 1]
    tags.create_tag(project, rid, kind, text.index(last), text.index(last) + len(last))
    assert [(o.kind, o.examples) for o in job()] == [(kind, learning.TRAIN_EVERY)]
    assert job() == []  # trained: the count starts again
