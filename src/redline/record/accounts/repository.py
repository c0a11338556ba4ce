"""Accounts: their strikes, their registered own data, and human newsworthiness grants.

This repository is where the store answers "what may deciding know about this author?": the id,
the strikes, the keyed hashes of their own data, and the grants a person made on a case. There is
deliberately no column for anything else about an author.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection

from redline.decide.exemptions import AuthorFacts
from redline.enforce.strikes import History, Standing, Strike
from redline.errors import NotFound
from redline.record import audit
from redline.record.accounts.tables import ACCOUNT_DIGESTS, ACCOUNTS, GRANTS, STRIKES
from redline.record.base import utc

_STRIKES_OF = (
    select(STRIKES)
    .where(STRIKES.c.account_id == bindparam("account_id"))
    .order_by(STRIKES.c.issued, STRIKES.c.id)
)
_LOCK_ACCOUNT = (
    select(ACCOUNTS.c.id).where(ACCOUNTS.c.id == bindparam("account_id")).with_for_update()
)
# Bound parameters named unlike the columns: SQLAlchemy reserves column names for SET values.
_SET_STANDING = (
    update(ACCOUNTS)
    .where(ACCOUNTS.c.id == bindparam("account_id"))
    .values(
        state=bindparam("new_state"),
        state_until=bindparam("new_until"),
        profile=bindparam("new_profile"),
        updated_at=bindparam("new_updated_at"),
    )
)
_GRANTS_OF = select(GRANTS.c.rule_id).where(GRANTS.c.content_id == bindparam("content_id"))
_DIGESTS_OF = select(ACCOUNT_DIGESTS.c.digest).where(
    ACCOUNT_DIGESTS.c.account_id == bindparam("account_id")
)


def strike_of(row: Any) -> Strike:
    """The domain strike for a stored row."""
    return Strike(
        id=row.id,
        account_id=row.account_id,
        rule_id=row.rule_id,
        weight=row.weight,
        issued=utc(row.issued),
        expires=utc(row.expires),
        decision_id=row.decision_id,
        voided=row.voided,
    )


@dataclass(frozen=True, slots=True)
class AccountView:
    """An account as ``redline account show`` prints it."""

    id: str
    created_at: datetime
    state: str
    until: datetime | None
    profile: str | None
    strikes: tuple[Strike, ...]
    own_digests: int

    def to_document(self, now: datetime) -> dict[str, Any]:
        """Plain JSON data; each strike says whether it is active at ``now``."""
        return {
            "id": self.id,
            "created_at": self.created_at.isoformat(),
            "state": self.state,
            "until": self.until.isoformat() if self.until else None,
            "profile": self.profile,
            "registered_own_data": self.own_digests,
            "strikes": [
                {
                    "id": s.id,
                    "rule": s.rule_id,
                    "weight": s.weight,
                    "issued": s.issued.isoformat(),
                    "expires": s.expires.isoformat(),
                    "decision_id": s.decision_id,
                    "voided": s.voided,
                    "active": s.active(now),
                }
                for s in self.strikes
            ],
        }


class Accounts:
    """Repository of accounts, within one unit of work (the caller commits)."""

    def __init__(self, session: Connection) -> None:
        self.session = session

    def ensure(self, account_id: str, now: datetime) -> None:
        """Create the account row if absent, safely when two writers race to do it."""
        values = {"id": account_id, "created_at": now, "state": "active", "updated_at": now}
        dialect = self.session.dialect.name
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        self.session.execute(insert(ACCOUNTS).on_conflict_do_nothing(), values)

    def lock(self, account_id: str) -> None:
        """Hold the account row until commit, so one author's strikes are counted one at a time."""
        if self.session.dialect.name == "sqlite":
            return  # the transaction began IMMEDIATE: it already holds the only write lock
        self.session.execute(_LOCK_ACCOUNT, {"account_id": account_id})

    def history(self, account_id: str | None, *, before: datetime | None = None) -> History:
        """The account's strikes (optionally only those issued before a time), oldest first."""
        if account_id is None:
            return History(None)
        query = _STRIKES_OF
        if before is not None:
            query = query.where(STRIKES.c.issued < before)
        rows = self.session.execute(query, {"account_id": account_id}).all()
        return History(account_id, tuple(strike_of(r) for r in rows))

    def author_facts(self, account_id: str | None, content_id: str) -> AuthorFacts:
        """What deciding may know about the author of ``content_id``."""
        grants = self.session.execute(_GRANTS_OF, {"content_id": content_id}).scalars().all()
        digests: Iterable[str] = ()
        if account_id is not None:
            digests = self.session.execute(_DIGESTS_OF, {"account_id": account_id}).scalars().all()
        return AuthorFacts(account_id, frozenset(digests), frozenset(grants))

    def set_standing(
        self, account_id: str, standing: Standing, profile: str, now: datetime
    ) -> None:
        """Cache the derived standing on the account row (the strikes stay the truth)."""
        self.session.execute(
            _SET_STANDING,
            {
                "account_id": account_id,
                "new_state": standing.state.value,
                "new_until": standing.until,
                "new_profile": profile,
                "new_updated_at": now,
            },
        )

    def add_own_digests(
        self, account_id: str, digests: dict[str, str], *, actor: str, now: datetime
    ) -> int:
        """Register keyed hashes of the account's own data (digest -> type); count the new ones."""
        self.ensure(account_id, now)
        known = set(self.session.execute(_DIGESTS_OF, {"account_id": account_id}).scalars())
        new = {d: kind for d, kind in digests.items() if d not in known}
        if new:
            self.session.execute(
                ACCOUNT_DIGESTS.insert(),
                [
                    {"account_id": account_id, "digest": d, "kind": kind, "added_at": now}
                    for d, kind in sorted(new.items())
                ],
            )
            event = audit.Event(
                "account.own_data_registered",
                f"account:{account_id}",
                {"types": sorted(new.values()), "count": len(new)},
            )
            audit.append(self.session, [event], actor=actor, at=now)
        return len(new)

    def grant_newsworthy(
        self, content_id: str, rule_id: str, *, granted_by: str, reason: str, now: datetime
    ) -> None:
        """Record a person's newsworthiness grant for a content (a rule id, or "*" for all)."""
        self.session.execute(
            GRANTS.insert(),
            dict(
                content_id=content_id,
                rule_id=rule_id,
                granted_by=granted_by,
                reason=reason,
                granted_at=now,
            ),
        )
        event = audit.Event(
            "case.newsworthy_granted", f"content:{content_id}", {"rule": rule_id, "reason": reason}
        )
        audit.append(self.session, [event], actor=granted_by, at=now)

    def show(self, account_id: str) -> AccountView:
        """The account with all its strikes.

        Raises:
            NotFound: no such account.
        """
        row = self.session.execute(
            select(ACCOUNTS).where(ACCOUNTS.c.id == account_id)
        ).one_or_none()
        if row is None:
            raise NotFound("account", field="account_id")
        count = len(self.session.execute(_DIGESTS_OF, {"account_id": account_id}).all())
        return AccountView(
            id=row.id,
            created_at=utc(row.created_at),
            state=row.state,
            until=utc(row.state_until) if row.state_until else None,
            profile=row.profile,
            strikes=self.history(account_id).strikes,
            own_digests=count,
        )
