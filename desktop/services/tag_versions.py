"""The version this process last left each tag at, so undo and redo check versions like
every other edit (issue 11, item 4).

An edit from the inspector carries the version the analyst saw. Undo and redo replay
an earlier action later, when a colleague (in team mode) may have changed the tag
since: they must find the tag as this process left it, or be refused with the stale-tag
message. Every committed flush of a tag records its new version here; `replaying()`
marks the service calls that must check against it (tags._load reads `expected`).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

from db.models import Tag

# per engine (one per open project, so one per window), tag id → version
_LEFT: weakref.WeakKeyDictionary[Engine, dict[str, int]] = weakref.WeakKeyDictionary()
_REPLAYING: ContextVar[bool] = ContextVar("replaying", default=False)
_PENDING = "tag_versions"


def _where(session: Session) -> Engine:
    return session.get_bind().engine


@event.listens_for(Session, "after_flush")
def _flushed(session: Session, _context: Any) -> None:
    pending = session.info.setdefault(_PENDING, {})
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Tag):
            pending[obj.id] = obj.version


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    if pending:
        _LEFT.setdefault(_where(session), {}).update(pending)


@event.listens_for(Session, "after_soft_rollback")
def _rolled_back(session: Session, _previous: Any) -> None:
    session.info.pop(_PENDING, None)


@contextmanager
def replaying() -> Iterator[None]:
    """Service calls inside check each tag against the version this process left it at."""
    token = _REPLAYING.set(True)
    try:
        yield
    finally:
        _REPLAYING.reset(token)


def expected(session: Session, tag_id: str) -> int | None:
    """The version a replayed edit must find (None: no check)."""
    if not _REPLAYING.get():
        return None
    return _LEFT.get(_where(session), {}).get(tag_id)
