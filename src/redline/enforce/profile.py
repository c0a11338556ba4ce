"""Enforcement profiles: how one platform answers violations, as YAML data.

Two platforms facing the same hacked dossier acted differently, one suspending and banning, the
other restricting sharing and keeping accounts up. Both answers are configuration of the same
engine: a profile maps a violation (its rule and severity, and the strikes the account already
has) to content actions, weighs a strike, and turns the account's active strikes into a state
through a ladder.
"""

from __future__ import annotations

from enum import StrEnum
from fnmatch import fnmatchcase
from importlib import resources
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from redline.decide.policy import Severity
from redline.decide.yamlfile import Loc, load_model, parse_model
from redline.errors import ConfigError


class ActionType(StrEnum):
    """What a platform can do; listed in the order actions are reported."""

    BLOCK_LINK = "block_link"
    REMOVE_CONTENT = "remove_content"
    RESTRICT_SHARING = "restrict_sharing"
    LIMIT_VISIBILITY = "limit_visibility"
    LABEL = "label"
    REQUEST_REDACTION = "request_redaction"
    SUSPEND = "suspend"
    BAN = "ban"


# Account actions come from the ladder, never from a response: a response acts on content.
CONTENT_ACTIONS = tuple(a for a in ActionType if a not in (ActionType.SUSPEND, ActionType.BAN))


class AccountState(StrEnum):
    """Where an account stands, from least to most restricted."""

    ACTIVE = "active"
    LIMITED = "limited"
    READ_ONLY = "read_only"
    SUSPENDED = "suspended"
    BANNED = "banned"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# Upper bounds of a profile's integers: past them a date overflows or a weight outgrows the
# store's 32-bit column, so a profile that names one is refused when it is loaded.
MAX_DAYS = 36_500  # a hundred years
MAX_WEIGHT = 1_000_000
Weight = Annotated[int, Field(ge=0, le=MAX_WEIGHT)]


class Response(_Strict):
    """Content actions for violations that match: rule id globs, a minimum severity, prior strikes.

    Responses are tried in order and the first that matches a violation gives its actions.
    """

    rules: tuple[str, ...] = ("*",)
    severity_at_least: Severity = Severity.LOW
    strikes_at_least: int = Field(default=0, ge=0, le=MAX_WEIGHT)
    actions: tuple[ActionType, ...] = Field(min_length=1)

    def matches(self, rule_id: str, severity: Severity, prior_strikes: int) -> bool:
        """Whether this response applies to a violation of ``rule_id`` at ``severity``."""
        return (
            any(fnmatchcase(rule_id, pattern) for pattern in self.rules)
            and severity.rank >= self.severity_at_least.rank
            and prior_strikes >= self.strikes_at_least
        )


class Step(_Strict):
    """One rung of the ladder: from ``at`` active strike weight, the account is in ``state``.

    A ``permanent`` step counts every strike not voided, expired or not, so a ban does not lapse
    by itself; only a successful appeal (which voids strikes) lifts it.
    """

    at: int = Field(ge=0, le=MAX_WEIGHT)
    state: AccountState
    days: int | None = Field(default=None, gt=0, le=MAX_DAYS, description="Suspension length.")
    permanent: bool = False


class StrikePolicy(_Strict):
    """How heavy a strike is and how long it stays active."""

    expire_days: int = Field(default=365, gt=0, le=MAX_DAYS)
    weights: dict[Severity, Weight] = Field(
        default_factory=lambda: {s: 1 for s in Severity},
        description="Weight of a strike by the severity of the worst violation.",
    )
    rule_weights: dict[str, Weight] = Field(
        default_factory=dict, description="Overrides by rule id."
    )

    def weight(self, rule_id: str, severity: Severity) -> int:
        """Weight of a strike for a violation of ``rule_id`` at ``severity``."""
        if rule_id in self.rule_weights:
            return self.rule_weights[rule_id]
        return self.weights.get(severity, 1)


class Profile(_Strict):
    """A platform's enforcement profile."""

    id: str = Field(min_length=1)
    version: str = Field(min_length=1)
    title: str = ""
    responses: tuple[Response, ...] = Field(min_length=1)
    pending_review: tuple[ActionType, ...] = Field(
        default=(), description="Content actions while a human has not yet reviewed."
    )
    strikes: StrikePolicy = StrikePolicy()
    ladder: tuple[Step, ...] = Field(min_length=1)

    def problems(self) -> list[tuple[Loc, str]]:
        """Cross-field checks: the ladder starts at 0, climbs, and suspensions say how long."""
        found: list[tuple[Loc, str]] = []
        if self.ladder[0].at != 0:
            found.append((("ladder", 0, "at"), "the ladder must start at 0"))
        for index, step in enumerate(self.ladder):
            if index and step.at <= self.ladder[index - 1].at:
                found.append((("ladder", index, "at"), "ladder steps must climb strictly"))
            if step.state is AccountState.SUSPENDED and step.days is None:
                found.append((("ladder", index), "a suspended step needs 'days'"))
        for index, response in enumerate(self.responses):
            for action in response.actions:
                if action not in CONTENT_ACTIONS:
                    found.append(
                        (
                            ("responses", index, "actions"),
                            f"{action} comes from the ladder, not from a response",
                        )
                    )
        for action in self.pending_review:
            if action not in CONTENT_ACTIONS:
                found.append((("pending_review",), f"{action} is not a content action"))
        return found

    def actions_for(self, rule_id: str, severity: Severity, prior: int) -> tuple[ActionType, ...]:
        """Content actions of the first response matching the violation; none when none does."""
        for response in self.responses:
            if response.matches(rule_id, severity, prior):
                return response.actions
        return ()

    @property
    def ref(self) -> str:
        """``id@version``, the form stored on every decision."""
        return f"{self.id}@{self.version}"


SHIPPED_PROFILES = ("strict", "contain")


def load_profile(name_or_path: str | Path) -> Profile:
    """A shipped profile by name (``strict``, ``contain``) or a custom one from a YAML file.

    Raises:
        ConfigError: unknown name, missing file, or invalid profile (file, line and problem).
    """
    if isinstance(name_or_path, str) and name_or_path in SHIPPED_PROFILES:
        source = resources.files("redline").joinpath("policies", f"{name_or_path}.yaml")
        return parse_model(source.read_text(encoding="utf-8"), Profile, f"redline:{name_or_path}")
    path = Path(name_or_path)
    if not path.exists():
        shipped = ", ".join(SHIPPED_PROFILES)
        raise ConfigError(f"{path}: no such profile file (shipped profiles: {shipped})")
    return load_model(path, Profile)
