"""Queries of the learned suggester (desktop/services/learning.py)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import (
    LearnedModel,
    RejectedSuggestion,
    Report,
    ReportState,
    Review,
    Tag,
    TagKind,
)
from desktop.domain.states import TagStatus


def positives(session: Session, kind_key: str) -> dict[str, list[tuple[int, int]]]:
    """report id → the spans tagged with this kind and not rejected in review."""
    rows = session.execute(
        select(Tag.report_id, Tag.start, Tag.end).join(TagKind, TagKind.id == Tag.kind_id)
        .where(TagKind.key == kind_key, Tag.status != TagStatus.REJECTED))
    out: dict[str, list[tuple[int, int]]] = {}
    for rid, a, b in rows.tuples():
        out.setdefault(rid, []).append((a, b))
    return out


def rejected(session: Session, kind_key: str) -> dict[str, list[tuple[int, int]]]:
    """report id → rejected suggestions of this kind, and tags of it rejected in review."""
    out: dict[str, list[tuple[int, int]]] = {}
    rows = session.execute(select(RejectedSuggestion.report_id, RejectedSuggestion.start,
                                  RejectedSuggestion.end)
                           .where(RejectedSuggestion.kind_key == kind_key))
    for rid, a, b in rows.tuples():
        out.setdefault(rid, []).append((a, b))
    rows = session.execute(
        select(Tag.report_id, Tag.start, Tag.end).join(TagKind, TagKind.id == Tag.kind_id)
        .where(TagKind.key == kind_key, Tag.status == TagStatus.REJECTED))
    for rid, a, b in rows.tuples():
        out.setdefault(rid, []).append((a, b))
    return out


def done_reports(session: Session) -> set[str]:
    return set(session.scalars(select(ReportState.report_id).where(ReportState.state == "done")))


def texts(session: Session, report_ids: set[str]) -> dict[str, str]:
    if not report_ids:
        return {}
    rows = session.execute(select(Report.id, Report.text).where(Report.id.in_(report_ids)))
    return {rid: text for rid, text in rows.tuples()}


def kind_keys(session: Session) -> list[str]:
    return list(session.scalars(select(TagKind.key).order_by(TagKind.position)))


def tag_counts(session: Session) -> dict[str, int]:
    rows = session.execute(select(TagKind.key, func.count(Tag.id))
                           .join(Tag, Tag.kind_id == TagKind.id)
                           .where(Tag.status != TagStatus.REJECTED).group_by(TagKind.key))
    return {k: n for k, n in rows.tuples()}


def model(session: Session, kind_key: str) -> LearnedModel | None:
    return session.get(LearnedModel, kind_key)


def model_stamps(session: Session) -> dict[str, tuple[str, str]]:
    """kind key → (trained at, features version) of every stored model (without its bytes)."""
    rows = session.execute(select(LearnedModel.kind_key, LearnedModel.trained_at,
                                  LearnedModel.features_version))
    return {k: (str(t), v) for k, t, v in rows.tuples()}


def rejected_texts(session: Session, kind_key: str) -> list[str]:
    length = RejectedSuggestion.end - RejectedSuggestion.start
    return [str(t) for t in session.scalars(
        select(func.substr(Report.text, RejectedSuggestion.start + 1, length))
        .select_from(RejectedSuggestion)
        .join(Report, Report.id == RejectedSuggestion.report_id)
        .where(RejectedSuggestion.kind_key == kind_key))]


def tagged_quotes(session: Session, kind_key: str) -> list[str]:
    return list(session.scalars(
        select(Tag.quote).join(TagKind, TagKind.id == Tag.kind_id)
        .where(TagKind.key == kind_key, Tag.status != TagStatus.REJECTED)))


def decision_counts(session: Session) -> dict[str, int]:
    """kind key → the team's decisions on it: its tags, its rejected suggestions and the
    review verdicts on its tags (what a retraining would learn from)."""
    out: dict[str, int] = {}
    for rows in (
        session.execute(select(TagKind.key, func.count(Tag.id))
                        .join(Tag, Tag.kind_id == TagKind.id).group_by(TagKind.key)),
        session.execute(select(RejectedSuggestion.kind_key, func.count(RejectedSuggestion.id))
                        .group_by(RejectedSuggestion.kind_key)),
        session.execute(select(TagKind.key, func.count(Review.id))
                        .join(Tag, Tag.kind_id == TagKind.id)
                        .join(Review, Review.tag_id == Tag.id).group_by(TagKind.key)),
    ):
        for key, n in rows.tuples():
            out[key] = out.get(key, 0) + n
    return out


def trained_decisions(session: Session) -> dict[str, int]:
    """kind key → the decisions counted when its model was trained."""
    rows = session.execute(select(LearnedModel.kind_key, LearnedModel.decisions))
    return {k: n for k, n in rows.tuples()}


def models_of(session: Session, kind_keys: list[str]) -> dict[str, bytes]:
    if not kind_keys:
        return {}
    rows = session.execute(select(LearnedModel.kind_key, LearnedModel.model)
                           .where(LearnedModel.kind_key.in_(kind_keys)))
    return {k: bytes(m) for k, m in rows.tuples()}
