"""A suggestion is a finished row: its fields (period included) are stored on the tag
that accepts it, read back the same in the workbook, follow an edit of the period, and
follow a change of the report's region and year in the same process."""

from __future__ import annotations

import pytest

from desktop.domain.suggestion import Suggestion
from desktop.io.export_rows import FieldSpec, field_cell, period_bounds
from desktop.services import reports, suggestions, tags
from desktop.services.project import Project


def _metric(project: Project, rid: str) -> Suggestion:
    return next(s for s in suggestions.for_report(project, rid) if s.kind == "metric")


def test_accepting_stores_the_period_and_every_field(seeded: Project) -> None:
    rid = reports.library(seeded)[0].id
    s = _metric(seeded, rid)
    assert s.fields["period"] == f"{s.fields['period_start']}..{s.fields['period_end']}"
    tag_id = suggestions.accept(seeded, rid, s).new_tag
    assert tag_id is not None
    detail = tags.detail(seeded, tag_id)
    assert detail is not None
    for key in ("period", "period_start", "period_end", "direction", "qualifier", "value_high",
                "indicator", "value", "unit", "region"):
        assert key in detail.fields and detail.fields[key] == s.fields[key], key


def test_a_metadata_change_recomputes_the_cached_suggestions(seeded: Project) -> None:
    rid = reports.library(seeded)[0].id
    assert suggestions.work_for(seeded, rid) is not None
    before = _metric(seeded, rid)  # computed and cached
    assert suggestions.work_for(seeded, rid) is None
    assert before.fields["region"] != "江西"
    reports.update_metadata(seeded, rid, region="江西", year=2023)
    assert suggestions.work_for(seeded, rid) is not None  # stale: to compute again
    after = _metric(seeded, rid)
    assert after.fields["region"] == "江西"


def test_a_primed_result_for_other_metadata_is_not_used(seeded: Project) -> None:
    rid = reports.library(seeded)[0].id
    work = suggestions.work_for(seeded, rid)
    assert work is not None
    suggestions.prime(seeded, rid, suggestions.compute(*work.args), meta=work.meta)
    assert suggestions.work_for(seeded, rid) is None
    reports.update_metadata(seeded, rid, region="江西")
    work = suggestions.work_for(seeded, rid)
    assert work is not None and work.region == "江西"


def test_bad_metadata_changes_nothing(seeded: Project) -> None:
    row = reports.library(seeded)[0]
    for values in ({"year": "20x5"}, {"title": ""}, {"sha256": "x"}):
        with pytest.raises(ValueError):
            reports.update_metadata(seeded, row.id, region="江西", **values)
    assert reports.library(seeded)[0] == row


def test_editing_the_period_moves_its_months(seeded: Project) -> None:
    rid = reports.library(seeded)[0].id
    tag_id = suggestions.accept(seeded, rid, _metric(seeded, rid)).new_tag
    assert tag_id is not None
    tags.set_field_text(seeded, tag_id, "period", "period", "2024年前三季度")
    fields = tags.detail(seeded, tag_id).fields  # type: ignore[union-attr]
    assert (fields["period"], fields["period_start"], fields["period_end"]) == \
        ("2024-01..2024-09", "2024-01", "2024-09")
    assert "period_label" not in fields
    tags.set_field_text(seeded, tag_id, "period", "period", "上半年")  # the report's year
    fields = tags.detail(seeded, tag_id).fields  # type: ignore[union-attr]
    assert fields["period"] == "上半年" and "period_start" not in fields
    assert period_bounds("period", fields, 2025) == ("2025-01", "2025-06")


@pytest.mark.parametrize("fields, cell, bounds", [
    ({"period": "2025-01..2025-09"}, "2025年前三季度", ("2025-01", "2025-09")),
    ({"period": "2025-01..2025-12", "period_start": "2025-01", "period_end": "2025-12"},
     "2025年", ("2025-01", "2025-12")),
    ({"period": "2025-10..2025-10"}, "2025年10月", ("2025-10", "2025-10")),
    ({"period": "2026-01..2030-12"}, "2026—2030年", ("2026-01", "2030-12")),
    # a tag accepted before `period` was stored: its months still fill the cell
    ({"period_start": "2025-01", "period_end": "2025-06", "period_label": "上半年"},
     "2025年上半年", ("2025-01", "2025-06")),
    ({"period": "前三季度"}, "前三季度", ("2025-01", "2025-09")),
])
def test_period_cells(fields: dict[str, str], cell: str, bounds: tuple[str, str]) -> None:
    spec = FieldSpec("period", "Period", "period")
    assert field_cell(spec, fields) == cell
    assert period_bounds("period", fields, 2025) == bounds


def test_agreement_reads_a_stored_period_key() -> None:
    from desktop.domain.agreement import values_agree

    assert values_agree("period", "2025-01..2025-09", "前三季度", 2025, 2025)
    assert not values_agree("period", "2025-01..2025-09", "2025-01..2025-10", 2025, 2025)
