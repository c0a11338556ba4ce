"""Every integer in the OpenAPI has an upper bound, and the service holds at and past each one.

A 2^63 ``reach`` once reached SQLite and came back as a 500 (issue 14). The contract is now
checked from ``/openapi.json`` itself: every reference resolves; every integer schema, in
requests and responses, declares a ``maximum`` (a client in a language with 32- or 64-bit
integers knows what to expect); and for every integer a request may carry, a request otherwise
valid (drawn by schemathesis) is sent with that integer at its bounds, one past them and far past
them (2^31, 2^63, 2^64, 10^30, and their negatives). Each answer is a success or an RFC 9457
problem, never a 500.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings

from redline.api import create_app
from redline.settings import Settings
from tests.api.conftest import Api
from tests.api.test_schemathesis import roles_by_operation
from tests.store_fixtures import HASH_KEY

FAR = [2**31, 2**63 - 1, 2**63, 2**64, 10**30]


def follow(spec: dict[str, Any], node: Any) -> Any:
    """``node`` with every top-level ``$ref`` followed."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec
        for step in node["$ref"].lstrip("#/").split("/"):
            target = target[step]
        node = target
    return node


def integer_schemas(spec: dict[str, Any], node: Any, where: str) -> Iterator[tuple[str, Any]]:
    """Every integer schema under ``node`` (refs followed once each), with where it is."""
    node = follow(spec, node)
    if isinstance(node, dict):
        if node.get("type") == "integer":
            yield where, node
        for key, value in node.items():
            if key != "$ref":
                yield from integer_schemas(spec, value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from integer_schemas(spec, value, f"{where}/{i}")


def request_integers(spec: dict[str, Any]) -> list[tuple[str, str, str, str, dict[str, Any]]]:
    """(method, path, "query" or "body", field, schema) for every integer a request may carry."""
    found = []
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            for parameter in operation.get("parameters", []):
                schema = follow(spec, parameter["schema"])
                for option in schema.get("anyOf", [schema]):
                    if option.get("type") == "integer":
                        found.append((method.upper(), path, "query", parameter["name"], option))
            content = operation.get("requestBody", {}).get("content", {})
            body = follow(spec, content.get("application/json", {}).get("schema"))
            for name, prop in (body or {}).get("properties", {}).items():
                prop = follow(spec, prop)
                for option in prop.get("anyOf", [prop]):
                    if follow(spec, option).get("type") == "integer":
                        found.append((method.upper(), path, "body", name, follow(spec, option)))
    return found


def references(node: Any) -> Iterator[str]:
    """Every ``$ref`` under ``node``."""
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from references(value)
    elif isinstance(node, list):
        for value in node:
            yield from references(value)


def test_every_reference_in_the_openapi_resolves(tmp_path: Path) -> None:
    # Found walking the schema: every route's error responses referred to a ProblemOut that no
    # route registered, so the reference dangled.
    app = create_app(Settings(home=tmp_path / "home", hash_key=HASH_KEY))
    spec = app.openapi()
    refs = set(references(spec))
    assert "#/components/schemas/ProblemOut" in refs
    for ref in sorted(refs):
        follow(spec, {"$ref": ref})  # KeyError on a dangling one
    assert spec["components"]["schemas"]["ProblemOut"]["properties"]["status"]["maximum"] == 599


def test_every_integer_in_the_openapi_has_an_upper_bound(api: Api) -> None:
    spec = api.client.get("/openapi.json").json()
    schemas = list(integer_schemas(spec, spec, "#"))
    assert len(schemas) >= 10  # requests' limits, reach, distance; responses' counts
    unbounded = [where for where, schema in schemas if "maximum" not in schema]
    assert unbounded == []


def first_case(operation: Any) -> Any:
    """One valid request for ``operation``, drawn by schemathesis (reproducibly, not shrunk)."""
    drawn: list[Any] = []

    @settings(
        max_examples=1,
        database=None,
        derandomize=True,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(case=operation.as_strategy())
    def draw(case: Any) -> None:
        drawn.append(case)

    draw()
    return drawn[0]


def bounds(schema: dict[str, Any]) -> list[int]:
    """The field's bounds, one past each, and far past both."""
    values = [*FAR, *(-v for v in FAR)]
    for key, step in (("minimum", -1), ("maximum", 1)):
        if key in schema:
            edge = int(schema[key])
            values += [edge, edge + step]
    return sorted(set(values))


def test_integers_at_and_past_their_bounds_never_crash_the_server(api: Api) -> None:
    spec = api.client.get("/openapi.json").json()
    roles = roles_by_operation(api)
    schema = schemathesis.openapi.from_url(f"{api.url}/openapi.json")
    operations = {
        (op.method.upper(), op.path): op
        for op in (result.ok() for result in schema.get_all_operations())
    }
    fields = request_integers(spec)
    assert {(m, p, f) for m, p, _, f, _ in fields} >= {
        ("POST", "/v1/cases", "reach"),
        ("GET", "/v1/cases", "limit"),
        ("POST", "/v1/banks", "distance"),
    }
    seen: list[str] = []
    for method, path, where, name, field in fields:
        operation = operations[(method, path)]
        allowed = roles[(method, path)]
        token = api.tokens[(allowed or ["admin"])[0]]
        base = first_case(operation)
        for value in bounds(field):
            if where == "query":
                base.query = {**(base.query or {}), name: value}
            else:
                base.body = {**base.body, name: value}
            response = base.call(
                base_url=api.url, headers={"Authorization": f"Bearer {token}"}, timeout=30
            )
            what = f"{method} {path} {name}={value}: {response.status_code} {response.text[:200]}"
            seen.append(what)
            assert response.status_code < 500, what
            if response.status_code >= 400:
                media = response.headers["content-type"][0]
                assert media.startswith("application/problem+json"), what
                assert response.json()["status"] == response.status_code, what
            if value > int(field.get("maximum", value)) or value < int(field.get("minimum", value)):
                assert response.status_code == 422, what
    print("\n".join(seen))
