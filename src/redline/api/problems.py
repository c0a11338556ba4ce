"""RFC 9457 problem details: every error the service returns, in one shape, mapped in one place.

A problem says what went wrong (``type``, a stable URN a client can switch on, and ``title``),
which input caused it (``field``, a dotted path such as ``items.3.text``, and, when it sits in the
request body, ``pointer``, the RFC 9457 JSON pointer ``#/items/3/text``) and, where it helps, the
limit that was crossed. It never echoes the input itself: a refused post may hold the very data
we protect. Errors from the core (``redline.errors``) are mapped here and nowhere else.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from redline.api.fields import pointer, pointer_for, pointer_for_location
from redline.api.paths import PathMasker
from redline.errors import (
    ConfigError,
    Conflict,
    InputError,
    LimitExceeded,
    NotFound,
    RedlineError,
    StoreError,
)

log = logging.getLogger(__name__)

MEDIA_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:redline:problem:"


class Problem(Exception):
    """An error to answer with a problem document (raised by routes and the gate)."""

    def __init__(
        self,
        status: int,
        slug: str,
        title: str,
        detail: str | None = None,
        *,
        field: str | None = None,
        pointer: str | None = None,
        headers: Mapping[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail or title)
        self.status = status
        self.slug = slug
        self.title = title
        self.detail = detail
        self.field = field
        self.pointer = pointer
        self.headers = dict(headers or {})
        self.extra = extra

    def document(self, instance: str | None = None) -> dict[str, Any]:
        """The problem as JSON data."""
        body: dict[str, Any] = {
            "type": TYPE_PREFIX + self.slug,
            "title": self.title,
            "status": self.status,
        }
        if self.detail:
            body["detail"] = self.detail
        if instance:
            body["instance"] = instance
        body["field"] = self.field
        if self.pointer is not None:
            body["pointer"] = self.pointer
        body.update(self.extra)
        return body

    def response(self, instance: str | None = None) -> JSONResponse:
        """The problem as an HTTP response."""
        return JSONResponse(
            self.document(instance),
            status_code=self.status,
            headers=self.headers,
            media_type=MEDIA_TYPE,
        )


def field_path(loc: Sequence[int | str]) -> str:
    """``("body", "items", 3, "text")`` -> ``items.3.text``; the body itself is ``body``."""
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header"):
        return ".".join(parts[1:]) or parts[0]
    return ".".join(parts)


def from_validation(error: RequestValidationError) -> Problem:
    """A request that did not parse or validate: malformed JSON is 400, a bad field 422."""
    errors = list(error.errors())
    if any(e.get("type") == "json_invalid" for e in errors):
        first = next(e for e in errors if e.get("type") == "json_invalid")
        where = first.get("ctx", {}).get("error", "invalid JSON")
        return Problem(
            400,
            "malformed-json",
            "The request body is not valid JSON",
            str(where),
            field="body",
            pointer=pointer(()),
        )
    fields = [_invalid(e) for e in errors]
    first = fields[0] if fields else {"field": "body", "message": "invalid", "pointer": "#"}
    return Problem(
        422,
        "invalid-field",
        "A field of the request is missing or invalid",
        f"{first['field']}: {first['message']}",
        field=first["field"],
        pointer=first.get("pointer"),
        errors=fields,
    )


def _invalid(error: Mapping[str, Any]) -> dict[str, Any]:
    """One invalid field: where (dotted path, and pointer if in the body), why; never the value."""
    loc = error.get("loc", ())
    item = {"field": field_path(loc), "message": error.get("msg", ""), "type": error.get("type")}
    where = pointer_for_location(loc)
    if where is not None:
        item["pointer"] = where
    return item


def from_core(error: RedlineError) -> Problem:
    """Map an error from the core to its problem (the HTTP twin of the CLI's exit codes)."""
    message = str(error)
    if isinstance(error, LimitExceeded):
        return Problem(
            422,
            "limit-exceeded",
            "A limit was exceeded",
            message,
            field=error.field,
            pointer=pointer_for(error.field),
            limit=error.limit,
        )
    if isinstance(error, InputError):
        return Problem(
            422,
            "invalid-input",
            "The input was refused",
            message,
            field=error.field,
            pointer=pointer_for(error.field),
        )
    if isinstance(error, NotFound):
        # the kind of thing and the name of its id, never the id (it may be private data)
        return Problem(
            404, "not-found", "No such object", message, field=error.field, kind=error.kind
        )
    if isinstance(error, Conflict):
        return Problem(409, "conflict", "The request contradicts stored state", message)
    if isinstance(error, StoreError):
        return Problem(
            503,
            "store-unavailable",
            "The store is unavailable",
            message,
            headers={"Retry-After": "5"},
        )
    if isinstance(error, ConfigError):
        return Problem(500, "configuration", "The service is misconfigured", message)
    return Problem(500, "internal", "Internal error")


def from_crash(error: Exception) -> Problem:
    """An exception no route handler answered: ours are mapped as ever, anything else is a 500.

    Database errors arrive as ours (``StoreError``, ``StoreConflict``): record/ translates them
    at its boundary, so nothing here needs to know SQLAlchemy's exception classes.
    """
    if isinstance(error, RedlineError):
        return from_core(error)
    return Problem(500, "internal", "Internal error")


# FastAPI answers 400 itself for a body it cannot decode (invalid UTF-8): the same problem as bad
# JSON, so clients see one type for "the body is not JSON".
_HTTP_PROBLEMS = {
    400: ("malformed-json", "The request body is not valid JSON", "body"),
    404: ("not-found", "No such resource", None),
    405: ("method-not-allowed", "Method not allowed", None),
}


def _instance(request: Request) -> str:
    """The request's path as problems show it: ids hashed (``api.paths``)."""
    paths: PathMasker = request.app.state.paths
    return paths.mask(request.method, request.url.path)


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into a problem document."""

    async def on_problem(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, Problem)
        return error.response(_instance(request))

    async def on_validation(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RequestValidationError)
        return from_validation(error).response(_instance(request))

    async def on_core(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RedlineError)
        instance = _instance(request)
        if isinstance(error, StoreError):  # an operator's problem, not the caller's: log it
            log.error("store unavailable on %s: %s", instance, error)
        return from_core(error).response(instance)

    async def on_http(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, StarletteHTTPException)
        slug, title, field = _HTTP_PROBLEMS.get(
            error.status_code, ("http-error", "HTTP error", None)
        )
        problem = Problem(error.status_code, slug, title, field=field, headers=error.headers or {})
        return problem.response(_instance(request))

    async def on_crash(request: Request, error: Exception) -> JSONResponse:
        # Logged by type only: the exception text may quote input; the path with ids hashed.
        instance = _instance(request)
        log.error("internal error on %s: %s", instance, type(error).__name__)
        return from_crash(error).response(instance)

    app.add_exception_handler(Problem, on_problem)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(RedlineError, on_core)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(Exception, on_crash)
    _publish_problem_schema(app)


def _publish_problem_schema(app: FastAPI) -> None:
    """Put ``ProblemOut`` in the OpenAPI's components, where every route's errors refer to it.

    The routes' error responses (``auth.PROBLEMS``) name it by ``$ref`` under
    ``application/problem+json``, a media type FastAPI does not generate models for, so no route
    registers the schema itself; without this the reference dangles and a client generator or a
    schema-driven tester cannot read any error response.
    """
    from redline.api.schemas import ProblemOut

    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = build()
            schemas = spec.setdefault("components", {}).setdefault("schemas", {})
            schemas["ProblemOut"] = ProblemOut.model_json_schema(
                ref_template="#/components/schemas/{model}"
            )
        return app.openapi_schema or build()

    app.openapi = openapi  # type: ignore[method-assign]
