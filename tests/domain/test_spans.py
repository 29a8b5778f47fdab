"""Span arithmetic behind the reader: the interval index against brute force, lanes,
the compact id column, snapping."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.spans import IdColumn, IntervalIndex, assign_lanes, snap

spans_st = st.lists(st.tuples(st.integers(0, 200), st.integers(1, 30)).map(
    lambda t: (t[0], t[0] + t[1])), max_size=60)


@given(spans_st, st.integers(0, 230), st.integers(1, 40))
def test_overlapping_finds_exactly_what_brute_force_finds(spans, a, width):
    b = a + width
    index = IntervalIndex(spans)
    assert sorted(index.overlapping(a, b)) == [i for i, (s, e) in enumerate(spans) if s < b and e > a]


@given(spans_st)
def test_overlapping_spans_never_share_a_lane(spans):
    lanes = assign_lanes(spans)
    for i, (s1, e1) in enumerate(spans):
        for j, (s2, e2) in enumerate(spans):
            if i < j and s1 < e2 and s2 < e1:
                assert lanes[i] != lanes[j]


def test_id_column_behaves_like_a_list_of_uuids():
    ids = [str(uuid.uuid4()) for _ in range(50)]
    column, model = IdColumn(ids), list(ids)
    extra = str(uuid.uuid4())
    column.insert(10, extra)
    model.insert(10, extra)
    del column[3]
    del model[3]
    assert list(column) == model and len(column) == len(model)
    assert column[-1] == model[-1]
    assert all(column.index(t) == model.index(t) for t in model)
    with pytest.raises(ValueError):
        column.index(str(uuid.uuid4()))
    with pytest.raises(IndexError):
        column[len(model)]


def test_id_column_does_not_match_across_two_ids():
    column = IdColumn(["aaaa", "bbbb"])
    with pytest.raises(ValueError):
        column.index("aabb")  # present in the joined string, but not as an id


def test_id_column_falls_back_to_a_list_for_mixed_lengths():
    column = IdColumn(["a", "bb"])
    column.insert(1, "ccc")
    assert list(column) == ["a", "ccc", "bb"]
    uniform = IdColumn(["xx", "yy"])
    uniform.insert(0, "zzz")
    assert list(uniform) == ["zzz", "xx", "yy"] and uniform.index("yy") == 2


@pytest.mark.parametrize(("text", "pos", "expected"), [
    ("持续深化“智赋万企”行动，全省", 6, "“智赋万企”行动"),
    ("湖南工业经济增长7.8%，居全国第10", 9, "增长7.8%"),
    ("发布《惠企政策口袋书》等", 5, "《惠企政策口袋书》"),
])
def test_snap(text, pos, expected):
    span = snap(text, pos)
    assert span is not None and text[span[0]:span[1]] == expected


def test_an_id_column_copy_is_equal_and_independent() -> None:
    ids = [f"{i:036d}" for i in range(5)]
    column = IdColumn(ids)
    copy = column.copy()
    assert copy == column and list(copy) == ids
    copy.insert(0, "x" * 36)
    del copy[3]
    assert list(column) == ids and copy != column
    mixed = IdColumn(["a", "bb"])
    mixed_copy = mixed.copy()
    mixed_copy.insert(1, "ccc")
    assert list(mixed) == ["a", "bb"] and list(mixed_copy) == ["a", "ccc", "bb"]


def test_an_id_column_serves_as_the_tag_tables_rows() -> None:
    """The tag table keeps its row ids in an IdColumn: pages are sliced, a row is
    replaced, and bisection finds where a new one goes."""
    from bisect import bisect_right

    ids = [f"{i:036d}" for i in range(10)]
    column = IdColumn(ids)
    assert column[2:5] == ids[2:5] and column[8:20] == ids[8:]
    column[3] = "x" * 36
    assert list(column) == [*ids[:3], "x" * 36, *ids[4:]]
    column[-1] = "y" * 36
    assert column[-1] == "y" * 36 and len(column) == 10
    column[3], column[-1] = ids[3], ids[9]
    assert bisect_right(column, f"{4:036d}") == 5
    assert column.index(ids[7]) == 7
