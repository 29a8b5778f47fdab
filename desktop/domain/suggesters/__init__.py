"""Rule-based suggestions of metrics, programs and targets in a report text.

`suggest` is pure: text and context in, suggestions out (code-point offsets into the
text as given, bold `**` markers included). Rules are general patterns from
GUIDELINES.md, not lists of names; `RULES_VERSION` changes whenever their output may.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import replace

from desktop.domain.errors import RefusedInput
from desktop.domain.suggesters.metrics import suggest_metrics
from desktop.domain.suggesters.programs import suggest_programs
from desktop.domain.suggesters.targets import suggest_targets
from desktop.domain.suggesters.textspans import Spans
from desktop.domain.suggestion import ReportContext, Suggestion

__all__ = ["KINDS", "RULES_VERSION", "suggest"]

RULES_VERSION = "2026.2"
KINDS = ("metric", "program", "target")


def suggest(
    text: str,
    context: ReportContext | None = None,
    kinds: Iterable[str] = KINDS,
) -> list[Suggestion]:
    """Suggestions of the requested kinds, sorted by (start, end, kind)."""
    context = context or ReportContext()
    wanted = set(kinds)
    unknown = wanted - set(KINDS)
    if unknown:
        raise RefusedInput("unknown suggestion kind(s): {kinds}",
                           message_id="suggestions.unknown_kind",
                           params={"kinds": ", ".join(sorted(unknown))})
    spans = Spans.of(text)
    out: list[Suggestion] = []
    metrics = suggest_metrics(text, context, spans) if wanted & {"metric", "target"} else []
    if "metric" in wanted:
        out.extend(metrics)
    programs = suggest_programs(text, context, spans) if wanted & {"program", "target"} else []
    if "program" in wanted:
        out.extend(programs)
    if "target" in wanted:
        out.extend(_link_programs(suggest_targets(text, context, metrics), programs))
    out.sort(key=lambda s: (s.start, s.end, KINDS.index(s.kind)))
    return out


def _link_programs(targets: list[Suggestion], programs: list[Suggestion]) -> list[Suggestion]:
    """Each target names the first program suggested inside its clause (FIELDS: linked program)."""
    starts = [p.start for p in programs]  # programs are in text order
    out = []
    for t in targets:
        i = bisect.bisect_left(starts, t.start)
        inside = next((p for p in programs[i : i + 32] if p.end <= t.end), None)
        name = str(inside.fields.get("name", "")) if inside is not None else ""
        out.append(replace(t, fields={**t.fields, "program": name}))
    return out
