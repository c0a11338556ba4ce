"""Banks and bank entries: the in-memory shape of known material, as a store persists it.

These are plain frozen values with every provenance field the store keeps (who added what, when,
from where, and why), so a repository can write them as rows and read them back, and an index can
be rebuilt from them at any time. Hashes and fingerprints are derived data: the store may keep them
to avoid re-reading files, but they never replace the provenance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

__all__ = [
    "FLOOR_CHARS",
    "FOREIGN_STATE_OPERATION",
    "HACKED_MATERIAL",
    "Bank",
    "BankEntry",
    "EntryKind",
    "ExcerptRule",
    "validate_designation",
]

HACKED_MATERIAL = "hacked_material"
FOREIGN_STATE_OPERATION = "foreign_state_operation"
_DESIGNATION = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


def validate_designation(value: str) -> str:
    """Return ``value`` if it is a lower_snake designation, else raise ValueError."""
    if not _DESIGNATION.match(value):
        raise ValueError(f"designation must be lower_snake_case, 1-64 characters: {value!r}")
    return value


class EntryKind(StrEnum):
    """What a bank entry holds and so which index answers for it."""

    DOCUMENT = "document"
    IMAGE = "image"
    URL = "url"
    URL_PREFIX = "url_prefix"
    DOMAIN = "domain"


# The shortest passage that can ever count as an excerpt, in characters of the document as people
# read it (the characters of words a post blacked out count: the post stands in for them). Stock
# phrases, sign-offs and slot-filled sentence frames are shorter; no setting goes below this.
FLOOR_CHARS = 80


@dataclass(frozen=True, slots=True)
class ExcerptRule:
    """When a shared passage counts as an excerpt of a bank document; configurable per bank.

    ``min_chars`` is in characters of the document text (spaces and punctuation included, words
    under a post's redaction marks included) and can be raised, never set below ``FLOOR_CHARS``.
    ``min_matched`` is how many letters and digits of it must actually agree. ``max_distance`` is
    the share of compared characters that may differ inside the passage (OCR noise, look-alikes);
    characters under a redaction mark are not compared. ``split_edits`` is the largest rewrite
    between two shared fingerprints that still counts as one passage: OCR noise between two
    intact fingerprints is one or two edits, while another name or date in a sentence frame is
    more, so frames shared with other slot values split into phrase-sized pieces that are too
    short to count. ``max_gap`` and ``max_drift`` bound how far apart (in the post) and how far
    off the diagonal (redaction gaps, insertions) two fingerprints of one passage may be.

    Candidates: a document becomes one when ``min_seeds`` of its rare fingerprints (found in
    fewer than ``rare_docs`` documents) lie on one diagonal of the post and spread over at least
    ``min_spread`` characters; at most ``max_candidates`` documents (those with the most seeds on
    one diagonal) are verified per post, which bounds the cost of a query in a large bank.

    Specificity (what the score counts): a stretch of at least ``min_chars`` whose fingerprints
    are all in at least ``boilerplate_docs`` documents and ``boilerplate_share`` of the bank is
    boilerplate (a letterhead, a disclaimer) and does not count towards a passage's length. A
    shorter stretch shared with other documents of the bank (under ``stock_chars`` compact
    letters: a stock sentence, a sign-off, a quoted public statement) and any k-gram found in
    ``background_share`` of the ordinary texts the background model learned (and in
    ``background_min`` at least) count as house style, not as evidence. A match needs
    ``min_specific`` letters (three or four words) specific to the document: where a formula
    meets another slot value ("... said on July 11, 2026: ...") a few letters look specific
    without being any evidence. ``min_score``
    is the weakest calibrated score reported at all (the policy's own threshold decides what
    acts).
    """

    min_chars: int = FLOOR_CHARS
    min_matched: int = 40
    min_seeds: int = 2
    max_distance: float = 0.15
    split_edits: int = 3
    max_gap: int = 64
    max_drift: int = 64
    boilerplate_docs: int = 5
    boilerplate_share: float = 0.001
    rare_docs: int = 128
    min_spread: int = 20
    max_candidates: int = 8
    stock_chars: int = 200
    background_share: float = 0.001
    background_min: int = 8
    min_specific: int = 20
    min_score: float = 0.5

    def __post_init__(self) -> None:
        if self.max_candidates < 1:
            raise ValueError("excerpt rule: max_candidates >= 1")
        if self.min_chars < FLOOR_CHARS:
            raise ValueError(f"excerpt rule: min_chars can be raised, never below {FLOOR_CHARS}")
        if self.min_matched < 16 or self.min_seeds < 1 or self.boilerplate_docs < 2:
            raise ValueError(
                "excerpt rule: min_matched >= 16, min_seeds >= 1, boilerplate_docs >= 2"
            )
        if not 0.0 <= self.boilerplate_share <= 1.0 or not 0.0 <= self.background_share <= 1.0:
            raise ValueError(
                "excerpt rule: boilerplate_share and background_share must be in [0, 1]"
            )
        if self.rare_docs < self.boilerplate_docs:
            raise ValueError("excerpt rule: rare_docs must be >= boilerplate_docs")
        if not 0.0 <= self.max_distance < 1.0:
            raise ValueError("excerpt rule: max_distance must be in [0, 1)")
        if not 0.0 <= self.min_score <= 1.0:
            raise ValueError("excerpt rule: min_score must be in [0, 1]")

    @classmethod
    def stored(cls, values: dict[str, object]) -> ExcerptRule:
        """A rule from its stored settings, written by any earlier version.

        Before the floor, ``min_chars`` counted compact letters (default 45): such a value is
        read as the floor. Settings this version does not know are ignored, so a store written
        by a newer version still opens.
        """
        known = {k: v for k, v in values.items() if k in cls.__dataclass_fields__}
        chars = known.get("min_chars")
        if isinstance(chars, int) and chars < FLOOR_CHARS:
            known["min_chars"] = FLOOR_CHARS
        return cls(**known)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Bank:
    """A named set of known material and how strictly to match it.

    Provenance: ``source`` (where the material came from), ``created_by``, ``created_at`` and a
    free note in ``description``. A negative bank's entries never produce matches; they suppress
    matches of other banks in the passages of a post they cover (a press release every memo
    quotes, the parts of a leak that were also published legitimately).
    """

    name: str
    designations: tuple[str, ...] = ()
    negative: bool = False
    excerpt: ExcerptRule = field(default_factory=ExcerptRule)
    pdq_threshold: int = 31
    description: str = ""
    created_by: str | None = None
    created_at: datetime | None = None
    source: str | None = None

    def __post_init__(self) -> None:
        if not re.match(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$", self.name):
            raise ValueError("bank name: 1-128 of letters, digits, '_', '.', '-'")
        for d in self.designations:
            validate_designation(d)
        if not 0 <= self.pdq_threshold <= 128:
            raise ValueError("pdq_threshold must be in [0, 128]")


@dataclass(frozen=True, slots=True)
class BankEntry:
    """One item of known material with its provenance.

    ``name`` is unique within its bank and is what matches report as ``entry``. ``designations``
    empty means "the bank's". ``value`` holds the canonical URL, URL prefix or domain for link
    entries; documents carry the SHA-256 of their bytes and of their normalised text; images carry
    a PDQ hash (hex) and its quality.
    """

    bank: str
    name: str
    kind: EntryKind
    designations: tuple[str, ...] = ()
    sha256: str | None = None
    text_sha256: str | None = None
    pdq: str | None = None
    pdq_quality: int | None = None
    value: str | None = None
    media_type: str | None = None
    size: int | None = None
    text_length: int | None = None
    source: str | None = None
    added_by: str | None = None
    added_at: datetime | None = None
    note: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """(bank, name): the identity of an entry."""
        return (self.bank, self.name)
