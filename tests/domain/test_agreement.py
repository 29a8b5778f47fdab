"""Agreement figures an analyst reads in the dialog and in `reportmark agreement`."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.agreement import Ann, char_kappa, compare, match_overlap, values_agree


def ann(i: str, kind: str, start: int, end: int, report: str = "r1", **fields: object) -> Ann:
    return Ann(i, report, kind, start, end, dict(fields), report_year=2025)


def test_identical_tags_agree_completely() -> None:
    a = [ann("a1", "metric", 0, 5, value="7.8"), ann("a2", "program", 10, 20)]
    b = [ann("b1", "metric", 0, 5, value="7.8"), ann("b2", "program", 10, 20)]
    result = compare(a, b)
    assert result.overall.exact.f1 == 1.0
    assert result.overall.record.f1 == 1.0
    assert result.overall.kappa == 1.0
    assert result.disagreements == ()


def test_overlap_counts_where_exact_does_not() -> None:
    a = [ann("a1", "metric", 0, 5)]
    b = [ann("b1", "metric", 1, 5)]
    fig = compare(a, b).overall
    assert fig.exact.f1 == 0.0
    assert fig.overlap.f1 == 1.0


def test_matching_is_one_to_one() -> None:
    a = [ann("a1", "metric", 0, 10)]
    b = [ann("b1", "metric", 0, 4), ann("b2", "metric", 5, 10)]
    pairs = match_overlap(a, b)
    assert len(pairs) == 1
    fig = compare(a, b).overall
    assert (fig.overlap.tp, fig.overlap.fp, fig.overlap.fn) == (1, 0, 1)
    assert round(fig.overlap.f1, 4) == round(2 / 3, 4)


def test_kappa_ignores_untagged_text() -> None:
    # a long report where both tagged 10 characters, and disagree on the kind of half
    a = [ann("a1", "metric", 1000, 1010)]
    b = [ann("b1", "metric", 1000, 1005), ann("b2", "target", 1005, 1010)]
    kappa, chars = char_kappa(a, b)
    assert chars == 10
    assert kappa < 0.5  # untagged text (0..1000) would have pushed this close to 1


def test_each_kind_counts_its_own_tagged_characters() -> None:
    a = [ann("a1", "metric", 0, 10), ann("a2", "program", 20, 26)]
    b = [ann("b1", "metric", 0, 12), ann("b2", "program", 20, 26)]
    result = compare(a, b)
    assert [(k.kind, k.tagged_chars) for k in result.per_kind] == [("metric", 12), ("program", 6)]
    assert result.overall.tagged_chars == 18


def test_record_level_compares_numbers_within_tolerance_and_periods() -> None:
    a = [ann("a1", "metric", 0, 10, value="7.8", unit="%", period="1—9月")]
    b = [ann("b1", "metric", 0, 10, value="7.80", unit="%", period="前三季度")]
    assert compare(a, b).overall.record.f1 == 1.0
    c = [ann("c1", "metric", 0, 10, value="7.9", unit="%", period="前三季度")]
    result = compare(a, c)
    assert result.overall.record.f1 == 0.0
    assert [(d.reason, d.detail) for d in result.disagreements] == [("fields", "value")]


def test_values_agree_on_number_forms() -> None:
    assert values_agree("value", {"value": "1.2", "unit": "%"}, "1.2")
    assert not values_agree("value", {"value": "1.2", "unit": "%"}, {"value": "1.2", "unit": "亿元"})
    assert values_agree("indicator", "工业 增加值", "工业增加值")
    assert not values_agree("period", "1—9月", "上半年")


def test_disagreements_are_ranked_most_serious_first() -> None:
    a = [ann("a1", "metric", 0, 5, value="1"), ann("a2", "metric", 10, 15),
         ann("a3", "program", 30, 40), ann("a4", "metric", 50, 55)]
    b = [ann("b1", "metric", 0, 5, value="2"), ann("b2", "metric", 11, 15),
         ann("b3", "target", 30, 40)]
    reasons = [d.reason for d in compare(a, b).disagreements]
    assert reasons == ["kind", "only_a", "span", "fields"]
    first = compare(a, b).disagreements[0]
    assert (first.report_id, first.start, first.end) == ("r1", 30, 40)


def test_tags_in_different_reports_never_match() -> None:
    a = [ann("a1", "metric", 0, 5, report="r1")]
    b = [ann("b1", "metric", 0, 5, report="r2")]
    assert compare(a, b).overall.overlap.f1 == 0.0


KINDS = st.sampled_from(["metric", "program", "target"])


@st.composite
def tag_sets(draw: st.DrawFn, prefix: str) -> list[Ann]:
    n = draw(st.integers(0, 12))
    out = []
    for i in range(n):
        start = draw(st.integers(0, 60))
        length = draw(st.integers(1, 15))
        out.append(Ann(f"{prefix}{i}", draw(st.sampled_from(["r1", "r2"])), draw(KINDS),
                       start, start + length,
                       {"value": str(draw(st.integers(0, 3)))}))
    return out


@given(tag_sets("a"))
def test_a_set_agrees_with_itself(a: list[Ann]) -> None:
    result = compare(a, list(a))
    for fig in (result.overall, *result.per_kind):
        assert fig.exact.f1 == 1.0
        assert fig.overlap.f1 == 1.0
        assert fig.record.f1 == 1.0
        assert fig.kappa == 1.0
    assert result.disagreements == ()


@given(tag_sets("a"), tag_sets("b"))
def test_agreement_is_symmetric(a: list[Ann], b: list[Ann]) -> None:
    ab, ba = compare(a, b), compare(b, a)
    for x, y in zip((ab.overall, *ab.per_kind), (ba.overall, *ba.per_kind), strict=True):
        assert x.kind == y.kind
        assert x.exact.f1 == y.exact.f1
        assert x.overlap.f1 == y.overlap.f1
        assert x.record.f1 == y.record.f1
        assert abs(x.kappa - y.kappa) < 1e-12
    assert len(ab.disagreements) == len(ba.disagreements)


@given(tag_sets("a"), tag_sets("b"))
def test_figures_stay_in_range(a: list[Ann], b: list[Ann]) -> None:
    fig = compare(a, b).overall
    assert 0.0 <= fig.exact.f1 <= fig.overlap.f1 <= 1.0
    assert 0.0 <= fig.record.f1 <= 1.0
    assert -1.0 <= fig.kappa <= 1.0


def every_figure(result) -> list[float]:
    return [x for fig in (result.overall, *result.per_kind)
            for x in (fig.exact.f1, fig.overlap.f1, fig.record.f1, fig.kappa)]


def test_identical_programs_and_targets_agree_on_every_figure() -> None:
    """Links are ids that differ between analysts (a registry entry, a program tag)."""
    a = [ann("a1", "program", 0, 8, name="智赋万企行动", category="行动", program_id="p-a"),
         ann("a2", "target", 20, 40, year=2026, indicator="规上工业增加值", value="6",
             unit="%", program="a1")]
    b = [ann("b1", "program", 0, 8, name="智赋万企行动", category="行动", program_id="p-b"),
         ann("b2", "target", 20, 40, year=2026, indicator="规上工业增加值", value="6",
             unit="%", program="b1")]
    result = compare(a, b, ["metric", "program", "target"])
    assert set(every_figure(result)) == {1.0}
    assert result.disagreements == ()


def test_programs_are_records_by_name_wherever_they_are_tagged() -> None:
    a = [ann("a1", "program", 0, 8, name="智赋万企行动"),
         ann("a2", "program", 50, 58, name="智赋万企行动")]  # a second mention: one record
    b = [ann("b1", "program", 100, 110, name="“智赋万企”行动", category="行动")]
    record = compare(a, b).overall.record
    assert (record.tp, record.fp, record.fn) == (1, 0, 0)
    c = [ann("c1", "program", 0, 8, name="广东强芯工程")]
    assert compare(a, c).overall.record.f1 == 0.0


def test_targets_are_records_by_year_indicator_and_value() -> None:
    a = [ann("a1", "target", 0, 30, year=2026, indicator="规上工业增加值", value="6",
             statement="力争增长6%左右")]
    b = [ann("b1", "target", 5, 30, year=2026, indicator="规上工业增加值", value="6.0")]
    assert compare(a, b).overall.record.f1 == 1.0
    c = [ann("c1", "target", 0, 30, year=2027, indicator="规上工业增加值", value="6")]
    assert compare(a, c).overall.record.f1 == 0.0


def test_tags_without_fields_are_records_by_their_text() -> None:
    a = [ann("a1", "target", 0, 5), ann("a2", "target", 10, 15)]
    b = [ann("b1", "target", 0, 5)]
    a = [Ann(t.id, t.report_id, t.kind, t.start, t.end, {}, quote=q)
         for t, q in zip(a, ["争取六成", "力争翻番"], strict=True)]
    b = [Ann("b1", "r1", "target", 0, 5, {}, quote="争取六成")]
    record = compare(a, b).overall.record
    assert (record.tp, record.fp, record.fn) == (1, 1, 0)
