"""schemathesis against the live ``/openapi.json``: generated requests never get a 500.

Every operation gets valid (positive) and schema-breaking (negative) inputs. Bounded so it runs
in the normal suite in seconds: a fixed number of examples per operation and mode
(``REDLINE_SCHEMATHESIS_EXAMPLES``, default 12, half that for negative inputs; raise it for a
deeper run), no example database, no deadline (the machine is shared). Each operation is called
with a key of a role it allows, so generated inputs reach the routes, not only the gate; problem
documents must follow RFC 9457.
"""

from __future__ import annotations

import os
from typing import Any

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from tests.api.conftest import Api

EXAMPLES = int(os.environ.get("REDLINE_SCHEMATHESIS_EXAMPLES", "12"))
NEGATIVE_EXAMPLES = max(EXAMPLES // 2, 1)  # mostly refused at validation: cheaper to find out


def roles_by_operation(api: Api) -> dict[tuple[str, str], list[str]]:
    spec = api.client.get("/openapi.json").json()
    return {
        (method.upper(), path): operation.get("x-roles", [])
        for path, item in spec["paths"].items()
        for method, operation in item.items()
    }


def fuzz(
    api: Api,
    operation: Any,
    headers: dict[str, str],
    mode: GenerationMode = GenerationMode.POSITIVE,
) -> list[int]:
    """Call one operation with generated inputs of ``mode``; return the statuses seen.

    Negative inputs break the schema on purpose (wrong types, integers past their bounds, missing
    fields): each must be a 4xx problem, never a 500.
    """
    statuses: list[int] = []
    name = f"{operation.method.upper()} {operation.path}"

    @settings(
        max_examples=EXAMPLES if mode is GenerationMode.POSITIVE else NEGATIVE_EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
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

    try:
        call()
    except Unsatisfiable:  # nothing in the operation can be made invalid (no parameters)
        assert mode is GenerationMode.NEGATIVE, name
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
        for mode in GenerationMode:
            statuses = fuzz(api, operation, {"Authorization": f"Bearer {token}"}, mode)
            tried.append(
                f"{operation.method.upper()} {operation.path} {mode.value} {sorted(set(statuses))}"
            )
    print("\n".join(tried))
    assert len(tried) >= 20, tried
