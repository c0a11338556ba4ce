"""judge(...) -> Decision: the whole pure core from evidence to a defensible decision.

A decision is a function of (evidence, policy, profile, author facts, account history, time) and
nothing else; its id is derived from the content, policy and profile, so deciding twice gives the
same decision. The store writes it, the CLI prints it, ``replay`` recomputes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from redline.decide.exemptions import AuthorFacts
from redline.decide.policy import Policy
from redline.decide.verdict import Evidence, Verdict, decide
from redline.detect.budget import cut_short
from redline.detect.finding import Signal
from redline.enforce.action import Action, plan, stable_id
from redline.enforce.profile import Profile
from redline.enforce.reasons import StatementOfReasons, state_reasons
from redline.enforce.strikes import History, Standing, Strike


@dataclass(frozen=True, slots=True)
class Decision:
    """Everything decided about one piece of content, with the versions that decided it."""

    id: str
    content_id: str
    account_id: str | None
    verdict: Verdict
    actions: tuple[Action, ...]
    strike: Strike | None
    before: Standing
    after: Standing
    statement: StatementOfReasons
    policy: str
    profile: str
    decided_at: datetime
    decided_by: str

    @property
    def needs_review(self) -> bool:
        """Whether a person must look at it (low confidence, or a detector failed)."""
        return any(v.needs_review for v in self.verdict.violations) or bool(self.verdict.reviews)

    def to_document(self) -> dict[str, Any]:
        """The decision as plain JSON data (evidence masked), as stored and shown."""
        return {
            "decision_id": self.id,
            "content_id": self.content_id,
            "account_id": self.account_id,
            "policy": self.policy,
            "profile": self.profile,
            "decided_at": self.decided_at.isoformat(),
            "decided_by": self.decided_by,
            "automated_detection": self.statement.automated_detection,
            "automated_decision": self.statement.automated_decision,
            "needs_review": self.needs_review,
            "detectors": [{"name": n, "version": v} for n, v in self.verdict.detectors],
            "violations": [
                {
                    "rule": v.rule_id,
                    "severity": v.severity.value,
                    "needs_review": v.needs_review,
                    "signals": [signal_document(s) for s in v.signals],
                }
                for v in self.verdict.violations
            ],
            "exempted": [
                {"rule": e.rule_id, "exception": e.exemption.value, "signals": len(e.signals)}
                for e in self.verdict.exempted
            ],
            "reviews": [{"rule": r.rule_id, "reason": r.reason} for r in self.verdict.reviews],
            "actions": [action_document(a) for a in self.actions],
            "strike": None
            if self.strike is None
            else {
                "id": self.strike.id,
                "rule": self.strike.rule_id,
                "weight": self.strike.weight,
                "expires": self.strike.expires.isoformat(),
            },
            "account": {
                "id": self.account_id,
                "state": self.after.state.value,
                "until": self.after.until.isoformat() if self.after.until else None,
                "strikes": self.after.active_strikes,
            },
            "reasons": self.statement.text,
            "dsa": [
                {"rule": r.rule_id, "category": r.dsa_category, "keywords": list(r.dsa_keywords)}
                for r in self.statement.reasons
            ],
        }


def signal_document(signal: Signal) -> dict[str, Any]:
    """A signal as plain data: masked form and keyed hash, never the raw value."""
    return {
        "kind": signal.kind.value,
        "type": signal.type,
        "location": signal.location.to_dict(),
        "score": round(signal.score, 4),
        "masked": signal.masked,
        "detector": signal.detector,
        "detector_version": signal.detector_version,
        "digest": signal.digest,
        "evidence": signal.evidence,
    }


def action_document(action: Action) -> dict[str, Any]:
    """An action as plain data; ``until`` only where there is one."""
    out: dict[str, Any] = {"type": action.type.value, "rules": list(action.rules)}
    if action.until is not None:
        out["until"] = action.until.isoformat()
    if action.targets:
        out["targets"] = list(action.targets)
    if action.redacted_text is not None:
        out["redacted_text"] = action.redacted_text
    return out


def decision_id_for(content_id: str, policy: Policy, profile: Profile) -> str:
    """The id a decision on this content under this policy and profile always gets."""
    return stable_id("d", content_id, policy.ref, profile.ref)


def judge(
    evidence: Evidence,
    policy: Policy,
    profile: Profile,
    author: AuthorFacts,
    history: History,
    now: datetime,
    decided_by: str = "redline",
) -> Decision:
    """Decide and plan for one piece of content: the pure core behind ``redline moderate``."""
    decision_id = decision_id_for(evidence.content_id, policy, profile)
    verdict = decide(evidence, policy, author)
    # A scan cut short by its budget missed private data: no redacted version can be offered.
    texts = {} if cut_short(evidence.failures) else evidence.texts
    planned = plan(verdict, texts, history, profile, now, decision_id)
    statement = state_reasons(decision_id, verdict, planned.actions, policy)
    return Decision(
        id=decision_id,
        content_id=evidence.content_id,
        account_id=history.account_id,
        verdict=verdict,
        actions=planned.actions,
        strike=planned.strike,
        before=planned.before,
        after=planned.after,
        statement=statement,
        policy=policy.ref,
        profile=profile.ref,
        decided_at=now,
        decided_by=decided_by,
    )
