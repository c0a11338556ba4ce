"""The statement of reasons: what the author is told, and what a regulator can be shown.

It cites each broken rule with its user-facing text, shows the evidence only in masked form (the
notice must never become the leak), says whether detection and decision were automated, and how
to appeal. The structured fields carry the EU DSA mapping for a later statement-of-reasons export.
"""

from __future__ import annotations

from dataclasses import dataclass

from redline.decide.policy import Policy
from redline.decide.verdict import Verdict
from redline.detect.finding import Signal
from redline.detect.shown import cap_per_part
from redline.enforce.action import Action
from redline.enforce.profile import ActionType

_PHRASES = {
    ActionType.BLOCK_LINK: "blocked the link",
    ActionType.REMOVE_CONTENT: "removed the post",
    ActionType.RESTRICT_SHARING: "restricted sharing of the post",
    ActionType.LIMIT_VISIBILITY: "limited who sees the post",
    ActionType.LABEL: "labelled the post",
    ActionType.REQUEST_REDACTION: "offered a redacted version you can post instead",
    ActionType.SUSPEND: "suspended the account",
    ActionType.BAN: "banned the account",
}
EVIDENCE_SHOWN = 20  # evidence lines cited per rule and part; the rest are counted


@dataclass(frozen=True, slots=True)
class Reason:
    """One broken rule as cited to the author."""

    rule_id: str
    title: str
    text: str
    severity: str
    evidence: tuple[str, ...]
    dsa_category: str
    dsa_keywords: tuple[str, ...]
    pending_review: bool = False


@dataclass(frozen=True, slots=True)
class StatementOfReasons:
    """What the author is told about one decision."""

    decision_id: str
    content_id: str
    reasons: tuple[Reason, ...]
    actions: tuple[str, ...]
    automated_detection: bool
    automated_decision: bool
    appeal: str
    text: str


def _evidence(signal: Signal) -> str:
    """A masked description of one signal: never the raw value."""
    where = signal.location.part
    if signal.location.page is not None:
        where += f" p.{signal.location.page}"
    line = f"{signal.type} {signal.masked} ({where} {signal.start}-{signal.end}, "
    line += f"score {signal.score:.2f}, {signal.detector})"
    if signal.evidence:
        line += f": {signal.evidence}"
    return line


def evidence_lines(signals: tuple[Signal, ...]) -> tuple[str, ...]:
    """The first ``EVIDENCE_SHOWN`` signals of each part, then how many more each part holds.

    A post of ten thousand SSNs breaks the rule once; its statement cites enough to show it, and
    stays readable (and a bounded size) however many there are.
    """
    shown, omitted = cap_per_part(signals, _part, EVIDENCE_SHOWN)
    lines = [_evidence(s) for s in shown]
    lines.extend(f"{count} more in {part}, not listed" for part, count in omitted.items())
    return tuple(lines)


def _part(signal: Signal) -> str:
    return signal.location.part


def _action_phrase(action: Action) -> str:
    phrase = _PHRASES[action.type]
    if action.until is not None:
        phrase += f" until {action.until.isoformat(timespec='minutes')}"
    return phrase


def state_reasons(
    decision_id: str,
    verdict: Verdict,
    actions: tuple[Action, ...],
    policy: Policy,
    automated_decision: bool = True,
) -> StatementOfReasons:
    """Build the statement for a decision (``policy`` supplies rule texts and the appeal route)."""
    reasons = []
    for violation in verdict.violations:
        rule = policy.rule(violation.rule_id)
        reasons.append(
            Reason(
                rule_id=rule.id,
                title=rule.title,
                text=rule.text,
                severity=rule.severity.value,
                evidence=evidence_lines(violation.signals),
                dsa_category=rule.dsa_category,
                dsa_keywords=rule.dsa_keywords,
                pending_review=violation.needs_review,
            )
        )
    automated_detection = bool(verdict.detectors)
    lines = [
        f"Decision {decision_id} on content {verdict.content_id} under policy "
        f"{verdict.policy_id}@{verdict.policy_version}."
    ]
    if actions:
        lines.append("We " + ", ".join(_action_phrase(a) for a in actions) + ".")
    if reasons:
        lines.append("The content breaks these rules:")
        for reason in reasons:
            pending = " (a person will review this first)" if reason.pending_review else ""
            lines.append(f'- {reason.rule_id} "{reason.title}"{pending}: {reason.text}')
            lines.extend(f"  evidence: {item}" for item in reason.evidence)
    else:
        lines.append("No rule was broken.")
    for review in verdict.reviews:
        lines.append(f"A person will check rule {review.rule_id}: {review.reason}.")
    lines.append(
        f"Detected automatically: {'yes' if automated_detection else 'no'}. "
        f"Decided automatically: {'yes' if automated_decision else 'no'}."
    )
    if reasons:
        lines.append(f"How to appeal: {policy.appeal}")
    return StatementOfReasons(
        decision_id=decision_id,
        content_id=verdict.content_id,
        reasons=tuple(reasons),
        actions=tuple(a.type.value for a in actions),
        automated_detection=automated_detection,
        automated_decision=automated_decision,
        appeal=policy.appeal,
        text="\n".join(lines),
    )
