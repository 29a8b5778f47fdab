"""Suggestions that learn: a character CRF (python-crfsuite) per kind, trained on the
project's own decisions, stored in the project (`learned_model`), applied beside the rules.

Training data for a kind: its tags not rejected in review are the positives (accepted,
corrected and hand-made tags alike), labelled B/I over characters in the sentences that
hold them, the rest of those sentences O; rejected suggestions of the kind and tags of it
rejected in review are O in their sentences; reports someone marked done give all their
sentences (their untagged text is negative). `train_sequences` is a plain top-level
function of plain values, so the window can run it in the worker process.

`suggest` joins rule and learned suggestions: learned ones have origin ``learned:KIND`` and a
confidence; where a learned span overlaps a rule suggestion of the same kind there is one
suggestion (the rule's, with the model's confidence). Rule suggestions whose shape (text
with figures as 0) the team rejected SUPPRESS_AFTER times and never tagged are held back.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pycrfsuite

from db.models import LearnedModel
from db.queries import learning as lq
from db.queries import suggestions as sq
from desktop.domain.learning.sequences import (
    FEATURES_VERSION,
    Sentence,
    bio,
    features,
    sentences,
    shape,
    spans_of,
)
from desktop.domain.suggestion import Suggestion
from desktop.services import suggestions as rules
from desktop.services.changes import Changes
from desktop.services.project import Project

ORIGIN_PREFIX = "learned:"
MIN_EXAMPLES = 5  # tags of a kind before a model is trained for it
MIN_CONFIDENCE = 0.5  # a learned span's lowest character marginal
SUPPRESS_AFTER = 3  # rejections of one shape (never tagged) that hold rule suggestions back
SOURCES = ("rules", "learned", "all")
CRF_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 80,
              "feature.possible_transitions": True}

Sequence = tuple[str, list[str]]  # a sentence's text and its characters' B/I/O labels
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class Scored:
    suggestion: Suggestion
    origin: str  # "suggestion:RULE" or "learned:KIND"
    confidence: float | None  # the model's, where there is a model for the kind


@dataclass(frozen=True, slots=True)
class TrainOutcome:
    kind: str
    examples: int
    sentences: int
    seconds: float
    trained: bool
    reason: str = ""


# --- data ------------------------------------------------------------------------------


def sequences_for(text: str, positives: list[tuple[int, int]], negatives: list[tuple[int, int]],
                  whole: bool) -> list[Sequence]:
    """A report's training sequences: every sentence if `whole` (a report marked done),
    else the sentences touching a positive or negative span."""
    touched = [*positives, *negatives]
    out: list[Sequence] = []
    for sentence in sentences(text):
        end = sentence.start + len(sentence.text)
        if whole or any(a < end and sentence.start < b for a, b in touched):
            out.append((sentence.text, bio(sentence, positives)))
    return out


def training_data(project: Project, kind: str) -> tuple[list[Sequence], int]:
    """The kind's training sequences and how many tagged examples they hold."""
    with project.uow() as session:
        pos = lq.positives(session, kind)
        neg = lq.rejected(session, kind)
        done = lq.done_reports(session)
        texts = lq.texts(session, set(pos) | set(neg) | done)
    seqs: list[Sequence] = []
    for rid, text in texts.items():
        seqs.extend(sequences_for(text, pos.get(rid, []), neg.get(rid, []), rid in done))
    return seqs, sum(len(v) for v in pos.values())


# --- the model (plain functions: worker-process friendly) ------------------------------


def train_sequences(seqs: list[Sequence], report: Progress | None = None) -> bytes:
    """A CRF trained on these sequences, as the bytes of crfsuite's model file."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, labels in seqs:
        trainer.append(features(text), labels)
    trainer.set_params(CRF_PARAMS)
    fd, path = tempfile.mkstemp(suffix=".crfsuite")
    os.close(fd)
    try:
        if report is not None:
            report(0, 1, "training")
        trainer.train(path)
        with open(path, "rb") as f:
            return f.read()
    finally:
        os.unlink(path)


def train_job(report: Progress, *, seqs: list[Sequence]) -> bytes:
    """`train_sequences` as a worker-process job (desktop.ui.jobs.ProcessJob's signature)."""
    return train_sequences(seqs, report)


class _Loaded:
    """A tagger with the bytes it was opened from: crfsuite reads the model in place, so
    the bytes must live as long as the tagger (else it reads freed memory)."""

    __slots__ = ("model", "tagger")

    def __init__(self, model: bytes) -> None:
        self.model = model
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open_inmemory(model)


def _tagger(model: bytes) -> _Loaded:
    return _Loaded(model)


def predict(model: bytes | _Loaded, text: str,
            min_confidence: float = MIN_CONFIDENCE) -> list[tuple[int, int, float]]:
    """(start, end, confidence) of the spans the model finds in a text (code points)."""
    loaded = _tagger(model) if isinstance(model, bytes) else model
    tagger = loaded.tagger
    out: list[tuple[int, int, float]] = []
    for sentence in sentences(text):
        labels = tagger.tag(features(sentence.text))
        if all(label == "O" for label in labels):
            continue
        marginals = [tagger.marginal(label, i) for i, label in enumerate(labels)]
        for a, b, conf in spans_of(labels, marginals):
            if conf >= min_confidence and sentence.text[a:b].strip():
                out.append((sentence.start + a, sentence.start + b, conf))
    return out


def span_confidence(loaded: Any, sentence: Sentence, start: int, end: int) -> float:
    """The model's belief that text[start:end] is one span of its kind: the mean, over the
    span's characters, of the probability of B at its first and I at the others."""
    tagger = loaded.tagger
    tagger.set(features(sentence.text))
    a, b = start - sentence.start, end - sentence.start
    probs = [tagger.marginal("B" if i == a else "I", i) for i in range(a, b)]
    return sum(probs) / len(probs) if probs else 0.0


# --- training in the project -----------------------------------------------------------


def trainable_kinds(project: Project) -> list[str]:
    with project.uow() as session:
        counts = lq.tag_counts(session)
        return [k for k in lq.kind_keys(session) if counts.get(k, 0) >= MIN_EXAMPLES]


def train(project: Project, kind: str | None = None,
          progress: Progress | None = None) -> tuple[Changes, list[TrainOutcome]]:
    """Train (one kind, or every kind with MIN_EXAMPLES tags) and store the models."""
    with project.uow() as session:
        known = lq.kind_keys(session)
    if kind is not None and kind not in known:
        raise ValueError(f"There is no tag kind {kind!r}.")
    kinds = [kind] if kind is not None else trainable_kinds(project)
    outcomes: list[TrainOutcome] = []
    for i, key in enumerate(kinds):
        if progress is not None:
            progress(i, len(kinds), key)
        seqs, examples = training_data(project, key)
        if examples < MIN_EXAMPLES:
            outcomes.append(TrainOutcome(key, examples, len(seqs), 0.0, False,
                                         f"needs at least {MIN_EXAMPLES} tags"))
            continue
        began = time.perf_counter()
        model = train_sequences(seqs)
        seconds = time.perf_counter() - began
        store(project, key, model, examples)
        outcomes.append(TrainOutcome(key, examples, len(seqs), seconds, True))
    return Changes(tags=frozenset()), outcomes


def store(project: Project, kind: str, model: bytes, examples: int) -> None:
    from db.base import utcnow

    with project.uow.begin() as session:
        row = lq.model(session, kind)
        if row is None:
            row = LearnedModel(kind_key=kind)
            session.add(row)
        row.model, row.examples = model, examples
        row.features_version, row.trained_at = FEATURES_VERSION, utcnow()
        row.trained_by = project.analyst_id
    _TAGGERS.pop((str(project.engine.url), kind), None)


# (project url, kind) -> (trained at, tagger)
_TAGGERS: dict[tuple[str, str], tuple[str, _Loaded]] = {}


def taggers(project: Project) -> dict[str, _Loaded]:
    """kind → the tagger of its stored model (loaded once per model version)."""
    url = str(project.engine.url)
    out: dict[str, _Loaded] = {}
    with project.uow() as session:
        stamps = lq.model_stamps(session)
        for kind, (trained_at, version) in stamps.items():
            if version != FEATURES_VERSION:
                continue
            cached = _TAGGERS.get((url, kind))
            if cached is None or cached[0] != trained_at:
                row = lq.model(session, kind)
                assert row is not None
                cached = (trained_at, _tagger(bytes(row.model)))
                _TAGGERS[(url, kind)] = cached
            out[kind] = cached[1]
    return out


# --- suggesting ------------------------------------------------------------------------


def _suppressed_shapes(project: Project, kinds: set[str]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    with project.uow() as session:
        for kind in kinds:
            counts: dict[str, int] = {}
            for text in lq.rejected_texts(session, kind):
                counts[shape(text)] = counts.get(shape(text), 0) + 1
            tagged = {shape(q) for q in lq.tagged_quotes(session, kind)}
            out |= {(kind, s) for s, n in counts.items() if n >= SUPPRESS_AFTER and s not in tagged}
    return out


def learned_for_report(project: Project, report_id: str,
                       kinds: list[str] | None = None) -> list[Scored]:
    """The models' suggestions for a report: neither rejected nor tagged there already."""
    loaded = taggers(project)
    with project.uow() as session:
        text = lq.texts(session, {report_id}).get(report_id)
        if text is None:
            raise ValueError("The report no longer exists.")
        excluded = sq.excluded(session, report_id)
    out: list[Scored] = []
    for kind, tagger in loaded.items():
        if kinds is not None and kind not in kinds:
            continue
        for a, b, conf in predict(tagger, text):
            if (kind, a, b) in excluded:
                continue
            s = Suggestion(kind, a, b, text[a:b], f"{ORIGIN_PREFIX}{kind}", {})
            out.append(Scored(s, s.rule, round(conf, 3)))
    return out


def suggest(project: Project, report_id: str, source: str = "all") -> list[Scored]:
    """Open suggestions for a report from the rules, the models, or both, in text order."""
    if source not in SOURCES:
        raise ValueError(f"source is one of {', '.join(SOURCES)}, not {source!r}")
    ruled = rules.for_report(project, report_id) if source in ("rules", "all") else []
    learned = learned_for_report(project, report_id) if source in ("learned", "all") else []
    suppressed = _suppressed_shapes(project, {s.kind for s in ruled}) if ruled else set()
    loaded = taggers(project) if ruled else {}
    text = ""
    if ruled and loaded:
        with project.uow() as session:
            text = lq.texts(session, {report_id}).get(report_id, "")
    cut = sentences(text) if text else []
    out: list[Scored] = []
    for s in ruled:
        if (s.kind, shape(s.text)) in suppressed:
            continue
        confidence = None
        if s.kind in loaded:
            sentence = next((c for c in cut if c.start <= s.start
                             and s.end <= c.start + len(c.text)), None)
            if sentence is not None:
                confidence = round(span_confidence(loaded[s.kind], sentence, s.start, s.end), 3)
        agreeing = [x for x in learned if x.suggestion.kind == s.kind
                    and x.suggestion.start < s.end and s.start < x.suggestion.end]
        if agreeing:
            confidence = max(x.confidence or 0.0 for x in agreeing)
            learned = [x for x in learned if x not in agreeing]
        out.append(Scored(s, rules.origin_of(s), confidence))
    out.extend(learned)
    out.sort(key=lambda x: (x.suggestion.start, x.suggestion.end, x.suggestion.kind))
    return out


def accept(project: Project, report_id: str, scored: Scored) -> Changes:
    """Tag a learned suggestion's span (origin ``learned:KIND``); a rule one as the rules do."""
    if not scored.origin.startswith(ORIGIN_PREFIX):
        return rules.accept(project, report_id, scored.suggestion)
    from desktop.services.tags import create_tag

    s = scored.suggestion
    return create_tag(project, report_id, s.kind, s.start, s.end, origin=scored.origin)
