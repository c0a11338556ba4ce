"""``create_app(settings)``: the FastAPI application of the decision service.

Built by the caller (``redline serve``, a test, the benchmark), never at import time. The store is
opened here, so a bad setting or an unreachable database fails before the port is bound.
"""

from __future__ import annotations

import gc
import hashlib
import hmac
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from importlib import import_module

from fastapi import FastAPI

from redline import __version__
from redline.api import problems
from redline.api.gate import Gate
from redline.api.paths import PathMasker, install_access_filter, remove_access_filter
from redline.api.service import Service
from redline.api.shed import KeyShare, Shed
from redline.pipeline import SignalSource
from redline.record.secrets import derived_key, hash_key
from redline.settings import Settings, load_settings

# The table of contents of the API: one module per resource, each with a ``router``.
ROUTERS = (
    "redline.api.routes.health",
    "redline.api.routes.content",
    "redline.api.routes.decisions",
    "redline.api.routes.accounts",
    "redline.api.routes.keys",
    "redline.api.routes.audit",
    "redline.api.routes.banks",
    "redline.api.routes.exchange",
    "redline.api.routes.review",
    "redline.api.routes.requests",
    "redline.api.routes.reports",
    "redline.api.routes.policy",
    "redline.api.routes.webhooks",
)

DESCRIPTION = """\
The Redline decision service. Send content, get a decision under a written policy and the
platform's enforcement profile; read decisions and accounts; administer keys.

Every `/v1` route needs `Authorization: Bearer <key>` (from `redline keys create`); the roles
that may call an operation are listed in its `x-roles`. Errors are RFC 9457
`application/problem+json` documents with `type`, `title` and the offending `field`; they
never quote input, and ids in paths show as `~` and a keyed hash.
"""


def create_app(settings: Settings, *, sources: Sequence[SignalSource] | None = None) -> FastAPI:
    """The app over the store ``settings`` name; ``sources`` replaces the default detectors."""
    # The hash key first: a server store without an operator-chosen key is refused before the
    # database is touched (record/secrets/source.py).
    ring = hash_key(settings)
    service = Service.open(settings, sources)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Everything loaded so far (detectors, bank snapshot, policy) lives as long as the
        # process: frozen, the cyclic collector stops re-walking it in every full collection,
        # which otherwise shows up as the slowest requests' latency.
        gc.collect()
        gc.freeze()
        access = install_access_filter(_app.state.paths)
        try:
            yield
        finally:
            remove_access_filter(access)
            service.close()

    app = FastAPI(
        title="Redline",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_url="/openapi.json",
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.service = service
    problems.install(app)
    routes = []
    for name in ROUTERS:
        router = import_module(name).router
        app.include_router(router)
        routes += router.routes
    # Paths as logs and problems show them: ids hashed with a key of their own, derived from
    # the installation's, so a mark in a log never equals a digest in the store.
    marks = hmac.new(derived_key(ring), b"redline.api.paths", hashlib.sha256)
    app.state.paths = PathMasker([*routes, *app.routes], marks.digest())
    # Added innermost first. KeyShare needs the key the gate authenticated; Shed, outermost,
    # refuses before anything else is spent on a request (api/shed.py).
    if settings.api_max_in_flight_per_key:
        app.add_middleware(
            KeyShare, limit=settings.api_max_in_flight_per_key, metrics=service.metrics
        )
    # The gate matches requests against the modules' own routes: how FastAPI nests included
    # routers is its business and changes between versions.
    app.add_middleware(Gate, service=service, routes=routes, paths=app.state.paths)
    if settings.api_max_in_flight:
        app.add_middleware(
            Shed,
            limit=settings.api_max_in_flight,
            wait=settings.api_queue_wait_seconds,
            metrics=service.metrics,
        )
    return app


def from_environment() -> FastAPI:
    """The app from ``REDLINE_*`` variables and ``$REDLINE_CONFIG`` (``redline serve`` uses it)."""
    return create_app(load_settings())
