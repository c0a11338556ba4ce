"""``/v1/keys``: admins create, list and revoke API keys (as ``redline keys`` does)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from redline.api.auth import Caller, ServiceDep, guarded
from redline.api.schemas import KeyIn, KeyOut, NewKeyOut
from redline.api.service import Service
from redline.record.keys import ApiKey, Keys, Role

router = APIRouter(tags=["keys"])


def _list(service: Service) -> list[dict[str, Any]]:
    with service.store.reading() as session:
        return [k.to_document() for k in Keys(session).list()]


@router.get("/v1/keys", response_model=list[KeyOut], summary="Every key", **guarded(Role.ADMIN))
async def list_keys(service: ServiceDep, key: Caller) -> JSONResponse:
    """Every key, oldest first, never a secret."""
    return JSONResponse(await run_in_threadpool(_list, service))


def _create(service: Service, body: KeyIn, by: ApiKey) -> dict[str, Any]:
    with service.store.transaction() as session:
        new = Keys(session).create(
            body.role,
            name=body.name,
            raw_evidence=body.raw_evidence,
            actor=f"key:{by.id}",
            now=datetime.now(UTC),
        )
    return {"key": new.key.to_document(), "token": new.token}


@router.post(
    "/v1/keys",
    status_code=201,
    response_model=NewKeyOut,
    summary="Create a key",
    **guarded(Role.ADMIN),
)
async def create_key(body: KeyIn, service: ServiceDep, key: Caller) -> JSONResponse:
    """Create a key; its token is in this answer and nowhere else."""
    return JSONResponse(await run_in_threadpool(_create, service, body, key), status_code=201)


def _revoke(service: Service, key_id: str, by: ApiKey) -> dict[str, Any]:
    with service.store.transaction() as session:
        return (
            Keys(session).revoke(key_id, actor=f"key:{by.id}", now=datetime.now(UTC)).to_document()
        )


@router.delete(
    "/v1/keys/{key_id}", response_model=KeyOut, summary="Revoke a key", **guarded(Role.ADMIN)
)
async def revoke_key(key_id: str, service: ServiceDep, key: Caller) -> JSONResponse:
    """Revoke a key; requests with it are refused from now on (409 if already revoked)."""
    return JSONResponse(await run_in_threadpool(_revoke, service, key_id, key))
