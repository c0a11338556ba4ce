"""The EU DSA Transparency Database statement of reasons (API v1), as a pydantic model.

Field names and allowed values are the database's own (``POST /api/v1/statement`` and
``/api/v1/statements``, which takes at most 100 statements a call), with its rules: at least one
restriction (visibility, monetary, provision, account); the ground's own fields required, the
other ground's forbidden; an ``_other`` text wherever ``..._OTHER`` is chosen; dates as
``YYYY-MM-DD`` in the database's ranges; length limits on every text. A statement that breaks
any of them is refused before it is written, never "fixed up" silently.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from redline.decide.dsa import DsaCategory

BATCH_LIMIT = 100

Visibility = Literal[
    "DECISION_VISIBILITY_CONTENT_REMOVED",
    "DECISION_VISIBILITY_CONTENT_DISABLED",
    "DECISION_VISIBILITY_CONTENT_DEMOTED",
    "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED",
    "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED",
    "DECISION_VISIBILITY_CONTENT_LABELLED",
    "DECISION_VISIBILITY_OTHER",
]
Monetary = Literal[
    "DECISION_MONETARY_SUSPENSION", "DECISION_MONETARY_TERMINATION", "DECISION_MONETARY_OTHER"
]
Provision = Literal[
    "DECISION_PROVISION_PARTIAL_SUSPENSION",
    "DECISION_PROVISION_TOTAL_SUSPENSION",
    "DECISION_PROVISION_PARTIAL_TERMINATION",
    "DECISION_PROVISION_TOTAL_TERMINATION",
]
AccountDecision = Literal["DECISION_ACCOUNT_SUSPENDED", "DECISION_ACCOUNT_TERMINATED"]
AccountType = Literal["ACCOUNT_TYPE_BUSINESS", "ACCOUNT_TYPE_PRIVATE"]
Ground = Literal["DECISION_GROUND_ILLEGAL_CONTENT", "DECISION_GROUND_INCOMPATIBLE_CONTENT"]
YesNo = Literal["Yes", "No"]
ContentType = Literal[
    "CONTENT_TYPE_APP",
    "CONTENT_TYPE_AUDIO",
    "CONTENT_TYPE_IMAGE",
    "CONTENT_TYPE_PRODUCT",
    "CONTENT_TYPE_SYNTHETIC_MEDIA",
    "CONTENT_TYPE_TEXT",
    "CONTENT_TYPE_VIDEO",
    "CONTENT_TYPE_OTHER",
]
SourceType = Literal[
    "SOURCE_ARTICLE_16",
    "SOURCE_TRUSTED_FLAGGER",
    "SOURCE_TYPE_OTHER_NOTIFICATION",
    "SOURCE_VOLUNTARY",
]
AutomatedDecision = Literal[
    "AUTOMATED_DECISION_FULLY", "AUTOMATED_DECISION_PARTIALLY", "AUTOMATED_DECISION_NOT_AUTOMATED"
]
Country = Literal[
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
    "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK",
]  # fmt: skip
EEA: tuple[str, ...] = Country.__args__  # type: ignore[attr-defined]

KEYWORD = re.compile(r"^KEYWORD_[A-Z0-9_]+$")
PUID = re.compile(r"^[A-Za-z0-9_-]+$")

Text500 = Annotated[str, Field(min_length=1, max_length=500)]
Text2000 = Annotated[str, Field(min_length=1, max_length=2000)]


def _day(value: str, earliest: date, field: str) -> str:
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{field} must be YYYY-MM-DD") from None
    if len(value) != 10 or not earliest <= parsed <= date(2038, 1, 1):
        raise ValueError(f"{field} must be a YYYY-MM-DD day from {earliest} to 2038-01-01")
    return value


class Statement(BaseModel):
    """One statement of reasons, exactly as the database accepts it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    decision_visibility: list[Visibility] | None = None
    decision_visibility_other: Text500 | None = None
    end_date_visibility_restriction: str | None = None
    decision_monetary: Monetary | None = None
    decision_monetary_other: Text500 | None = None
    end_date_monetary_restriction: str | None = None
    decision_provision: Provision | None = None
    end_date_service_restriction: str | None = None
    decision_account: AccountDecision | None = None
    end_date_account_restriction: str | None = None
    account_type: AccountType | None = None
    decision_ground: Ground
    decision_ground_reference_url: Text500 | None = None
    illegal_content_legal_ground: Text500 | None = None
    illegal_content_explanation: Text2000 | None = None
    incompatible_content_ground: Text500 | None = None
    incompatible_content_explanation: Text2000 | None = None
    incompatible_content_illegal: YesNo | None = None
    content_type: list[ContentType] = Field(min_length=1)
    content_type_other: Text500 | None = None
    category: DsaCategory
    category_addition: list[DsaCategory] | None = None
    category_specification: list[str] | None = None
    category_specification_other: Text500 | None = None
    territorial_scope: list[Country] = Field(min_length=1)
    content_language: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    content_date: str
    application_date: str
    decision_facts: str = Field(min_length=1, max_length=5000)
    source_type: SourceType
    source_identity: Text500 | None = None
    automated_detection: YesNo
    automated_decision: AutomatedDecision
    puid: str = Field(min_length=1, max_length=500)

    @field_validator("content_date")
    @classmethod
    def _content_date(cls, value: str) -> str:
        return _day(value, date(2000, 1, 1), "content_date")

    @field_validator("application_date")
    @classmethod
    def _application_date(cls, value: str) -> str:
        return _day(value, date(2020, 1, 1), "application_date")

    @field_validator(
        "end_date_visibility_restriction",
        "end_date_monetary_restriction",
        "end_date_service_restriction",
        "end_date_account_restriction",
    )
    @classmethod
    def _end_date(cls, value: str | None) -> str | None:
        return None if value is None else _day(value, date(2020, 1, 1), "end date")

    @field_validator("category_specification")
    @classmethod
    def _keywords(cls, value: list[str] | None) -> list[str] | None:
        for keyword in value or ():
            if not KEYWORD.match(keyword):
                raise ValueError(f"{keyword!r} is not a KEYWORD_... value")
        return value

    @field_validator("puid")
    @classmethod
    def _puid(cls, value: str) -> str:
        if not PUID.match(value):
            raise ValueError("puid may hold only letters, digits, '-' and '_'")
        return value

    @model_validator(mode="after")
    def _rules(self) -> Self:
        if not (
            self.decision_visibility
            or self.decision_monetary
            or self.decision_provision
            or self.decision_account
        ):
            raise ValueError(
                "a statement needs a visibility, monetary, provision or account decision"
            )
        illegal = self.decision_ground == "DECISION_GROUND_ILLEGAL_CONTENT"
        own = (
            ("illegal_content_legal_ground", "illegal_content_explanation")
            if illegal
            else ("incompatible_content_ground", "incompatible_content_explanation")
        )
        other = (
            ("incompatible_content_ground", "incompatible_content_explanation",
             "incompatible_content_illegal")
            if illegal
            else ("illegal_content_legal_ground", "illegal_content_explanation")
        )  # fmt: skip
        for name in own:
            if getattr(self, name) is None:
                raise ValueError(
                    f"{name} is required when decision_ground is {self.decision_ground}"
                )
        for name in other:
            if getattr(self, name) is not None:
                raise ValueError(
                    f"{name} is not allowed when decision_ground is {self.decision_ground}"
                )
        pairs = (
            ("DECISION_VISIBILITY_OTHER" in (self.decision_visibility or ()),
             "decision_visibility_other"),
            (self.decision_monetary == "DECISION_MONETARY_OTHER", "decision_monetary_other"),
            ("CONTENT_TYPE_OTHER" in self.content_type, "content_type_other"),
        )  # fmt: skip
        for chosen, name in pairs:
            if chosen and getattr(self, name) is None:
                raise ValueError(f"{name} is required when ..._OTHER is chosen")
            if not chosen and getattr(self, name) is not None:
                raise ValueError(f"{name} is only allowed with ..._OTHER")
        for end, restriction in (
            (self.end_date_visibility_restriction, self.decision_visibility),
            (self.end_date_monetary_restriction, self.decision_monetary),
            (self.end_date_service_restriction, self.decision_provision),
            (self.end_date_account_restriction, self.decision_account),
        ):
            if end is not None and (not restriction or end < self.application_date):
                raise ValueError("an end date needs its restriction and cannot precede applying it")
        return self

    def to_api(self) -> dict[str, object]:
        """The JSON object to send: unset optional fields left out."""
        return self.model_dump(mode="json", exclude_none=True)


FIELDS: tuple[str, ...] = tuple(Statement.model_fields)
