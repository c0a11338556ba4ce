"""Who may call a route: roles declared on the route, published in OpenAPI, enforced by the gate.

A route says ``**guarded(Role.MODERATOR, Role.ADMIN)`` in its decorator. That puts the roles in
the operation's ``x-roles`` (so clients, docs and the every-route-every-role test read them from
``/openapi.json``) and marks the operation as needing a bearer key. The gate checks key, rate and
role before the body is even read, so a refused call never reaches a route; routes then get the
authenticated key from ``Caller``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.routing import APIRoute
from fastapi.security import HTTPBearer
from starlette.routing import BaseRoute

from redline.api.problems import MEDIA_TYPE, Problem
from redline.api.service import Service
from redline.record.keys import ApiKey, Role

ROLES_KEY = "x-roles"

bearer = HTTPBearer(
    auto_error=False, description="An API key from `redline keys create`: `Bearer rl_...`."
)


def _problem(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/ProblemOut"}}},
    }


PROBLEMS: dict[int | str, dict[str, Any]] = {
    400: _problem("Malformed JSON."),
    401: _problem("No key, or an unknown or revoked key."),
    403: _problem("The key's role may not call this route."),
    404: _problem("No such object."),
    413: _problem("The body is over REDLINE_API_MAX_BODY_BYTES."),
    422: _problem("A field is missing or invalid; `field` names it."),
    429: _problem("Over the key's rate; wait Retry-After seconds."),
}


def guarded(*roles: Role) -> dict[str, Any]:
    """Route decorator arguments: the roles that may call it, and the problems it can answer."""
    return {
        "openapi_extra": {ROLES_KEY: [r.value for r in roles]},
        "dependencies": [Depends(bearer)],
        "responses": PROBLEMS,
    }


def roles_of(route: BaseRoute) -> frozenset[str] | None:
    """The roles a route allows, or None for a public route (health, metrics, OpenAPI)."""
    if isinstance(route, APIRoute) and route.openapi_extra and ROLES_KEY in route.openapi_extra:
        return frozenset(route.openapi_extra[ROLES_KEY])
    return None


async def _caller(request: Request) -> ApiKey:
    key = getattr(request.state, "api_key", None)
    if not isinstance(key, ApiKey):  # a guarded route always has one; never trust its absence
        raise Problem(401, "unauthenticated", "An API key is required")
    return key


async def _service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


Caller = Annotated[ApiKey, Depends(_caller)]
ServiceDep = Annotated[Service, Depends(_service)]
