"""The gate every request passes: metrics, key, rate, role and body size, before any route runs.

A pure ASGI middleware rather than a FastAPI dependency, because FastAPI reads and parses a body
before it runs dependencies: an unauthorised caller would get a 422 for bad JSON instead of a 401,
and an oversize body would be read in full. Here nothing reaches a route unless the caller may
make the call, and a refused call writes nothing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import Any

import anyio.to_thread
from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from redline.api.auth import roles_of
from redline.api.paths import PathMasker
from redline.api.problems import Problem, from_crash
from redline.api.ratelimit import retry_after
from redline.api.service import Service
from redline.errors import RedlineError

log = logging.getLogger(__name__)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _token(scope: Scope) -> str | None:
    value = _header(scope, b"authorization")
    if value is None:
        return None
    scheme, _, token = value.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


class Gate:
    """ASGI middleware: see the module docstring."""

    def __init__(
        self, app: ASGIApp, service: Service, routes: Sequence[BaseRoute], paths: PathMasker
    ) -> None:
        self.app = app
        self.service = service
        self.routes = tuple(routes)
        self.paths = paths

    def _route(self, scope: Scope) -> BaseRoute | None:
        """The service's route this request is for (also a PARTIAL match: the wrong method)."""
        partial = None
        for route in self.routes:
            match, _ = route.matches(scope)
            if match is Match.FULL:
                return route
            if match is Match.PARTIAL and partial is None:
                partial = route
        return partial

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check, then pass the request on with its body already read; time and count it."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        status_sent = False

        async def sending(message: Message) -> None:
            nonlocal status, status_sent
            if message["type"] == "http.response.start":
                status, status_sent = message["status"], True
            await send(message)

        route = self._route(scope)
        template = str(getattr(route, "path", "other")) if route else "other"
        try:
            try:
                await self._admit(scope, route)
                body = await self._body(scope, receive)
            except (Problem, RedlineError) as refusal:
                # a key lookup can meet a store that went away: a 503, as in a route
                problem = refusal if isinstance(refusal, Problem) else from_crash(refusal)
                instance = self.paths.mask(scope["method"], scope["path"])
                await problem.response(instance)(scope, receive, sending)
                return
            except _Gone:
                return  # the client left before its body arrived: nothing to answer, nothing done
            try:
                await self.app(scope, _replay(body, receive), sending)
            except Exception as error:
                # Answered here, not re-raised to the server: its traceback log would print the
                # exception text, and a database error's text quotes the statement's parameters.
                log.error("internal error on %s: %s", template, type(error).__name__)
                if status_sent:
                    raise
                instance = self.paths.mask(scope["method"], scope["path"])
                await from_crash(error).response(instance)(scope, receive, sending)
        finally:
            self.service.metrics.observe(
                scope["method"], template, status, time.perf_counter() - started
            )

    async def _admit(self, scope: Scope, route: BaseRoute | None) -> None:
        """Key, rate and role; raises the problem that refuses the call."""
        allowed = roles_of(route) if route is not None else None
        if allowed is None:
            return
        token = _token(scope)
        challenge = {"WWW-Authenticate": 'Bearer realm="redline"'}
        if token is None:
            raise Problem(
                401,
                "unauthenticated",
                "An API key is required",
                "send Authorization: Bearer <key>",
                field="Authorization",
                headers=challenge,
            )
        key = await anyio.to_thread.run_sync(self.service.authenticate, token)
        if key is None:
            raise Problem(
                401,
                "invalid-key",
                "The API key is unknown or revoked",
                field="Authorization",
                headers=challenge,
            )
        wait = self.service.limiter.take(key.id)
        if wait > 0:
            raise Problem(
                429,
                "rate-limited",
                "Too many requests for this key",
                f"limit {self.service.settings.api_rate_per_second:g} requests per second"
                f" (burst {self.service.settings.api_rate_burst})",
                headers={"Retry-After": retry_after(wait)},
            )
        if key.role.value not in allowed:
            raise Problem(
                403,
                "forbidden",
                "The key's role may not call this route",
                f"role {key.role.value!r}; allowed: {', '.join(sorted(allowed))}",
                field="Authorization",
            )
        scope.setdefault("state", {})["api_key"] = key

    async def _body(self, scope: Scope, receive: Receive) -> bytes:
        """The whole body, refused with 413 as soon as it is known to be over the limit."""
        limit = self.service.settings.api_max_body_bytes
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise _too_large(limit)
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                raise _Gone
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                raise _too_large(limit)
            chunks.append(chunk)
            more = message.get("more_body", False)
        return b"".join(chunks)


class _Gone(Exception):
    """The client disconnected while sending its body."""


def _too_large(limit: int) -> Problem:
    return Problem(
        413,
        "body-too-large",
        "The request body is too large",
        f"the limit is {limit} bytes (REDLINE_API_MAX_BODY_BYTES)",
        field="body",
        limit=limit,
    )


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive that hands over the body read by the gate, then defers to the real one."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            message: dict[str, Any] = {"type": "http.request", "body": body, "more_body": False}
            return message
        return await receive()

    return replay
