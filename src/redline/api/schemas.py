"""Request and response bodies of the HTTP API (pydantic), as OpenAPI publishes them.

Requests are strict: unknown fields, wrong types, lone surrogates and NUL characters are refused
with the field named, before anything is stored. Responses mirror the stored decision document.
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field

from redline.content import Attachment, Content
from redline.enforce.profile import MAX_WEIGHT


def _clean(value: str) -> str:
    """Refuse text no store can keep: NUL characters and unpaired UTF-16 surrogates."""
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode (unpaired surrogate)") from None
    return value


Text = Annotated[str, AfterValidator(_clean)]
# Every integer the API publishes has an upper bound (clients in languages with fixed-width
# integers know what to expect): counts fit the store's 64-bit columns.
Count = Annotated[int, Field(ge=0, le=2**63 - 1)]
Name = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_clean)]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _base64(value: str) -> bytes:
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("must be base64") from None


class AttachmentIn(_Request):
    """A file attached to the content: text, PDF, DOCX, HTML or an image."""

    media_type: Annotated[Text, Field(min_length=1, max_length=100)]
    data_base64: Annotated[str, AfterValidator(_base64)] = Field(
        description="The file's bytes, base64 (the body size limit bounds it)."
    )
    filename: Annotated[Text, Field(max_length=255)] | None = None


class ContentIn(_Request):
    """One item to moderate. Only ``id`` and ``text`` are required."""

    id: Name = Field(description="The platform's content id; the same id twice is one decision.")
    text: Text = Field(description="The post's text.")
    author_id: Name | None = Field(default=None, description="The author's account id.")
    urls: list[Annotated[Text, Field(max_length=4096)]] = Field(
        default_factory=list, max_length=200, description="Links in the post."
    )
    created_at: AwareDatetime | None = Field(default=None, description="When it was posted.")
    surface: Annotated[Text, Field(max_length=100)] | None = Field(
        default=None, description="Where it was posted (feed, comment, message ...)."
    )
    attachments: list[AttachmentIn] = Field(default_factory=list, max_length=20)

    def to_content(self) -> Content:
        """The pipeline's content type."""
        return Content(
            id=self.id,
            text=self.text,
            author_id=self.author_id,
            urls=tuple(self.urls),
            created_at=self.created_at,
            surface=self.surface,
            attachments=tuple(
                Attachment(a.data_base64, a.media_type, a.filename)  # type: ignore[arg-type]
                for a in self.attachments
            ),
        )


class BatchIn(_Request):
    """Several items, each moderated as its own unit of work (at most ``REDLINE_API_BATCH_MAX``)."""

    items: list[ContentIn] = Field(min_length=1)


class SignalOut(BaseModel):
    """One piece of evidence, masked."""

    kind: str
    type: str
    location: dict[str, Any]
    score: float
    masked: str
    detector: str
    detector_version: str
    digest: str | None = None
    evidence: str = ""


class ViolationOut(BaseModel):
    """A rule broken, with the signals that prove it."""

    rule: str
    severity: str
    needs_review: bool
    signals: list[SignalOut] = Field(
        description="The first signals of each part (REDLINE_OUTPUT_MAX_FINDINGS per part)."
    )
    signals_omitted: dict[str, Count] = Field(
        default_factory=dict, description="Per part, the signals not listed (absent when none)."
    )


class ActionOut(BaseModel):
    """One action the profile planned."""

    model_config = ConfigDict(extra="allow")

    type: str
    rules: list[str]
    until: datetime | None = None


class DecisionOut(BaseModel):
    """A stored decision: violations, actions, standing, statement of reasons, versions."""

    model_config = ConfigDict(extra="allow")

    decision_id: str
    content_id: str
    account_id: str | None
    policy: str
    profile: str
    decided_at: datetime
    decided_by: str
    automated_detection: bool
    automated_decision: bool
    needs_review: bool
    violations: list[ViolationOut]
    actions: list[ActionOut]
    account: dict[str, Any]
    reasons: str


class BatchResult(BaseModel):
    """The outcome for one item of a batch."""

    id: str
    created: bool = Field(description="False when the id had been decided before.")
    case: str | None = Field(
        default=None, description="The case opened for it, when the policy sends it to people."
    )
    decision: DecisionOut


class BatchOut(BaseModel):
    """Outcomes in the order of the items."""

    results: list[BatchResult]


class StrikeOut(BaseModel):
    """A strike on an account."""

    id: str
    rule: str
    weight: int = Field(ge=0, le=MAX_WEIGHT)
    issued: datetime
    expires: datetime
    decision_id: str
    voided: bool
    active: bool


class AccountOut(BaseModel):
    """An account's standing now, and its strikes."""

    id: str
    created_at: datetime
    state: str
    until: datetime | None
    profile: str | None
    registered_own_data: Count
    strikes: list[StrikeOut]
    active_strikes: Count | None = None


class RevealIn(_Request):
    """Why raw evidence is needed (kept in the audit event)."""

    reason: Annotated[Text, Field(min_length=1, max_length=200)]


class RevealedSignalOut(SignalOut):
    """A signal with its raw value, or null where the store no longer keeps it."""

    raw: str | None


class RevealOut(BaseModel):
    """Raw evidence of one decision."""

    decision_id: str
    content_id: str
    signals: list[RevealedSignalOut] = Field(
        description="The first signals of each part (REDLINE_OUTPUT_MAX_FINDINGS per part)."
    )
    signals_omitted: dict[str, Count] = Field(
        default_factory=dict, description="Per part, the signals not revealed (absent when none)."
    )


Role = Literal["ingest", "moderator", "admin", "auditor"]


class KeyIn(_Request):
    """A key to create."""

    role: Role
    name: Annotated[Text, Field(max_length=200)] = ""
    raw_evidence: bool = False


class KeyOut(BaseModel):
    """A key, never its secret."""

    id: str
    name: str
    role: str
    raw_evidence: bool
    created_at: datetime
    created_by: str
    revoked_at: datetime | None


class NewKeyOut(BaseModel):
    """A created key and its token, shown only in this answer."""

    key: KeyOut
    token: str


class ChainOut(BaseModel):
    """The audit check: the chain, and the decisions, strikes, cases and appeals it covers."""

    events: Count = Field(description="Events in the chain.")
    ok: bool
    problem: str | None = Field(None, description="The first problem found.")
    seq: Count | None = Field(None, description="The event where the chain breaks, if it does.")
    rows: Count = Field(0, description="Covered rows whose hashes were recomputed.")
    findings: list[str] = Field(
        default_factory=list,
        description="Every problem: rows edited, deleted or inserted, named by kind and id.",
    )
    checkpoints: Count = Field(0, description="Signed checkpoints checked (CLI only).")


class ProblemOut(BaseModel):
    """An RFC 9457 problem (``application/problem+json``)."""

    model_config = ConfigDict(extra="allow")

    type: str
    title: str
    status: int = Field(ge=400, le=599)
    detail: str | None = None
    instance: str | None = None
    field: str | None = None
    pointer: str | None = Field(
        default=None, description="Where the field sits in the request body (RFC 6901), if it does."
    )


class WebhookIn(_Request):
    """A webhook target to register: events of these types go to this address, signed."""

    url: Annotated[str, Field(min_length=1, max_length=2000)]
    events: Annotated[
        list[Annotated[str, Field(max_length=60)]], Field(min_length=1, max_length=20)
    ]
    platform: Annotated[Text, Field(min_length=1, max_length=100)] = "default"


class WebhookOut(BaseModel):
    """A registered target, never its secret."""

    id: str
    platform: str
    url: str
    events: list[str]
    created_at: datetime
    created_by: str
    removed: bool


class NewWebhookOut(WebhookOut):
    """A target just registered, with its ``whsec_`` signing secret (shown only here)."""

    secret: str


class DeliveryOut(BaseModel):
    """One event owed to one target: pending, delivered or dead, and the last try's result."""

    event_id: str
    type: str
    target_id: str
    status: str
    attempts: Count
    next_at: datetime
    last_result: str | None
    delivered_at: datetime | None


class EventOut(BaseModel):
    """One event of the outbox, as receivers get it, with its sequence number."""

    seq: Count
    id: str
    type: str
    timestamp: datetime
    data: dict[str, Any]
