"""Agreement between two analysts' tags (pure: no Qt, no SQL).

- **Span F1**, exact and overlap, with one-to-one matching per report and kind. Overlap
  matching is greedy by overlap ratio (IoU), then overlap length, with a tie-break that
  does not depend on which analyst is "A", so F1(A, B) == F1(B, A).
- **Cohen's κ at character level over tagged text only**: the characters counted are the
  union of those either analyst tagged; untagged text would inflate κ towards 1. Each
  character's label is the set of kinds covering it (overall), or "kind k or not" (per
  kind). Computed with a sweep over span boundaries, so the cost follows the number of
  tags, not the length of the report. A kind's `tagged_chars` counts the characters
  either analyst gave that kind; overall, those either analyst tagged.
- **Record-level agreement**: what the tags say, wherever in the report they say it. A
  record is a tag's defining fields (`RECORD_FIELDS`): a metric by indicator, value, unit
  and period; a program by its name; a target by year, indicator and value; any other
  kind by its fields except links (and a tag with none of them filled in by its quote). Each analyst's records
  are counted once per report and kind (tagging every mention of one fact is one
  record), and matched one to one when every defining field agrees (numbers within a
  relative tolerance, periods by their normalised span, text after width/space folding).
  Links to other tags or registry entries (`program_id`, a target's program) are ids
  that differ between analysts; they never count.
- **Disagreements**, ranked: tags of a different kind over the same text, tags only one
  analyst made, span boundaries that differ, field values that differ.

Conventions: when neither analyst has anything to compare (no tags, no tagged
characters), the figures are 1.0 — the two agree on nothing being there.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.domain.fieldvalues import period_months
from desktop.domain.periods import parse_period

DEFAULT_TOLERANCE = 0.005  # relative: 7.8 and 7.81 agree, 7.8 and 7.9 do not

# the fields that make a record, per kind (other kinds: every field but links)
RECORD_FIELDS: Mapping[str, tuple[str, ...]] = {
    "metric": ("indicator", "value", "unit", "period"),
    "program": ("name",),
    "target": ("year", "indicator", "value"),
}
# ids of other tags or registry entries: they differ between analysts by construction
# (the default schema's: a program's registry entry, a target's program tag)
LINK_FIELDS: frozenset[str] = frozenset({"program_id", "program"})


@dataclass(frozen=True, slots=True)
class Ann:
    """One tag as agreement sees it."""

    id: str
    report_id: str
    kind: str
    start: int
    end: int
    fields: Mapping[str, Any] = field(default_factory=dict)
    quote: str = ""
    report_year: int | None = None


@dataclass(frozen=True, slots=True)
class Score:
    """Matches (tp), tags only A made (fp), tags only B made (fn)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return 1.0 if self.tp + self.fp == 0 else self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        return 1.0 if self.tp + self.fn == 0 else self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        total = 2 * self.tp + self.fp + self.fn
        return 1.0 if total == 0 else 2 * self.tp / total

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True, slots=True)
class KindFigures:
    kind: str  # a kind key, or "overall"
    count_a: int
    count_b: int
    exact: Score
    overlap: Score
    record: Score
    kappa: float
    tagged_chars: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "tags_a": self.count_a, "tags_b": self.count_b,
            "exact_f1": round(self.exact.f1, 4), "overlap_f1": round(self.overlap.f1, 4),
            "record_f1": round(self.record.f1, 4), "kappa": round(self.kappa, 4),
            "tagged_chars": self.tagged_chars,
            "exact": _score_dict(self.exact), "overlap": _score_dict(self.overlap),
            "record": _score_dict(self.record),
        }


def _score_dict(s: Score) -> dict[str, Any]:
    return {"matched": s.tp, "only_a": s.fp, "only_b": s.fn,
            "precision": round(s.precision, 4), "recall": round(s.recall, 4)}


# Why two tags disagree, most serious first (the rank order of the list).
REASONS = ("kind", "only_a", "only_b", "span", "fields")
_SEVERITY = {"kind": 4, "only_a": 3, "only_b": 3, "span": 2, "fields": 1}


@dataclass(frozen=True, slots=True)
class Disagreement:
    report_id: str
    start: int  # the union of the spans involved, to jump to
    end: int
    reason: str  # one of REASONS
    kind: str
    a: Ann | None
    b: Ann | None
    detail: str = ""

    @property
    def severity(self) -> int:
        return _SEVERITY[self.reason]


@dataclass(frozen=True, slots=True)
class Agreement:
    per_kind: tuple[KindFigures, ...]
    overall: KindFigures
    disagreements: tuple[Disagreement, ...]
    reports: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "reports": self.reports,
            "overall": self.overall.as_dict(),
            "per_kind": [k.as_dict() for k in self.per_kind],
            "disagreements": len(self.disagreements),
        }


# --------------------------------------------------------------------- matching


def _overlap(a: Ann, b: Ann) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match_exact(a: Sequence[Ann], b: Sequence[Ann]) -> list[tuple[Ann, Ann]]:
    """One-to-one pairs with the same report, kind and span."""
    pool: dict[tuple[str, str, int, int], list[Ann]] = defaultdict(list)
    for y in sorted(b, key=lambda t: t.id, reverse=True):
        pool[(y.report_id, y.kind, y.start, y.end)].append(y)
    pairs = []
    for x in sorted(a, key=lambda t: t.id):
        bucket = pool.get((x.report_id, x.kind, x.start, x.end))
        if bucket:
            pairs.append((x, bucket.pop()))
    return pairs


def match_overlap(
    a: Sequence[Ann], b: Sequence[Ann], same_kind: bool = True
) -> list[tuple[Ann, Ann]]:
    """One-to-one pairs of overlapping tags (same report; same kind unless told otherwise),
    greedy by overlap ratio."""
    groups: dict[tuple[str, str], tuple[list[Ann], list[Ann]]] = defaultdict(lambda: ([], []))
    for x in a:
        groups[(x.report_id, x.kind if same_kind else "")][0].append(x)
    for y in b:
        groups[(y.report_id, y.kind if same_kind else "")][1].append(y)
    pairs: list[tuple[Ann, Ann]] = []
    for xs, ys in groups.values():
        if not xs or not ys:
            continue
        candidates = []
        for x, y in _overlapping_pairs(xs, ys):
            inter = _overlap(x, y)
            union = max(x.end, y.end) - min(x.start, y.start)
            # symmetric in x and y, so swapping the analysts picks the same pairs
            key = (-inter / union, -inter, min(x.start, y.start), max(x.start, y.start),
                   min(x.end, y.end), max(x.end, y.end))
            candidates.append((key, x, y))
        candidates.sort(key=lambda c: c[0])
        used_x: set[int] = set()
        used_y: set[int] = set()
        for _key, x, y in candidates:
            if id(x) in used_x or id(y) in used_y:
                continue
            used_x.add(id(x))
            used_y.add(id(y))
            pairs.append((x, y))
    return pairs


def _overlapping_pairs(xs: list[Ann], ys: list[Ann]) -> Iterable[tuple[Ann, Ann]]:
    """Pairs with a common character, by a sweep over starts (not all n×m pairs)."""
    events = sorted(
        [(x.start, 0, i) for i, x in enumerate(xs)] + [(y.start, 1, j) for j, y in enumerate(ys)]
    )
    active: tuple[dict[int, Ann], dict[int, Ann]] = ({}, {})
    for pos, side, idx in events:
        for act in active:
            for k in [k for k, t in act.items() if t.end <= pos]:
                del act[k]
        item = xs[idx] if side == 0 else ys[idx]
        other = active[1 - side]
        for t in other.values():
            yield (item, t) if side == 0 else (t, item)
        active[side][idx] = item


# --------------------------------------------------------------------- κ


def _segments(a: Sequence[Ann], b: Sequence[Ann]) -> Iterable[tuple[int, Counter[str], Counter[str]]]:
    """(length, kinds covering it for A, for B) for each stretch of tagged text in one report."""
    bounds: dict[int, list[tuple[int, str, int]]] = defaultdict(list)
    for side, tags in ((0, a), (1, b)):
        for t in tags:
            if t.end > t.start:
                bounds[t.start].append((side, t.kind, 1))
                bounds[t.end].append((side, t.kind, -1))
    active: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    points = sorted(bounds)
    for i, pos in enumerate(points):
        for side, kind, delta in bounds[pos]:
            active[side][kind] += delta
            if active[side][kind] == 0:
                del active[side][kind]
        if i + 1 < len(points) and (active[0] or active[1]):
            yield points[i + 1] - pos, +active[0], +active[1]


def _kappa(confusion: Mapping[tuple[str, str], int]) -> float:
    n = sum(confusion.values())
    if n == 0:
        return 1.0
    observed = sum(c for (x, y), c in confusion.items() if x == y) / n
    row: Counter[str] = Counter()
    col: Counter[str] = Counter()
    for (x, y), c in confusion.items():
        row[x] += c
        col[y] += c
    expected = sum(row[k] * col.get(k, 0) for k in row) / (n * n)
    if expected >= 1.0:
        return 1.0 if observed >= 1.0 else 0.0
    return (observed - expected) / (1.0 - expected)


def char_kappa(a: Sequence[Ann], b: Sequence[Ann], kind: str | None = None) -> tuple[float, int]:
    """Cohen's κ over the characters either analyst tagged (any kind), and how many
    characters either analyst tagged (with `kind`: tagged as that kind). With `kind`, each
    character is labelled "that kind" or "not"; otherwise by the set of kinds covering it
    ("" for none)."""
    confusion: Counter[tuple[str, str]] = Counter()
    counted = 0
    by_report: dict[str, tuple[list[Ann], list[Ann]]] = defaultdict(lambda: ([], []))
    for x in a:
        by_report[x.report_id][0].append(x)
    for y in b:
        by_report[y.report_id][1].append(y)
    for xs, ys in by_report.values():
        for length, ka, kb in _segments(xs, ys):
            if kind is None:
                la, lb = "+".join(sorted(ka)), "+".join(sorted(kb))
                counted += length
            else:
                la, lb = str(kind in ka), str(kind in kb)
                counted += length if kind in ka or kind in kb else 0
            confusion[(la, lb)] += length
    return _kappa(confusion), counted


# --------------------------------------------------------------------- field values



def _period_key(text: str, year: int | None) -> str | None:
    """A period's key (2025-01..2025-09) from the words typed, read against the year."""
    period = parse_period(text, year)
    return None if period is None else str(period.key())


_SPACE = re.compile(r"\s+")
_QUOTES = re.compile(r"[“”‘’\"'《》〈〉「」『』]")  # “智赋万企”行动 names 智赋万企行动


def _fold(text: str) -> str:
    return _QUOTES.sub("", _SPACE.sub("", unicodedata.normalize("NFKC", text))).lower()


def _number(value: Any) -> tuple[Decimal, str] | None:
    unit = ""
    if isinstance(value, dict):
        unit = str(value.get("unit", ""))
        value = value.get("value")
    if isinstance(value, bool) or value is None:
        return None
    try:
        return Decimal(_fold(str(value)).replace(",", "")), _fold(unit)
    except InvalidOperation:
        return None


def _period(value: Any, year: int | None) -> str | None:
    if isinstance(value, dict):
        start = value.get("start") or value.get("period_start")
        end = value.get("end") or value.get("period_end")
        if start or end:
            return f"{start}..{end}"
        value = value.get("label", "")
    months = period_months(value)
    if months is not None:  # a key, as accepted suggestions store a period
        return f"{months[0]}..{months[1]}"
    if isinstance(value, str):
        return _period_key(value, year)
    return None


def values_agree(
    key: str, x: Any, y: Any, year_x: int | None = None, year_y: int | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
) -> bool:
    """Whether two values of one field say the same thing."""
    if x in (None, "") and y in (None, ""):
        return True
    if x in (None, "") or y in (None, ""):
        return False
    nx, ny = _number(x), _number(y)
    if nx is not None and ny is not None:
        (vx, ux), (vy, uy) = nx, ny
        if ux and uy and ux != uy:
            return False
        if key == "year" or key.endswith("_year"):  # 2026 and 2027 are two targets
            return vx == vy
        scale = max(abs(vx), abs(vy), Decimal(1))
        return abs(vx - vy) <= Decimal(str(tolerance)) * scale
    if "period" in key:
        px, py = _period(x, year_x), _period(y, year_y)
        if px is not None and py is not None:
            return px == py
    if isinstance(x, dict) or isinstance(y, dict):
        return bool(x == y)
    return _fold(str(x)) == _fold(str(y))


def fields_differ(x: Ann, y: Ann, tolerance: float = DEFAULT_TOLERANCE,
                  links: frozenset[str] = LINK_FIELDS) -> list[str]:
    """The field keys on which two tags disagree (period_start/period_end are compared
    through `period` when both tags have one; links to other tags never differ)."""
    keys = sorted((set(x.fields) | set(y.fields)) - links)
    if "period" in x.fields and "period" in y.fields:
        keys = [k for k in keys if k not in ("period_start", "period_end")]
    return [
        k for k in keys
        if not values_agree(k, x.fields.get(k), y.fields.get(k), x.report_year, y.report_year,
                            tolerance)
    ]


# --------------------------------------------------------------------- the whole picture


def _record(t: Ann, keys: Sequence[str]) -> dict[str, Any]:
    """A tag's record: its defining fields, or its quote when none is filled in."""
    values = {k: t.fields.get(k) for k in keys}
    if all(v in (None, "") for v in values.values()):
        return {"quote": t.quote}  # nothing filled in: the text is the record
    return values


def _record_bucket(values: Mapping[str, Any], year: int | None) -> tuple[str, ...]:
    """What two agreeing records must share exactly: folded text and period keys (numbers
    agree within a tolerance, so they are compared inside a bucket)."""
    out = []
    for key, value in values.items():
        if value in (None, ""):
            out.append("")
        elif _number(value) is not None:
            out.append("#")
        elif "period" in key and (p := _period(value, year)) is not None:
            out.append(p)
        elif isinstance(value, dict):
            out.append(repr(sorted(value.items())))
        else:
            out.append(_fold(str(value)))
    return tuple(out)


def record_score(a: Sequence[Ann], b: Sequence[Ann], keys: Sequence[str] | None = None,
                 tolerance: float = DEFAULT_TOLERANCE,
                 links: frozenset[str] = LINK_FIELDS) -> Score:
    """Records matched one to one (per report; all tags of one kind), each analyst's
    records counted once per report."""
    def distinct(tags: Sequence[Ann]) -> dict[tuple[str, tuple[str, ...]], list[tuple[Ann, dict[str, Any]]]]:
        buckets: dict[tuple[str, tuple[str, ...]], list[tuple[Ann, dict[str, Any]]]] = defaultdict(list)
        for t in sorted(tags, key=lambda t: (t.start, t.end, t.id)):
            fields = keys if keys is not None else tuple(sorted(set(t.fields) - links))
            values = _record(t, tuple(fields))
            bucket = buckets[(t.report_id, _record_bucket(values, t.report_year))]
            if not any(_same_record(t, values, u, other, tolerance) for u, other in bucket):
                bucket.append((t, values))
        return buckets

    xs, ys = distinct(a), distinct(b)
    tp = 0
    for key, bucket in xs.items():
        pool = list(ys.get(key, ()))
        for x, values in bucket:
            hit = next((i for i, (y, other) in enumerate(pool)
                        if _same_record(x, values, y, other, tolerance)), None)
            if hit is not None:
                pool.pop(hit)
                tp += 1
    count_a = sum(len(v) for v in xs.values())
    count_b = sum(len(v) for v in ys.values())
    return Score(tp, count_a - tp, count_b - tp)


def _same_record(x: Ann, xv: Mapping[str, Any], y: Ann, yv: Mapping[str, Any],
                 tolerance: float) -> bool:
    return set(xv) == set(yv) and all(
        values_agree(k, xv[k], yv[k], x.report_year, y.report_year, tolerance) for k in xv)


def _figures(kind: str, a: Sequence[Ann], b: Sequence[Ann], all_a: Sequence[Ann],
             all_b: Sequence[Ann], tolerance: float,
             record_fields: Mapping[str, Sequence[str]], links: frozenset[str]) -> KindFigures:
    exact = len(match_exact(a, b))
    pairs = match_overlap(a, b)
    keys = record_fields.get(kind)
    record = record_score(a, b, tuple(keys) if keys is not None else None, tolerance, links)
    kappa, chars = char_kappa(all_a, all_b, kind)
    return KindFigures(
        kind, len(a), len(b),
        Score(exact, len(a) - exact, len(b) - exact),
        Score(len(pairs), len(a) - len(pairs), len(b) - len(pairs)),
        record, kappa, chars,
    )


def disagreements(
    a: Sequence[Ann], b: Sequence[Ann], tolerance: float = DEFAULT_TOLERANCE,
    links: frozenset[str] = LINK_FIELDS,
) -> list[Disagreement]:
    """Every place the two analysts differ, most serious first."""
    out: list[Disagreement] = []
    pairs = match_overlap(a, b)
    for x, y in pairs:
        differ = fields_differ(x, y, tolerance, links)
        if (x.start, x.end) != (y.start, y.end):
            detail = f"A [{x.start},{x.end}) · B [{y.start},{y.end})"
            if differ:
                detail += "; fields: " + ", ".join(differ)
            out.append(_dis(x, y, "span", detail))
        elif differ:
            out.append(_dis(x, y, "fields", ", ".join(differ)))
    matched_a = {id(x) for x, _ in pairs}
    matched_b = {id(y) for _, y in pairs}
    rest_a = [x for x in a if id(x) not in matched_a]
    rest_b = [y for y in b if id(y) not in matched_b]
    cross = match_overlap(rest_a, rest_b, same_kind=False)
    for x, y in cross:
        out.append(_dis(x, y, "kind", f"A {x.kind} · B {y.kind}"))
    crossed_a = {id(x) for x, _ in cross}
    crossed_b = {id(y) for _, y in cross}
    out.extend(_dis(x, None, "only_a") for x in rest_a if id(x) not in crossed_a)
    out.extend(_dis(None, y, "only_b") for y in rest_b if id(y) not in crossed_b)
    out.sort(key=lambda d: (-d.severity, -(d.end - d.start), d.report_id, d.start, d.end,
                            d.reason))
    return out


def _dis(x: Ann | None, y: Ann | None, reason: str, detail: str = "") -> Disagreement:
    tags = [t for t in (x, y) if t is not None]
    first = tags[0]
    return Disagreement(
        first.report_id, min(t.start for t in tags), max(t.end for t in tags), reason,
        first.kind, x, y, detail,
    )


def compare(
    a: Sequence[Ann], b: Sequence[Ann], kinds: Sequence[str] = (),
    tolerance: float = DEFAULT_TOLERANCE,
    record_fields: Mapping[str, Sequence[str]] = RECORD_FIELDS,
    links: frozenset[str] = LINK_FIELDS,
) -> Agreement:
    """All figures for two analysts' tags over the same reports. `kinds` lists the kinds
    to report even when neither analyst used them (in that order); `record_fields` the
    fields that make a record of each kind (others: every field but `links`, the fields
    that hold ids of other tags or registry entries)."""
    order = list(kinds) + sorted({t.kind for t in (*a, *b)} - set(kinds))
    per_kind = tuple(
        _figures(k, [x for x in a if x.kind == k], [y for y in b if y.kind == k], a, b,
                 tolerance, record_fields, links)
        for k in order
    )
    exact = sum((f.exact for f in per_kind), Score())
    overlap = sum((f.overlap for f in per_kind), Score())
    record = sum((f.record for f in per_kind), Score())
    kappa, chars = char_kappa(a, b)
    overall = KindFigures("overall", len(a), len(b), exact, overlap, record, kappa, chars)
    reports = len({t.report_id for t in (*a, *b)})
    return Agreement(per_kind, overall, tuple(disagreements(a, b, tolerance, links)), reports)
