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

_DIGIT_RUN = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class TextFacts:
    """Cheap facts about a text, computed once per scan and shared by every recognizer.

    Most texts are short, so a scan's cost is dominated by how many regexes run over it, not by
    how long each takes. The lengths of the text's digit runs say which number shapes are even
    possible (an SSN needs runs of 3, 2 and 4 digits; a card a run of 4 or of 13 or more), which
    lets a recognizer skip its regexes with a set lookup.
    """

    digits: int
    runs: frozenset[int]  # the distinct lengths of maximal runs of (Unicode) digits
    longest: int
    lowered: str  # for substring probes only: lower() may change lengths, so never for offsets

    @classmethod
    def of(cls, text: str) -> TextFacts:
        """One C-level pass for the digit runs; everything else is derived from them."""
        lengths = list(map(len, _DIGIT_RUN.findall(text)))
        return cls(
            digits=sum(lengths),
            runs=frozenset(lengths),
            longest=max(lengths, default=0),
            lowered=text.lower(),
        )

    def has_runs(self, *lengths: int) -> bool:
        """Whether the text has digit runs of every one of these lengths."""
        return all(n in self.runs for n in lengths)

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
