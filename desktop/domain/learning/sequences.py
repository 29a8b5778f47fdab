"""Sentences, BIO labels and character features for a character sequence labeller.

A text is cut into sentences (at 。！？；, line breaks, and every MAX_SENTENCE characters)
so a sequence stays short. Each character gets n-gram features (the character and its
neighbours, bigrams, a trigram), character classes (Han, digit, Chinese numeral, Latin,
opening or closing quote, punctuation, space) around it, and its position (first, last,
distance from the sentence's start and end, bucketed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

MAX_SENTENCE = 160
FEATURES_VERSION = "1"
_CUT = re.compile(r"[。！？；!?;\n]")
_OPEN = set("“‘《〈「『（([【〔")
_CLOSE = set("”’》〉」』）)]】〕")
_CN_NUM = set("零〇一二三四五六七八九十百千万亿两")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # code points into the report's text
    text: str


def sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for m in _CUT.finditer(text):
        out.extend(_pieces(text, start, m.end()))
        start = m.end()
    out.extend(_pieces(text, start, len(text)))
    return [s for s in out if s.text.strip()]


def _pieces(text: str, start: int, end: int) -> Iterable[Sentence]:
    while end - start > MAX_SENTENCE:
        yield Sentence(start, text[start:start + MAX_SENTENCE])
        start += MAX_SENTENCE
    if end > start:
        yield Sentence(start, text[start:end])


def char_class(c: str) -> str:
    if c.isspace():
        return "S"
    if c in _OPEN:
        return "Q"
    if c in _CLOSE:
        return "q"
    if c.isdigit():
        return "D"
    if c in _CN_NUM:
        return "N"
    if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or c >= "\U00020000":
        return "H"
    if c.isalpha():
        return "L"
    return "P"


def _bucket(n: int) -> str:
    return str(n) if n < 4 else "4+" if n < 10 else "10+"


def features(text: str) -> list[list[str]]:
    """One feature list per character of a sentence (the neighbours of the first and last
    characters are ^ and $)."""
    n = len(text)
    ch = ["^", "^", *text, "$", "$"]
    cl = ["^", "^", *map(char_class, text), "$", "$"]
    out: list[list[str]] = []
    for i in range(n):
        m2, m1, c, p1, p2 = ch[i:i + 5]
        km2, km1, k, kp1, kp2 = cl[i:i + 5]
        out.append([
            "b", "c0=" + c, "c-1=" + m1, "c+1=" + p1, "c-2=" + m2, "c+2=" + p2,
            "c-1c0=" + m1 + c, "c0c+1=" + c + p1, "c-2c-1=" + m2 + m1, "c+1c+2=" + p1 + p2,
            "c-1c0c+1=" + m1 + c + p1,
            "k0=" + k, "k-1k0=" + km1 + k, "k0k+1=" + k + kp1,
            "k-2..k+2=" + km2 + km1 + k + kp1 + kp2,
            "pos=" + _bucket(i), "rpos=" + _bucket(n - 1 - i),
        ])
    return out


def bio(sentence: Sentence, spans: Iterable[tuple[int, int]]) -> list[str]:
    """B/I/O labels of a sentence's characters for spans in the report's code points
    (a span crossing the sentence's edge is labelled in its part inside)."""
    labels = ["O"] * len(sentence.text)
    end_of = sentence.start + len(sentence.text)
    for start, end in sorted(spans):
        a, b = max(start, sentence.start), min(end, end_of)
        if a >= b:
            continue
        for i in range(a - sentence.start, b - sentence.start):
            if labels[i] != "O":
                break  # overlapping spans: the earlier one wins
            labels[i] = "B" if i == a - sentence.start else "I"
    return labels


def spans_of(labels: list[str], marginals: list[float]) -> list[tuple[int, int, float]]:
    """(start, end, confidence) of the B/I runs of a labelled sentence; the confidence is
    the lowest marginal probability of a character's label in the run."""
    out: list[tuple[int, int, float]] = []
    start: int | None = None
    low = 1.0
    for i, label in enumerate([*labels, "O"]):
        if start is not None and label != "I":
            out.append((start, i, low))
            start = None
        if label == "B" or (label == "I" and start is None):
            start, low = i, 1.0
        if start is not None and i < len(labels):
            low = min(low, marginals[i])
    return out


_DIGITS = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")


def shape(text: str) -> str:
    """A suggestion's text with its figures as 0: 增长7.8% and 增长6.1% have one shape."""
    return _DIGITS.sub("0", text)
