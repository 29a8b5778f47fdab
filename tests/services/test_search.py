from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.services import importing, reports, tags
from desktop.services.search import (
    BadPattern,
    search_project,
    search_report,
    search_tags,
    tag_results,
)


def _hunan(project) -> str:
    return next(r.id for r in reports.library(project) if r.region == "湖南")


def test_a_phrase_is_found_across_reports_with_context_and_offsets(seeded):
    result = search_project(seeded, "高质量发展")
    assert result.hits and result.reports == 2
    for hit in result.hits:
        doc = reports.document(seeded, hit.report_id)
        assert doc is not None
        assert doc.text[hit.start : hit.end] == "高质量发展" == hit.match
        assert doc.text[hit.start - len(hit.before) : hit.start] == hit.before.replace(" ", "\n") or hit.before
        assert hit.report_title == doc.title


@pytest.mark.parametrize("query", ["湖", "工业", "智赋"])
def test_one_and_two_character_chinese_queries_work(seeded, query):
    result = search_project(seeded, query)
    assert result.hits
    assert all(h.match == query for h in result.hits)


def test_full_width_and_half_width_forms_are_equal(project, tmp_path: Path):
    src = tmp_path / "r.txt"
    src.write_text("浙江省经济和信息化厅\n\n浙江工业\n\n全年增长７．８％，ＧＤＰ突破９万亿元。", encoding="utf-8")
    importing.import_files(project, [src])
    hit = search_project(project, "7.8%").hits[0]
    assert hit.match == "７．８％"  # shown as stored
    assert [h.match for h in search_project(project, "gdp").hits] == ["ＧＤＰ"]
    assert search_project(project, "９万亿").hits[0].match == "９万亿"
    assert search_project(project, "9万").hits[0].match == "９万"


def test_regular_expressions_and_their_errors(seeded):
    result = search_project(seeded, r"增长\d+(\.\d+)?%", regex=True)
    assert result.hits
    assert all(h.match.startswith("增长") and h.match.endswith("%") for h in result.hits)
    with pytest.raises(BadPattern, match="not valid"):
        search_project(seeded, "增长(", regex=True)
    with pytest.raises(BadPattern):
        search_project(seeded, "")


def test_in_report_search_finds_every_occurrence(seeded):
    rid = _hunan(seeded)
    doc = reports.document(seeded, rid)
    assert doc is not None
    hits = search_report(seeded, rid, "工业").hits
    assert [(h.start, h.end) for h in hits] == tags.occurrences(doc.text, "工业")


def test_results_stop_at_the_limit_and_say_so(seeded):
    result = search_project(seeded, "的", limit=5)
    assert len(result.hits) == 5 and result.truncated


def test_reports_added_without_the_importer_are_indexed_before_searching(seeded):
    with seeded.engine.begin() as conn:
        conn.execute(text("DELETE FROM report_fts_doc"))
        assert conn.execute(text("SELECT count(*) FROM report_fts")).scalar() == 0
    assert search_project(seeded, "高质量发展").reports == 2


def test_deleting_a_report_removes_it_from_the_index(seeded):
    with seeded.engine.begin() as conn:
        conn.execute(text("DELETE FROM report WHERE id = :id"), {"id": _hunan(seeded)})
        assert conn.execute(text("SELECT count(*) FROM report_fts")).scalar() == 1
    assert search_project(seeded, "高质量发展").reports == 1


def test_tag_all_results_then_find_them_by_kind_author_status_and_field(seeded):
    hits = search_project(seeded, "智赋万企").hits
    spans = [(h.report_id, h.start, h.end) for h in hits]
    changes, created = tag_results(seeded, "program", spans)
    assert len(created) == len(hits) and changes.tags
    assert tag_results(seeded, "program", spans)[1] == []  # already tagged: skipped
    found = search_tags(seeded, kind="program", author="alice", status="open")
    assert sorted((t.report_id, t.start, t.end) for t in found) == sorted(spans)
    assert all(t.quote == "智赋万企" for t in found)
    tags.set_fields(seeded, created[0], {"name": "“智赋万企”行动"})
    assert [t.tag_id for t in search_tags(seeded, field_value="智赋万企行动")] == []
    assert [t.tag_id for t in search_tags(seeded, field_value="智赋万企”行")] == [created[0]]
    assert search_tags(seeded, kind="metric") == []
    assert search_tags(seeded, author="bob") == []


def test_results_follow_reports_added_and_removed_after_a_search(seeded, tmp_path: Path):
    before = search_project(seeded, "湖")
    assert before.hits
    src = tmp_path / "new.txt"
    src.write_text("浙江省经济和信息化厅\n\n浙江工业\n\n湖州市全年增长７．８％。", encoding="utf-8")
    importing.import_files(seeded, [src])
    after = search_project(seeded, "湖州")
    assert [h.match for h in after.hits] == ["湖州"]
    assert [h.match for h in search_project(seeded, r"湖州市\w", regex=True).hits] == ["湖州市全"]
    new_id = after.hits[0].report_id
    with seeded.engine.begin() as conn:
        conn.execute(text("DELETE FROM report WHERE id = :id"), {"id": new_id})
    assert search_project(seeded, "湖州").hits == ()
    assert search_project(seeded, r"湖州市\w", regex=True).hits == ()


def test_context_is_shown_as_stored_and_in_report_search_uses_it_too(project, tmp_path: Path):
    src = tmp_path / "r.txt"
    src.write_text("浙江省经济和信息化厅\n\n浙江工业\n\n全年增长７．８％，ＧＤＰ突破９万亿元。", encoding="utf-8")
    importing.import_files(project, [src])
    for hits in (search_project(project, "gdp").hits, search_project(project, "GDP").hits,
                 search_project(project, r"g\w{2}", regex=True).hits):
        assert [(h.before[-3:], h.match, h.after[:3]) for h in hits] == [("８％，", "ＧＤＰ", "突破９")]
    assert [h.match for h in search_project(project, "gd").hits] == ["ＧＤ"]
    rid = search_project(project, "gd").hits[0].report_id
    doc = reports.document(project, rid)
    assert doc is not None
    for hit in search_report(project, rid, "，ｇ").hits + search_report(project, rid, "亿").hits:
        assert doc.text[hit.start : hit.end] == hit.match
        assert doc.text[hit.start - len(hit.before) : hit.start].replace("\n", " ") == hit.before
        assert doc.text[hit.end : hit.end + len(hit.after)].replace("\n", " ") == hit.after
