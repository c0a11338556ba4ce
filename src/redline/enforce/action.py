"""plan(verdict, history, profile) -> actions and a strike. Pure: nothing is carried out here.

Planning is kept apart from acting (as Osprey keeps effects apart from sinks) so a decision can be
stored, replayed and explained before any platform API is called, and a reversal after appeal is a
new set of actions rather than an edit of history.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from redline.decide.verdict import Verdict, Violation
from redline.detect.finding import Signal, SignalKind
from redline.enforce.profile import AccountState, ActionType, Profile
from redline.enforce.redaction import TYPED_MASKS, redact
from redline.enforce.strikes import History, Standing, Strike, standing


@dataclass(frozen=True, slots=True)
class Action:
    """One thing the platform should do.

    ``targets`` names what a ``block_link`` blocks (``url:0``, or a span of the text);
    ``redacted_text`` is what a ``request_redaction`` offers the author to post instead.
    """

    type: ActionType
    rules: tuple[str, ...] = ()
    until: datetime | None = None
    targets: tuple[str, ...] = ()
    redacted_text: str | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    """The actions for one verdict, the strike it costs, and the account before and after."""

    actions: tuple[Action, ...]
    strike: Strike | None
    before: Standing
    after: Standing


def stable_id(prefix: str, *parts: str) -> str:
    """A short id derived from its inputs, so re-deciding the same thing gives the same id."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:24]}"


def _link_targets(signals: list[Signal]) -> tuple[str, ...]:
    targets = set()
    for s in signals:
        if s.kind is SignalKind.LINK_MATCH:
            part = s.location.part
            targets.add(part if part.startswith("url:") else f"{part}[{s.start}:{s.end}]")
    return tuple(sorted(targets))


def _proof(violations: list[Violation]) -> list[Signal]:
    seen: dict[Signal, None] = {}
    for violation in violations:
        seen.update(dict.fromkeys(violation.signals))
    return list(seen)


def _content_actions(
    wanted: dict[ActionType, set[str]],
    signals: list[Signal],
    texts: Mapping[str, str],
) -> list[Action]:
    """Turn the wanted action types into actions, dropping those with nothing to act on."""
    actions = []
    for kind in ActionType:
        if kind not in wanted:
            continue
        rules = tuple(sorted(wanted[kind]))
        if kind is ActionType.BLOCK_LINK:
            targets = _link_targets(signals)
            if targets:
                actions.append(Action(kind, rules, targets=targets))
        elif kind is ActionType.REQUEST_REDACTION:
            text = texts.get("text")
            private = [s for s in signals if s.kind is SignalKind.PII and s.type in TYPED_MASKS]
            # Redaction is only a way out when the private data is what broke the rules and it
            # sits in the post's own text; it cannot fix a link to hacked material.
            if text is not None and private and all(s.kind is SignalKind.PII for s in signals):
                actions.append(Action(kind, rules, redacted_text=redact(text, private)))
        else:
            actions.append(Action(kind, rules))
    return actions


def plan(
    verdict: Verdict,
    texts: Mapping[str, str],
    history: History,
    profile: Profile,
    now: datetime,
    decision_id: str,
) -> Plan:
    """Plan the actions for ``verdict`` under ``profile``, given the account's ``history``.

    Confirmed violations get the profile's responses and at most one strike per decision (the
    weight of the worst violation): one post is one offence however many rules it breaks.
    Violations waiting for a human get only the profile's ``pending_review`` actions.
    """
    before = standing(history.strikes, profile.ladder, now)
    confirmed = [v for v in verdict.violations if not v.needs_review]
    pending = [v.rule_id for v in verdict.violations if v.needs_review]
    pending += [r.rule_id for r in verdict.reviews]
    wanted: dict[ActionType, set[str]] = {}
    for violation in confirmed:
        for kind in profile.actions_for(
            violation.rule_id, violation.severity, before.active_strikes
        ):
            wanted.setdefault(kind, set()).add(violation.rule_id)
    for kind in profile.pending_review if pending else ():
        wanted.setdefault(kind, set()).update(pending)
    actions = _content_actions(wanted, _proof(list(verdict.violations)), texts)

    strike = None
    if confirmed and history.account_id is not None:
        worst = max(confirmed, key=lambda v: v.severity.rank)
        weight = profile.strikes.weight(worst.rule_id, worst.severity)
        if weight > 0:
            strike = Strike(
                id=stable_id("s", decision_id),
                account_id=history.account_id,
                rule_id=worst.rule_id,
                weight=weight,
                issued=now,
                expires=now + timedelta(days=profile.strikes.expire_days),
                decision_id=decision_id,
            )
    strikes = history.strikes + ((strike,) if strike else ())
    after = standing(strikes, profile.ladder, now)
    rules = (strike.rule_id,) if strike else ()
    if after.state is AccountState.SUSPENDED and after.until != before.until:
        actions.append(Action(ActionType.SUSPEND, rules, until=after.until))
    elif after.state is AccountState.BANNED and before.state is not AccountState.BANNED:
        actions.append(Action(ActionType.BAN, rules))
    return Plan(tuple(actions), strike, before, after)
