"""Suggestions for a report: the rule engine's candidates and the program registry's
hits, less what the analysts rejected or already tagged; accept and reject them.

The rule engine's output depends only on the report's (immutable) text and its
metadata (region, year), so it is cached per (report id, RULES_VERSION) together with
the region and year it was computed for: a metadata change (`forget`, or a colleague's
edit seen on the next read) computes it again.

Every suggestion is a finished row: `finish` gives a metric's fields the names of
docs/fields.md, with the period as ``period`` ("YYYY-MM..YYYY-MM") beside ``period_start``
and ``period_end``, and accepting a suggestion stores those fields on the tag. `compute` is a plain top-level function
of plain values, so the GUI can run it in a worker process and hand the result to
`prime` before asking `for_report`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy.orm import Session

from db.models import Program, Report, Tag, TagEvent
from db.queries import suggestions as sq
from desktop.domain.errors import NotFound, ReportGone
from desktop.domain.quantities import decimal_str, find_quantities, parse_quantity
from desktop.domain.report_text import Structure
from desktop.domain.spans import IntervalIndex
from desktop.domain.states import Origin
from desktop.domain.suggesters import KINDS, RULES_VERSION, suggest
from desktop.domain.suggestion import ReportContext, Suggestion
from desktop.services import programs
from desktop.services.changes import Changes
from desktop.services.project import Project

__all__ = [
    "ORIGIN_PREFIX",
    "SuggestionWork",
    "accept",
    "accept_all",
    "accept_kind",
    "accept_these",
    "by_id",
    "clear_cache",
    "compute",
    "finish",
    "for_report",
    "forget",
    "from_dicts",
    "headings_of",
    "kinds_of_tags",
    "origin_of",
    "parse_id",
    "prime",
    "reject",
    "report_id_for_text",
    "suggestion_id",
    "unreject",
    "work_for",
]

ORIGIN_PREFIX = Origin.SUGGESTION

Headings = tuple[tuple[int, int, str], ...]

Meta = tuple[str, int | None]  # (region, year): the metadata the rule engine reads
_ANY: Meta = ("\x00any", None)  # primed without saying for which metadata

# (report id, RULES_VERSION) -> (the metadata used, the rule engine's suggestions)
CACHE_LIMIT = 64  # reports whose suggestions an open project keeps (ProjectCaches)


# --- ids ---------------------------------------------------------------------------


def suggestion_id(s: Suggestion) -> str:
    """A stable id the reader can select a suggestion by: ``s:{kind}:{start}:{end}``."""
    return f"s:{s.kind}:{s.start}:{s.end}"


_KIND_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def parse_id(sid: str) -> tuple[str, int, int]:
    """(kind, start, end) of a suggestion id; ValueError if it is not one. The kind is any
    kind key (the built-in ones and those the team adds in the schema dialog)."""
    head, _, rest = sid.partition(":")
    parts = rest.rsplit(":", 2)
    if head != "s" or len(parts) != 3 or not _KIND_KEY.fullmatch(parts[0]):
        raise ValueError(f"not a suggestion id: {sid!r}")
    try:
        return parts[0], int(parts[1]), int(parts[2])
    except ValueError:
        raise ValueError(f"not a suggestion id: {sid!r}") from None


LEARNED_PREFIX = Origin.LEARNED  # the rule of a learned suggestion: learned:KIND


def origin_of(s: Suggestion) -> str:
    """A tag's origin when it comes from this suggestion: ``suggestion:RULE``, or
    ``learned:KIND`` for the learned suggester's."""
    return s.rule if s.rule.startswith(LEARNED_PREFIX) else f"{ORIGIN_PREFIX}{s.rule}"


# --- computing (pure; worker-process friendly) ---------------------------------------


def context_of(region: str, year: int | None, headings: Headings) -> ReportContext:
    return ReportContext(region=region or "", year=year, headings=tuple(headings))


def headings_of(text: str, structure: Structure) -> Headings:
    return tuple((a, b, text[a:b]) for a, b in structure.headings)


_MONTH = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])")
_PERIOD_KEY = re.compile(r"(\d{4}-(?:0[1-9]|1[0-2]))\.\.(\d{4}-(?:0[1-9]|1[0-2]))")


def _month(value: Any) -> str | None:
    return value if isinstance(value, str) and _MONTH.fullmatch(value) else None


def finish(kind: str, fields: dict[str, Any], year: int | None) -> dict[str, Any]:
    """A suggestion's fields as a finished row (docs/fields.md): a period carried as
    ``period_start``/``period_end`` also as ``period`` ("YYYY-MM..YYYY-MM") and the other
    way round. A metric whose suggester said nothing of its period (no ``period`` key and
    no months) is dated by the year the report reviews, as docs/fields.md dates a figure with
    no time stated; ``value_high`` is always present on a metric (None when no range)."""
    out = dict(fields)
    has_period = any(k in out for k in ("period", "period_start", "period_end"))
    if not has_period and kind != "metric":
        return out
    start, end = _month(out.get("period_start")), _month(out.get("period_end"))
    period = out.get("period")
    key = _PERIOD_KEY.fullmatch(period) if isinstance(period, str) else None
    if key is not None:
        start, end = key.group(1), key.group(2)
    elif start and end:
        period = f"{start}..{end}"
    else:
        period = start = end = None
        if kind == "metric" and "period" not in fields and year is not None:
            start, end = f"{year:04d}-01", f"{year:04d}-12"
            period = f"{start}..{end}"
    out["period"], out["period_start"], out["period_end"] = period, start, end
    if kind == "metric":
        out.setdefault("period_label", "")
        out.setdefault("value_high", None)
    return out


def _suggest(text: str, context: ReportContext) -> list[Suggestion]:
    return [Suggestion(s.kind, s.start, s.end, s.text, s.rule, finish(s.kind, s.fields, context.year))
            for s in suggest(text, context)]


def compute(text: str, region: str, year: int | None,
            headings: Headings | list[list[Any]] | list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """The rule engine's suggestions for one text, as plain dicts (picklable, JSON-able):
    ``{"kind", "start", "end", "text", "rule", "fields"}``, the fields finished."""
    heads: Headings = tuple((int(a), int(b), str(t)) for a, b, t in headings)
    return [asdict(s) for s in _suggest(text, context_of(region, year, heads))]


def compute_job(report: Callable[[int, int, str], None], *, text: str, region: str,
                year: int | None, headings: Headings) -> list[dict[str, Any]]:
    """`compute` as a worker-process job (desktop.ui.jobs.ProcessJob's signature)."""
    report(0, 1, "suggesting")
    return compute(text, region, year, headings)


def from_dicts(items: list[dict[str, Any]]) -> list[Suggestion]:
    return [
        Suggestion(d["kind"], int(d["start"]), int(d["end"]), d["text"], d["rule"],
                   dict(d.get("fields") or {}))
        for d in items
    ]


@dataclass(frozen=True, slots=True)
class SuggestionWork:
    """What a worker needs to compute a report's suggestions: `compute(*work.args)`."""

    report_id: str
    rules_version: str
    text: str
    region: str
    year: int | None
    headings: Headings

    @property
    def args(self) -> tuple[str, str, int | None, Headings]:
        return (self.text, self.region, self.year, self.headings)


    @property
    def meta(self) -> Meta:
        return (self.region or "", self.year)


def _cached(project: Project, report_id: str) -> tuple[Meta, tuple[Suggestion, ...]] | None:
    """A report's cached (region and year, suggestions), if made by these rules."""
    entry = project.caches.suggestions.get(report_id)
    if entry is None or entry[0] != RULES_VERSION:
        return None
    return entry[1], entry[2]


def _cached_over(project: Project, report_id: str, start: int, end: int) -> list[Suggestion]:
    """The cached suggestions of a report that overlap [start, end), found through the
    entry's span index (a key press looks at those near it, not at every one)."""
    entry = project.caches.suggestions.get(report_id)
    if entry is None or entry[0] != RULES_VERSION:
        return []
    found, index = entry[2], entry[3]
    return [found[i] for i in index.overlapping(start, end)]


def _fresh(project: Project, report_id: str, meta: Meta) -> tuple[Suggestion, ...] | None:
    """The cached suggestions of a report, if computed for this region and year."""
    cached = _cached(project, report_id)
    if cached is None or cached[0] not in (meta, _ANY):
        return None
    return cached[1]


def _store(project: Project, report_id: str, meta: Meta, found: tuple[Suggestion, ...]) -> None:
    cache = project.caches.suggestions
    cache.pop(report_id, None)
    if len(cache) >= CACHE_LIMIT:
        cache.popitem(last=False)
    cache[report_id] = (RULES_VERSION, meta, found,
                        IntervalIndex([(x.start, x.end) for x in found]))


def work_for(project: Project, report_id: str) -> SuggestionWork | None:
    """The input of `compute` for a report, or None when its result is cached already
    (for the report's present region and year)."""
    with project.uow() as session:
        meta = sq.report_meta(session, report_id)
        if meta is not None and _fresh(project, report_id, (meta[0] or "", meta[1])) is not None:
            return None
        report = _report(session, report_id)
        structure = Structure.from_dict(report.structure or {})
        return SuggestionWork(report_id, RULES_VERSION, report.text, report.region,
                              report.year, headings_of(report.text, structure))


def prime(project: Project, report_id: str, items: list[dict[str, Any]],
          rules_version: str = RULES_VERSION, meta: Meta | None = None) -> None:
    """Store a worker's `compute` result, so `for_report` does not compute again; `meta`
    is the work's (region, year) (`SuggestionWork.meta`)."""
    if rules_version != RULES_VERSION:
        return
    _store(project, report_id, _ANY if meta is None else (meta[0] or "", meta[1]),
           tuple(from_dicts(items)))


def clear_cache(project: Project) -> None:
    project.caches.suggestions.clear()


def forget(project: Project, report_id: str) -> None:
    """Drop a report's cached suggestions (its metadata changed)."""
    project.caches.suggestions.pop(report_id, None)


def _report(session: Session, report_id: str) -> Report:
    report = session.get(Report, report_id)
    if report is None:
        raise ReportGone
    return report


def _engine(project: Project, report: Report) -> tuple[Suggestion, ...]:
    meta: Meta = (report.region or "", report.year)
    cached = _fresh(project, report.id, meta)
    if cached is None:
        structure = Structure.from_dict(report.structure or {})
        context = context_of(report.region, report.year, headings_of(report.text, structure))
        cached = tuple(_suggest(report.text, context))
        _store(project, report.id, meta, cached)
    return cached


# --- reading -------------------------------------------------------------------------


def _with_registry(text: str, engine: tuple[Suggestion, ...],
                   hits: list[programs.AliasHit]) -> list[Suggestion]:
    """Registry hits become program suggestions; where a rule already suggests a program
    over the hit, the rule's suggestion is kept and gets the entry's id."""
    out = list(engine)
    rule_programs = sorted(
        (i for i, s in enumerate(out) if s.kind == "program"), key=lambda i: out[i].start
    )
    for hit in hits:
        overlapping = [i for i in rule_programs
                       if out[i].start < hit.end and hit.start < out[i].end]
        if overlapping:
            for i in overlapping:
                s = out[i]
                if programs.PROGRAM_FIELD not in s.fields:
                    fields = {**s.fields, programs.PROGRAM_FIELD: hit.program_id,
                              "name": hit.name}
                    out[i] = Suggestion(s.kind, s.start, s.end, s.text, s.rule, fields)
            continue
        out.extend(programs.as_suggestions(text, [hit]))
    out.sort(key=lambda s: (s.start, s.end, KINDS.index(s.kind)))
    return out


def _current(session: Session, project: Project, report_id: str,
             kinds: tuple[str, ...] = KINDS) -> list[Suggestion]:
    report = _report(session, report_id)
    found = _with_registry(report.text, _engine(project, report),
                           programs.hits_in(session, report.text))
    excluded = sq.excluded(session, report_id)
    seen: set[tuple[str, int, int]] = set()
    out: list[Suggestion] = []
    for s in found:
        key = (s.kind, s.start, s.end)
        if s.kind in kinds and key not in excluded and key not in seen:
            seen.add(key)
            out.append(s)
    return out


def for_report(project: Project, report_id: str) -> list[Suggestion]:
    """The report's open suggestions, in text order: neither rejected at that span and
    kind, nor already tagged there with that kind by anyone. Ids: `suggestion_id`."""
    with project.uow() as session:
        return _current(session, project, report_id)


def by_id(project: Project, report_id: str, sid: str) -> Suggestion | None:
    kind, start, end = parse_id(sid)
    return next((s for s in for_report(project, report_id)
                 if (s.kind, s.start, s.end) == (kind, start, end)), None)


def report_id_for_text(project: Project, text: str) -> str | None:
    """The id of the report holding exactly this stored text, if imported."""
    from desktop.domain.report_text import text_sha256

    with project.uow() as session:
        return sq.report_with_sha(session, text_sha256(text))


def kinds_of_tags(project: Project, tag_ids: list[str]) -> list[str]:
    """The kind key of each of these tags (for counting what an accept created)."""
    if not tag_ids:
        return []
    with project.uow() as session:
        kinds = sq.kinds_of(session, tag_ids)
    return [kinds[t] for t in tag_ids if t in kinds]


# --- acting --------------------------------------------------------------------------


def _accept_in(session: Session, project: Project, report_id: str, s: Suggestion
               ) -> tuple[Tag, TagEvent]:
    from desktop.services.tags import insert_tag

    fields = dict(s.fields)
    if s.kind == "program":
        program = None
        if fields.get(programs.PROGRAM_FIELD):
            program = session.get(Program, fields[programs.PROGRAM_FIELD])
        if program is None:
            program = programs.ensure_entry(session, s.text, str(fields.get("category", "")))
        fields[programs.PROGRAM_FIELD] = program.id
        fields["name"] = program.name
    return insert_tag(session, project, report_id, s.kind, s.start, s.end, fields,
                      origin_of(s), None)


def accept(project: Project, report_id: str, suggestion: Suggestion) -> Changes:
    """Tag the suggestion's span with its fields filled in; origin ``suggestion:RULE``.
    A program suggestion links the tag to its registry entry (created if needed)."""
    from desktop.services.tags import new_detail

    with project.uow.begin() as session:
        tag, event = _accept_in(session, project, report_id, suggestion)
        detail = new_detail(session, project, tag, event, suggestion.kind)
    return Changes(tags=frozenset({report_id}), programs=suggestion.kind == "program",
                   created=frozenset({tag.id}), details=(detail,))


def accept_all(project: Project, report_id: str,
               kinds: tuple[str, ...] = KINDS) -> tuple[Changes, list[str]]:
    """Accept every open suggestion of `kinds` in one transaction; returns the new tag
    ids (for undo). Spans already tagged are skipped (they are not suggested)."""
    created: list[str] = []
    with project.uow.begin() as session:
        for s in _current(session, project, report_id, kinds):
            created.append(_accept_in(session, project, report_id, s)[0].id)
    programs_changed = "program" in kinds and bool(created)
    return Changes(tags=frozenset({report_id}), programs=programs_changed,
                   created=frozenset(created)), created


def accept_these(project: Project, report_id: str,
                 found: list[Suggestion]) -> tuple[Changes, list[str]]:
    """Accept these suggestions (e.g. every one of a kind shown in the reader, learned ones
    included) in one transaction; returns the new tag ids (for undo)."""
    created: list[str] = []
    with project.uow.begin() as session:
        excluded = sq.excluded(session, report_id)
        for s in found:
            if _key(s) not in excluded:
                created.append(_accept_in(session, project, report_id, s)[0].id)
                excluded.add(_key(s))
    return Changes(tags=frozenset({report_id}), created=frozenset(created),
                   programs=any(s.kind == "program" for s in found) and bool(created)), created


def accept_kind(project: Project, report_id: str, kind: str) -> tuple[Changes, list[str]]:
    """Shift+Enter: accept all open suggestions of one kind in the report."""
    if kind not in KINDS:
        raise NotFound("There are no suggestions of kind {kind!r}.",
                       message_id="suggestions.none_of_kind", params={"kind": kind})
    return accept_all(project, report_id, (kind,))


def _key(s: Suggestion) -> tuple[str, int, int]:
    return (s.kind, s.start, s.end)


def reject(project: Project, report_id: str, suggestion: Suggestion) -> Changes:
    """Remember that this analyst rejected the suggestion: it is not suggested again
    at that span with that kind."""
    with project.uow.begin() as session:
        if sq.report_meta(session, report_id) is None:  # not the text: a key press reads no megabyte
            raise ReportGone
        sq.add_rejection(session, report_id, _key(suggestion), project.analyst_id)
    return Changes(rejected=frozenset({suggestion_id(suggestion)}))


def unreject(project: Project, report_id: str, suggestion: Suggestion) -> Changes:
    """Undo of `reject`."""
    with project.uow.begin() as session:
        sq.remove_rejection(session, report_id, _key(suggestion))
    return Changes(suggestions=frozenset({report_id}))


def fields_for(project: Project, report_id: str, kind: str, start: int, end: int,
               quote: str, near: Sequence[Suggestion] | None = None) -> dict[str, Any] | None:
    """Fields for a tag the analyst makes by hand: those of a suggestion of the same kind
    on that span or around it (among `near`, the suggestions shown over the span, when
    the caller has them: a key press then looks at those, not at every suggestion), else
    (metrics and targets) the quantity parsed from the tagged text."""
    if near is None:
        # only what is computed already: a key press must never wait for the rule engine
        near = _cached_over(project, report_id, start, end)
    found = [s for s in near if s.kind == kind and s.start < end and start < s.end]
    if found:
        best = min(found, key=lambda s: abs(s.start - start) + abs(s.end - end))
        return dict(best.fields)
    if kind not in ("metric", "target"):
        return None
    quantity = parse_quantity(quote)
    if quantity is None:
        matches = find_quantities(quote)
        if not matches:
            return None
        quantity = matches[0].quantity
    return {
        "value": decimal_str(quantity.value), "unit": quantity.unit,
        "normalized_value": decimal_str(quantity.normalized_value),
        "normalized_unit": quantity.normalized_unit,
    }
