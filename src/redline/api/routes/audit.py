"""``GET /v1/audit/verify``: check the audit chain and every row it covers; name the problems."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from redline.api.auth import Caller, ServiceDep, guarded
from redline.api.schemas import ChainOut
from redline.api.service import Service
from redline.record.integrity import verify
from redline.record.keys import Role

router = APIRouter(tags=["audit"])


def _verify(service: Service) -> dict[str, Any]:
    with service.store.reading(snapshot=True) as session:
        return asdict(verify(session))


@router.get(
    "/v1/audit/verify",
    response_model=ChainOut,
    summary="Verify the audit chain",
    **guarded(Role.AUDITOR, Role.ADMIN),
)
async def verify_chain(service: ServiceDep, key: Caller) -> JSONResponse:
    """How many events and covered rows, whether they hold, and every problem found.

    Signed checkpoints are checked by ``redline audit verify --checkpoints``, on a machine that
    holds them: the service has no place apart from its store to read them from.
    """
    return JSONResponse(await run_in_threadpool(_verify, service))
