"""Suggestions that learn: a character CRF (python-crfsuite) per kind, trained on the
project's own decisions, stored in the project (`learned_model`), applied beside the rules.

Training data for a kind: its tags not rejected in review are the positives (accepted,
corrected and hand-made tags alike), labelled B/I over characters in the sentences that
hold them, the rest of those sentences O; rejected suggestions of the kind and tags of it
rejected in review are O in their sentences; reports someone marked done give all their
sentences (their untagged text is negative). `train_sequences` is a plain top-level
function of plain values, so the window can run it in the worker process.

`open_suggestions` joins rule and learned suggestions: learned ones have origin
``learned:KIND`` and a confidence; where a learned span overlaps a rule suggestion of the
same kind there is one suggestion (the rule's, with the model's confidence). The model's
confidence also decides which rule suggestions to hold back: among the rule suggestions of a
shape family (text with figures as 0: 增长0% and 增长5.2% are one family) that the team
rejected SUPPRESS_AFTER times, those the kind's model, trained on those decisions, gives a
confidence below SUPPRESS_BELOW are held back, so 增长0% stops while the 增长5.2% the team
accepts keeps coming. A kind without a model holds a family back only if it was never tagged.

The model's work on a report (`predict_report`: its spans and the confidences of the rule
suggestions) is a plain function of plain values, so the window runs it in the worker for
long reports and keeps the result (`Predictions`) for as long as the models are the same.
The window trains in the worker (`train_project_job`) on demand and after every
TRAIN_EVERY decisions on a kind (`due_kinds`).
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from db.models import LearnedModel
from db.queries import learning as lq
from db.queries import suggestions as sq
from desktop.domain.errors import RefusedInput, ReportGone, UnknownKind
from desktop.domain.learning.sequences import (
    FEATURES_VERSION,
    Sentence,
    bio,
    features,
    sentences,
    shape,
    spans_of,
)
from desktop.domain.states import Origin
from desktop.domain.suggestion import Suggestion
from desktop.services import suggestions as rules
from desktop.services.changes import Changes
from desktop.services.project import Project

ORIGIN_PREFIX = Origin.LEARNED
MIN_EXAMPLES = 5  # tags of a kind before a model is trained for it
MIN_CONFIDENCE = 0.5  # a learned span's lowest character marginal
SUPPRESS_AFTER = 3  # rejections of one shape family before the model may hold it back
SUPPRESS_BELOW = 0.5  # the model's confidence under which such a rule suggestion is held back
TRAIN_EVERY = 20  # decisions on a kind (tags, rejections, verdicts) between two trainings
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
    import pycrfsuite  # imported when first used: the window starts without it

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


def train_sequences_job(report: Progress, *, seqs: list[Sequence]) -> bytes:
    """`train_sequences` as a worker-process job (desktop.ui.jobs.ProcessJob's signature)."""
    return train_sequences(seqs, report)


class _Loaded:
    """A tagger with the bytes it was opened from: crfsuite reads the model in place, so
    the bytes must live as long as the tagger (else it reads freed memory)."""

    __slots__ = ("model", "tagger")
    tagger: Any

    def __init__(self, model: bytes) -> None:
        import pycrfsuite

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
    loaded.tagger.set(features(sentence.text))
    return _confidence_set(loaded.tagger, start - sentence.start, end - sentence.start)


def _confidence_set(tagger: Any, a: int, b: int) -> float:
    """`span_confidence` of [a, b) in the sentence the tagger was last set to."""
    probs = [tagger.marginal("B" if i == a else "I", i) for i in range(a, b)]
    return sum(probs) / len(probs) if probs else 0.0


# --- training in the project -----------------------------------------------------------


def trainable_kinds(project: Project) -> list[str]:
    with project.uow() as session:
        counts = lq.tag_counts(session)
        return [k for k in lq.kind_keys(session) if counts.get(k, 0) >= MIN_EXAMPLES]


def due_kinds(project: Project, every: int | None = None) -> list[str]:
    """Kinds to train again: with MIN_EXAMPLES tags, and `every` (TRAIN_EVERY) decisions
    made (or undone) on them since their model was trained, or never trained."""
    every = TRAIN_EVERY if every is None else every
    with project.uow() as session:
        counts = lq.tag_counts(session)
        now = lq.decision_counts(session)
        then = lq.trained_decisions(session)
        keys = lq.kind_keys(session)
    return [k for k in keys if counts.get(k, 0) >= MIN_EXAMPLES
            and abs(now.get(k, 0) - then.get(k, 0)) >= every]


def train(project: Project, kind: str | list[str] | None = None,
          progress: Progress | None = None) -> tuple[Changes, list[TrainOutcome]]:
    """Train (one kind, these kinds, or every kind with MIN_EXAMPLES tags) and store the
    models."""
    with project.uow() as session:
        known = lq.kind_keys(session)
    wanted = [kind] if isinstance(kind, str) else kind
    for key in wanted or []:
        if key not in known:
            raise UnknownKind(key)
    kinds = wanted if wanted is not None else trainable_kinds(project)
    outcomes: list[TrainOutcome] = []
    for i, key in enumerate(kinds):
        if progress is not None:
            progress(i, len(kinds), key)
        with project.uow() as session:
            decisions = lq.decision_counts(session).get(key, 0)
        seqs, examples = training_data(project, key)
        if examples < MIN_EXAMPLES:
            outcomes.append(TrainOutcome(key, examples, len(seqs), 0.0, False,
                                         f"needs at least {MIN_EXAMPLES} tags"))
            continue
        began = time.perf_counter()
        model = train_sequences(seqs)
        seconds = time.perf_counter() - began
        store(project, key, model, examples, decisions)
        outcomes.append(TrainOutcome(key, examples, len(seqs), seconds, True))
    if progress is not None:
        progress(len(kinds), len(kinds), "")
    return Changes(tags=frozenset()), outcomes


def train_project_job(report: Progress, *, target: str, analyst: str | None,
                      kinds: list[str] | None = None) -> list[TrainOutcome]:
    """ProcessJob target: train the project's models at `target` (these kinds, or every
    kind with enough tags) in the worker process, and store them in the project."""
    from desktop.services.project import open_project_as

    project = open_project_as(target, analyst, create=False)
    try:
        return train(project, kinds, report)[1]
    finally:
        project.close()


def train_due_job(report: Progress, *, target: str, analyst: str | None,
                  every: int) -> list[TrainOutcome]:
    """ProcessJob target: train the kinds `due_kinds` finds (`every` decisions since their
    model) in the worker process; the window asks after every `every` decisions it sees, so
    counting them (a scan of the tags) never holds the GUI thread either."""
    from desktop.services.project import open_project_as

    project = open_project_as(target, analyst, create=False)
    try:
        due = due_kinds(project, every)
        return train(project, due, report)[1] if due else []
    finally:
        project.close()


def store(project: Project, kind: str, model: bytes, examples: int, decisions: int = 0) -> None:
    from db.base import utcnow

    with project.uow.begin() as session:
        row = lq.model(session, kind)
        if row is None:
            row = LearnedModel(kind_key=kind)
            session.add(row)
        row.model, row.examples, row.decisions = model, examples, decisions
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


# --- what the models say of a report (plain values: worker-process friendly) ------------


@dataclass(frozen=True, slots=True)
class Predictions:
    """The models' work on one report: valid while the models' stamps are the same."""

    stamps: dict[str, str]  # kind → trained-at of the model used
    spans: dict[str, list[tuple[int, int, float]]]  # kind → the model's own spans
    # (kind, start, end) of a rule suggestion → the model's confidence (None: no word on it)
    rule_confidence: dict[tuple[str, int, int], float | None]

    def covers(self, stamps: dict[str, str], rule_spans: dict[str, list[tuple[int, int]]]) -> bool:
        return self.stamps == stamps and all(
            (kind, a, b) in self.rule_confidence
            for kind, spans in rule_spans.items() for a, b in spans)


@dataclass(frozen=True, slots=True)
class PredictionWork:
    """What `predict_report` needs: `predict_report(**work.kwargs)`."""

    report_id: str
    text: str
    stamps: dict[str, str]
    models: dict[str, bytes]
    rule_spans: dict[str, list[tuple[int, int]]]

    @property
    def kwargs(self) -> dict[str, Any]:
        return {"text": self.text, "stamps": self.stamps, "models": self.models,
                "rule_spans": self.rule_spans}


def model_stamps(project: Project) -> dict[str, str]:
    """kind → trained-at of its usable stored model (a cheap query: no model bytes)."""
    with project.uow() as session:
        return {k: t for k, (t, v) in lq.model_stamps(session).items() if v == FEATURES_VERSION}


def _rule_spans(ruled: list[Suggestion], kinds: set[str]) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {}
    for s in ruled:
        if s.kind in kinds:
            out.setdefault(s.kind, []).append((s.start, s.end))
    return out


def prediction_work(project: Project, report_id: str, ruled: list[Suggestion],
                    have: Predictions | None,
                    stamps: dict[str, str] | None = None) -> PredictionWork | None:
    """The input of `predict_report` for a report, or None when `have` is still valid (the
    same models, every rule suggestion scored) or there is no model. `stamps`: the
    models' (`model_stamps`), when the caller has just read them."""
    stamps = model_stamps(project) if stamps is None else stamps
    if not stamps:
        return None
    rule_spans = _rule_spans(ruled, set(stamps))
    if have is not None and have.covers(stamps, rule_spans):
        return None
    with project.uow() as session:
        text = lq.texts(session, {report_id}).get(report_id)
        if text is None:
            raise ReportGone
        models = lq.models_of(session, list(stamps))
    return PredictionWork(report_id, text, stamps, models, rule_spans)


def _span_confidences(loaded: _Loaded, text: str,
                      spans: list[tuple[int, int]]) -> dict[tuple[int, int], float | None]:
    """The model's confidence in each span (`span_confidence`), each sentence tagged once;
    None for a span across sentences (the model never sees one whole: no word on it)."""
    out: dict[tuple[int, int], float | None] = {}
    todo = sorted(set(spans))
    i = 0
    for sentence in sentences(text) if todo else []:
        end = sentence.start + len(sentence.text)
        ready = False
        while i < len(todo) and todo[i][0] < end:  # spans starting in this sentence
            a, b = todo[i]
            if sentence.start <= a and b <= end:
                if not ready:
                    loaded.tagger.set(features(sentence.text))
                    ready = True
                out[(a, b)] = _confidence_set(loaded.tagger, a - sentence.start,
                                              b - sentence.start)
            i += 1
    for key in todo:
        out.setdefault(key, None)
    return out


def predict_report(*, text: str, stamps: dict[str, str], models: dict[str, bytes],
                   rule_spans: dict[str, list[tuple[int, int]]]) -> Predictions:
    spans: dict[str, list[tuple[int, int, float]]] = {}
    confidence: dict[tuple[str, int, int], float | None] = {}
    for kind, model in models.items():
        loaded = _tagger(model)
        spans[kind] = [(a, b, round(c, 3)) for a, b, c in predict(loaded, text)]
        for (a, b), c in _span_confidences(loaded, text, rule_spans.get(kind, [])).items():
            confidence[(kind, a, b)] = None if c is None else round(c, 3)
    return Predictions(dict(stamps), spans, confidence)


def predict_job(report: Progress, **kwargs: Any) -> Predictions:
    """`predict_report` as a worker-process job (desktop.ui.jobs.ProcessJob's signature)."""
    report(0, 1, "suggesting")
    return predict_report(**kwargs)


# --- suggesting ------------------------------------------------------------------------


def _families(project: Project, kinds: set[str]) -> dict[tuple[str, str], int]:
    """(kind, shape) → rejections, of the shape families rejected SUPPRESS_AFTER times."""
    out: dict[tuple[str, str], int] = {}
    with project.uow() as session:
        for kind in kinds:
            counts: dict[str, int] = {}
            for text in lq.rejected_texts(session, kind):
                counts[shape(text)] = counts.get(shape(text), 0) + 1
            out |= {(kind, s): n for s, n in counts.items() if n >= SUPPRESS_AFTER}
    return out


def _tagged_shapes(project: Project, kind: str) -> set[str]:
    with project.uow() as session:
        return {shape(q) for q in lq.tagged_quotes(session, kind)}


def held_back(rejected: bool, confidence: float | None, tagged: Callable[[], bool]) -> bool:
    """Whether a rule suggestion is held back: its shape family `rejected` SUPPRESS_AFTER
    times and the kind's model doubts it (below SUPPRESS_BELOW) or, without a model's
    word, the family never `tagged` (asked only then: it reads the kind's tags)."""
    if not rejected:
        return False
    if confidence is not None:
        return confidence < SUPPRESS_BELOW
    return not tagged()


def open_suggestions(project: Project, report_id: str, ruled: list[Suggestion],
                     predicted: Predictions | None, text: str | None = None) -> list[Scored]:
    """The report's open suggestions: the rules' (`ruled`, already open) with the model's
    confidence, less those held back, and the models' own spans not rejected or tagged
    there and not overlapping a rule suggestion of their kind; in text order. `text` is
    the report's stored text when the caller has it at hand."""
    learned: list[Scored] = []
    if predicted is not None and any(predicted.spans.values()):
        with project.uow() as session:
            if text is None:
                text = lq.texts(session, {report_id}).get(report_id, "")
            excluded = sq.excluded(session, report_id)
        for kind, spans in predicted.spans.items():
            rule = f"{ORIGIN_PREFIX}{kind}"
            for a, b, conf in spans:
                if (kind, a, b) not in excluded and b <= len(text):
                    learned.append(Scored(Suggestion(kind, a, b, text[a:b], rule, {}), rule, conf))
    families = _families(project, {s.kind for s in ruled}) if ruled else {}
    tagged: dict[str, set[str]] = {}

    def ever_tagged(kind: str, family: str) -> bool:
        if kind not in tagged:
            tagged[kind] = _tagged_shapes(project, kind)
        return family in tagged[kind]

    out: list[Scored] = []
    for s in ruled:
        confidence = None
        if predicted is not None and s.kind in predicted.stamps:
            confidence = predicted.rule_confidence.get((s.kind, s.start, s.end))
        agreeing = [x for x in learned if x.suggestion.kind == s.kind
                    and x.suggestion.start < s.end and s.start < x.suggestion.end]
        if agreeing:
            best = max(x.confidence or 0.0 for x in agreeing)
            confidence = best if confidence is None else max(confidence, best)
            learned = [x for x in learned if x not in agreeing]
        family = shape(s.text)
        if held_back((s.kind, family) in families, confidence,
                     partial(ever_tagged, s.kind, family)):
            continue
        out.append(Scored(s, rules.origin_of(s), confidence))
    out.extend(learned)
    out.sort(key=lambda x: (x.suggestion.start, x.suggestion.end, x.suggestion.kind))
    return out


def suggest(project: Project, report_id: str, source: str = "all") -> list[Scored]:
    """Open suggestions for a report from the rules, the models, or both, in text order."""
    if source not in SOURCES:
        raise RefusedInput("source is one of {known}, not {source!r}",
                           message_id="learning.bad_source",
                           params={"known": ", ".join(SOURCES), "source": source})
    ruled = rules.for_report(project, report_id) if source in ("rules", "all") else []
    work = prediction_work(project, report_id, ruled, None)
    predicted = predict_report(**work.kwargs) if work is not None else None
    if predicted is not None and source == "rules":
        predicted = Predictions(predicted.stamps, {}, predicted.rule_confidence)
    return open_suggestions(project, report_id, ruled, predicted)


def accept(project: Project, report_id: str, scored: Scored) -> Changes:
    """Tag a suggestion's span: a learned one with origin ``learned:KIND``, a rule one as
    the rules do (both through the rules' accept, which keeps the origin)."""
    return rules.accept(project, report_id, scored.suggestion)
