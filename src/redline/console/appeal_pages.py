"""The appeals pages: pending appeals, one appeal with the original decision, take and decide.

Who may hear an appeal is the review service's rule (``review.appeals``: not whoever decided
the appealed decisions, closed their case or ruled on an earlier appeal); the console asks the
service and shows its refusal, it does not judge eligibility itself.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from redline.console.access import Can, Viewer
from redline.console.pages import Who
from redline.console.web import Refused, call, form_of, redirect, render, require, service_of
from redline.record.review.cases import Cases
from redline.review import appeals

router = APIRouter(prefix="/console", include_in_schema=False)


@router.get("/appeals")
async def appeals_page(request: Request, who: Who) -> Response:
    """Appeals waiting for a decision, oldest first."""
    require(who, Can.READ_APPEALS)
    found = await call(appeals.pending_appeals, service_of(request).store, limit=200)
    return render(request, "appeals.html", {"appeals": found}, viewer=who)


@router.get("/appeals/{appeal_id}")
async def appeal_page(request: Request, who: Who, appeal_id: str) -> Response:
    """One appeal: the author's statement, the appealed decisions and their cases, notices."""
    return await _appeal_page(request, who, appeal_id)


async def _appeal_page(
    request: Request, who: Viewer, appeal_id: str, *, error: str = "", status: int = 200
) -> Response:
    require(who, Can.READ_APPEALS)
    store = service_of(request).store
    appeal, notices = await call(appeals.show_appeal, store, appeal_id)

    def cases_of() -> dict[str, Any]:
        with store.reading() as unit:
            repo = Cases(unit)
            return {d: repo.for_decision(d) for d in appeal.decision_ids}

    context = {
        "appeal": appeal,
        "notices": notices,
        "cases": await call(cases_of),
        "notice": request.query_params.get("notice", ""),
        "error": error,
    }
    return render(request, "appeal.html", context, viewer=who, status=status)


async def _or_refusal(
    request: Request, who: Viewer, appeal_id: str, work: Any, notice: str
) -> Response:
    """Await ``work``; a conflict is shown on the appeal's own page, not a bare error page.

    The conflicts: a moderator who may not hear the appeal, one already decided or assigned.
    """
    try:
        await work
    except Refused as refused:
        if refused.status != 409:
            raise
        return await _appeal_page(
            request, who, appeal_id, error=refused.message, status=refused.status
        )
    return redirect(f"/console/appeals/{appeal_id}?notice={notice}")


@router.post("/appeals/{appeal_id}/take")
async def take(request: Request, who: Who, appeal_id: str) -> Response:
    """Assign the appeal to the viewer; the service refuses anyone who decided before."""
    await form_of(request, who)
    require(who, Can.TAKE_APPEAL)
    store = service_of(request).store
    work = call(appeals.assign_appeal, store, appeal_id, who.actor, actor=who.actor)
    return await _or_refusal(request, who, appeal_id, work, "taken")


@router.post("/appeals/{appeal_id}/decision")
async def decide(request: Request, who: Who, appeal_id: str) -> Response:
    """Uphold or deny, with a reason; the author is notified either way."""
    form = await form_of(request, who)
    require(who, Can.DECIDE_APPEAL)
    service = service_of(request)
    work = call(
        appeals.decide_appeal,
        service.store,
        appeal_id,
        moderator=who.actor,
        upheld=form.get("upheld") == "yes",
        reason=form.get("reason", ""),
        rulebook=service.rulebook,
    )
    return await _or_refusal(request, who, appeal_id, work, "decided")
