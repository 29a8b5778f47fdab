"""Merges that lose nothing and double nothing (issue 11, items 5, 6 and 7): deletions
travel as tombstones so merges converge, the same analyst's identical tags stay one,
and a damaged colleague's project is refused with the bad row named."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from db.queries.merge_checks import DamagedSourceError
from desktop.cli import main
from desktop.services import reports, tags
from desktop.services.merge import merge_project
from tests.team.conftest import seed_reports, tag_text

NEEDLES = ("7.9亿元", "“智赋万企”行动", "前三季度", "工业", "增长")


def content(project: Any) -> set[tuple[str, str, str, int, int, str]]:
    """What an analyst sees: (report, author, kind, start, end, fields) of every tag."""
    out = set()
    for r in reports.library(project):
        for t in tags.table(project, r.id):
            detail = tags.detail(project, t.id)
            assert detail is not None
            out.add((r.region, t.author, t.kind, t.start, t.end, repr(sorted(detail.fields.items()))))
    return out


def test_merges_converge_after_deletions_on_both_sides(make_project: Any) -> None:
    alice = make_project("alice.rmk", "alice")
    bob = make_project("bob.rmk", "bob")
    a_ids, b_ids = seed_reports(alice), seed_reports(bob)
    mine = [tag_text(alice, a_ids["湖南"], n, "metric") for n in NEEDLES[:3]]
    theirs = [tag_text(bob, b_ids["湖南"], n, "program") for n in NEEDLES]
    merge_project(alice, bob.target)
    merge_project(bob, alice.target)
    assert content(alice) == content(bob) and len(content(alice)) == 8
    tags.delete_tag(alice, theirs[0])  # alice deletes one of bob's tags
    tags.delete_tag(bob, theirs[1])  # bob deletes one of his own
    tags.delete_tag(bob, mine[0])  # and one of alice's
    tags.set_fields(bob, theirs[2], {"value": "3"})  # bob edits one
    tag_text(alice, a_ids["广东"], "工业", "metric")  # both add one
    tag_text(bob, b_ids["广东"], "工业", "target")

    merge_project(alice, bob.target)  # A←B
    merge_project(bob, alice.target)  # B←A
    merge_project(alice, bob.target)  # A←B
    assert content(alice) == content(bob)
    left = content(alice)
    assert len(left) == 8 - 3 + 2
    assert not any(t[2] == "program" and t[3:5] == _span(alice, a_ids, NEEDLES[0]) for t in left)
    # and once converged, merging again changes nothing on either side
    assert not merge_project(alice, bob.target).changed_anything
    assert not merge_project(bob, alice.target).changed_anything


def copy_project(src: str, name: str) -> None:
    """A copy of a project file as a user makes one (its WAL included)."""
    with sqlite3.connect(src) as a, sqlite3.connect(Path(src).with_name(name)) as b:
        a.backup(b)
    a.close()
    b.close()


def _span(project: Any, ids: dict[str, str], needle: str) -> tuple[int, int]:
    text = reports.document(project, ids["湖南"]).text
    start = text.index(needle)
    return start, start + len(needle)


def test_a_tag_changed_after_the_colleague_deleted_it_survives_on_both_sides(
        make_project: Any) -> None:
    alice = make_project("alice.rmk", "alice")
    a_ids = seed_reports(alice)
    tag_id = tag_text(alice, a_ids["湖南"], "7.9亿元", "metric")
    copy_project(alice.target, "bob.rmk")
    bob = make_project("bob.rmk", "bob")
    tags.delete_tag(bob, tag_id)
    tags.set_fields(alice, tag_id, {"value": "7.9"})  # later than bob's deletion
    merge_project(alice, bob.target)
    merge_project(bob, alice.target)
    assert content(alice) == content(bob) and len(content(bob)) == 1


def test_the_same_analysts_identical_tags_from_two_copies_are_one(make_project: Any) -> None:
    desktop = make_project("desktop.rmk", "alice")
    ids = seed_reports(desktop)
    copy_project(desktop.target, "laptop.rmk")
    laptop = make_project("laptop.rmk", "alice")
    for project in (desktop, laptop):  # the same suggestions accepted on each machine
        for needle in NEEDLES:
            tag_text(project, ids["湖南"], needle, "metric", value="1")
    tag_text(laptop, ids["湖南"], "7.9亿元", "program")  # and one made only on the laptop
    tags.set_fields(laptop, next(t.id for t in tags.table(laptop, ids["湖南"])
                                 if t.quote == "增长"), {"value": "2"})  # edited later there
    outcome = merge_project(desktop, laptop.target)
    assert outcome.tags_added == 1
    rows = tags.table(desktop, ids["湖南"])
    assert len(rows) == len(NEEDLES) + 1
    grew = next(t for t in rows if t.quote == "增长")
    detail = tags.detail(desktop, grew.id)
    assert detail is not None and detail.fields["value"] == "2"  # the newer version
    merge_project(laptop, desktop.target)
    assert content(laptop) == content(desktop)


def test_identical_tags_from_two_separate_projects_of_one_analyst_are_one(
        make_project: Any) -> None:
    first = make_project("first.rmk", "alice")
    second = make_project("second.rmk", "alice")
    a_ids, b_ids = seed_reports(first), seed_reports(second)
    for project, ids in ((first, a_ids), (second, b_ids)):
        for needle in NEEDLES:
            tag_text(project, ids["湖南"], needle, "metric", value="1")
    merge_project(first, second.target)
    assert len(tags.table(first, a_ids["湖南"])) == len(NEEDLES)


def _digest(path: str) -> str:
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.mark.parametrize("damage, named", [
    ("UPDATE tag SET fields = '{\"value\": 7.9' WHERE id = :id", "fields value of tag"),
    ("UPDATE tag SET fields = '[1, 2]' WHERE id = :id", "fields value of tag"),
    ("UPDATE tag SET \"end\" = 10000000 WHERE id = :id", "does not lie inside"),
    ("UPDATE tag SET updated_at = 'yesterday' WHERE id = :id", "updated_at value of tag"),
    ("UPDATE tag SET report_id = 'no-such-report' WHERE id = :id", "refers to a report"),
])
def test_a_damaged_row_in_the_colleagues_project_is_refused_and_named(
        make_project: Any, damage: str, named: str, capsys: pytest.CaptureFixture[str]) -> None:
    alice = make_project("alice.rmk", "alice")
    bob = make_project("bob.rmk", "bob")
    a_ids, b_ids = seed_reports(alice), seed_reports(bob)
    tag_text(alice, a_ids["湖南"], "7.9亿元", "metric", value="7.9")
    bad = tag_text(bob, b_ids["湖南"], "7.9亿元", "metric", value="7.9")
    bob.close()
    with sqlite3.connect(bob.target) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(damage.replace(":id", f"'{bad}'"))
    conn.close()
    before = content(alice)
    alice.close()
    digest = _digest(alice.target)
    with pytest.raises(DamagedSourceError, match=named) as refused:
        from desktop.services.project import open_project_as

        again = open_project_as(alice.target, "alice")
        try:
            merge_project(again, bob.target)
        finally:
            again.close()
    assert bad in str(refused.value) or "report" in named
    assert _digest(alice.target) == digest  # nothing changed
    # the command line says it in one line; the project still shows and exports
    assert main(["--db", alice.target, "merge", bob.target]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot be merged" in err
    assert main(["--db", alice.target, "show", a_ids["湖南"], "--json"]) == 0
    from desktop.services.project import open_project_as

    reopened = open_project_as(alice.target, "alice")
    try:
        assert content(reopened) == before
    finally:
        reopened.close()
