from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Analyst

PALETTE = ("#2563eb", "#db2777", "#059669", "#d97706", "#7c3aed", "#0891b2", "#dc2626")


def get_or_create(session: Session, name: str) -> Analyst:
    analyst = session.scalar(select(Analyst).where(Analyst.name == name))
    if analyst is None:
        count = len(session.scalars(select(Analyst.id)).all())
        analyst = Analyst(name=name, colour=PALETTE[count % len(PALETTE)])
        session.add(analyst)
        session.flush()
    return analyst


def all_analysts(session: Session) -> list[Analyst]:
    return list(session.scalars(select(Analyst).order_by(Analyst.name)))
