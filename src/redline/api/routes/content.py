"""``POST /v1/content`` and ``POST /v1/content:batch``: moderate synchronously, return decisions.

The same content id twice returns the first decision (201 the first time, 200 after). A batch is
checked whole before any item is moderated, so a bad item refuses the batch with nothing written;
then each item is its own unit of work, as in ``redline moderate``.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from redline.api.auth import Caller, ServiceDep, guarded
from redline.api.schemas import BatchIn, BatchOut, ContentIn, DecisionOut
from redline.api.service import Service
from redline.content import Content
from redline.errors import LimitExceeded
from redline.record.decisions import document_of, shown
from redline.record.keys import Role

router = APIRouter(tags=["content"])


def _moderate(service: Service, content: Content) -> tuple[dict[str, Any], bool, str | None]:
    outcome, case = service.moderate(content)
    document = document_of(shown(outcome.record, service.settings.output_max_findings))
    return document, outcome.created, case.id if case else None


@router.post(
    "/v1/content",
    status_code=201,
    response_model=DecisionOut,
    summary="Moderate one item",
    **guarded(Role.INGEST, Role.ADMIN),
)
async def post_content(body: ContentIn, service: ServiceDep, key: Caller) -> JSONResponse:
    """Detect, decide, act and record; answer with the decision (201 new, 200 decided before).

    A new decision the policy sends to people has its case opened at once, named in the
    ``Redline-Case`` header.
    """
    document, created, case = await run_in_threadpool(_moderate, service, body.to_content())
    headers = {"Location": f"/v1/decisions/{document['decision_id']}"}
    if case is not None:
        headers["Redline-Case"] = case
    return JSONResponse(document, status_code=201 if created else 200, headers=headers)


def _batch(service: Service, items: list[ContentIn]) -> dict[str, Any]:
    results = []
    for item in items:
        document, created, case = _moderate(service, item.to_content())
        results.append({"id": item.id, "created": created, "case": case, "decision": document})
    return {"results": results}


@router.post(
    "/v1/content:batch",
    response_model=BatchOut,
    summary="Moderate several items",
    **guarded(Role.INGEST, Role.ADMIN),
)
async def post_batch(body: BatchIn, service: ServiceDep, key: Caller) -> JSONResponse:
    """Moderate each item in order; answer with each decision and whether it is new."""
    limit = service.settings.api_batch_max
    if len(body.items) > limit:
        raise LimitExceeded(
            f"{len(body.items)} items; at most {limit} (REDLINE_API_BATCH_MAX)",
            field="items",
            limit=limit,
        )
    return JSONResponse(await run_in_threadpool(_batch, service, body.items))
