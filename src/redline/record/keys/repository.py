"""API keys: created, listed, checked on each request, revoked. Secrets are kept only as hashes.

A key reads ``rl_<id>_<secret>``. The secret is 32 random bytes, so one SHA-256 is enough to keep
it safe at rest (slow password hashes exist for guessable secrets; these are not) and cheap enough
to check on every request. Creating and revoking a key are audit events; the secret never is.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.engine import Connection

from redline.errors import Conflict, InputError, NotFound
from redline.record import audit
from redline.record.base import utc
from redline.record.keys.tables import API_KEYS

PREFIX = "rl"


class Role(StrEnum):
    """What a key may do (DESIGN.md): submit content, review, administer, or read and audit."""

    INGEST = "ingest"
    MODERATOR = "moderator"
    ADMIN = "admin"
    AUDITOR = "auditor"
    EXCHANGE = "exchange"  # reads the signal exchange feed, nothing else


@dataclass(frozen=True, slots=True)
class ApiKey:
    """A key as the store knows it, without its secret."""

    id: str
    name: str
    role: Role
    raw_evidence: bool
    created_at: datetime
    created_by: str
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        """Whether the key may still be used."""
        return self.revoked_at is None

    def to_document(self) -> dict[str, Any]:
        """Plain JSON data (never the secret)."""
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role.value,
            "raw_evidence": self.raw_evidence,
            "created_at": self.created_at.isoformat(),
            "created_by": self.created_by,
            "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None,
        }


@dataclass(frozen=True, slots=True)
class NewKey:
    """A freshly created key and its token, which is shown once and never stored."""

    key: ApiKey
    token: str


def secret_hash(token: str) -> str:
    """The stored form of a token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def parse_token(token: str) -> str | None:
    """The key id inside a well-formed token, else None."""
    parts = token.split("_", 2)
    if len(parts) != 3 or parts[0] != PREFIX or not parts[1].isalnum() or not parts[2]:
        return None
    return parts[1]


def _key_of(row: Any) -> ApiKey:
    return ApiKey(
        id=row.id,
        name=row.name,
        role=Role(row.role),
        raw_evidence=row.raw_evidence,
        created_at=utc(row.created_at),
        created_by=row.created_by,
        revoked_at=utc(row.revoked_at) if row.revoked_at else None,
    )


_BY_ID = select(API_KEYS).where(API_KEYS.c.id == bindparam("key_id"))


class Keys:
    """Repository of API keys, within one unit of work (the caller commits)."""

    def __init__(self, session: Connection) -> None:
        self.session = session

    def create(
        self,
        role: str,
        *,
        name: str = "",
        raw_evidence: bool = False,
        actor: str,
        now: datetime,
    ) -> NewKey:
        """Create a key; the returned token is the only copy of its secret.

        Raises:
            InputError: unknown role, or a name over 200 characters.
        """
        try:
            chosen = Role(role)
        except ValueError:
            known = ", ".join(r.value for r in Role)
            raise InputError(f"unknown role (roles: {known})", field="role") from None
        if len(name) > 200:
            raise InputError("a key name has at most 200 characters", field="name")
        key_id = secrets.token_hex(8)
        token = f"{PREFIX}_{key_id}_{secrets.token_urlsafe(32)}"
        values = {
            "id": key_id,
            "name": name,
            "role": chosen.value,
            "secret_hash": secret_hash(token),
            "raw_evidence": raw_evidence,
            "created_at": now,
            "created_by": actor,
            "revoked_at": None,
        }
        self.session.execute(API_KEYS.insert(), values)
        event = audit.Event(
            "key.created",
            f"key:{key_id}",
            {"name": name, "role": chosen.value, "raw_evidence": raw_evidence},
        )
        audit.append(self.session, [event], actor=actor, at=now)
        key = ApiKey(key_id, name, chosen, raw_evidence, now, actor, None)
        return NewKey(key, token)

    def get(self, key_id: str) -> ApiKey:
        """A key by id.

        Raises:
            NotFound: no key has this id.
        """
        row = self.session.execute(_BY_ID, {"key_id": key_id}).one_or_none()
        if row is None:
            raise NotFound("key", field="key_id")
        return _key_of(row)

    def list(self, *, include_revoked: bool = True) -> list[ApiKey]:
        """Every key, oldest first."""
        query = select(API_KEYS).order_by(API_KEYS.c.created_at, API_KEYS.c.id)
        if not include_revoked:
            query = query.where(API_KEYS.c.revoked_at.is_(None))
        return [_key_of(row) for row in self.session.execute(query)]

    def authenticate(self, token: str) -> ApiKey | None:
        """The active key this token belongs to, or None (unknown, malformed, wrong, revoked)."""
        key_id = parse_token(token)
        if key_id is None:
            return None
        row = self.session.execute(_BY_ID, {"key_id": key_id}).one_or_none()
        if row is None or row.revoked_at is not None:
            return None
        if not hmac.compare_digest(row.secret_hash, secret_hash(token)):
            return None
        return _key_of(row)

    def revoke(self, key_id: str, *, actor: str, now: datetime) -> ApiKey:
        """Revoke a key; its token stops working at once.

        Raises:
            NotFound: no key has this id.
            Conflict: the key was already revoked.
        """
        key = self.get(key_id)
        if key.revoked_at is not None:
            raise Conflict(f"key {key_id!r} was already revoked")
        self.session.execute(update(API_KEYS).where(API_KEYS.c.id == key_id).values(revoked_at=now))
        event = audit.Event("key.revoked", f"key:{key_id}", {"name": key.name})
        audit.append(self.session, [event], actor=actor, at=now)
        return self.get(key_id)
