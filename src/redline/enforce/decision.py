"""judge(...) -> Decision: the whole pure core from evidence to a defensible decision.

A decision is a function of (evidence, policy, profile, author facts, account history, time) and
nothing else; its id is derived from the content, policy and profile, so deciding twice gives the
same decision. The store keeps it as a ``record.decisions.DecisionRecord``; ``replay`` recomputes
it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from redline.decide.exemptions import AuthorFacts
from redline.decide.policy import Policy
from redline.decide.review import review_reasons
from redline.decide.verdict import Evidence, Verdict, decide
from redline.detect.budget import cut_short
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
    review: tuple[str, ...] = ()

    @property
    def needs_review(self) -> bool:
        """Whether the policy sends it to a person (``review``, from ``decide.review``)."""
        return bool(self.review)


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
    review = review_reasons(verdict.violations, bool(verdict.reviews), policy)
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
        review=tuple(review),
    )
