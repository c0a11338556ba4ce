"""Every route, every role: built from the live ``/openapi.json``, so new routes are covered.

Each ``/v1`` operation must declare its roles (``x-roles``). A key whose role is not listed gets a
403 and writes nothing; a listed role is never refused for its role (it may still get a 404 or a
422 for the sample input); no key at all gets a 401.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from fastapi.routing import APIRoute

from redline.api.app import ROUTERS
from redline.record.keys import Role
from tests.api.conftest import CLEAN, Api

# Valid bodies where we have them, so allowed roles reach the route's own work; other routes get
# an empty object (a 422 still shows the role was admitted).
SAMPLES: dict[tuple[str, str], Any] = {
    ("post", "/v1/content"): {"id": "walk", "text": CLEAN},
    ("post", "/v1/content:batch"): {"items": [{"id": "walk-b", "text": CLEAN}]},
    ("post", "/v1/keys"): {"role": "auditor", "name": "walk"},
    ("post", "/v1/webhooks"): {"url": "http://127.0.0.1:9/walk", "events": ["decision.made"]},
    ("post", "/v1/decisions/{decision_id}/evidence:reveal"): {"reason": "role walk"},
}
PUBLIC = {"/healthz", "/readyz", "/metrics"}


def operations(api: Api) -> list[tuple[str, str, list[str]]]:
    spec = api.client.get("/openapi.json").json()
    found = []
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if path in PUBLIC:
                assert "x-roles" not in operation
                continue
            assert path.startswith("/v1/"), path
            roles = operation.get("x-roles")
            assert roles, f"{method.upper()} {path} declares no roles"
            assert set(roles) <= {r.value for r in Role}, roles
            found.append((method, path, roles))
    return found


def test_openapi_lists_every_route_of_the_app(api: Api) -> None:
    """The walk below reads /openapi.json; no route may hide from it (include_in_schema)."""
    spec = api.client.get("/openapi.json").json()
    published = {(m, p) for p, item in spec["paths"].items() for m in item}
    for name in ROUTERS:
        for route in import_module(name).router.routes:
            assert isinstance(route, APIRoute)
            for method in route.methods - {"HEAD"}:
                assert (method.lower(), route.path) in published, (method, route.path)


def concrete(path: str) -> str:
    return path.replace("{", "walk-").replace("}", "")


def test_every_route_with_every_role(api: Api) -> None:
    ops = operations(api)
    assert len(ops) >= 8
    for method, path, allowed in ops:
        url = concrete(path)
        body = SAMPLES.get((method, path), {} if method in ("post", "put", "patch") else None)
        before = api.counts()
        response = api.client.request(method, url, json=body)
        assert response.status_code == 401, (method, path, response.text)
        assert api.counts() == before
        for role in Role:
            before = api.counts()
            response = api.client.request(method, url, json=body, headers=api.auth(role.value))
            where = (method.upper(), path, role.value, response.status_code, response.text)
            if role.value in allowed:
                assert response.status_code not in (401, 429, 500), where
                if response.status_code == 403:  # allowed role, but a permission it lacks
                    assert response.json()["type"].endswith("raw-evidence-not-permitted"), where
            else:
                assert response.status_code == 403, where
                assert response.json()["type"] == "urn:redline:problem:forbidden", where
                assert api.counts() == before, where
