"""Re-running enforcement after a person decides: the verdict that stands, the profile's answer.

A moderator does not edit actions by hand. They say which violations stand (all of them on
*confirm*, none on *overturn*, some on *modify*, those a newsworthiness grant leaves on
*newsworthy*), and the decision's own profile plans the actions and the strike for that verdict,
exactly as it did for the machine. What changes is written as a new record beside the decision:
the content actions now in force, those added and lifted, the strike issued, changed, reinstated
or voided, and the account's standing before and after. An upheld appeal is the same computation
with no violation standing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from redline.decide.verdict import Verdict, Violation
from redline.enforce.action import plan
from redline.enforce.profile import AccountState, ActionType, Profile
from redline.enforce.strikes import History, Standing, Strike, standing
from redline.record.accounts import Accounts
from redline.record.decisions import DecisionRecord
from redline.record.decisions.document import action_document
from redline.record.review.enforcement import DecisionContext, ReviewEnforcement
from redline.record.store import UnitOfWork

ACCOUNT_ACTIONS = (ActionType.SUSPEND.value, ActionType.BAN.value)
_ORDER = list(AccountState)


def stored_verdict(decision: DecisionRecord) -> Verdict:
    """The verdict a stored decision records (signals masked, as stored)."""
    return Verdict(
        content_id=decision.content_id,
        policy_id=decision.versions.policy_id,
        policy_version=decision.versions.policy_version,
        violations=tuple(
            Violation(v.rule, v.severity, v.signals, needs_review=v.needs_review)
            for v in decision.violations
        ),
        detectors=decision.versions.detectors,
    )


def standing_violations(verdict: Verdict, rules: frozenset[str] | None) -> Verdict:
    """The verdict with the violations that stand, all confirmed by a person.

    ``rules`` None keeps every violation; an empty set keeps none.
    """
    kept = tuple(
        Violation(v.rule_id, v.severity, v.signals, needs_review=False)
        for v in verdict.violations
        if rules is None or v.rule_id in rules
    )
    return Verdict(
        content_id=verdict.content_id,
        policy_id=verdict.policy_id,
        policy_version=verdict.policy_version,
        violations=kept,
        exempted=verdict.exempted,
        detectors=verdict.detectors,
    )


@dataclass
class Rerun:
    """One decision's new verdict, to be planned and written by ``apply``."""

    context: DecisionContext
    verdict: Verdict


@dataclass
class Change:
    """What a person's outcome changed, as stored on the case or appeal and shown to callers."""

    decision_id: str
    outcome: str
    moderator: str
    at: datetime
    reason: str
    decisions: dict[str, dict[str, Any]] = field(default_factory=dict)
    account: dict[str, Any] | None = None

    @property
    def lifted(self) -> list[str]:
        """Every content action lifted, across the decisions."""
        return sorted({t for d in self.decisions.values() for t in d["lifted"]})

    def to_document(self) -> dict[str, Any]:
        """Plain JSON data."""
        return {
            "decision_id": self.decision_id,
            "outcome": self.outcome,
            "moderator": self.moderator,
            "at": self.at.isoformat(),
            "reason": self.reason,
            "decisions": self.decisions,
            "lifted": self.lifted,
            "account": self.account,
        }


def _account_actions(before: Standing, after: Standing) -> list[str]:
    if (before.state, before.until) == (after.state, after.until):
        return []
    up = _ORDER.index(after.state) > _ORDER.index(before.state)
    if after.state is AccountState.BANNED:
        return ["ban"]
    if after.state is AccountState.SUSPENDED and (up or after.until != before.until):
        return ["suspend"]
    if before.state is AccountState.BANNED:
        return ["lift_ban"]
    if before.state is AccountState.SUSPENDED:
        return ["lift_suspension"]
    return ["restrict_account" if up else "ease_account"]


def _strike(old: Strike | None, new: Strike | None) -> tuple[str, Strike | None]:
    """Reconcile the decision's stored strike with the one the new plan wants."""
    if new is None:
        if old is None or old.voided:
            return "none", None
        return "voided", Strike(
            old.id,
            old.account_id,
            old.rule_id,
            old.weight,
            old.issued,
            old.expires,
            old.decision_id,
            voided=True,
        )
    if old is None:
        return "issued", new
    if old.voided:
        return "reinstated", Strike(
            old.id,
            new.account_id,
            new.rule_id,
            new.weight,
            new.issued,
            new.expires,
            old.decision_id,
        )
    if (old.rule_id, old.weight) == (new.rule_id, new.weight):
        return "kept", None
    return "changed", Strike(
        old.id, old.account_id, new.rule_id, new.weight, old.issued, old.expires, old.decision_id
    )


def apply(
    session: UnitOfWork,
    reruns: list[Rerun],
    change: Change,
    profile: Profile,
    *,
    profile_for_decision: dict[str, Profile],
) -> Change:
    """Plan each rerun under its decision's profile, write strikes and standing, fill ``change``.

    The account's standing is computed once, after every strike of every rerun is written, with
    the ladder of ``profile`` (the primary decision's).
    """
    repo = ReviewEnforcement(session)
    accounts = Accounts(session)
    now = change.at
    why = f"{change.outcome} by {change.moderator}"
    account_id: str | None = None
    before: Standing | None = None
    for rerun in reruns:
        decision = rerun.context.decision
        decision_id = decision.id
        decision_profile = profile_for_decision[decision_id]
        owner = decision.account_id
        decided_at = decision.decided_at
        if owner is not None and account_id is None:
            account_id = owner
            accounts.ensure(owner, now)
            accounts.lock(owner)
            before = standing(accounts.history(owner).strikes, profile.ladder, now)
        prior = accounts.history(owner, before=decided_at)
        prior = History(
            prior.account_id, tuple(s for s in prior.strikes if s.decision_id != decision_id)
        )
        planned = plan(
            rerun.verdict, rerun.context.evidence.texts, prior, decision_profile, now, decision_id
        )
        in_force = [
            action_document(a) for a in planned.actions if a.type.value not in ACCOUNT_ACTIONS
        ]
        old_types = [a["type"] for a in rerun.context.in_force]
        new_types = [a["type"] for a in in_force]
        op, strike = _strike(repo.strike_row(decision_id), planned.strike)
        if strike is not None:
            if op == "reinstated":
                strike = Strike(
                    strike.id,
                    strike.account_id,
                    strike.rule_id,
                    strike.weight,
                    now,
                    now + timedelta(days=decision_profile.strikes.expire_days),
                    strike.decision_id,
                )
            repo.put_strike(strike, actor=change.moderator, now=now, why=why)
        kept = planned.strike if op in ("issued", "kept") else strike
        change.decisions[decision_id] = {
            "rules": sorted({v.rule_id for v in rerun.verdict.violations}),
            "in_force": in_force,
            "added": [t for t in new_types if t not in old_types],
            "lifted": [t for t in old_types if t not in new_types],
            "strike": {
                "op": op,
                "rule": kept.rule_id if kept and not kept.voided else None,
                "weight": kept.weight if kept and not kept.voided else 0,
            },
        }
    if account_id is not None and before is not None:
        after = standing(accounts.history(account_id).strikes, profile.ladder, now)
        repo.set_standing(
            account_id, before, after, profile.ref, actor=change.moderator, now=now, why=why
        )
        change.account = {
            "id": account_id,
            "from": before.state.value,
            "to": after.state.value,
            "until": after.until.isoformat() if after.until else None,
            "active_strikes": after.active_strikes,
            "actions": _account_actions(before, after),
        }
    return change
