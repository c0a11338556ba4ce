"""Context cues: words near a match that raise or lower confidence.

A bare nine-digit number is nothing; after "SSN:" it is a Social Security number; after
"Order #" it is an order number. Cues are plain phrases compiled into one case-insensitive
alternation, searched only inside a short window around a candidate, so the cost per candidate is
bounded and independent of the text's length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def phrase_pattern(phrases: Iterable[str]) -> str:
    """One regex alternation for the phrases, longest first, spaces matching any whitespace."""
    parts = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    escaped = (re.escape(p).replace(r"\ ", r"\s+") for p in parts)
    return "(?:" + "|".join(escaped) + ")"


class Cue:
    """A set of context phrases looked for within a window before and after a span."""

    __slots__ = ("_pattern", "_probes", "_seen", "after", "before")

    def __init__(self, phrases: Iterable[str], *, before: int = 48, after: int = 24) -> None:
        phrases = list(phrases)
        # Plain substring probes (each phrase's first word) rule most windows out before the
        # regex runs: ``in`` on a short string is far cheaper than a long alternation.
        self._probes = tuple({p.lower().split()[0] for p in phrases})
        self._pattern = re.compile(
            r"(?<![^\W_])" + phrase_pattern(phrases) + r"(?![^\W_])", re.IGNORECASE
        )
        self.before = before
        self.after = after
        # (text, whether any probe occurs anywhere in it): a text with no cue word at all, such
        # as a megabyte of addresses, then costs one probe pass instead of one per candidate.
        # Replaced as one tuple, so concurrent scans never pair a text with another's answer.
        self._seen: tuple[str, bool] = ("", False)

    def _anywhere(self, text: str) -> bool:
        seen = self._seen
        if seen[0] is text:
            return seen[1]
        found = self._probe(text)
        self._seen = (text, found)
        return found

    def before_span(self, text: str, start: int) -> re.Match[str] | None:
        """The cue nearest to ``start`` within the window before it, if any."""
        window_start = max(0, start - self.before)
        if not self._anywhere(text) or not self._probe(text[window_start:start]):
            return None
        last = None
        for match in self._pattern.finditer(text, window_start, start):
            last = match
        return last

    def after_span(self, text: str, end: int) -> re.Match[str] | None:
        """The first cue within the window after ``end``, if any."""
        window_end = min(len(text), end + self.after)
        if not self.after or not self._anywhere(text) or not self._probe(text[end:window_end]):
            return None
        return self._pattern.search(text, end, window_end)

    def _probe(self, window: str) -> bool:
        lowered = window.lower()
        return any(probe in lowered for probe in self._probes)

    def near(self, text: str, start: int, end: int) -> str | None:
        """The cue phrase found around the span (nearest before, else first after), lower-cased."""
        found = self.before_span(text, start) or self.after_span(text, end)
        return found.group(0).lower() if found else None
