"""Which decisions a person must look at, and in what order.

The policy marks a decision for review when a violation is low-confidence (a signal scored under
the rule's ``review_below_score``), when a detector failed on a rule that says "review", or when a
confirmed violation is at least as severe as the pack's ``review_at_severity``: the one answer in
``decide.review``, which the core also stores with each decision as ``needs_review``. Anyone may
also claim newsworthiness, which always opens a case. The queue is ordered by severity, then reach
(how many people saw the content), then age, oldest first.
"""

from __future__ import annotations

from datetime import datetime

from redline.decide import review as decide_review
from redline.decide.policy import Policy, Severity
from redline.errors import Conflict
from redline.record.decisions import DecisionRecord
from redline.record.review.cases import Cases, CaseView
from redline.record.store import Store
from redline.review.common import check_actor, utcnow

NEWSWORTHINESS_CLAIM = "newsworthiness_claim"


def review_reasons(decision: DecisionRecord, policy: Policy) -> list[str]:
    """Why the policy sends this stored decision to a person (empty: it does not)."""
    return decide_review.review_reasons(decision.violations, bool(decision.reviews), policy)


def case_severity(decision: DecisionRecord, policy: Policy) -> Severity:
    """The worst severity at stake: of the violations, or of the rules awaiting review."""
    found = [v.severity for v in decision.violations]
    for review in decision.reviews:
        try:
            found.append(policy.rule(review.rule_id).severity)
        except KeyError:
            found.append(Severity.LOW)
    return max(found, key=lambda s: s.rank, default=Severity.LOW)


def queue(
    store: Store, *, assignee: str | None = None, unassigned: bool = False, limit: int = 50
) -> list[CaseView]:
    """Open cases, most urgent first (optionally one moderator's, or only unassigned ones)."""
    with store.reading() as session:
        return Cases(session).queue(assignee=assignee, unassigned=unassigned, limit=limit)


def take_next(store: Store, moderator: str, *, now: datetime | None = None) -> CaseView | None:
    """Assign the most urgent unassigned case to ``moderator`` and return it (None: queue empty).

    The pick and the assignment are one transaction with the case row locked, so two moderators
    asking at once get different cases.
    """
    moderator = check_actor(moderator, "moderator")
    now = now or utcnow()
    with store.transaction() as session:
        cases = Cases(session)
        for candidate in cases.queue(unassigned=True, limit=5):
            locked = cases.lock(candidate.id)
            if locked.assignee is None and locked.status == "open":
                cases.assign(locked.id, moderator, actor=moderator, now=now)
                return cases.get(locked.id)
    return None


def assign(
    store: Store, case_id: str, moderator: str, *, actor: str, now: datetime | None = None
) -> CaseView:
    """Give an open case to a moderator (reassigning is allowed and audited).

    Raises:
        NotFound: no such case.
        Conflict: the case is closed.
    """
    moderator = check_actor(moderator, "moderator")
    now = now or utcnow()
    with store.transaction() as session:
        cases = Cases(session)
        case = cases.lock(case_id)
        if case.status != "open":
            raise Conflict(f"case {case_id} is closed")
        cases.assign(case_id, moderator, actor=check_actor(actor, "actor"), now=now)
        return cases.get(case_id)
