"""The project's tables, as in docs/design.md's data model.

Offsets (`tag.start`, `tag.end`) are Unicode code points into `report.text`, end
exclusive. Text is immutable once imported; `tag.quote` keeps the tagged characters so
an integrity check can tell when a tag no longer matches.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, new_id, utcnow
from desktop.domain.states import Origin, TagStatus

Id = String(36)


class Analyst(Base):
    __tablename__ = "analyst"

    id: Mapped[str] = mapped_column(Id, primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    colour: Mapped[str] = mapped_column(String(9), default="#3b82f6")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Report(Base):
    __tablename__ = "report"

    id: Mapped[str] = mapped_column(Id, primary_key=True, default=new_id)
    title: Mapped[str] = mapped_column(Text, default="")
    agency: Mapped[str] = mapped_column(Text, default="")
    region: Mapped[str] = mapped_column(String(60), default="")
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    published: Mapped[str] = mapped_column(String(20), default="")
    source_file: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    structure: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    char_count: Mapped[int] = mapped_column(Integer, default=0)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class TagKind(Base):
    __tablename__ = "tag_kind"

    id: Mapped[str] = mapped_column(Id, primary_key=True, default=new_id)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    name_zh: Mapped[str] = mapped_column(String(80), default="")
    colour: Mapped[str] = mapped_column(String(9))
    shortcut: Mapped[str] = mapped_column(String(4), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class TagField(Base):
    __tablename__ = "tag_field"
    __table_args__ = (UniqueConstraint("kind_id", "key"),)

    id: Mapped[str] = mapped_column(Id, primary_key=True, default=new_id)
    kind_id: Mapped[str] = mapped_column(ForeignKey("tag_kind.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(80))
    label_zh: Mapped[str] = mapped_column(String(80), default="")
    type: Mapped[str] = mapped_column(String(20))  # text | number | choice | period | reference
    choices: Mapped[list[str]] = mapped_column(JSON, default=list)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Tag(Base):
    __tablename__ = "tag"
    __table_args__ = (Index("ix_tag_report_start", "report_id", "start"),)

    id: Mapped[str] = mapped_column(Id, primary_key=True, default=new_id)
    report_id: Mapped[str] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    kind_id: Mapped[str] = mapped_column(ForeignKey("tag_kind.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    note: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[str] = mapped_column(ForeignKey("analyst.id"))
    origin: Mapped[str] = mapped_column(String(80), default=Origin.MANUAL.value)
    status: Mapped[str] = mapped_column(String(20), default=TagStatus.OPEN.value)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    # optimistic locking: an UPDATE whose version no longer matches raises StaleDataError
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class TagLink(Base):
    __tablename__ = "tag_link"
    __table_args__ = (UniqueConstraint("source_id", "target_id", "type"),)

    id: Mapped[str] = mapped_column(Id, primary_key=True, default=new_id)
    source_id: Mapped[str] = mapped_column(ForeignKey("tag.id", ondelete="CASCADE"))
    target_id: Mapped[str] = mapped_column(ForeignKey("tag.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String(30))  # program | part | corrects
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Review(Base):
    __tablename__ = "review"

    id: Mapped[str] = mapped_column(Id, primary_key=True, default=new_id)
    tag_id: Mapped[str] = mapped_column(ForeignKey("tag.id", ondelete="CASCADE"), index=True)
    reviewer_id: Mapped[str] = mapped_column(ForeignKey("analyst.id"))
    verdict: Mapped[str] = mapped_column(String(20))  # accept | reject | correct
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Program(Base):
    __tablename__ = "program"

    id: Mapped[str] = mapped_column(Id, primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(Text, unique=True)
    category: Mapped[str] = mapped_column(String(40), default="")
    level: Mapped[str] = mapped_column(String(20), default="")
    lead_body: Mapped[str] = mapped_column(Text, default="")


class ProgramAlias(Base):
    __tablename__ = "program_alias"

    id: Mapped[str] = mapped_column(Id, primary_key=True, default=new_id)
    program_id: Mapped[str] = mapped_column(ForeignKey("program.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(Text, unique=True)


class TagEvent(Base):
    """One entry of a tag's history: the tag's whole state after the change, so any
    version can be restored."""

    __tablename__ = "tag_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tag_id: Mapped[str] = mapped_column(String(36), index=True)  # survives deletion
    analyst_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    action: Mapped[str] = mapped_column(String(30))
    state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class RejectedSuggestion(Base):
    """A suggestion the analyst rejected; not suggested again at that span."""

    __tablename__ = "rejected_suggestion"
    __table_args__ = (UniqueConstraint("report_id", "kind_key", "start", "end"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    kind_key: Mapped[str] = mapped_column(String(40))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    analyst_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class ReportState(Base):
    """Per analyst: untouched / in progress / done (blind review waits for done)."""

    __tablename__ = "report_state"
    __table_args__ = (UniqueConstraint("report_id", "analyst_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    analyst_id: Mapped[str] = mapped_column(ForeignKey("analyst.id", ondelete="CASCADE"))
    state: Mapped[str] = mapped_column(String(20), default="in_progress")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Setting(Base):
    """Project-wide key/value settings."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")



class LearnedModel(Base):
    """A kind's learned suggester (a CRF over characters, desktop/services/learning.py),
    stored in the project so a colleague's copy and the team database share it."""

    __tablename__ = "learned_model"

    kind_key: Mapped[str] = mapped_column(String(40), primary_key=True)
    model: Mapped[bytes] = mapped_column(LargeBinary)
    features_version: Mapped[str] = mapped_column(String(20), default="")
    examples: Mapped[int] = mapped_column(Integer, default=0)  # tagged spans trained on
    decisions: Mapped[int] = mapped_column(Integer, default=0)  # tags + rejections then
    trained_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    trained_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
