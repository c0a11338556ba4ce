"""schemathesis against the live ``/openapi.json``: generated requests never get a 500.

Bounded so it runs in the normal suite in seconds: a fixed number of examples per operation
(``REDLINE_SCHEMATHESIS_EXAMPLES``, default 12; raise it for a deeper run), no example database,
no deadline (the machine is shared). Each operation is called with a key of a role it allows, so
generated inputs reach the routes, not only the gate; problem documents must follow RFC 9457.
"""

from __future__ import annotations

import os
from typing import Any

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings

from tests.api.conftest import Api

EXAMPLES = int(os.environ.get("REDLINE_SCHEMATHESIS_EXAMPLES", "12"))


def roles_by_operation(api: Api) -> dict[tuple[str, str], list[str]]:
    spec = api.client.get("/openapi.json").json()
    return {
        (method.upper(), path): operation.get("x-roles", [])
        for path, item in spec["paths"].items()
        for method, operation in item.items()
    }


def fuzz(api: Api, operation: Any, headers: dict[str, str]) -> list[int]:
    """Call one operation with generated inputs; return the statuses seen."""
    statuses: list[int] = []
    name = f"{operation.method.upper()} {operation.path}"

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def call(case: Any) -> None:
        response = case.call(base_url=api.url, headers=headers, timeout=30)
        statuses.append(response.status_code)
        where = f"{name}: {response.text[:300]}"
        assert response.status_code < 500, where
        if response.status_code >= 400:
            media = response.headers["content-type"][0]  # schemathesis: header -> values
            assert media.startswith("application/problem+json"), where
            problem = response.json()
            assert problem["type"].startswith("urn:redline:problem:"), where
            assert problem["title"] and problem["status"] == response.status_code, where

    call()
    return statuses


def test_generated_requests_never_crash_the_server(api: Api) -> None:
    schema = schemathesis.openapi.from_url(f"{api.url}/openapi.json")
    roles = roles_by_operation(api)
    tried: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()
        allowed = roles[(operation.method.upper(), operation.path)]
        # The raw-evidence moderator reaches the reveal route's own work.
        token = api.tokens["raw" if "moderator" in allowed else (allowed or ["admin"])[0]]
        statuses = fuzz(api, operation, {"Authorization": f"Bearer {token}"})
        tried.append(f"{operation.method.upper()} {operation.path} {sorted(set(statuses))}")
    print("\n".join(tried))
    assert len(tried) >= 10, tried
