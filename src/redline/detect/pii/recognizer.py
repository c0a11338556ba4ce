"""The recognizer contract: one small class per family of private data.

A recognizer is mostly data (patterns, cue words) plus a validation hook, in Presidio's shape
without its weight: no NLP pipeline, no per-call configuration. Every pattern is written with
bounded quantifiers only, so each start position costs a bounded amount of work and a whole scan
is linear in the text's length, whatever an adversary sends.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import ClassVar

from redline.detect.pii.candidate import Candidate


class Recognizer(ABC):
    """Finds candidates for one or a few entity types in a text."""

    name: ClassVar[str]
    version: ClassVar[str]
    entities: ClassVar[tuple[str, ...]]

    def applies(self, text: str) -> bool:
        """Cheap pre-check: False when the text cannot hold this recognizer's entities.

        Most private data holds digits or an ``@``; skipping recognizers on texts that have none
        is most of Redline's speed on ordinary posts.
        """
        return True

    @abstractmethod
    def find(self, text: str) -> Iterator[Candidate]:
        """Yield candidates with scores before the reporting threshold is applied."""
