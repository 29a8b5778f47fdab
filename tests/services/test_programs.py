"""The program registry: canonical names, aliases, rename, merge, links, alias scan."""

from __future__ import annotations

import random

import pytest

from desktop.domain.program_names import AliasMatcher, canonical_name
from desktop.services import programs, reports, suggestions, tags
from desktop.services.project import Project
from tests.conftest import no_hang


@pytest.mark.parametrize("raw, name", [
    ("“智赋万企”行动", "智赋万企行动"),
    ("《惠企政策口袋书》", "惠企政策口袋书"),
    ("“５Ｇ＋工业互联网”工程", "5G+工业互联网工程"),
    ("「广东强芯」 工程", "广东强芯 工程"),
])
def test_canonical_name(raw: str, name: str) -> None:
    assert canonical_name(raw) == name


def test_matcher_is_leftmost_longest_and_width_blind() -> None:
    matcher = AliasMatcher(["智赋万企", "智赋万企行动", "5G行动"])
    text = "实施“智赋万企行动”，推进５Ｇ行动和智赋万企"
    hits = [(h.start, h.end, h.alias) for h in matcher.find(text)]
    assert hits == [(3, 9, "智赋万企行动"), (13, 17, "5G行动"), (18, 22, "智赋万企")]
    assert AliasMatcher([]).find(text) == []
    assert AliasMatcher(["a.b"]).find("axb a.b") == [type(matcher.find("智赋万企")[0])(4, 7, "a.b")]


def test_thousand_aliases_over_a_megabyte_is_fast() -> None:
    rng = random.Random(7)
    han = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    aliases = ["".join(rng.choices(han, k=rng.randint(3, 9))) + rng.choice(["行动", "工程", "计划"])
               for _ in range(1000)]
    chunks = []
    for i in range(200):
        chunks.append("".join(rng.choices(han, k=5000)))
        chunks.append(aliases[i])
    text = "".join(chunks)
    assert len(text) > 1_000_000
    matcher = AliasMatcher(aliases)
    with no_hang():
        hits = matcher.find(text)
    assert len(hits) >= 200


def test_create_rename_keeps_old_name_as_alias(project: Project) -> None:
    changes, pid = programs.create(project, "“智赋万企”行动", category="行动")
    assert changes.programs
    assert programs.entry(project, pid) is not None
    with pytest.raises(ValueError, match="already"):
        programs.create(project, "智赋万企行动")
    with pytest.raises(ValueError, match="name"):
        programs.create(project, "“”")
    programs.rename(project, pid, "智赋万企专项行动")
    entry = programs.entry(project, pid)
    assert entry is not None and entry.name == "智赋万企专项行动"
    assert programs.aliases(project, pid) == ["“智赋万企”行动", "智赋万企行动"]
    # renaming back to an alias of its own is allowed: the alias is replaced
    programs.rename(project, pid, "智赋万企行动")
    assert programs.aliases(project, pid) == ["“智赋万企”行动", "智赋万企专项行动"]


def test_alias_of_another_entry_is_refused(project: Project) -> None:
    _, a = programs.create(project, "广东强芯工程")
    _, b = programs.create(project, "强芯行动")
    programs.add_alias(project, a, "强芯")
    with pytest.raises(ValueError, match="already names"):
        programs.add_alias(project, b, "强芯")
    with pytest.raises(ValueError, match="merge"):
        programs.rename(project, b, "广东强芯工程")
    programs.remove_alias(project, a, "强芯")
    programs.add_alias(project, b, "强芯")
    assert programs.aliases(project, b) == ["强芯"]


def test_merge_moves_aliases_and_tag_links(seeded: Project) -> None:
    rid = reports.library(seeded)[0].id
    doc = reports.document(seeded, rid)
    assert doc is not None
    _, a = programs.create(seeded, "甲工程")
    _, b = programs.create(seeded, "乙工程")
    programs.add_alias(seeded, a, "甲")
    t = tags.create_tag(seeded, rid, "program", 0, 4).new_tag
    assert t is not None
    programs.link_program_tag(seeded, t, a)
    entry = programs.entry(seeded, a)
    assert entry is not None and entry.tag_count == 1
    changes = programs.merge(seeded, a, b)
    assert rid in changes.tags and changes.programs
    assert programs.entry(seeded, a) is None
    merged = programs.entry(seeded, b)
    assert merged is not None
    assert (merged.alias_count, merged.tag_count) == (2, 1)
    assert programs.aliases(seeded, b) == ["甲", "甲工程"]
    detail = tags.detail(seeded, t)
    assert detail is not None
    assert detail.fields["program_id"] == b and detail.fields["name"] == "乙工程"
    assert any(h.action == "program relinked" for h in detail.history)
    with pytest.raises(ValueError):
        programs.merge(seeded, b, b)


def test_link_program_tag_by_its_text(seeded: Project) -> None:
    rid = reports.library(seeded)[0].id
    doc = reports.document(seeded, rid)
    assert doc is not None
    start = doc.text.index("“智赋万企”行动")
    t = tags.create_tag(seeded, rid, "program", start, start + 8).new_tag
    assert t is not None
    programs.link_program_tag(seeded, t)
    detail = tags.detail(seeded, t)
    assert detail is not None
    entry = programs.entry(seeded, detail.fields["program_id"])
    assert entry is not None and entry.name == "智赋万企行动"
    # a second mention links to the same entry
    t2 = tags.create_tag(seeded, rid, "program", start + 1, start + 5).new_tag
    assert t2 is not None
    programs.link_program_tag(seeded, t2, entry.id)
    again = programs.entry(seeded, entry.id)
    assert again is not None and again.tag_count == 2
    programs.unlink_program_tag(seeded, t2)
    again = programs.entry(seeded, entry.id)
    assert again is not None and again.tag_count == 1


def test_find_aliases_in_a_report(seeded: Project) -> None:
    rid = reports.library(seeded)[0].id
    doc = reports.document(seeded, rid)
    assert doc is not None
    _, pid = programs.create(seeded, "“智赋万企”行动")
    hits = programs.find_aliases(seeded, doc.text)
    assert hits and all(h.program_id == pid and h.name == "智赋万企行动" for h in hits)
    assert [doc.text[h.start:h.end] for h in hits] == ["“智赋万企”行动"] * doc.text.count("“智赋万企”行动")
    programs.add_alias(seeded, pid, "智赋万企")
    hits = programs.find_aliases(seeded, doc.text)
    assert len(hits) == doc.text.count("智赋万企")
    suggestions.clear_cache(seeded)
    found = suggestions.for_report(seeded, rid)
    rule_hit = next(s for s in found if s.text == "“智赋万企”行动")
    # the rule's own suggestion is kept and carries the entry's id
    assert rule_hit.rule != programs.REGISTRY_RULE
    assert rule_hit.fields["program_id"] == pid


def test_registry_and_suggestions_on_postgresql() -> None:
    """The JSON-field link query and the accept path on a team database."""
    from desktop.services import importing
    from desktop.services.project import open_project_as
    from tests.conftest import SEED
    from tests.team.conftest import fresh_pg_database

    with fresh_pg_database() as url:
        project = open_project_as(url, "alice")
        try:
            importing.import_files(project, [SEED])
            rid = reports.library(project)[0].id
            suggestions.clear_cache(project)
            found = suggestions.for_report(project, rid)
            prog = next(s for s in found if s.kind == "program")
            changes = suggestions.accept(project, rid, prog)
            assert changes.new_tag is not None
            rows = programs.entries(project)
            assert len(rows) == 1 and rows[0].tag_count == 1
            _, other = programs.create(project, "乙工程")
            programs.merge(project, rows[0].id, other)
            merged = programs.entry(project, other)
            assert merged is not None and merged.tag_count == 1
            suggestions.reject(project, rid, found[0])
            assert found[0] not in suggestions.for_report(project, rid)
        finally:
            project.close()
