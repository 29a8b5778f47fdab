"""Agreement between two analysts who tagged the seed, adjudication, and the commands."""

from __future__ import annotations

import json
from typing import Any

import pytest

from desktop.cli import main
from desktop.services import agreement as svc
from desktop.services import tags
from desktop.services.merge import merge_project
from tests.team.conftest import seed_reports, tag_text


@pytest.fixture
def merged(make_project: Any) -> tuple[Any, dict[str, str], dict[str, dict[str, str]]]:
    """alice merged bob's separately tagged project; returns her project and the tag ids."""
    alice = make_project("alice.rmk", "alice")
    bob = make_project("bob.rmk", "bob")
    a_rep, b_rep = seed_reports(alice), seed_reports(bob)
    hn_a, hn_b = a_rep["湖南"], b_rep["湖南"]
    ids = {"alice": {
        "same": tag_text(alice, hn_a, "7.9亿元", "metric", value="7.9", unit="亿元"),
        "value": tag_text(alice, hn_a, "504亿元", "metric", value="504", period="1—9月"),
        "kind": tag_text(alice, hn_a, "《惠企政策口袋书》", "program"),
        "only": tag_text(alice, hn_a, "“智赋万企”行动", "program"),
    }, "bob": {
        "same": tag_text(bob, hn_b, "7.9亿元", "metric", value="7.90", unit="亿元"),
        "value": tag_text(bob, hn_b, "504亿元", "metric", value="540", period="前三季度"),
        "kind": tag_text(bob, hn_b, "《惠企政策口袋书》", "target"),
    }}
    # bob also tagged the Guangdong report, which alice has not started: it does not count
    tag_text(bob, b_rep["广东"], "前三季度", "metric")
    merge_project(alice, bob.target)
    return alice, a_rep, ids


def test_agreement_over_reports_both_tagged(merged: Any) -> None:
    alice, _reps, _ids = merged
    result = svc.agreement(alice, "alice", "bob").result
    assert result.reports == 1
    metric = next(k for k in result.per_kind if k.kind == "metric")
    assert (metric.count_a, metric.count_b) == (2, 2)
    assert metric.exact.f1 == 1.0
    assert metric.record.f1 == 0.5  # 7.9 = 7.90; 504 ≠ 540 (the periods agree)
    assert result.overall.count_b == 3
    reasons = [d.reason for d in result.disagreements]
    assert reasons == ["kind", "only_a", "fields"]
    assert 0 < result.overall.kappa < 1


def test_every_pair_lists_each_pair_once(merged: Any, make_project: Any) -> None:
    alice, _reps, _ids = merged
    pairs = svc.every_pair(alice)
    assert [(p.analyst_a, p.analyst_b) for p in pairs] == [("alice", "bob")]
    with pytest.raises(ValueError, match="no analyst 'zoe'"):
        svc.agreement(alice, "alice", "zoe")


def test_adjudication_builds_the_consensus_layer(merged: Any) -> None:
    alice, reps, ids = merged
    result = svc.agreement(alice, "alice", "bob").result
    kind_dispute = result.disagreements[0]
    assert kind_dispute.a is not None and kind_dispute.b is not None
    svc.pick(alice, kind_dispute.a.id, (kind_dispute.b.id,))
    svc.pick(alice, kind_dispute.a.id, (kind_dispute.b.id,))  # again: no duplicate
    value = next(d for d in result.disagreements if d.reason == "fields")
    assert value.a is not None and value.b is not None
    svc.combine(alice, (value.b.id, value.a.id))
    svc.write_own(alice, reps["湖南"], "program", kind_dispute.start, kind_dispute.end - 1,
                  {"name": "惠企政策口袋书"})
    consensus = [t for t in tags.table(alice, reps["湖南"]) if t.author == "consensus"]
    assert sorted((t.kind, t.quote, t.fields.get("value", "")) for t in consensus) == [
        ("metric", "504亿元", "540"), ("program", "《惠企政策口袋书", ""),
        ("program", "《惠企政策口袋书》", "")]
    assert {t.status for t in consensus} == {"accepted"}
    picked = next(t for t in consensus if t.quote == "《惠企政策口袋书》")
    links = {(li.type, li.other_id) for li in tags.detail(alice, picked.id).links}
    assert links == {("adjudicates", ids["alice"]["kind"]), ("adjudicates", kind_dispute.b.id)}
    # the consensus layer is not a colleague to agree with
    assert [(p.analyst_a, p.analyst_b) for p in svc.every_pair(alice)] == [("alice", "bob")]


def test_agreement_command_prints_the_figures(merged: Any, capsys: Any) -> None:
    alice, _reps, _ids = merged
    assert main(["--db", alice.target, "agreement", "alice", "bob", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["a"] == "alice" and doc["b"] == "bob"
    assert doc["overall"]["exact_f1"] == 0.5714
    assert [k["kind"] for k in doc["per_kind"]][:3] == ["metric", "program", "target"]
    assert doc["top_disagreements"][0]["reason"] == "kind"
    assert main(["--db", alice.target, "agreement", "alice", "bob"]) == 0
    out = capsys.readouterr().out
    assert "overall" in out and "3 disagreements" in out
    assert main(["--db", alice.target, "agreement", "alice", "nobody"]) == 1
    assert "no analyst 'nobody'" in capsys.readouterr().err


def test_merge_command(make_project: Any, capsys: Any) -> None:
    alice = make_project("alice.rmk", "alice")
    bob = make_project("bob.rmk", "bob")
    seed_reports(alice)
    tag_text(bob, seed_reports(bob)["湖南"], "7.9亿元", "metric")
    assert main(["--db", alice.target, "--analyst", "alice", "merge", bob.target]) == 0
    assert "1 tags added" in capsys.readouterr().out
    assert main(["--db", alice.target, "--analyst", "alice", "merge", bob.target]) == 0
    assert "nothing new" in capsys.readouterr().out
    assert main(["--db", alice.target, "merge", str(alice.target) + ".missing"]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_identical_layers_agree_at_one_on_every_figure(make_project: Any) -> None:
    """Two analysts accept every suggestion on the same report in their own projects:
    after the merge their layers are identical (only the ids of registry entries and
    linked tags differ), and every figure of every kind is 1.0."""
    from desktop.services import suggestions, tags

    alice = make_project("alice.rmk", "alice")
    bob = make_project("bob.rmk", "bob")
    for project in (alice, bob):
        report = seed_reports(project)["湖南"]
        for kind in ("metric", "program", "target"):
            suggestions.accept_kind(project, report, kind)
        # the program is suggested (and so accepted) or tagged by hand: one tag either way
        program = next(
            (row.id for row in tags.table(project, report)
             if row.kind == "program" and row.quote == "先进制造业高地标志性工程"),
            None,
        ) or tag_text(project, report, "先进制造业高地标志性工程", "program",
                      name="先进制造业高地标志性工程")
        tag_text(project, report, "加快构建工业经济增长第二曲线", "target", year=2026,
                 indicator="工业经济增长第二曲线", program=program)
    merge_project(alice, bob.target)
    result = svc.agreement(alice, "alice", "bob").result
    counts = {k.kind: k.count_a for k in result.per_kind}
    assert counts["metric"] > 0 and counts["program"] > 0 and counts["target"] > 0
    for fig in (result.overall, *result.per_kind):
        assert (fig.kind, fig.exact.f1, fig.overlap.f1, fig.record.f1, fig.kappa) == (
            fig.kind, 1.0, 1.0, 1.0, 1.0)
        assert fig.count_a == fig.count_b
    per_kind_chars = {k.kind: k.tagged_chars for k in result.per_kind}
    assert 0 < per_kind_chars["program"] < result.overall.tagged_chars
    assert result.disagreements == ()
