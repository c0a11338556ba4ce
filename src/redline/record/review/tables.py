"""Tables of the human workflow around decisions: cases, appeals, notices, external requests.

A decision row is never edited after it is written. What people decide later (a case outcome, an
appeal) is stored beside it with the enforcement it re-ran (``document``), so the record shows
both what the machine did and what a person changed, and when. Free text written by people
(reasons, appeal statements, what a requester asked) is stored with private data masked.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from redline.record.base import Base, Stamp


class CaseRow(Base):
    """A decision queued for a person: why, how urgent, who has it, and what they decided."""

    __tablename__ = "cases"
    __table_args__ = (UniqueConstraint("decision_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    decision_id: Mapped[str] = mapped_column(ForeignKey("decisions.id"))
    content_id: Mapped[str] = mapped_column(String(200), index=True)
    account_id: Mapped[str | None] = mapped_column(String(200), nullable=True)
    reasons: Mapped[list[Any]] = mapped_column(JSON)
    claim: Mapped[str | None] = mapped_column(Text, nullable=True)
    severity: Mapped[str] = mapped_column(String(20))
    severity_rank: Mapped[int] = mapped_column(Integer, index=True)
    reach: Mapped[int] = mapped_column(Integer, default=0)
    decided_at: Mapped[datetime] = mapped_column(Stamp, index=True)
    opened_at: Mapped[datetime] = mapped_column(Stamp, index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    assignee: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    assigned_at: Mapped[datetime | None] = mapped_column(Stamp, nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(20), nullable=True)
    outcome_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    closed_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(Stamp, nullable=True)
    document: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class AppealRow(Base):
    """An author's appeal against one or more decisions, and how it ended."""

    __tablename__ = "appeals"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    decision_id: Mapped[str] = mapped_column(ForeignKey("decisions.id"), index=True)
    decision_ids: Mapped[list[Any]] = mapped_column(JSON)
    account_id: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    statement: Mapped[str] = mapped_column(Text)
    filed_at: Mapped[datetime] = mapped_column(Stamp, index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    assignee: Mapped[str | None] = mapped_column(String(200), nullable=True)
    assigned_at: Mapped[datetime | None] = mapped_column(Stamp, nullable=True)
    decided_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(Stamp, nullable=True)
    outcome_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    document: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class NoticeRow(Base):
    """A message sent to an author (an appeal's outcome), kept so it can be shown it was sent."""

    __tablename__ = "notices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    kind: Mapped[str] = mapped_column(String(60))
    subject: Mapped[str] = mapped_column(String(300), index=True)
    text: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime] = mapped_column(Stamp)


class ExternalRequestRow(Base):
    """A third party asking the platform to act: recorded and reported, never read by deciding."""

    __tablename__ = "external_requests"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    requester_type: Mapped[str] = mapped_column(String(40), index=True)
    requester: Mapped[str] = mapped_column(String(300))
    asked: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(Stamp, index=True)
    recorded_by: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[datetime] = mapped_column(Stamp)
    outcome: Mapped[str] = mapped_column(String(40), index=True)
    outcome_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    outcome_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    outcome_at: Mapped[datetime | None] = mapped_column(Stamp, nullable=True)


class RequestSubjectRow(Base):
    """One content or account an external request concerns (``kind`` is content or account)."""

    __tablename__ = "request_subjects"

    request_id: Mapped[str] = mapped_column(ForeignKey("external_requests.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    subject_id: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)


CASES = Base.metadata.tables["cases"]
APPEALS = Base.metadata.tables["appeals"]
NOTICES = Base.metadata.tables["notices"]
EXTERNAL_REQUESTS = Base.metadata.tables["external_requests"]
REQUEST_SUBJECTS = Base.metadata.tables["request_subjects"]
