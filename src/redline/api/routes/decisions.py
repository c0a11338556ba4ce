"""``GET /v1/decisions/{id}`` (masked, as stored) and the audited raw-evidence reveal."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from redline.api.auth import Caller, ServiceDep, guarded
from redline.api.problems import Problem
from redline.api.schemas import DecisionOut, RevealIn, RevealOut
from redline.api.service import Service
from redline.record.decisions import Decisions, document_of, shown
from redline.record.decisions.document import signal_document
from redline.record.keys import ApiKey, Role
from redline.review import evidence

router = APIRouter(tags=["decisions"])


def _get(service: Service, decision_id: str) -> dict[str, Any]:
    with service.store.reading() as session:
        decision = Decisions(session).get(decision_id)
    return document_of(shown(decision, service.settings.output_max_findings))


@router.get(
    "/v1/decisions/{decision_id}",
    response_model=DecisionOut,
    summary="A stored decision",
    **guarded(Role.INGEST, Role.MODERATOR, Role.AUDITOR, Role.ADMIN),
)
async def get_decision(decision_id: str, service: ServiceDep, key: Caller) -> JSONResponse:
    """The decision by its id, or by the content id; evidence masked."""
    return JSONResponse(await run_in_threadpool(_get, service, decision_id))


def _reveal(service: Service, decision_id: str, key: ApiKey, reason: str) -> dict[str, Any]:
    decision, revealed, omitted = evidence.reveal_evidence(
        service.store,
        decision_id,
        actor=f"key:{key.id}",
        reason=reason,
        limit=service.settings.output_max_findings,
    )
    out: dict[str, Any] = {
        "decision_id": decision.id,
        "content_id": decision.content_id,
        "signals": [{**signal_document(r.signal), "raw": r.raw} for r in revealed],
    }
    if omitted:
        out["signals_omitted"] = omitted
    return out


@router.post(
    "/v1/decisions/{decision_id}/evidence:reveal",
    response_model=RevealOut,
    summary="Raw evidence of a decision (needs the key's raw-evidence permission; audited)",
    **guarded(Role.MODERATOR, Role.AUDITOR, Role.ADMIN),
)
async def reveal_evidence(
    decision_id: str, body: RevealIn, service: ServiceDep, key: Caller
) -> JSONResponse:
    """The private values behind the masked signals, where the store kept the raw text.

    Each call is an ``evidence.revealed`` audit event naming the key and the reason (the reason
    with any private data in it masked).
    """
    if not key.raw_evidence:
        raise Problem(
            403,
            "raw-evidence-not-permitted",
            "This key may not see raw evidence",
            "create a key with --raw-evidence",
            field="Authorization",
        )
    return JSONResponse(await run_in_threadpool(_reveal, service, decision_id, key, body.reason))
