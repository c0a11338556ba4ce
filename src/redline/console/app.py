"""The served app: the HTTP API with the console mounted under ``/console``.

The console sits above the API in the layers (it reads the API's roles and service), so the API
does not know it; ``redline serve`` builds this app instead of the bare API.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.types import Scope

from redline.api.app import ROUTERS
from redline.api.app import create_app as create_api
from redline.console import appeal_pages, bank_pages, dashboard, pages
from redline.console.access import Permissions
from redline.console.sessions import Sessions
from redline.console.web import HEADERS, HERE, Refused, refused_page
from redline.pipeline import SignalSource
from redline.settings import Settings, load_settings


class _Static(StaticFiles):
    """Static files with the console's headers (and a day of caching: they are not evidence)."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        response.headers.update({**HEADERS, "Cache-Control": "max-age=86400"})
        return response


def mount(app: FastAPI) -> FastAPI:
    """Add the console's pages, static files and session table to an API app."""
    # the API modules' own routes, as the gate reads them (api/app.py: how FastAPI nests
    # included routers is its business)
    routes = [r for name in ROUTERS for r in import_module(name).router.routes]
    app.state.console_permissions = Permissions(routes)
    app.state.console_sessions = Sessions()
    app.include_router(pages.router)
    app.include_router(appeal_pages.router)
    app.include_router(bank_pages.router)
    app.include_router(dashboard.router)
    app.mount("/console/static", _Static(directory=str(HERE / "static")), name="console-static")

    async def refused(request: Request, error: Exception) -> Response:
        assert isinstance(error, Refused)
        return refused_page(request, error)

    app.add_exception_handler(Refused, refused)
    return app


def create_app(settings: Settings, *, sources: Sequence[SignalSource] | None = None) -> FastAPI:
    """The API over ``settings`` with the console mounted."""
    return mount(create_api(settings, sources=sources))


def from_environment() -> FastAPI:
    """The app from ``REDLINE_*`` variables and ``$REDLINE_CONFIG`` (``redline serve`` uses it)."""
    return create_app(load_settings())
