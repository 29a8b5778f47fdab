"""Queries for team mode's poll (desktop/services/team.py): what colleagues changed."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from db.models import Report, TagEvent


def report_count(session: Session) -> int:
    return int(session.scalar(select(func.count(Report.id))) or 0)


def newest_event(session: Session) -> int:
    return int(session.scalar(select(func.max(TagEvent.id))) or 0)


def events_after(session: Session, event_id: int) -> list[Row[Any]]:
    """(id, state, analyst id) of the history entries newer than `event_id`, in order."""
    return list(session.execute(
        select(TagEvent.id, TagEvent.state, TagEvent.analyst_id)
        .where(TagEvent.id > event_id).order_by(TagEvent.id)
    ).all())
