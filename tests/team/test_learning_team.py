"""Suggestions that learn on the team database (PostgreSQL): a model trained in one
analyst's window is the other's too, a learned suggestion is accepted with its origin, and
a shape rejected five times is held back by the model for both."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.services import learning, suggestions, tags
from desktop.services.kinds import add_kind, list_kinds
from desktop.services.project import Project, open_project_as
from tests.services.test_learning import FIRMS, _report, _text, growth_text

pytestmark = pytest.mark.postgres


@pytest.fixture
def two_instances(pg_url: str) -> Iterator[tuple[Project, Project]]:
    alice = open_project_as(pg_url, "alice")
    bob = open_project_as(pg_url, "bob")
    try:
        yield alice, bob
    finally:
        alice.close()
        bob.close()


def test_a_model_trained_by_one_analyst_suggests_to_the_other(
        two_instances: tuple[Project, Project], pg_url: str) -> None:
    alice, bob = two_instances
    _, kind_id = add_kind(alice, "Company", "公司")
    key = next(k.key for k in list_kinds(alice) if k.id == kind_id)
    for n, chunk in enumerate((FIRMS[:10], FIRMS[10:20])):
        text, names = _text(chunk, n)
        rid = _report(alice, text, f"r{n}")
        for name in names:
            tags.create_tag(alice, rid, key, text.index(name), text.index(name) + len(name))
    assert learning.due_kinds(alice) == [key]
    # the worker's job, as the window runs it (another connection to the same database)
    outcomes = learning.train_project_job(lambda *_: None, target=pg_url, analyst="alice")
    assert [(o.kind, o.trained, o.examples) for o in outcomes] == [(key, True, 20)]
    assert learning.due_kinds(alice) == []
    text, names = _text(FIRMS[20:], 2)
    held = _report(alice, text, "held")
    found = [x for x in learning.suggest(bob, held, "learned") if x.suggestion.text in names]
    assert len(found) >= 6
    learning.accept(bob, held, found[0])
    assert any(r.origin == f"learned:{key}" for r in tags.table(alice, held))


def test_a_shape_rejected_five_times_is_held_back_on_the_team_database(
        two_instances: tuple[Project, Project]) -> None:
    alice, bob = two_instances
    rid = _report(alice, growth_text(40, 1), "decided")
    found = [s for s in suggestions.for_report(alice, rid) if s.kind == "metric"]
    for s in [s for s in found if s.text != "增长0%"][:12]:
        suggestions.accept(alice, rid, s)
    for s in [s for s in found if s.text == "增长0%"][:5]:
        suggestions.reject(bob, rid, s)
    learning.train(alice, "metric")
    fresh = _report(alice, growth_text(40, 7), "fresh")
    shown = [x.suggestion.text for x in learning.suggest(bob, fresh, "all")
             if x.suggestion.kind == "metric"]
    assert "增长0%" not in shown
    assert sum(t.startswith("增长") for t in shown) == 30
