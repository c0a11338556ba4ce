"""``GET /v1/policy``: the policy pack and enforcement profile the service decides under.

Read-only: the service loads both at start (``REDLINE_API_POLICY``, ``REDLINE_API_PROFILE``);
changing them is a deployment, so every decision names the exact versions it used.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from redline.api.auth import Caller, ServiceDep, guarded
from redline.record.keys import Role

router = APIRouter(tags=["policy"])


@router.get(
    "/v1/policy",
    summary="The policy pack and enforcement profile in force",
    **guarded(Role.INGEST, Role.MODERATOR, Role.ADMIN, Role.AUDITOR),
)
async def policy(service: ServiceDep, key: Caller) -> JSONResponse:
    """Rules (ids, titles, the text cited in notices, triggers, exceptions), ladder, versions."""
    return JSONResponse(
        {
            "policy": service.policy.model_dump(mode="json"),
            "profile": service.profile.model_dump(mode="json"),
        }
    )
