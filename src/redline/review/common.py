"""Small shared pieces of the review services: the clock, ids, date windows."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from redline.errors import InputError


def utcnow() -> datetime:
    """The current time, in UTC (services take ``now`` so tests can fix it)."""
    return datetime.now(UTC)


def new_id(prefix: str) -> str:
    """A fresh random id: appeals and requests are events, not functions of their inputs."""
    return f"{prefix}_{secrets.token_hex(12)}"


def check_actor(name: str, field: str) -> str:
    """A moderator's or recorder's name: non-empty, at most 200 characters.

    Raises:
        InputError: the name is empty or too long.
    """
    name = name.strip()
    if not name or len(name) > 200:
        raise InputError(f"{field} must be 1 to 200 characters", field=field)
    return name


def parse_when(value: str, field: str) -> datetime:
    """An ISO date or date-time; a naive value is taken as UTC.

    Raises:
        InputError: not ISO 8601.
    """
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise InputError(f"{field} is not an ISO date (YYYY-MM-DD)", field=field) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
