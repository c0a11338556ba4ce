"""Policy packs: versioned rules, written as YAML data and validated on load.

A rule is a predicate on signals (which kinds and types, how confident, how many, what else must
appear in the same content), the exceptions it honours, and what the notice tells the author. There
is no rule language to learn and nothing to execute: ``decide`` reads these models. Every rule also
carries its EU DSA statement-of-reasons mapping so a later export needs no second table.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from redline.decide.dsa import DsaCategory
from redline.decide.yamlfile import Loc, load_model, parse_model
from redline.detect.finding import SignalKind


class Severity(StrEnum):
    """How grave a violation is; ordered, so profiles can say "high or worse"."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        """Position in the order low < medium < high < critical."""
        return list(Severity).index(self)


class Exemption(StrEnum):
    """Exceptions a rule may honour. Newsworthiness is only ever granted by a human on a case."""

    SELF_DISCLOSURE = "self_disclosure"
    PUBLIC_ADDRESS = "public_address"
    ALREADY_REDACTED = "already_redacted"
    NEWSWORTHY = "newsworthy"


_DSA_KEYWORD = re.compile(r"^KEYWORD_[A-Z0-9_]+$")
_RULE_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")

Score = Annotated[float, Field(ge=0.0, le=1.0)]


class _Strict(BaseModel):
    """Unknown keys are mistakes (a misspelt ``exceptions`` must not silently disable them)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Trigger(_Strict):
    """Which signals make a rule fire.

    ``kinds`` and ``types`` select the primary signals; at least ``count`` of them must remain
    after exceptions. ``with_any`` / ``with_all`` name types that must also appear (after
    exceptions) somewhere in the same content: "a partial SSN together with a name or an address".
    """

    kinds: tuple[SignalKind, ...] = Field(min_length=1)
    types: tuple[str, ...] = Field(min_length=1)
    min_score: Score = 0.5
    count: int = Field(default=1, ge=1, le=1_000_000)
    with_any: tuple[str, ...] = ()
    with_all: tuple[str, ...] = ()

    @field_validator("kinds", mode="before")
    @classmethod
    def _one_kind_is_a_list(cls, value: object) -> object:
        return (value,) if isinstance(value, str) else value

    @field_validator("types", "with_any", "with_all", mode="before")
    @classmethod
    def _one_type_is_a_list(cls, value: object) -> object:
        return (value,) if isinstance(value, str) else value


class Rule(_Strict):
    """One written rule of a policy pack."""

    id: str
    title: str = Field(min_length=1)
    text: str = Field(min_length=1, description="User-facing text cited in notices.")
    severity: Severity
    trigger: Trigger
    exceptions: tuple[Exemption, ...] = ()
    on_detector_failure: Literal["skip", "review"] = "review"
    review_below_score: Score | None = Field(
        default=None, description="Signals scoring below this send the violation to a human."
    )
    detectors: tuple[str, ...] = Field(
        default=(), description="Detectors whose failure matters to this rule; empty means any."
    )
    dsa_category: DsaCategory
    dsa_keywords: tuple[str, ...] = ()
    dsa_legal_ground: str | None = Field(
        default=None,
        max_length=500,
        description="The law a breach violates, when it is illegal content (DSA decision ground"
        " ILLEGAL_CONTENT); empty means the ground is the platform's terms (INCOMPATIBLE_CONTENT).",
    )

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _RULE_ID.match(value):
            raise ValueError("rule id must be lower case letters, digits, '.', '_' or '-'")
        return value

    @field_validator("dsa_category", mode="before")
    @classmethod
    def _known_category(cls, value: object) -> object:
        # before pydantic's own check, whose message would list all twenty values
        if value not in set(DsaCategory):
            raise ValueError(f"unknown DSA category {value!r} (expected STATEMENT_CATEGORY_...)")
        return value

    @field_validator("dsa_keywords")
    @classmethod
    def _keyword_shape(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for keyword in value:
            if not _DSA_KEYWORD.match(keyword):
                raise ValueError(f"DSA keyword {keyword!r} must look like KEYWORD_...")
        return value


class Facts(_Strict):
    """Shared data the exceptions consult: cue words and known public addresses.

    Cues are matched case-insensitively in the ``cue_window`` characters right before a span.
    ``public_address_digests`` are keyed hashes of addresses known to be public (offices, HQs).
    """

    self_disclosure_cues: tuple[str, ...] = ()
    public_address_cues: tuple[str, ...] = ()
    public_address_digests: frozenset[str] = frozenset()
    cue_window: int = Field(default=40, ge=1, le=400)


class Policy(_Strict):
    """A versioned policy pack: the written rules one platform enforces."""

    id: str = Field(min_length=1)
    version: str = Field(min_length=1)
    effective: date
    title: str = ""
    appeal: str = Field(min_length=1, description="How to appeal, quoted in every notice.")
    facts: Facts = Facts()
    review_at_severity: Severity | None = Field(
        default=None,
        description="Confirmed violations this severe or worse also open a case for a person.",
    )
    rules: tuple[Rule, ...] = Field(min_length=1)

    def problems(self) -> list[tuple[Loc, str]]:
        """Rule ids must be unique: decisions and strikes cite them."""
        seen: set[str] = set()
        found: list[tuple[Loc, str]] = []
        for index, rule in enumerate(self.rules):
            if rule.id in seen:
                found.append((("rules", index, "id"), f"duplicate rule id {rule.id!r}"))
            seen.add(rule.id)
        return found

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id; KeyError when the pack has none."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    @property
    def ref(self) -> str:
        """``id@version``, the form stored on every decision."""
        return f"{self.id}@{self.version}"


DEFAULT_POLICY = "default.yaml"


def load_policy(path: Path | str | None = None) -> Policy:
    """Load a policy pack from a file, or the packaged default pack when ``path`` is None.

    Raises:
        ConfigError: the file is missing or invalid; the message names file, line and problem.
    """
    if path is None:
        return parse_policy(packaged_text(DEFAULT_POLICY), f"redline:policies/{DEFAULT_POLICY}")
    return load_model(Path(path), Policy)


def parse_policy(text: str, source: str = "<policy>") -> Policy:
    """Validate policy YAML given as text (``source`` names it in errors)."""
    return parse_model(text, Policy, source)


def packaged_text(name: str) -> str:
    """Text of a YAML file shipped in ``redline/policies`` (works from any cwd once installed)."""
    return resources.files("redline").joinpath("policies", name).read_text(encoding="utf-8")
