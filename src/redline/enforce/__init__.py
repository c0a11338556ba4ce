"""Enforce: verdict + account history + profile -> actions, strike, statement. Pure: no I/O."""

from redline.enforce.action import Action, Plan, plan
from redline.enforce.decision import Decision, judge
from redline.enforce.profile import AccountState, ActionType, Profile, load_profile
from redline.enforce.reasons import StatementOfReasons
from redline.enforce.redaction import redact
from redline.enforce.strikes import History, Standing, Strike, standing

__all__ = [
    "AccountState",
    "Action",
    "ActionType",
    "Decision",
    "History",
    "Plan",
    "Profile",
    "Standing",
    "StatementOfReasons",
    "Strike",
    "judge",
    "load_profile",
    "plan",
    "redact",
    "standing",
]
