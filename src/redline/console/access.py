"""Who is looking, and what they may do: the API's roles, read from the API's own routes.

The console does not keep a second table of roles. Each thing a page can do is named by the API
operation that does the same (deciding a case is ``POST /v1/cases/{case_id}/decision``), and the
roles allowed are that operation's ``x-roles`` (``api.auth.roles_of``), so the console and the
API cannot drift apart. Pages hide what a role may not do; the handlers refuse it anyway.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

from redline.api.auth import roles_of
from redline.console.sessions import Session
from redline.record.keys import ApiKey


class Can(StrEnum):
    """Things a console user may do, each the API operation ``METHOD path`` that does it."""

    READ_CASES = "GET /v1/cases"
    TAKE_CASE = "POST /v1/cases:next"
    DECIDE_CASE = "POST /v1/cases/{case_id}/decision"
    READ_APPEALS = "GET /v1/appeals"
    FILE_APPEAL = "POST /v1/appeals"
    TAKE_APPEAL = "POST /v1/appeals/{appeal_id}/assign"
    DECIDE_APPEAL = "POST /v1/appeals/{appeal_id}/decision"
    READ_REQUESTS = "GET /v1/requests"
    READ_BANKS = "GET /v1/banks"
    RELEASE_ENTRY = "POST /v1/banks/{bank}/entries/{entry}:release"
    READ_REPORTS = "GET /v1/reports/transparency"
    VERIFY_AUDIT = "GET /v1/audit/verify"
    REVEAL = "POST /v1/decisions/{decision_id}/evidence:reveal"


class Permissions:
    """The roles of each ``Can``, taken from the API routes at start-up."""

    def __init__(self, routes: Iterable[BaseRoute]) -> None:
        found: dict[str, frozenset[str]] = {}
        for route in routes:
            if isinstance(route, APIRoute):
                roles = roles_of(route)
                if roles is not None:
                    for method in route.methods or ():
                        found[f"{method} {route.path}"] = roles
        missing = [c.value for c in Can if c.value not in found]
        if missing:  # an API route was renamed: fail at start-up, not on a moderator's click
            raise RuntimeError(f"console permissions name unknown API routes: {missing}")
        self.roles = {c: found[c.value] for c in Can}

    def allows(self, key: ApiKey, what: Can) -> bool:
        """Whether the key's role may do it (the reveal also needs the key's permission)."""
        if key.role.value not in self.roles[what]:
            return False
        return key.raw_evidence if what is Can.REVEAL else True

    @property
    def sign_in_roles(self) -> frozenset[str]:
        """Roles that may sign in: those that may read the review queue."""
        return self.roles[Can.READ_CASES]


@dataclass(frozen=True, slots=True)
class Viewer:
    """A signed-in key, its session, and what it may do."""

    key: ApiKey
    session: Session
    permissions: Permissions

    @property
    def actor(self) -> str:
        """The identity the key acts under in cases, appeals and the audit log (as in the API)."""
        return f"key:{self.key.id}"

    def can(self, what: Can | str) -> bool:
        """Whether this viewer may do ``what`` (templates pass the member's name)."""
        chosen = what if isinstance(what, Can) else Can[what]
        return self.permissions.allows(self.key, chosen)
