"""The recognizer contract: one small class per family of private data.

A recognizer is mostly data (patterns, cue words) plus a validation hook, in Presidio's shape
without its weight: no NLP pipeline, no per-call configuration. Every pattern is written with
bounded quantifiers only, so each start position costs a bounded amount of work and a whole scan
is linear in the text's length, whatever an adversary sends.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from typing import ClassVar

from redline.detect.pii.candidate import Candidate
from redline.detect.pii.masking import mask
from redline.detect.pii.probes import ProbeHits, Probes, probe_hits

_DIGIT_RUN = re.compile(r"\d+")
_LETTER_RUN = re.compile(r"[a-z]+")
_span = re.Match.span
# What may stand between two runs of one grouped number; "A" and "B" for Corsica's department
# in a French NIR ("1 51 03 2A 490 565 54").
_JOINS = frozenset(" \u00a0.-/)AaBb")


class TextFacts:
    """Cheap facts about a text, computed once per scan and shared by every recognizer.

    Most texts are short, so a scan's cost is dominated by how many regex passes and Python steps
    run over it, not by how long each takes: a pass over a 75-character post costs a microsecond
    whatever it finds. So the text is read once for its digit runs and once for the probe words
    of every gate and cue (``probes``). The lengths of the runs say which number shapes are
    possible at all (an SSN needs runs of 3, 2 and 4 digits; a card a run of 4 or of 13 or more),
    which lets a recognizer skip its patterns with a set lookup; where the runs start is where a
    pattern that opens with a digit can match (``anchored``).
    """

    __slots__ = (
        "_chains",
        "_words",
        "digits",
        "hints",
        "longest",
        "probes",
        "regions",
        "runs",
        "spans",
    )

    def __init__(self, text: str, regions: tuple[str, ...] = ("US",)) -> None:
        # (start, end) of each maximal run of (Unicode) digits
        self.spans: list[tuple[int, int]] = list(map(_span, _DIGIT_RUN.finditer(text)))
        lengths = [end - start for start, end in self.spans]
        self.digits = sum(lengths)
        self.runs = frozenset(lengths)  # the distinct lengths of the runs
        self.longest = max(lengths) if lengths else 0
        self.probes: ProbeHits = probe_hits(text)  # where every gate's and cue's words occur
        self._words: list[str] | None = None
        self._chains: list[int] | None = None
        # the scan's default phone regions (``PiiOptions.phone_regions``): a hint, not a fact
        self.regions = regions
        # answers about the text that several recognizers ask (``phone_regions.foreign``),
        # by name: computed by the first to ask, so a text pays for each once
        self.hints: dict[str, bool] = {}

    @classmethod
    def of(cls, text: str) -> TextFacts:
        """The facts of ``text``."""
        return cls(text)

    @property
    def lowered(self) -> str:
        """The text lower-cased, for substring tests only: lower() may change lengths."""
        return self.probes.lowered

    @property
    def words(self) -> list[str]:
        """The lower-cased runs of ASCII letters, computed on first use (street types ask)."""
        if self._words is None:
            self._words = _LETTER_RUN.findall(self.probes.lowered)
        return self._words

    def chains(self, text: str) -> list[int]:
        """For each digit run, the digits of the runs from it on that separators join.

        Two runs are joined when one to three characters of ``" .-/)"`` (or NBSP, or the "A" or
        "B" of a Corsican NIR) stand between them, as in "030/101396", "(030) 10 13 96",
        "123.456.789-09". Every grouped number the recognizers read is such a chain, so a run
        whose chain holds fewer digits than a shape needs cannot start one: an upper bound,
        computed on first use, that lets a recognizer skip its pattern at most runs of a post
        (dates, prices, times).
        """
        if self._chains is None:
            spans = self.spans
            chains = [0] * len(spans)
            carried = 0
            for i in range(len(spans) - 1, -1, -1):
                start, end = spans[i]
                if carried:
                    after = spans[i + 1][0]  # where the next run starts
                    if after - end > 3 or not _JOINS.issuperset(text[end:after]):
                        carried = 0
                carried += end - start
                chains[i] = carried
            self._chains = chains
        return self._chains

    def has_runs(self, lengths: frozenset[int]) -> bool:
        """Whether the text has digit runs of every one of these lengths."""
        return lengths <= self.runs

    def has_any(self, probes: Probes) -> bool:
        """Whether any of the probe words occurs in the text: a set lookup before a regex."""
        return self.probes.any(probes)

    def run_starts(self, shortest: int = 1, longest: int = 1 << 30) -> list[int]:
        """Where the digit runs of ``shortest`` to ``longest`` digits start, in text order."""
        return [s for s, e in self.spans if shortest <= e - s <= longest]


def anchored(
    pattern: re.Pattern[str], text: str, starts: Iterable[int], end: int | None = None
) -> Iterator[re.Match[str]]:
    r"""``pattern.finditer(text, 0, end)``, trying the pattern only at ``starts`` (ascending).

    The same matches as ``finditer`` whenever every match the pattern can make starts at one of
    ``starts``: a pattern that opens with a digit after a look-behind such as ``(?<![\w.])`` can
    only start where a digit run starts, a cue phrase only where its first word does. Like
    ``finditer``, a match hides the starts inside it. Look-behinds still see the text before a
    start: ``match(text, pos)`` only moves the start.
    """
    stop = len(text) if end is None else end
    done = 0
    for start in starts:
        if start < done:
            continue
        found = pattern.match(text, start, stop)
        if found is not None:
            done = found.end()
            yield found


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
    def find(self, text: str, facts: TextFacts) -> Iterator[Candidate]:
        """Yield candidates with scores before the reporting threshold is applied.

        ``facts`` are the text's ``TextFacts``: patterns that start with a digit run ``anchored``
        at its digit runs rather than over the whole text.
        """
