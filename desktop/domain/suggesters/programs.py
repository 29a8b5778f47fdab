from __future__ import annotations

from desktop.domain.suggesters.textspans import Spans
from desktop.domain.suggestion import ReportContext, Suggestion


def suggest_programs(text: str, context: ReportContext, spans: Spans) -> list[Suggestion]:
    return []
