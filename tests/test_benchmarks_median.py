"""`python -m benchmarks` prints each figure as the median of several runs of its module,
so that one slow run on a busy machine does not decide the figure."""

from __future__ import annotations

from benchmarks.__main__ import median_of


def _figure(name: str, value: float | int) -> dict[str, object]:
    return {"name": name, "value": value, "unit": "ms", "budget": 300}


def test_each_figure_is_the_median_of_its_runs_in_the_first_runs_order() -> None:
    runs = [[_figure("start", 310.0), _figure("statements", 6)],
            [_figure("start", 290.0), _figure("statements", 7)],
            [_figure("start", 900.0), _figure("statements", 6)]]  # one slow run
    merged = median_of(runs)
    assert [f["name"] for f in merged] == ["start", "statements"]
    assert merged[0]["value"] == 310.0 and merged[0]["runs"] == [290.0, 310.0, 900.0]
    assert merged[0]["budget"] == 300 and merged[0]["unit"] == "ms"
    assert merged[1]["value"] == 6 and isinstance(merged[1]["value"], int)


def test_a_single_run_is_shown_as_it_is() -> None:
    assert median_of([[_figure("start", 313.0)]]) == [_figure("start", 313.0)]
