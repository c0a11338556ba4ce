"""``/v1/reports``: the transparency report's figures and the DSA statements of reasons.

Over ``report.transparency`` and ``report.statements`` (what ``redline report`` and
``redline export`` call). The neutrality audit needs the operator's file of group attributes,
which never enters the service; it stays a CLI job.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.concurrency import run_in_threadpool

from redline.api.auth import Caller, ServiceDep, guarded
from redline.record.keys import Role
from redline.report import html, statements, transparency

router = APIRouter(tags=["reports"])


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@router.get(
    "/v1/reports/transparency",
    summary="Transparency report figures",
    **guarded(Role.AUDITOR, Role.ADMIN),
)
async def transparency_figures(
    service: ServiceDep, key: Caller, start: datetime | None = None, end: datetime | None = None
) -> JSONResponse:
    """Decisions, cases, appeals and requests in [start, end): counts, rates, durations."""

    def work() -> dict[str, Any]:
        return transparency.figures(service.store, _utc(start), _utc(end))

    return JSONResponse(await run_in_threadpool(work))


@router.get(
    "/v1/reports/transparency.html",
    summary="Transparency report as a page",
    response_class=HTMLResponse,
    **guarded(Role.AUDITOR, Role.ADMIN),
)
async def transparency_page(
    service: ServiceDep, key: Caller, start: datetime | None = None, end: datetime | None = None
) -> HTMLResponse:
    """The same figures rendered as the self-contained HTML report (charts inline)."""

    def work() -> str:
        return html.render(transparency.figures(service.store, _utc(start), _utc(end)))

    return HTMLResponse(await run_in_threadpool(work))


@router.get(
    "/v1/reports/statements",
    summary="DSA statements of reasons",
    **guarded(Role.AUDITOR, Role.ADMIN),
)
async def statements_of_reasons(
    service: ServiceDep, key: Caller, start: datetime | None = None, end: datetime | None = None
) -> JSONResponse:
    """Every restricting step in [start, end) as a Transparency Database statement."""

    def work() -> list[dict[str, Any]]:
        made = statements.export(
            service.store, start=_utc(start), end=_utc(end), policy=service.policy
        )
        return [s.to_api() for s in made]

    return JSONResponse(await run_in_threadpool(work))
