"""``GET /v1/accounts/{id}``: an account's standing now, and its strikes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from redline.api.auth import Caller, ServiceDep, guarded
from redline.api.schemas import AccountOut
from redline.api.service import Service
from redline.enforce.profile import SHIPPED_PROFILES, load_profile
from redline.enforce.strikes import standing
from redline.record.accounts import Accounts
from redline.record.keys import Role

router = APIRouter(tags=["accounts"])


def _show(service: Service, account_id: str) -> dict[str, Any]:
    now = datetime.now(UTC)
    with service.store.reading() as session:
        view = Accounts(session).show(account_id)
    document = view.to_document(now)
    # The stored state dates from the last decision; a suspension may have ended since. Derive
    # it again under the profile that set it (as `redline account show` does).
    name = (view.profile or "").split("@")[0]
    profile = service.profile if name == service.profile.id else None
    if profile is None and name in SHIPPED_PROFILES:
        profile = load_profile(name)
    if profile is not None:
        current = standing(view.strikes, profile.ladder, now)
        document["state"] = current.state.value
        document["until"] = current.until.isoformat() if current.until else None
        document["active_strikes"] = current.active_strikes
    return document


@router.get(
    "/v1/accounts/{account_id}",
    response_model=AccountOut,
    summary="An account's standing and strikes",
    **guarded(Role.MODERATOR, Role.AUDITOR, Role.ADMIN),
)
async def get_account(account_id: str, service: ServiceDep, key: Caller) -> JSONResponse:
    """State (derived now from the strikes), strikes, and how much own data is registered."""
    return JSONResponse(await run_in_threadpool(_show, service, account_id))
