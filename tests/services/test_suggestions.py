"""Suggestions on the seeded project: computed, filtered, accepted, rejected."""

from __future__ import annotations

import pytest

from db.models import Tag
from desktop.domain.suggesters import RULES_VERSION
from desktop.services import programs, reports, suggestions, tags
from desktop.services.project import Project


def _hunan(project: Project) -> str:
    rows = reports.library(project)
    return next(r.id for r in rows if r.region == "湖南")


def test_seed_suggestions_carry_fields_and_ids(seeded: Project) -> None:
    rid = _hunan(seeded)
    doc = reports.document(seeded, rid)
    assert doc is not None
    found = suggestions.for_report(seeded, rid)
    kinds = {s.kind for s in found}
    assert {"metric", "program"} <= kinds
    assert len(found) > 30
    for s in found:
        assert doc.text[s.start:s.end] == s.text
    growth = next(s for s in found if s.kind == "metric" and s.text.endswith("7.8%"))
    assert growth.fields["region"] == "湖南"
    assert growth.fields["unit"] == "%"
    sid = suggestions.suggestion_id(growth)
    assert sid == f"s:metric:{growth.start}:{growth.end}"
    assert suggestions.parse_id(sid) == ("metric", growth.start, growth.end)
    assert suggestions.by_id(seeded, rid, sid) == growth
    ids = [suggestions.suggestion_id(s) for s in found]
    assert len(ids) == len(set(ids))


def test_cached_per_report_and_rules_version(seeded: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    rid = _hunan(seeded)
    first = suggestions.for_report(seeded, rid)
    calls: list[str] = []
    monkeypatch.setattr(suggestions, "suggest", lambda *a, **k: calls.append("x") or [])
    assert suggestions.for_report(seeded, rid) == first
    assert calls == []
    assert suggestions.work_for(seeded, rid) is None


def test_worker_compute_primes_the_cache(seeded: Project) -> None:
    rid = _hunan(seeded)
    work = suggestions.work_for(seeded, rid)
    assert work is not None and work.rules_version == RULES_VERSION
    items = suggestions.compute(*work.args)
    assert items and set(items[0]) == {"kind", "start", "end", "text", "rule", "fields"}
    suggestions.prime(seeded, rid, items)
    assert suggestions.work_for(seeded, rid) is None
    direct = suggestions.for_report(seeded, rid)
    assert [(s.kind, s.start, s.end) for s in direct] == [
        (d["kind"], d["start"], d["end"]) for d in items
    ]


def test_accept_fills_fields_and_origin(seeded: Project) -> None:
    rid = _hunan(seeded)
    metric = next(s for s in suggestions.for_report(seeded, rid) if s.kind == "metric")
    changes = suggestions.accept(seeded, rid, metric)
    assert changes.new_tag is not None and rid in changes.tags
    tag = tags.detail(seeded, changes.new_tag)
    assert tag is not None
    assert (tag.kind, tag.start, tag.end, tag.quote) == ("metric", metric.start, metric.end, metric.text)
    assert tag.origin == f"suggestion:{metric.rule}"
    assert tag.fields["unit"] == metric.fields["unit"]
    assert tag.fields["value"] == metric.fields["value"]
    assert tag.author == "alice"
    # accepted: no longer suggested
    assert metric not in suggestions.for_report(seeded, rid)


def test_accepting_a_program_links_the_registry(seeded: Project) -> None:
    rid = _hunan(seeded)
    prog = next(s for s in suggestions.for_report(seeded, rid)
                if s.kind == "program" and s.text == "“智赋万企”行动")
    changes = suggestions.accept(seeded, rid, prog)
    assert changes.programs
    assert changes.new_tag is not None
    tag = tags.detail(seeded, changes.new_tag)
    assert tag is not None
    entry = programs.entry(seeded, tag.fields["program_id"])
    assert entry is not None
    assert entry.name == "智赋万企行动" == tag.fields["name"]
    assert entry.tag_count == 1
    assert "“智赋万企”行动" in programs.aliases(seeded, entry.id)


def test_reject_is_remembered_and_undone(seeded: Project) -> None:
    rid = _hunan(seeded)
    target = suggestions.for_report(seeded, rid)[3]
    changes = suggestions.reject(seeded, rid, target)
    # the change set names the one suggestion: views drop its mark, recompute nothing
    assert changes.rejected == {suggestions.suggestion_id(target)} and not changes.tags
    suggestions.reject(seeded, rid, target)  # twice is harmless
    suggestions.clear_cache(seeded)
    assert target not in suggestions.for_report(seeded, rid)
    assert rid in suggestions.unreject(seeded, rid, target).suggestions
    assert target in suggestions.for_report(seeded, rid)


def test_reject_is_per_kind(seeded: Project) -> None:
    rid = _hunan(seeded)
    metric = next(s for s in suggestions.for_report(seeded, rid) if s.kind == "metric")
    other_kind = type(metric)("program", metric.start, metric.end, metric.text, "x")
    suggestions.reject(seeded, rid, other_kind)
    assert metric in suggestions.for_report(seeded, rid)


def test_accept_kind_tags_all_of_one_kind(seeded: Project) -> None:
    rid = _hunan(seeded)
    before = suggestions.for_report(seeded, rid)
    metrics = [s for s in before if s.kind == "metric"]
    changes, ids = suggestions.accept_kind(seeded, rid, "metric")
    assert rid in changes.tags
    assert len(ids) == len(metrics)
    rows = tags.table(seeded, rid)
    assert {(t.start, t.end) for t in rows if t.kind == "metric"} == {(s.start, s.end) for s in metrics}
    assert all(t.origin.startswith("suggestion:metric.") for t in rows)
    after = suggestions.for_report(seeded, rid)
    assert not [s for s in after if s.kind == "metric"]
    assert [s for s in after if s.kind == "program"] == [s for s in before if s.kind == "program"]
    # nothing left: a second call creates nothing
    assert suggestions.accept_kind(seeded, rid, "metric")[1] == []
    with pytest.raises(ValueError):
        suggestions.accept_kind(seeded, rid, "nonsense")


def test_spans_tagged_by_anyone_are_not_suggested(seeded: Project) -> None:
    from desktop.services.project import switch_analyst

    rid = _hunan(seeded)
    metric = next(s for s in suggestions.for_report(seeded, rid) if s.kind == "metric")
    switch_analyst(seeded, "bob")
    tags.create_tag(seeded, rid, "metric", metric.start, metric.end)
    switch_analyst(seeded, "alice")
    found = suggestions.for_report(seeded, rid)
    assert metric not in found
    # the same span with another kind would still be suggested
    with seeded.uow() as session:
        assert session.query(Tag).count() == 1


def test_registry_aliases_become_suggestions(seeded: Project) -> None:
    rid = _hunan(seeded)
    doc = reports.document(seeded, rid)
    assert doc is not None
    needle = "北斗"
    assert needle in doc.text
    _, pid = programs.create(seeded, "北斗规模应用工程")
    programs.add_alias(seeded, pid, needle)
    found = [s for s in suggestions.for_report(seeded, rid) if s.rule == programs.REGISTRY_RULE]
    assert found
    assert all(s.text == needle and s.fields["program_id"] == pid for s in found)
    assert len(found) == doc.text.count(needle) - sum(
        1 for s in suggestions.for_report(seeded, rid)
        if s.kind == "program" and s.rule != programs.REGISTRY_RULE and needle in s.text
    )
    changes = suggestions.accept(seeded, rid, found[0])
    assert changes.new_tag is not None
    tag = tags.detail(seeded, changes.new_tag)
    assert tag is not None and tag.fields["program_id"] == pid
    assert tag.fields["name"] == "北斗规模应用工程"
    assert tag.origin == "suggestion:program.registry"


def test_unknown_report_is_a_clear_error(seeded: Project) -> None:
    with pytest.raises(ValueError, match="no longer exists"):
        suggestions.for_report(seeded, "missing")
    with pytest.raises(ValueError, match="suggestion id"):
        suggestions.parse_id("t:metric:1:2")
