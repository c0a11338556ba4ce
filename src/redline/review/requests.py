"""External requests: record who asked the platform to act, on what, and what it did.

A request is evidence about the platform's conduct, never an input to a decision: nothing on the
deciding path reads these records (``tests/review/test_requests.py`` proves a decision is the same
with and without one on file). Requests link to the decisions on the same content at read time.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from redline.errors import InputError
from redline.record.review.requests import Requests, RequestView
from redline.record.store import Store
from redline.review.common import check_actor, new_id, utcnow
from redline.review.scrub import scrub

MAX_SUBJECTS = 1000


class RequesterType(StrEnum):
    """Who is asking."""

    GOVERNMENT = "government"
    ELECTION_CAMPAIGN = "election_campaign"
    COMPANY = "company"
    USER = "user"
    OTHER = "other"


class RequestOutcome(StrEnum):
    """What the platform did about a request."""

    PENDING = "pending"
    ACTIONED = "actioned"
    PARTIALLY_ACTIONED = "partially_actioned"
    NO_ACTION = "no_action"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


def _choice(enum: type[StrEnum], value: str, field: str) -> str:
    try:
        return enum(value).value
    except ValueError:
        known = ", ".join(e.value for e in enum)
        raise InputError(f"{field} is not one of {known}", field=field) from None


def record_request(
    store: Store,
    *,
    requester_type: str,
    requester: str,
    asked: str,
    received_at: datetime,
    content_ids: list[str] | None = None,
    account_ids: list[str] | None = None,
    recorded_by: str,
    now: datetime | None = None,
) -> RequestView:
    """Record a request received from a third party.

    Raises:
        InputError: unknown requester type, empty requester or request, no content or account
            named, too many, or a receipt time in the future.
    """
    kind = _choice(RequesterType, requester_type, "requester_type")
    requester = requester.strip()
    if not requester or len(requester) > 300:
        raise InputError("requester must be 1 to 300 characters", field="requester")
    text = scrub(asked, field="asked")
    contents = [c.strip() for c in content_ids or [] if c.strip()]
    accounts = [a.strip() for a in account_ids or [] if a.strip()]
    if not contents and not accounts:
        raise InputError("a request concerns at least one content or account", field="content")
    if len(contents) + len(accounts) > MAX_SUBJECTS:
        raise InputError(f"a request names at most {MAX_SUBJECTS} items", field="content")
    if any(len(s) > 200 for s in contents + accounts):
        raise InputError("content and account ids are at most 200 characters", field="content")
    now = now or utcnow()
    if received_at > now:
        raise InputError("received_at is in the future", field="received_at")
    with store.transaction() as session:
        return Requests(session).record(
            request_id=new_id("r"),
            requester_type=kind,
            requester=requester,
            asked=text,
            received_at=received_at,
            content_ids=contents,
            account_ids=accounts,
            actor=check_actor(recorded_by, "recorded_by"),
            now=now,
        )


def set_request_outcome(
    store: Store,
    request_id: str,
    *,
    outcome: str,
    note: str | None,
    actor: str,
    now: datetime | None = None,
) -> RequestView:
    """Record what the platform did about a request.

    Raises:
        NotFound: no such request.
        InputError: unknown outcome, or an oversize note.
    """
    chosen = _choice(RequestOutcome, outcome, "outcome")
    text = scrub(note, field="note", required=False) if note else None
    with store.transaction() as session:
        return Requests(session).set_outcome(
            request_id,
            outcome=chosen,
            note=text,
            actor=check_actor(actor, "actor"),
            now=now or utcnow(),
        )


def show_request(store: Store, request_id: str) -> RequestView:
    """A request with the content, accounts and decisions it concerns."""
    with store.reading() as session:
        return Requests(session).get(request_id)


def list_requests(
    store: Store, *, start: datetime | None = None, end: datetime | None = None
) -> list[RequestView]:
    """Requests received in [start, end), oldest first."""
    with store.reading() as session:
        return Requests(session).between(start, end)


def requests_about(store: Store, content_id: str) -> list[RequestView]:
    """Requests on file about one content."""
    with store.reading() as session:
        return Requests(session).concerning(content_id)
