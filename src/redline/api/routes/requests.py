"""``/v1/requests``: external requests, recorded and reported, over ``review.requests``.

A government, a campaign, a company or a user asking the platform to act is recorded with who,
what and when, and its outcome; it is never an input to a decision.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from redline.api.auth import Caller, ServiceDep, guarded
from redline.api.routes.review import actor
from redline.api.schemas import Name, Text
from redline.record.keys import Role
from redline.review import requests

router = APIRouter(tags=["requests"])

RECORDERS = (Role.ADMIN, Role.MODERATOR)


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RequestIn(_Request):
    """A third party's request, as received."""

    requester_type: Annotated[Text, Field(min_length=1, max_length=40)] = Field(
        description="government, campaign, company, user, ..."
    )
    requester: Annotated[Text, Field(min_length=1, max_length=300)]
    asked: Annotated[Text, Field(min_length=1, max_length=5000)]
    received_at: AwareDatetime
    content_ids: list[Name] = Field(default_factory=list, max_length=100)
    account_ids: list[Name] = Field(default_factory=list, max_length=100)


class OutcomeIn(_Request):
    """What the platform did about a request."""

    outcome: Annotated[Text, Field(min_length=1, max_length=40)]
    note: Annotated[Text, Field(max_length=2000)] | None = None


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@router.post("/v1/requests", status_code=201, summary="Record a request", **guarded(*RECORDERS))
async def record_request(body: RequestIn, service: ServiceDep, key: Caller) -> JSONResponse:
    """Record who asked for what, about which content or accounts, and when."""

    def work() -> dict[str, Any]:
        return requests.record_request(
            service.store,
            requester_type=body.requester_type,
            requester=body.requester,
            asked=body.asked,
            received_at=body.received_at,
            content_ids=body.content_ids,
            account_ids=body.account_ids,
            recorded_by=actor(key),
        ).to_document()

    return JSONResponse(await run_in_threadpool(work), status_code=201)


@router.get(
    "/v1/requests", summary="Requests received", **guarded(Role.ADMIN, Role.MODERATOR, Role.AUDITOR)
)
async def list_requests(
    service: ServiceDep,
    key: Caller,
    start: datetime | None = None,
    end: datetime | None = None,
    content_id: Annotated[str | None, Query(max_length=200)] = None,
) -> JSONResponse:
    """Requests received in [start, end) (ISO dates; naive means UTC), or about one content."""

    def work() -> list[dict[str, Any]]:
        if content_id is not None:
            found = requests.requests_about(service.store, content_id)
        else:
            found = requests.list_requests(service.store, start=_utc(start), end=_utc(end))
        return [r.to_document() for r in found]

    return JSONResponse(await run_in_threadpool(work))


@router.get(
    "/v1/requests/{request_id}",
    summary="A request",
    **guarded(Role.ADMIN, Role.MODERATOR, Role.AUDITOR),
)
async def show_request(request_id: str, service: ServiceDep, key: Caller) -> JSONResponse:
    """One request and its outcome."""

    def work() -> dict[str, Any]:
        return requests.show_request(service.store, request_id).to_document()

    return JSONResponse(await run_in_threadpool(work))


@router.post(
    "/v1/requests/{request_id}/outcome", summary="Record the outcome", **guarded(*RECORDERS)
)
async def set_outcome(
    request_id: str, body: OutcomeIn, service: ServiceDep, key: Caller
) -> JSONResponse:
    """Record what the platform did about the request."""

    def work() -> dict[str, Any]:
        return requests.set_request_outcome(
            service.store, request_id, outcome=body.outcome, note=body.note, actor=actor(key)
        ).to_document()

    return JSONResponse(await run_in_threadpool(work))
