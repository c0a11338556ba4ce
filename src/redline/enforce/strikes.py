"""Strikes and the account state derived from them.

The state is never stored as the truth: it is recomputed from the strikes (weights, expiry,
voided by appeal) and the profile's ladder, at a given time. So an appeal that voids a strike, or
a strike that expires, changes the state without anyone having to remember to update it, and the
same history gives the same state under replay.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from redline.enforce.profile import AccountState, Step


@dataclass(frozen=True, slots=True)
class Strike:
    """A mark against an account for one decision."""

    id: str
    account_id: str
    rule_id: str
    weight: int
    issued: datetime
    expires: datetime
    decision_id: str
    voided: bool = False

    def active(self, now: datetime) -> bool:
        """Counts now: not voided, issued, not yet expired."""
        return not self.voided and self.issued <= now < self.expires


@dataclass(frozen=True, slots=True)
class History:
    """An account's past as deciding sees it: its id and its strikes, nothing else."""

    account_id: str | None
    strikes: tuple[Strike, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Standing:
    """Where an account stands at one moment."""

    state: AccountState
    until: datetime | None = None
    active_strikes: int = 0
    weight: int = 0


def standing(strikes: Iterable[Strike], ladder: tuple[Step, ...], now: datetime) -> Standing:
    """Derive the account state from its strikes at ``now``.

    Climb the ladder by the active weight (or, for a permanent step, the weight of every strike
    not voided). A suspension runs ``days`` from the latest counted strike; once over, the account
    stands on the highest lower step that is not a finished suspension.
    """
    strikes = list(strikes)
    active = [s for s in strikes if s.active(now)]
    kept = [s for s in strikes if not s.voided and s.issued <= now]
    weight = sum(s.weight for s in active)
    for step in sorted(ladder, key=lambda s: s.at, reverse=True):
        counted = kept if step.permanent else active
        if sum(s.weight for s in counted) < step.at:
            continue
        if step.state is AccountState.SUSPENDED and step.days is not None:
            if not counted:
                continue
            until = max(s.issued for s in counted) + timedelta(days=step.days)
            if until <= now:
                continue
            return Standing(step.state, until, len(active), weight)
        return Standing(step.state, None, len(active), weight)
    return Standing(AccountState.ACTIVE, None, len(active), weight)
