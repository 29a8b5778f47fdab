import re

import pytest

from desktop.domain.search_text import (
    Unfold,
    compile_query,
    find_spans,
    fold,
    probe,
    stored_context,
)

STORED = "全年增长７．８％，ＧＤＰ突破９万亿元。\n（一）工业　稳中有进；Kelvin \u212a ſ."


def test_unfold_restores_any_slice_of_the_stored_text():
    folded = fold(STORED)
    unfold = Unfold.of(STORED)
    assert 0 < len(unfold.positions) < len(STORED)
    for start in range(len(STORED) + 1):
        for end in range(start, len(STORED) + 3):
            assert unfold.restore(folded, start, end) == STORED[start:end]
    assert unfold.restore(folded, -5, 3) == STORED[:3]
    assert Unfold.of("plain ascii").restore("plain ascii", 2, 7) == "ain a"


def test_stored_context_matches_context_of_the_stored_text():
    folded = fold(STORED)
    unfold = Unfold.of(STORED)
    for span in find_spans(folded, compile_query("9万")) + find_spans(folded, compile_query("工业")):
        before, match, after = stored_context(folded, unfold, span, chars=6)
        assert match == STORED[span[0] : span[1]]
        assert before == STORED[max(0, span[0] - 6) : span[0]].replace("\n", " ")
        assert after == STORED[span[1] : span[1] + 6].replace("\n", " ")


@pytest.mark.parametrize("text", ["7.8%", "gdp", "Gd", "k", "S", "9万", "工业", "工", "ＧＤ"])
def test_the_probe_accepts_every_text_that_matches(text):
    query = compile_query(text)
    test = probe(query)
    assert test is not None
    folded = fold(STORED)
    assert find_spans(folded, query)
    assert test(folded)


def test_the_probe_rejects_texts_missing_a_needed_character():
    folded = fold(STORED)
    assert probe(compile_query("龘"))(folded) is False  # type: ignore[misc]
    assert probe(compile_query("gx"))(folded) is False  # type: ignore[misc]
    assert probe(compile_query(r"增长\d+(\.\d+)?%", regex=True))(folded) is True  # type: ignore[misc]
    assert probe(compile_query(r"qqq\d", regex=True))(folded) is False  # type: ignore[misc]


@pytest.mark.parametrize("pattern", [r"a|b", r"x*", r"(?=abc)", r"[ab]c?", r"(a)?"])
def test_no_probe_when_a_regex_needs_no_character(pattern):
    assert probe(compile_query(pattern, regex=True)) is None


@pytest.mark.parametrize("pattern", [
    r"增长\d+(\.\d+)?%", r"(?i:GD)P", r"k+elvin", r"(?>稳中)有进", r"[工]业{1,2}", r"s\.", r"K",
])
def test_a_regex_probe_never_rejects_a_match(pattern):
    query = compile_query(pattern, regex=True)
    folded = fold(STORED)
    assert re.search(query.pattern, folded)
    test = probe(query)
    assert test is None or test(folded)
