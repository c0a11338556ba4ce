"""``/v1/webhooks`` and ``/v1/events``: admins register targets and read the delivery log.

As ``redline webhooks`` and ``redline events list`` do. Only admins register addresses: the
deliverer sends events nowhere else. The target's secret is in the answer to its creation only.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from redline.api.auth import Caller, ServiceDep, guarded
from redline.api.schemas import DeliveryOut, EventOut, NewWebhookOut, WebhookIn, WebhookOut
from redline.api.service import Service
from redline.record.keys import ApiKey, Role
from redline.record.outbox import Outbox, Webhooks

router = APIRouter(tags=["events"])


def _list(service: Service) -> list[dict[str, Any]]:
    with service.store.reading() as session:
        return [t.to_document() for t in Webhooks(session).targets()]


@router.get(
    "/v1/webhooks",
    response_model=list[WebhookOut],
    summary="Webhook targets",
    **guarded(Role.ADMIN),
)
async def list_webhooks(service: ServiceDep, key: Caller) -> JSONResponse:
    """Every live target, oldest first, never a secret."""
    return JSONResponse(await run_in_threadpool(_list, service))


def _add(service: Service, body: WebhookIn, by: ApiKey) -> dict[str, Any]:
    with service.store.transaction() as session:
        target = Webhooks(session).add(
            body.url,
            body.events,
            platform=body.platform,
            actor=f"key:{by.id}",
            now=datetime.now(UTC),
        )
    return target.to_document()


@router.post(
    "/v1/webhooks",
    status_code=201,
    response_model=NewWebhookOut,
    summary="Register a webhook target",
    **guarded(Role.ADMIN),
)
async def add_webhook(body: WebhookIn, service: ServiceDep, key: Caller) -> JSONResponse:
    """Register an http(s) address for some event types; the answer holds its signing secret."""
    return JSONResponse(await run_in_threadpool(_add, service, body, key), status_code=201)


def _remove(service: Service, target_id: str) -> None:
    with service.store.transaction() as session:
        Webhooks(session).remove(target_id, datetime.now(UTC))


@router.delete(
    "/v1/webhooks/{target_id}",
    status_code=204,
    summary="Remove a webhook target",
    **guarded(Role.ADMIN),
)
async def remove_webhook(target_id: str, service: ServiceDep, key: Caller) -> Response:
    """Stop sending to a target (404 if there is no live one); its delivery log is kept."""
    await run_in_threadpool(_remove, service, target_id)
    return Response(status_code=204)


def _deliveries(
    service: Service, status: str | None, target_id: str | None, limit: int
) -> list[dict[str, Any]]:
    with service.store.reading() as session:
        rows = Webhooks(session).deliveries(status, target_id, limit)
    return [row.to_document() for row in rows]


@router.get(
    "/v1/webhooks/deliveries",
    response_model=list[DeliveryOut],
    summary="The delivery log",
    **guarded(Role.ADMIN, Role.AUDITOR),
)
async def deliveries(
    service: ServiceDep,
    key: Caller,
    status: Literal["pending", "delivered", "dead"] | None = None,
    target_id: Annotated[str | None, Query(max_length=40)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> JSONResponse:
    """Deliveries, newest event first; ``status=dead`` lists what gave up after the last try."""
    return JSONResponse(await run_in_threadpool(_deliveries, service, status, target_id, limit))


def _events(service: Service, after: int, kind: str | None, limit: int) -> list[dict[str, Any]]:
    with service.store.reading() as session:
        events = Outbox(session).events(after, limit, kind)
    return [{"seq": e.seq, **e.to_document()} for e in events]


@router.get(
    "/v1/events",
    response_model=list[EventOut],
    summary="Events of the outbox",
    **guarded(Role.ADMIN, Role.AUDITOR),
)
async def events(
    service: ServiceDep,
    key: Caller,
    after: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0,
    kind: Annotated[str | None, Query(alias="type", max_length=60)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> JSONResponse:
    """Committed events after sequence number ``after``, oldest first."""
    return JSONResponse(await run_in_threadpool(_events, service, after, kind, limit))
