"""The recognizer contract: one small class per family of private data.

A recognizer is mostly data (patterns, cue words) plus a validation hook, in Presidio's shape
without its weight: no NLP pipeline, no per-call configuration. Every pattern is written with
bounded quantifiers only, so each start position costs a bounded amount of work and a whole scan
is linear in the text's length, whatever an adversary sends.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from redline.detect.pii.candidate import Candidate
from redline.detect.pii.masking import mask

_ASCII_DIGITS = "0123456789"
_NON_ASCII_DIGIT = re.compile(r"(?![0-9])\d")


@dataclass(frozen=True, slots=True)
class TextFacts:
    """Cheap facts about a text, computed once per scan and shared by every recognizer."""

    digits: int
    lowered: str  # for substring probes only: lower() may change lengths, so never for offsets

    @classmethod
    def of(cls, text: str) -> TextFacts:
        """Count digits with C-level ``str.count`` (Unicode digits only when the text has any)."""
        digits = sum(map(text.count, _ASCII_DIGITS))
        if not text.isascii():
            digits += len(_NON_ASCII_DIGIT.findall(text))  # rare: full-width, Arabic-Indic
        return cls(digits=digits, lowered=text.lower())

    def has_any(self, probes: tuple[str, ...]) -> bool:
        """Whether any probe occurs in the lower-cased text: a C-speed gate before a regex."""
        lowered = self.lowered
        return any(probe in lowered for probe in probes)


class Recognizer(ABC):
    """Finds candidates for one or a few entity types in a text."""

    name: ClassVar[str]
    version: ClassVar[str]
    entities: ClassVar[tuple[str, ...]]

    def applies(self, text: str, facts: TextFacts) -> bool:
        """Cheap pre-check: False when the text cannot hold this recognizer's entities.

        Most private data holds digits or an ``@``; skipping recognizers on texts that have none
        is most of Redline's speed on ordinary posts.
        """
        return True

    def mask(self, entity: str, raw: str) -> str:
        """The masked form shown instead of ``raw``; only called for reported findings."""
        return mask(entity, raw)

    def normalise(self, raw: str) -> str:
        """The canonical value hashed when a candidate did not compute one itself."""
        return " ".join(raw.lower().split())

    @abstractmethod
    def find(self, text: str) -> Iterator[Candidate]:
        """Yield candidates with scores before the reporting threshold is applied."""
