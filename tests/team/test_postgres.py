"""The team database: the same models and migrations on a real PostgreSQL server, two
app instances at once, optimistic locking, merging into it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from db.errors import StaleTagError
from desktop.services import reports, review, tags
from desktop.services.merge import merge_project
from desktop.services.project import Project, open_project_as
from tests.team.conftest import seed_reports, tag_text

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


def test_migrations_run_on_postgres_and_a_second_open_does_not_redo_them(pg_url: str) -> None:
    from sqlalchemy import inspect, text

    from db.engine import current_revision
    from db.migrations import HEAD_REVISION

    first = open_project_as(pg_url, "alice")
    try:
        assert current_revision(first.engine) == HEAD_REVISION
        assert {"tag", "report", "review", "tag_event"} <= set(inspect(first.engine).get_table_names())
        with first.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM tag_kind")).scalar() == 3
    finally:
        first.close()
    second = open_project_as(pg_url, "bob")
    try:
        with second.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM tag_kind")).scalar() == 3
    finally:
        second.close()


def test_two_instances_see_each_others_tags(two_instances: tuple[Project, Project]) -> None:
    alice, bob = two_instances
    rid = seed_reports(alice)["湖南"]
    assert [r.id for r in reports.library(bob)][:2] == [r.id for r in reports.library(alice)][:2]
    tid = tag_text(alice, rid, "7.9亿元", "metric", value="7.9")
    seen = tags.table(bob, rid)
    assert [(t.id, t.author, t.fields) for t in seen] == [(tid, "alice", {"value": "7.9"})]
    review.accept(bob, tid, "ok")
    assert tags.detail(alice, tid).status == "accepted"
    assert [i.tag_id for i in review.queue(bob, status="accepted")] == [tid]


def test_an_edit_to_a_tag_the_other_changed_is_refused(two_instances: tuple[Project, Project]) -> None:
    alice, bob = two_instances
    rid = seed_reports(alice)["湖南"]
    tid = tag_text(alice, rid, "7.9亿元", "metric")
    loaded_by_bob = tags.detail(bob, tid)
    loaded_by_alice = tags.detail(alice, tid)
    tags.set_note(alice, tid, "alice's note", expected_version=loaded_by_alice.version)
    with pytest.raises(StaleTagError, match="Someone else changed this tag since you loaded it"):
        tags.set_note(bob, tid, "bob's note", expected_version=loaded_by_bob.version)
    with pytest.raises(StaleTagError, match="Someone else changed this tag"):
        review.reject(bob, tid, expected_version=loaded_by_bob.version)
    detail = tags.detail(bob, tid)
    assert (detail.note, detail.status) == ("alice's note", "open")


def test_concurrent_writes_between_read_and_flush_are_refused(
    two_instances: tuple[Project, Project],
) -> None:
    """The version column guards the UPDATE itself, not only the check before it; the
    race reaches the window as the stale-tag message (a ProjectError), not a raw
    StaleDataError."""
    from db.models import Tag

    alice, bob = two_instances
    rid = seed_reports(alice)["湖南"]
    tid = tag_text(alice, rid, "7.9亿元", "metric")
    with bob.uow() as session:
        tag = session.get(Tag, tid)
        assert tag is not None
        tags.set_note(alice, tid, "alice was faster")
        tag.note = "bob's late edit"
        with pytest.raises(StaleTagError, match="Someone else changed"):
            session.commit()
    assert tags.detail(alice, tid).note == "alice was faster"


def test_merge_a_project_file_into_the_team_database(
    pg_url: str, make_project: Any
) -> None:
    carol = make_project("carol.rmk", "carol")
    hn = seed_reports(carol)["湖南"]
    tid = tag_text(carol, hn, "“智赋万企”行动", "program", name="智赋万企")
    team = open_project_as(pg_url, "alice")
    try:
        seed_reports(team)
        outcome = merge_project(team, carol.target)
        assert (outcome.reports_matched, outcome.tags_added) == (2, 1)
        team_hn = next(r.id for r in reports.library(team) if r.region == "湖南")
        assert [(t.id, t.author) for t in tags.table(team, team_hn)] == [(tid, "carol")]
        assert not merge_project(team, carol.target).changed_anything
        # and back: the team database merged into a file
        review.accept(team, tid)
        back = merge_project(carol, pg_url)
        assert back.tags_updated == 1 and back.reviews_added == 1
        assert tags.detail(carol, tid).status == "accepted"
    finally:
        team.close()


def test_polling_shows_a_colleagues_new_work(two_instances: tuple[Project, Project]) -> None:
    from desktop.services.team import poll

    alice, bob = two_instances
    stamp, nothing = poll(bob, None)
    assert nothing.empty
    rid = seed_reports(alice)["湖南"]
    stamp, changes = poll(bob, stamp)
    assert changes.library and not changes.tags
    tag_text(alice, rid, "7.9亿元", "metric")
    stamp, changes = poll(bob, stamp)
    assert changes.tags == {rid}
    tag_text(bob, rid, "504亿元", "metric")  # bob's own work is not news to bob
    stamp, changes = poll(bob, stamp)
    assert changes.empty
