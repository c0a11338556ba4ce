"""Everything the case page shows, read in one unit of work from the services' repositories.

Read-only: the decision with its kept text and signals, what is in force, the account's strikes,
the external requests about the content (context, never a reason), the appeals of the decision,
the bank entries that matched and the policy's wording of each rule. Writes go through
``redline.review`` in the page handlers.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass, replace
from typing import Any

from redline.console.evidence import Segment, other_parts, segments
from redline.curate.banks import Banks
from redline.decide.policy import Policy, Rule
from redline.detect.finding import Signal, SignalKind
from redline.errors import NotFound
from redline.record.accounts import Accounts, AccountView
from redline.record.banks.views import EntryView
from redline.record.decisions import DecisionRecord
from redline.record.review.appeals import Appeals, AppealView
from redline.record.review.cases import Cases, CaseView
from redline.record.review.enforcement import ReviewEnforcement
from redline.record.review.requests import RequestView
from redline.record.store import Store
from redline.review import requests


@dataclass(frozen=True, slots=True)
class Match:
    """A bank or link match: where it is in the post, and the entry it matched."""

    bank: str
    entry: str
    kind: str
    designations: tuple[str, ...]
    score: float
    explanation: str
    part: str
    passage: list[Segment]
    banked: EntryView | None


@dataclass(frozen=True, slots=True)
class CaseFile:
    """The case page's data."""

    case: CaseView
    decision: DecisionRecord
    text_kept: bool
    segments: list[Segment]
    elsewhere: list[Signal]
    matches: list[Match]
    rules: Mapping[str, Rule]
    in_force: list[dict[str, Any]]
    account: AccountView | None
    requests: list[RequestView]
    appeals: list[AppealView]


def _rules(policy: Policy, decision: DecisionRecord) -> dict[str, Rule]:
    found = {}
    for rule_id in [v.rule for v in decision.violations] + [r.rule_id for r in decision.reviews]:
        with suppress(KeyError):  # decided under another pack: the page shows the rule id alone
            found[rule_id] = policy.rule(rule_id)
    return found


def _matches(
    banks: Banks, text: str | None, signals: list[Signal], revealed: Mapping[tuple[int, int], str]
) -> list[Match]:
    grouped: dict[tuple[str, str, int, int], list[Signal]] = {}
    for s in signals:
        if s.kind is not SignalKind.PII:
            key = (s.masked, s.location.part, s.start, s.end)
            grouped.setdefault(key, []).append(s)
    entries: dict[str, dict[str, EntryView]] = {}
    out = []
    for (name, part, start, end), found in grouped.items():
        bank, _, entry = name.partition("/")
        if bank not in entries:
            try:
                entries[bank] = {e.entry.name: e for e in banks.show_bank(bank).entries}
            except NotFound:
                entries[bank] = {}
        passage: list[Segment] = []
        if text is not None and part == "text" and end > start:
            inside = [
                s for s in signals if s.kind is SignalKind.PII and start <= s.start < s.end <= end
            ]
            shifted = {(a - start, b - start): raw for (a, b), raw in revealed.items()}
            passage = segments(text[start:end], [_shift(s, start) for s in inside], shifted)
        first = found[0]
        out.append(
            Match(
                bank=bank,
                entry=entry,
                kind=first.kind.value,
                designations=tuple(dict.fromkeys(s.type for s in found)),
                score=first.score,
                explanation=first.evidence,
                part=part,
                passage=passage,
                banked=entries[bank].get(entry),
            )
        )
    return out


def _shift(signal: Signal, by: int) -> Signal:
    location = replace(signal.location, start=signal.start - by, end=signal.end - by)
    return replace(signal, location=location)


def case_file(
    store: Store,
    case_id: str,
    policy: Policy,
    revealed: Mapping[tuple[int, int], str] | None = None,
) -> CaseFile:
    """Read one case's page.

    Raises:
        NotFound: no such case.
    """
    revealed = revealed or {}
    with store.reading() as session:
        cases = Cases(session)
        case = cases.for_decision(case_id) or cases.get(case_id)
        context = ReviewEnforcement(session).context(case.decision_id)
        text = context.evidence.texts.get("text")
        signals = list(context.evidence.signals)
        account = None
        if context.decision.account_id is not None:
            try:
                account = Accounts(session).show(context.decision.account_id)
            except NotFound:
                account = None
        appeals = Appeals(session).concerning(context.decision.id)
        matches = _matches(Banks(session), text, signals, revealed)
    return CaseFile(
        case=case,
        decision=context.decision,
        text_kept=text is not None,
        segments=segments(text, signals, revealed) if text is not None else [],
        elsewhere=other_parts(signals),
        matches=matches,
        rules=_rules(policy, context.decision),
        in_force=context.in_force,
        account=account,
        requests=requests.requests_about(store, context.decision.content_id),
        appeals=appeals,
    )
