"""The dashboard: the queue's backlog by age, and for report readers the last 30 days' figures.

Everyone who may read the queue sees how many cases wait and for how long. Roles that may read
the transparency report (``GET /v1/reports/transparency``) also see its figures for the window
(``report.transparency.figures``: automated versus human decisions, top violations, case
outcomes, appeal overturn rate, external requests), decisions per moderator and the overturn
rate by rule; roles that may verify the audit chain can walk it from here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from redline.console.access import Can
from redline.console.pages import QUEUE_WINDOW, Who
from redline.console.web import call, render, require, service_of
from redline.record.audit import verify
from redline.record.decisions import Decisions
from redline.record.review.cases import Cases
from redline.record.store import Store
from redline.report import transparency
from redline.review import queue

router = APIRouter(prefix="/console", include_in_schema=False)

WINDOW = timedelta(days=30)
BUCKETS = (
    ("under 1 h", timedelta(hours=1)),
    ("1-24 h", timedelta(days=1)),
    ("1-7 d", timedelta(days=7)),
    ("over 7 d", timedelta.max),
)


def backlog(store: Store, now: datetime) -> dict[str, Counter[str]]:
    """Open cases by how long they have waited, per severity."""
    found: dict[str, Counter[str]] = {label: Counter() for label, _ in BUCKETS}
    for case in queue.queue(store, limit=QUEUE_WINDOW):
        waited = now - case.opened_at
        label = next(label for label, bound in BUCKETS if waited < bound)
        found[label][case.severity] += 1
    return found


def people(store: Store, since: datetime) -> dict[str, Any]:
    """Cases closed since ``since``: per moderator, and the overturn rate of each rule."""
    per_moderator: Counter[str] = Counter()
    per_rule: dict[str, Counter[str]] = {}
    with store.reading() as session:
        decisions = Decisions(session)
        for case in Cases(session).between(since, None):
            if case.status != "closed" or case.closed_by is None:
                continue
            per_moderator[case.closed_by] += 1
            for violation in decisions.get(case.decision_id).violations:
                counts = per_rule.setdefault(violation.rule, Counter())
                counts["closed"] += 1
                counts["overturned"] += case.outcome == "overturn"
    return {"per_moderator": per_moderator, "per_rule": per_rule}


@router.get("/dashboard")
async def dashboard(request: Request, who: Who, verify_chain: str = "") -> Response:
    """Backlog for every reviewer; figures, people and the audit chain for those who may."""
    require(who, Can.READ_CASES)
    store = service_of(request).store
    now = datetime.now(UTC)
    context: dict[str, Any] = {
        "backlog": await call(backlog, store, now),
        "since": now - WINDOW,
        "figures": None,
        "people": None,
        "chain": None,
    }
    if who.can(Can.READ_REPORTS):
        context["figures"] = await call(transparency.figures, store, now - WINDOW, None)
        context["people"] = await call(people, store, now - WINDOW)
    if verify_chain == "1" and who.can(Can.VERIFY_AUDIT):

        def walk() -> dict[str, Any]:
            with store.reading() as session:
                return asdict(verify(session))

        context["chain"] = await call(walk)
    return render(request, "dashboard.html", context, viewer=who)
