"""DecisionRecord: a stored decision as one typed, frozen value.

The pure core makes a ``Decision`` (``enforce.decision``); what the store keeps of it, and what
every reader after the store gets back (review, report, the API, the CLI), is this record:
evidence masked, the standing reduced to what was shown, the versions that decided it. It is
owned by the layer that stores it, so the readers above need no second idea of its shape, and
strict mypy follows a decision from the content to the report. JSON exists only at the edges:
``record.decisions.document`` converts to and from the stored document, the one form the store,
the CLI, the API and the exports print.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from redline.decide.policy import Exemption, Severity
from redline.decide.verdict import ReviewRequest
from redline.detect.finding import Signal
from redline.detect.shown import cap_per_part
from redline.enforce.action import Action
from redline.enforce.decision import Decision
from redline.enforce.profile import AccountState

# Scores are stored to four decimals: the record holds them as stored, so that a record made
# from a fresh decision equals the one read back.
SCORE_DIGITS = 4


@dataclass(frozen=True, slots=True)
class ViolationRecord:
    """A rule broken, with the (masked) signals that prove it.

    ``signals_omitted`` is empty in the store; a copy shown to a caller (``shown``) counts, per
    part, the signals it left out.
    """

    rule: str
    severity: Severity
    needs_review: bool
    signals: tuple[Signal, ...]
    signals_omitted: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class ExemptedRecord:
    """A rule that matched but did not apply, the exception that saved it, how many signals."""

    rule: str
    exception: Exemption
    signals: int


@dataclass(frozen=True, slots=True)
class StrikeRecord:
    """The strike the decision cost the account, as issued (its later fate is in ``strikes``)."""

    id: str
    rule: str
    weight: int
    expires: datetime


@dataclass(frozen=True, slots=True)
class AccountRecord:
    """The account's standing right after the decision."""

    id: str | None
    state: AccountState
    until: datetime | None
    strikes: int


@dataclass(frozen=True, slots=True)
class DsaRecord:
    """A rule's place in the DSA transparency database's categories."""

    rule: str
    category: str
    keywords: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Versions:
    """What decided: the policy pack and profile (``id@version``), each detector's version.

    Enough to replay the decision, or to tell decisions made by different detectors apart.
    """

    policy: str
    profile: str
    detectors: tuple[tuple[str, str], ...]

    @property
    def policy_id(self) -> str:
        """The policy pack's id, without its version."""
        return self.policy.rpartition("@")[0]

    @property
    def policy_version(self) -> str:
        """The policy pack's version."""
        return self.policy.rpartition("@")[2]


@dataclass(frozen=True, slots=True)
class StatementRecord:
    """The statement of reasons the author was given, and how automated the decision was."""

    text: str
    automated_detection: bool
    automated_decision: bool
    dsa: tuple[DsaRecord, ...]


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    """Everything stored about one decision; read by attribute, written once, never edited."""

    id: str
    content_id: str
    account_id: str | None
    decided_at: datetime
    decided_by: str
    versions: Versions
    needs_review: bool
    violations: tuple[ViolationRecord, ...]
    exempted: tuple[ExemptedRecord, ...]
    reviews: tuple[ReviewRequest, ...]
    actions: tuple[Action, ...]
    strike: StrikeRecord | None
    account: AccountRecord
    statement: StatementRecord

    @property
    def violates(self) -> bool:
        """Whether any rule was found broken (confirmed or awaiting a person)."""
        return bool(self.violations)


def stored_signal(signal: Signal) -> Signal:
    """The signal as the store keeps it: its score to ``SCORE_DIGITS`` decimals."""
    score = round(signal.score, SCORE_DIGITS)
    return signal if score == signal.score else replace(signal, score=score)


def record_of_decision(decision: Decision) -> DecisionRecord:
    """What the store keeps of a decision the core has just made."""
    verdict = decision.verdict
    strike = decision.strike
    after = decision.after
    statement = decision.statement
    return DecisionRecord(
        decision.id,
        decision.content_id,
        decision.account_id,
        decision.decided_at,
        decision.decided_by,
        Versions(decision.policy, decision.profile, verdict.detectors),
        needs_review=decision.needs_review,
        violations=tuple(
            ViolationRecord(
                v.rule_id,
                v.severity,
                v.needs_review,
                tuple(stored_signal(s) for s in v.signals),
            )
            for v in verdict.violations
        ),
        exempted=tuple(
            ExemptedRecord(e.rule_id, e.exemption, len(e.signals)) for e in verdict.exempted
        ),
        reviews=verdict.reviews,
        actions=decision.actions,
        strike=None
        if strike is None
        else StrikeRecord(strike.id, strike.rule_id, strike.weight, strike.expires),
        account=AccountRecord(decision.account_id, after.state, after.until, after.active_strikes),
        statement=StatementRecord(
            statement.text,
            statement.automated_detection,
            statement.automated_decision,
            tuple(DsaRecord(r.rule_id, r.dsa_category, r.dsa_keywords) for r in statement.reasons),
        ),
    )


def _part(signal: Signal) -> str:
    return signal.location.part


def shown(record: DecisionRecord, limit: int) -> DecisionRecord:
    """The record as shown to a caller: at most ``limit`` signals per part per violation.

    The store keeps every signal (review re-planning rebuilds the verdict from them); the API and
    the CLI show this copy, whose size no longer grows with the number of findings. A violation
    that lost signals counts them, per part, in ``signals_omitted``.
    """
    if all(len(v.signals) <= limit for v in record.violations):
        return record  # the common case: nothing to leave out, nothing copied
    violations = []
    for violation in record.violations:
        signals, omitted = cap_per_part(violation.signals, _part, limit)
        violations.append(
            replace(violation, signals=tuple(signals), signals_omitted=tuple(omitted.items()))
        )
    return replace(record, violations=tuple(violations))
