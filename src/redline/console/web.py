"""What every console page shares: templates, headers, the signed-in viewer, CSRF, errors.

Pages are HTML, so the API's problem+json handlers are not theirs: a handler turns the core's
errors into an HTML page with the same status the API would give (404, 409, 422), never echoing
input. Every response carries a Content-Security-Policy without inline scripts or styles, and
``no-store``: evidence must not linger in a shared machine's cache.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from redline.api.service import Service
from redline.console.access import Can, Permissions, Viewer
from redline.console.sessions import COOKIE, Sessions, same
from redline.errors import Conflict, InputError, NotFound, RedlineError
from redline.record.keys import Keys

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


class Refused(Exception):
    """A console request that cannot go on: answered with a page (or a redirect to sign in)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _age(value: datetime | None) -> str:
    if value is None:
        return ""
    seconds = int((datetime.now(UTC) - value).total_seconds())
    for size, unit in ((86400, "d"), (3600, "h"), (60, "min")):
        if seconds >= size:
            return f"{seconds // size} {unit}"
    return f"{max(seconds, 0)} s"


templates.env.filters["age"] = _age
templates.env.filters["stamp"] = lambda v: v.strftime("%Y-%m-%d %H:%M UTC") if v else ""


def service_of(request: Request) -> Service:
    """The service the API routes use (same store, policy, profile, rate limiter)."""
    service: Service = request.app.state.service
    return service


def sessions_of(request: Request) -> Sessions:
    """The process's console sessions."""
    sessions: Sessions = request.app.state.console_sessions
    return sessions


def permissions_of(request: Request) -> Permissions:
    """The console's reading of the API's roles."""
    permissions: Permissions = request.app.state.console_permissions
    return permissions


def render(
    request: Request,
    name: str,
    context: Mapping[str, Any],
    *,
    status: int = 200,
    viewer: Viewer | None = None,
) -> HTMLResponse:
    """A page from ``templates/``, with the console's security headers."""
    response = templates.TemplateResponse(
        request, name, {"viewer": viewer, "Can": Can, **context}, status_code=status
    )
    response.headers.update(HEADERS)
    return response


def redirect(url: str) -> RedirectResponse:
    """See other (303): after a POST the browser GETs the next page."""
    response = RedirectResponse(url, status_code=303)
    response.headers.update(HEADERS)
    return response


async def viewer(request: Request) -> Viewer:
    """The signed-in key of this request; ``Refused(401)`` (sign in) if there is none.

    The key is read from the store each time: a revoked key (or one whose role may no longer
    sign in) ends the session on its next request. The API's per-key rate limit applies.
    """
    sessions = sessions_of(request)
    token = request.cookies.get(COOKIE)
    session = sessions.get(token)
    if session is None:
        raise Refused(401, "Please sign in.")
    service = service_of(request)

    def lookup() -> Any:
        with service.store.reading() as unit:
            try:
                return Keys(unit).get(session.key_id)
            except NotFound:
                return None

    key = await run_in_threadpool(lookup)
    permissions = permissions_of(request)
    if key is None or not key.active or key.role.value not in permissions.sign_in_roles:
        sessions.close(token)
        raise Refused(401, "Your key was revoked or may no longer sign in.")
    if service.limiter.take(key.id) > 0:
        raise Refused(429, "Too many requests for this key; wait a moment.")
    return Viewer(key, session, permissions)


async def form_of(request: Request, who: Viewer) -> dict[str, str]:
    """The POSTed form, after checking its CSRF token against the session's."""
    form = await request.form()
    values = {k: v for k, v in form.items() if isinstance(v, str)}
    if not same(values.get("csrf"), who.session.csrf):
        raise Refused(403, "The form's security token is missing or stale; reload the page.")
    return values


def require(who: Viewer, what: Can) -> None:
    """Refuse (403) what the viewer's role may not do, whatever the page showed."""
    if not who.can(what):
        raise Refused(403, f"Your role ({who.key.role.value}) may not do this.")


def refusal_of(error: RedlineError) -> Refused:
    """The core's error as a console refusal with the API's status (the message is ours)."""
    if isinstance(error, NotFound):
        return Refused(404, f"No such {error.kind}.")
    if isinstance(error, Conflict):
        return Refused(409, str(error))
    if isinstance(error, InputError):
        return Refused(422, str(error))
    return Refused(503, "The store is unavailable; try again.")


async def call(work: Any, *args: Any, **kwargs: Any) -> Any:
    """Run a service call off the event loop; the core's errors become refusals."""
    try:
        return await run_in_threadpool(work, *args, **kwargs)
    except RedlineError as error:
        raise refusal_of(error) from None


def refused_page(request: Request, refused: Refused) -> Response:
    """The answer to a refusal: sign-in for 401, otherwise an error page."""
    if refused.status == 401:
        return redirect("/console/sign-in")
    return render(request, "error.html", {"message": refused.message}, status=refused.status)
