"""The tag schema's actions on a real seeded project: kinds added, renamed, recoloured
and deleted (their tags moved or deleted, with history); fields added, edited, moved and
removed; the refusals an analyst can run into."""

from __future__ import annotations

import pytest

from db.queries import tags as tag_queries
from desktop.services import kinds, reports, tags
from desktop.services.project import Project, open_project_as
from desktop.services.values import KindInfo


def kind(project: Project, key: str) -> KindInfo:
    return next(k for k in kinds.list_kinds(project) if k.key == key)


def field_keys(project: Project, key: str) -> list[str]:
    return [f.key for f in kind(project, key).fields]


def tag_some(project: Project, kind_key: str, n: int) -> tuple[str, list[str]]:
    doc = reports.document(project, reports.library(project)[0].id)
    assert doc is not None
    ids = []
    for i in range(n):
        tag_id = tags.create_tag(project, doc.id, kind_key, 10 * i, 10 * i + 4).new_tag
        assert tag_id is not None
        ids.append(tag_id)
    return doc.id, ids


def actions(project: Project, tag_id: str) -> list[str]:
    with project.uow() as session:
        return [e.action for e in tag_queries.history(session, tag_id)]


# --- kinds ----------------------------------------------------------------------------


def test_add_kind_derives_a_unique_key_and_goes_last(seeded: Project) -> None:
    changes, kind_id = kinds.add_kind(seeded, "Risk", "风险", "#AA0000", "4")
    assert changes.kinds
    added = kinds.list_kinds(seeded)[-1]
    assert (added.id, added.key, added.name, added.name_zh, added.colour, added.shortcut,
            added.fields) == (kind_id, "risk", "Risk", "风险", "#aa0000", "4", ())
    # a key taken, or a name without Latin letters, still gets a usable unique key
    kinds.add_kind(seeded, "Metric  target", "", "#00aa00")
    kinds.add_kind(seeded, "", "政策工具", "#0000aa")
    kinds.add_kind(seeded, "风险点", "", "#0000aa")
    keys = [k.key for k in kinds.list_kinds(seeded)]
    assert keys[3:] == ["risk", "metric_target", "kind", "kind_2"]
    assert kind(seeded, "kind").name == "政策工具"
    # the tagging services know the new kind at once
    _, (tag_id,) = tag_some(seeded, "risk", 1)
    assert tags.detail(seeded, tag_id).kind == "risk"  # type: ignore[union-attr]


@pytest.mark.parametrize(("args", "message"), [
    (("Metric", "", "#123456", ""), "already a kind called 'Metric'"),
    (("metric", "", "#123456", ""), "already a kind called 'Metric'"),
    (("Risk", "指标", "#123456", ""), "already a kind called '指标'"),
    (("Risk", "", "#123456", "1"), "The key '1' already tags as Metric"),
    (("Risk", "", "#123456", "n"), "N is already a key of the reader"),
    (("Risk", "", "#123456", "F5"), "single letter or digit"),
    (("Risk", "", "#123456", "风"), "single letter or digit"),
    (("Risk", "", "red", ""), "not a colour"),
    (("  ", " ", "#123456", ""), "needs a name"),
])
def test_add_kind_refuses_clashes_and_bad_values(seeded: Project, args: tuple[str, str, str, str],
                                                 message: str) -> None:
    with pytest.raises(ValueError, match=message):
        kinds.add_kind(seeded, *args)
    assert len(kinds.list_kinds(seeded)) == 3


def test_update_kind_renames_recolours_and_rebinds(seeded: Project) -> None:
    metric = kind(seeded, "metric")
    assert kinds.update_kind(seeded, metric.id, name="Indicator", name_zh="指标值").kinds
    kinds.update_kind(seeded, metric.id, colour="#FF00FF", shortcut="M")
    after = kind(seeded, "metric")  # the key does not follow the name
    assert (after.name, after.name_zh, after.colour, after.shortcut) == (
        "Indicator", "指标值", "#ff00ff", "m")
    kinds.update_kind(seeded, metric.id, shortcut="")
    assert kind(seeded, "metric").shortcut == ""
    # the kind may keep its own name and key; it may not take another's
    kinds.update_kind(seeded, metric.id, name="Indicator", shortcut="1")
    with pytest.raises(ValueError, match="already tags as Program"):
        kinds.update_kind(seeded, metric.id, shortcut="2")
    with pytest.raises(ValueError, match="already a kind called 'Target'"):
        kinds.update_kind(seeded, metric.id, name="target")
    with pytest.raises(ValueError, match="not a colour"):
        kinds.update_kind(seeded, metric.id, colour="#12345")
    assert kind(seeded, "metric").name == "Indicator"


def test_usage_counts_tags(seeded: Project) -> None:
    tag_some(seeded, "metric", 3)
    tag_some(seeded, "program", 1)
    assert kinds.kind_usage(seeded, kind(seeded, "metric").id) == 3
    assert kinds.kind_usage(seeded, kind(seeded, "target").id) == 0
    usage = kinds.usage_by_kind(seeded)
    assert usage[kind(seeded, "program").id] == 1 and kind(seeded, "target").id not in usage


def test_delete_an_unused_kind(seeded: Project) -> None:
    _, kind_id = kinds.add_kind(seeded, "Risk", "风险", "#aa0000")
    kinds.add_field(seeded, kind_id, "Severity")
    changes = kinds.delete_kind(seeded, kind_id, None)
    assert changes.kinds and not changes.tags and not changes.library
    assert [k.key for k in kinds.list_kinds(seeded)] == ["metric", "program", "target"]


def test_delete_moves_tags_keeping_matching_fields(seeded: Project) -> None:
    report_id, (a, b) = tag_some(seeded, "metric", 2)
    tags.set_fields(seeded, a, {"indicator": "工业增加值", "value": "7.8", "region": "湖南"})
    metric, target = kind(seeded, "metric"), kind(seeded, "target")

    changes = kinds.delete_kind(seeded, metric.id, move_tags_to=target.id)

    assert changes.kinds and changes.library and changes.tags == {report_id}
    assert changes.updated == {a, b} and not changes.removed
    assert [k.key for k in kinds.list_kinds(seeded)] == ["program", "target"]
    moved = tags.detail(seeded, a)
    assert moved is not None and moved.kind == "target"
    # Target has indicator and value, not region
    assert moved.fields == {"indicator": "工业增加值", "value": "7.8"}
    assert moved.history[-1].action == "kind changed"
    with seeded.uow() as session:
        last = tag_queries.history(session, a)[-1]
        assert last.state["kind"] == "target"
        assert last.state["dropped_fields"] == {"region": "湖南"}
    assert actions(seeded, b) == ["created", "kind changed"]
    assert {t.id for t in tags.table(seeded, report_id)} == {a, b}


def test_delete_deletes_tags_and_their_history_says_so(seeded: Project) -> None:
    report_id, (a, b) = tag_some(seeded, "program", 2)
    keep = tags.create_tag(seeded, report_id, "target", 100, 110).new_tag
    assert keep is not None
    tags.link_tags(seeded, keep, a, "program")
    program = kind(seeded, "program")

    changes = kinds.delete_kind(seeded, program.id, move_tags_to=None)

    assert changes.removed == {a, b} and changes.tags == {report_id} and changes.kinds
    assert tags.detail(seeded, a) is None and tags.detail(seeded, b) is None
    assert actions(seeded, a) == ["created", "deleted"]
    with seeded.uow() as session:
        state = tag_queries.history(session, a)[-1].state
    assert state["kind"] == "program" and state["links"] == [[keep, a, "program"]]
    remaining = tags.detail(seeded, keep)
    assert remaining is not None and remaining.links == ()
    assert [t.id for t in tags.table(seeded, report_id)] == [keep]


def test_delete_refusals_change_nothing(seeded: Project) -> None:
    _, (a,) = tag_some(seeded, "metric", 1)
    metric = kind(seeded, "metric")
    with pytest.raises(ValueError, match="cannot be moved to the kind being deleted"):
        kinds.delete_kind(seeded, metric.id, metric.id)
    with pytest.raises(ValueError, match="no longer exists"):
        kinds.delete_kind(seeded, metric.id, "no-such-kind")
    assert tags.detail(seeded, a) is not None and len(kinds.list_kinds(seeded)) == 3
    # the last kind stays: a project without kinds would be re-seeded on opening
    kinds.delete_kind(seeded, kind(seeded, "program").id, None)
    kinds.delete_kind(seeded, kind(seeded, "target").id, None)
    with pytest.raises(ValueError, match="at least one tag kind"):
        kinds.delete_kind(seeded, metric.id, None)


def test_schema_changes_survive_reopening(seeded: Project, project_path: object) -> None:
    _, kind_id = kinds.add_kind(seeded, "Risk", "风险", "#aa0000", "r")
    kinds.add_field(seeded, kind_id, "Severity", "严重程度", "choice", ["高", "中", "低"])
    kinds.delete_kind(seeded, kind(seeded, "target").id, None)
    again = open_project_as(str(project_path), "bob")
    try:
        assert [k.key for k in kinds.list_kinds(again)] == ["metric", "program", "risk"]
        assert kind(again, "risk").fields[0].choices == ("", "高", "中", "低")
    finally:
        again.close()


# --- fields ---------------------------------------------------------------------------


def test_add_field_with_derived_or_given_key(seeded: Project) -> None:
    metric = kind(seeded, "metric")
    changes, fid = kinds.add_field(seeded, metric.id, "Data source", "数据来源")
    assert changes.kinds
    added = kind(seeded, "metric").fields[-1]
    assert (added.id, added.key, added.label, added.label_zh, added.type, added.choices) == (
        fid, "data_source", "Data source", "数据来源", "text", ())
    kinds.add_field(seeded, metric.id, "", "口径", "choice", ["全口径", " 规上 ", "全口径", ""])
    kinds.add_field(seeded, metric.id, "Base year", "", "number", key="base_year")
    fields = kind(seeded, "metric").fields
    assert [f.key for f in fields[-2:]] == ["field", "base_year"]
    assert fields[-2].label == "口径" and fields[-2].choices == ("", "全口径", "规上")
    assert fields[-1].type == "number" and fields[-1].choices == ()


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"label": "Unit"}, "already has a field called 'Unit'"),
    ({"label": "Units", "key": "unit"}, "already has a field with the key 'unit'"),
    ({"label": "Units", "key": "Unit Name"}, "lower-case letters"),
    ({"label": "Units", "type": "date"}, "type is one of text, number, choice"),
    ({"label": "Units", "type": "choice"}, "needs at least one choice"),
    ({"label": ""}, "needs a name"),
])
def test_add_field_refusals(seeded: Project, kwargs: dict[str, str], message: str) -> None:
    metric = kind(seeded, "metric")
    with pytest.raises(ValueError, match=message):
        kinds.add_field(seeded, metric.id, **kwargs)  # type: ignore[arg-type]
    assert len(kind(seeded, "metric").fields) == len(metric.fields)


def test_update_field_relabels_rechooses_and_repositions(seeded: Project) -> None:
    comparison = kind(seeded, "metric").fields[-1]
    kinds.update_field(seeded, comparison.id, label="Compared with", label_zh="对比",
                       choices=kinds.split_choices("同比，环比、排名;累计, 占比"))
    after = kind(seeded, "metric").fields[-1]
    assert (after.key, after.label, after.label_zh, after.type) == (
        "comparison", "Compared with", "对比", "choice")
    assert after.choices == ("", "同比", "环比", "排名", "累计", "占比")
    kinds.update_field(seeded, comparison.id, position=0)
    assert field_keys(seeded, "metric") == [
        "comparison", "indicator", "value", "unit", "period", "region"]
    unit = kind(seeded, "metric").fields[3]
    with pytest.raises(ValueError, match="Only a choice field has choices"):
        kinds.update_field(seeded, unit.id, choices=["%"])
    with pytest.raises(ValueError, match="already has a field called 'Indicator'"):
        kinds.update_field(seeded, unit.id, label="indicator")


def test_move_field_up_and_down_within_its_kind(seeded: Project) -> None:
    value = kind(seeded, "metric").fields[1]
    assert kinds.move_field(seeded, value.id, -1).kinds
    assert field_keys(seeded, "metric")[:2] == ["value", "indicator"]
    assert kinds.move_field(seeded, value.id, -1).empty  # already first
    kinds.move_field(seeded, value.id, 10)
    assert field_keys(seeded, "metric")[-1] == "value"
    assert field_keys(seeded, "target")[:3] == ["year", "indicator", "value"]


def test_remove_field_keeps_values_in_tags(seeded: Project) -> None:
    _, (a,) = tag_some(seeded, "metric", 1)
    tags.set_fields(seeded, a, {"region": "湖南", "unit": "%"})
    region = next(f for f in kind(seeded, "metric").fields if f.key == "region")
    assert kinds.remove_field(seeded, region.id).kinds
    assert "region" not in field_keys(seeded, "metric")
    detail = tags.detail(seeded, a)
    assert detail is not None and detail.fields == {"region": "湖南", "unit": "%"}
    # a field added again under the same key shows the values again
    kinds.add_field(seeded, kind(seeded, "metric").id, "Region", key="region")
    assert field_keys(seeded, "metric")[-1] == "region"
    with pytest.raises(ValueError, match="no longer exists"):
        kinds.remove_field(seeded, region.id)
