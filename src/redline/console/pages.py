"""Sign-in, the queues and the case page: thin handlers over ``redline.review``.

Each handler checks the session (``web.viewer``), the CSRF token of a form, and the role (the
API's, ``access.Can``), then calls the same service the API route calls, as the same actor
(``key:<id>``). "Start reviewing" takes the next case for the viewer (``queue.take_next``, one
transaction with the row locked, so two moderators never get the same case) and, after each
decision, takes the next one.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from redline.console import queueview
from redline.console.access import Can, Viewer
from redline.console.casefile import case_file
from redline.console.sessions import COOKIE, PRE_COOKIE, new_token, same
from redline.console.web import (
    Refused,
    call,
    form_of,
    permissions_of,
    redirect,
    render,
    require,
    service_of,
    sessions_of,
    viewer,
)
from redline.review import appeals, cases, evidence, queue

router = APIRouter(prefix="/console", include_in_schema=False)
Who = Annotated[Viewer, Depends(viewer)]

OUTCOMES = (
    ("confirm", "Confirm", "c", "Every violation stands."),
    ("overturn", "Overturn", "o", "No violation stands: content restored, strike voided."),
    ("modify", "Modify", "m", "Only the rules you tick stand."),
    ("newsworthy", "Newsworthy", "n", "Grant a newsworthiness exception (ticked rules, or all)."),
)
QUEUE_WINDOW = 1000  # open cases read for the counts and filters


def _cookie(response: Response, name: str, value: str, request: Request) -> None:
    response.set_cookie(
        name,
        value,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/console",
    )


@router.get("")
@router.get("/")
async def home(request: Request) -> Response:
    """The queues if signed in, else the sign-in page."""
    token = request.cookies.get(COOKIE)
    return redirect("/console/queues" if sessions_of(request).get(token) else "/console/sign-in")


@router.get("/sign-in")
async def sign_in_page(request: Request) -> Response:
    """The sign-in form, with its own CSRF token in a cookie of its own."""
    token = new_token()
    response = render(request, "sign_in.html", {"csrf": token})
    _cookie(response, PRE_COOKIE, token, request)
    return response


@router.post("/sign-in")
async def sign_in(request: Request) -> Response:
    """Exchange an API key of a reviewing role for a session cookie."""
    form = await request.form()
    csrf = form.get("csrf")
    key_text = form.get("key")
    if not isinstance(csrf, str) or not same(csrf, request.cookies.get(PRE_COOKIE)):
        raise Refused(403, "The form's security token is missing or stale; reload the page.")
    service = service_of(request)
    token = key_text.strip() if isinstance(key_text, str) else ""
    key = await run_in_threadpool(service.authenticate, token) if token else None
    allowed = permissions_of(request).sign_in_roles
    if key is None or key.role.value not in allowed:
        # one answer for unknown, revoked and wrong-role keys: the form does not probe keys
        fresh = new_token()
        response = render(
            request,
            "sign_in.html",
            {
                "csrf": fresh,
                "error": f"Sign in with an active key of role {', '.join(sorted(allowed))}.",
            },
            status=401,
        )
        _cookie(response, PRE_COOKIE, fresh, request)
        return response
    session_token, _ = sessions_of(request).open(key.id)
    signed_in = redirect("/console/queues")
    _cookie(signed_in, COOKIE, session_token, request)
    signed_in.delete_cookie(PRE_COOKIE, path="/console")
    return signed_in


@router.post("/sign-out")
async def sign_out(request: Request, who: Who) -> Response:
    """End the session."""
    await form_of(request, who)
    sessions_of(request).close(request.cookies.get(COOKIE))
    response = redirect("/console/sign-in")
    response.delete_cookie(COOKIE, path="/console")
    return response


@router.get("/queues")
async def queues(
    request: Request,
    who: Who,
    severity: str = "",
    assignee: str = "",
    reason: str = "",
    rule: str = "",
    designation: str = "",
    older_than: str = "",
) -> Response:
    """Open cases, most urgent first, with counts and filters.

    Filters: severity, assignee, reason, rule, designation, time waiting.
    """
    require(who, Can.READ_CASES)
    store = service_of(request).store
    found = await call(queue.queue, store, limit=QUEUE_WINDOW)
    items = await call(queueview.queued, store, found)
    filters = queueview.Filters(severity, assignee, reason, rule, designation, older_than)
    context = {
        "q": queueview.view(items, filters, who.actor),
        "total": len(found),
        "unassigned": sum(c.assignee is None for c in found),
        "mine": sum(c.assignee == who.actor for c in found),
        "filters": filters,
        "ages": list(queueview.AGES),
        "window": QUEUE_WINDOW,
        "notice": request.query_params.get("notice", ""),
    }
    return render(request, "queues.html", context, viewer=who)


async def _take_next(request: Request, who: Viewer) -> Response:
    store = service_of(request).store
    case = await call(queue.take_next, store, who.actor)
    if case is None:
        return redirect("/console/queues?notice=empty")
    return redirect(f"/console/cases/{case.id}?reviewing=1")


@router.post("/queues/next")
async def start_reviewing(request: Request, who: Who) -> Response:
    """Assign the most urgent unassigned case to the viewer and open it."""
    await form_of(request, who)
    require(who, Can.TAKE_CASE)
    return await _take_next(request, who)


async def _case_page(
    request: Request,
    who: Viewer,
    case_id: str,
    *,
    revealed: dict[tuple[int, int], str] | None = None,
    status: int = 200,
    error: str = "",
) -> Response:
    service = service_of(request)
    found = await call(case_file, service.store, case_id, service.policy, revealed)
    context = {
        "file": found,
        "outcomes": OUTCOMES,
        "reviewing": request.query_params.get("reviewing") == "1",
        "revealed": bool(revealed),
        "error": error,
        "mine": found.case.assignee in (None, who.actor),
    }
    return render(request, "case.html", context, viewer=who, status=status)


@router.get("/cases/{case_id}")
async def case_page(request: Request, who: Who, case_id: str) -> Response:
    """One case: the evidence in place (masked), matches, violations, context, decisions."""
    require(who, Can.READ_CASES)
    return await _case_page(request, who, case_id)


@router.post("/cases/{case_id}/decision")
async def decide(request: Request, who: Who, case_id: str) -> Response:
    """Close the case with the viewer's outcome and reason; while reviewing, take the next."""
    form = await form_of(request, who)
    require(who, Can.DECIDE_CASE)
    service = service_of(request)
    rules = [k.removeprefix("rule:") for k in form if k.startswith("rule:")]
    try:
        await call(
            cases.decide_case,
            service.store,
            case_id,
            moderator=who.actor,
            outcome=form.get("outcome", ""),
            reason=form.get("reason", ""),
            rulebook=service.rulebook,
            rules=rules or None,
        )
    except Refused as refused:  # a bad outcome or reason, a closed case: said on the case page
        if refused.status not in (409, 422):
            raise
        return await _case_page(request, who, case_id, error=refused.message, status=refused.status)
    if form.get("reviewing") == "1" and who.can(Can.TAKE_CASE):
        return await _take_next(request, who)
    return redirect(f"/console/cases/{case_id}?notice=decided")


@router.post("/cases/{case_id}/reveal")
async def reveal(request: Request, who: Who, case_id: str) -> Response:
    """Show the raw values once, on this response only; audited with the reason given."""
    form = await form_of(request, who)
    require(who, Can.REVEAL)
    service = service_of(request)
    case = await call(cases.show_case, service.store, case_id)
    reason = form.get("reason", "")
    _, signals, _ = await call(
        evidence.reveal_evidence,
        service.store,
        case.decision_id,
        actor=who.actor,
        reason=reason,
        limit=service.settings.output_max_findings,
    )
    revealed = {
        (r.signal.start, r.signal.end): r.raw
        for r in signals
        if r.raw is not None and r.signal.location.part == "text"
    }
    error = (
        ""
        if revealed
        else "The store kept no raw text for this post (retention), so nothing can be revealed."
    )
    return await _case_page(request, who, case_id, revealed=revealed, error=error)


@router.post("/cases/{case_id}/appeal")
async def file_appeal(request: Request, who: Who, case_id: str) -> Response:
    """File the author's appeal of this case's decision (on the author's behalf, as the API)."""
    form = await form_of(request, who)
    require(who, Can.FILE_APPEAL)
    store = service_of(request).store
    case = await call(cases.show_case, store, case_id)
    if case.account_id is None:
        raise Refused(409, "This content has no author account to appeal for.")
    appeal = await call(
        appeals.file_appeal,
        store,
        [case.decision_id],
        author=case.account_id,
        statement=form.get("statement", ""),
    )
    return redirect(f"/console/appeals/{appeal.id}")
