"""Cases: open them for the decisions the policy sends to people, and record what people decide.

Outcomes:

* ``confirm``: every violation stands (pending ones become confirmed);
* ``overturn``: no violation stands (content restored, the strike voided);
* ``modify``: only the named rules stand;
* ``newsworthy``: a newsworthiness exemption is granted (for named rules, or all) and the
  violations of rules that honour it fall away; the grant is stored, so re-deciding the content
  later honours it too.

Each outcome re-runs enforcement under the decision's own profile (``review.enforcement``) in
the same transaction as the case is closed, and leaves audit events naming the moderator and
the reason.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from redline.decide.policy import Exemption
from redline.enforce.action import stable_id
from redline.errors import Conflict, InputError
from redline.record.accounts import Accounts
from redline.record.decisions import DecisionRecord
from redline.record.review.appeals import Appeals
from redline.record.review.cases import Cases, CaseView, review_candidates
from redline.record.review.enforcement import ReviewEnforcement
from redline.record.store import Store
from redline.review.common import check_actor, utcnow
from redline.review.enforcement import Change, Rerun, apply, standing_violations, stored_verdict
from redline.review.queue import NEWSWORTHINESS_CLAIM, case_severity, review_reasons
from redline.review.rulebook import Rulebook
from redline.review.scrub import scrub

# How many people saw a content: the store keeps it in a 32-bit integer column, and two billion
# views of one post is already past any platform's record.
MAX_REACH = 2**31 - 1


class Outcome(StrEnum):
    """What a moderator can decide on a case."""

    CONFIRM = "confirm"
    OVERTURN = "overturn"
    MODIFY = "modify"
    NEWSWORTHY = "newsworthy"


def open_case(
    store: Store,
    decision_id: str,
    *,
    rulebook: Rulebook,
    claim: str | None = None,
    reach: int = 0,
    actor: str = "redline",
    now: datetime | None = None,
) -> CaseView:
    """Open the case for a decision the policy marks for review, or that has a claim.

    A newsworthiness claim opens a case for any decision; a decision that already has a case
    returns that case unchanged.

    Raises:
        NotFound: no such decision.
        Conflict: the policy does not send this decision to a person and no claim was made.
        InputError: reach below 0 or above ``MAX_REACH``, or an empty or oversize claim.
    """
    if not 0 <= reach <= MAX_REACH:
        raise InputError(f"reach must be within [0, {MAX_REACH}]", field="reach")
    claim_text = scrub(claim, field="claim") if claim is not None else None
    now = now or utcnow()
    actor = check_actor(actor, "actor")
    with store.transaction() as session:
        decision = ReviewEnforcement(session).context(decision_id).decision
        cases = Cases(session)
        existing = cases.for_decision(decision.id)
        if existing is not None:
            return existing
        reasons = review_reasons(decision, rulebook.policy)
        if claim_text is not None:
            reasons.append(NEWSWORTHINESS_CLAIM)
        if not reasons:
            raise Conflict(
                f"the policy does not send decision {decision.id} to review; "
                "a newsworthiness claim opens a case for any decision"
            )
        severity = case_severity(decision, rulebook.policy)
        return cases.open(
            case_id=stable_id("c", decision.id),
            decision_id=decision.id,
            content_id=decision.content_id,
            account_id=decision.account_id,
            reasons=reasons,
            claim=claim_text,
            severity=severity.value,
            severity_rank=severity.rank,
            reach=reach,
            decided_at=decision.decided_at,
            actor=actor,
            now=now,
        )


def open_if_due(
    store: Store,
    decision_id: str,
    *,
    rulebook: Rulebook,
    reach: int = 0,
    now: datetime | None = None,
) -> CaseView | None:
    """Open the case for one decision right after it is made, if the policy sends it to review.

    What an entry point calls after ``moderate`` (the HTTP API, the stream worker); returns None
    when the decision needs no person, and the existing case when it has one.
    """
    with store.reading() as session:
        decision = ReviewEnforcement(session).context(decision_id).decision
        existing = Cases(session).for_decision(decision.id)
    if existing is not None:
        return existing
    if not review_reasons(decision, rulebook.policy):
        return None
    return open_case(store, decision_id, rulebook=rulebook, reach=reach, now=now)


def open_if_due_now(
    store: Store, decision: DecisionRecord, *, rulebook: Rulebook
) -> CaseView | None:
    """``open_if_due`` for a decision the caller has just made or just read back.

    The stored decision in hand already says whether the policy sends it to a person, so the
    common case (no person needed) costs no read.
    """
    if not review_reasons(decision, rulebook.policy):
        return None
    return open_if_due(store, decision.id, rulebook=rulebook)


def sync_cases(
    store: Store,
    *,
    rulebook: Rulebook,
    since: datetime | None = None,
    now: datetime | None = None,
) -> list[CaseView]:
    """Open a case for every stored decision the policy marks for review and has none yet.

    Idempotent: run it after every batch (or from a timer); a second run opens nothing.
    """
    now = now or utcnow()
    with store.reading() as session:
        candidates = review_candidates(session, since)
    opened = []
    for decision in candidates:
        if review_reasons(decision, rulebook.policy):
            opened.append(open_case(store, decision.id, rulebook=rulebook, now=now))
    return opened


def decide_case(
    store: Store,
    case_id: str,
    *,
    moderator: str,
    outcome: Outcome | str,
    reason: str,
    rulebook: Rulebook,
    rules: list[str] | None = None,
    now: datetime | None = None,
) -> CaseView:
    """Close a case with a moderator's outcome and re-run enforcement accordingly.

    ``rules`` names the rules that stand (``modify``, required) or the rules granted
    newsworthiness (``newsworthy``, default every rule).

    Raises:
        NotFound: no such case.
        Conflict: the case is closed or assigned to someone else, an appeal on the decision
            was upheld, or the decision was made under another policy version than the
            rulebook's (``newsworthy``).
        InputError: unknown outcome, empty reason, or rules that do not fit the outcome.
    """
    moderator = check_actor(moderator, "moderator")
    try:
        chosen = Outcome(outcome)
    except ValueError:
        known = ", ".join(o.value for o in Outcome)
        raise InputError(f"outcome is not one of {known}", field="outcome") from None
    reason = scrub(reason, field="reason")
    now = now or utcnow()
    with store.transaction() as session:
        cases = Cases(session)
        case = cases.lock(case_id)
        if case.status != "open":
            raise Conflict(f"case {case_id} is already closed ({case.outcome})")
        if case.assignee not in (None, moderator):
            raise Conflict(f"case {case_id} is assigned to {case.assignee}")
        if case.assignee is None:
            cases.assign(case_id, moderator, actor=moderator, now=now)
        upheld = [
            a.id for a in Appeals(session).concerning(case.decision_id) if a.status == "upheld"
        ]
        if upheld:
            raise Conflict(
                f"appeal {upheld[0]} on this decision was upheld; the case cannot reimpose it"
            )
        context = ReviewEnforcement(session).context(case.decision_id)
        decision = context.decision
        verdict = stored_verdict(decision)
        violated = {v.rule_id for v in verdict.violations}
        if chosen is Outcome.CONFIRM:
            standing = standing_violations(verdict, None)
        elif chosen is Outcome.OVERTURN:
            standing = standing_violations(verdict, frozenset())
        elif chosen is Outcome.MODIFY:
            if not rules:
                raise InputError("modify needs the rules that stand", field="rules")
            unknown = sorted(set(rules) - violated)
            if unknown:
                raise InputError(
                    f"rules {', '.join(unknown)} were not violated by this decision "
                    f"(violated: {', '.join(sorted(violated)) or 'none'})",
                    field="rules",
                )
            standing = standing_violations(verdict, frozenset(rules))
        else:
            policy = rulebook.check(decision.versions.policy)
            granted = rules or ["*"]
            for rule_id in granted:
                if rule_id != "*":
                    try:
                        policy.rule(rule_id)
                    except KeyError:
                        raise InputError(
                            f"no rule {rule_id!r} in {policy.ref}", field="rules"
                        ) from None
                Accounts(session).grant_newsworthy(
                    decision.content_id, rule_id, granted_by=moderator, reason=reason, now=now
                )
            exempt = {
                v.rule_id
                for v in verdict.violations
                if ("*" in granted or v.rule_id in granted)
                and Exemption.NEWSWORTHY in policy.rule(v.rule_id).exceptions
            }
            standing = standing_violations(verdict, frozenset(violated - exempt))
        profile = rulebook.profile_for(decision.versions.profile)
        change = Change(
            decision_id=decision.id,
            outcome=chosen.value,
            moderator=moderator,
            at=now,
            reason=reason,
        )
        apply(
            session,
            [Rerun(context, standing)],
            change,
            profile,
            profile_for_decision={decision.id: profile},
        )
        cases.close(
            case_id,
            outcome=chosen.value,
            reason=reason,
            moderator=moderator,
            now=now,
            document=change.to_document(),
        )
        return cases.get(case_id)


def show_case(store: Store, case_id: str) -> CaseView:
    """One case (by case id, or by the decision id it is about).

    Raises:
        NotFound: neither a case nor a decision with a case has this id.
    """
    with store.reading() as session:
        cases = Cases(session)
        found = cases.for_decision(case_id)
        return found if found is not None else cases.get(case_id)
