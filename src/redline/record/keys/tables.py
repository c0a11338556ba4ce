"""The API key table: who may call the HTTP service, in which role, and whether still allowed.

Only a hash of each key's secret is kept: a copy of the database cannot be used to call the
service. The public ``id`` is part of the key itself (``rl_<id>_<secret>``), so a request's key is
found by primary key and its secret compared in constant time, without scanning hashes.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from redline.record.base import Base, Stamp


class ApiKeyRow(Base):
    """One API key: its role, its raw-evidence permission, and when it was revoked if it was."""

    __tablename__ = "api_keys"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    secret_hash: Mapped[str] = mapped_column(String(64))
    raw_evidence: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(Stamp)
    created_by: Mapped[str] = mapped_column(String(200))
    revoked_at: Mapped[datetime | None] = mapped_column(Stamp, nullable=True)


API_KEYS = Base.metadata.tables["api_keys"]
