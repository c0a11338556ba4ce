"""Context cues: words near a match that raise or lower confidence.

A bare nine-digit number is nothing; after "SSN:" it is a Social Security number; after
"Order #" it is an order number. Cues are plain phrases compiled into one case-insensitive
alternation, searched only inside a short window around a candidate, so the cost per candidate is
bounded and independent of the text's length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from redline.detect.pii.probes import Probes, probe_hits
from redline.detect.pii.recognizer import anchored


def phrase_pattern(phrases: Iterable[str]) -> str:
    """One regex alternation for the phrases, longest first, spaces matching any whitespace."""
    parts = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    escaped = (re.escape(p).replace(r"\ ", r"\s+") for p in parts)
    return "(?:" + "|".join(escaped) + ")"


def _unspaced(phrase: str) -> bool:
    """Whether a phrase is in kana, Han or Hangul.

    A test, not a regex: compiling a class of twenty thousand characters costs milliseconds at
    every start-up.
    """
    return any("\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in phrase)


# A cue asked about this many spans of one text indexes that text's cue words once (``_Index``).
_INDEX_AFTER = 16
_WORD_CHAR = re.compile(r"[^\W_]")  # what the phrases' look-arounds call a word character


class Cue:
    """A set of context phrases looked for within a window before and after a span."""

    __slots__ = ("_pattern", "_probes", "_state", "after", "before")

    def __init__(self, phrases: Iterable[str], *, before: int = 48, after: int = 24) -> None:
        phrases = list(phrases)
        # Each phrase's first word is a probe: a window without any of them cannot hold a cue,
        # and finding that out from the text's probe hits is far cheaper than the alternation.
        self._probes = Probes(p.lower().split()[0] for p in phrases)
        # Word boundaries mean nothing in scripts written without spaces ("電話は"): phrases in
        # them match anywhere.
        spaced = [p for p in phrases if not _unspaced(p)]
        unspaced = [p for p in phrases if _unspaced(p)]
        alternatives = [r"(?<![^\W_])" + phrase_pattern(spaced) + r"(?![^\W_])"] if spaced else []
        if unspaced:
            alternatives.append(phrase_pattern(unspaced))
        self._pattern = re.compile("|".join(alternatives), re.IGNORECASE)
        self.before = before
        self.after = after
        # (text, spans asked about, its index once built): replaced whole, never edited
        self._state: tuple[str, int, _Index | None] | None = None

    def before_span(self, text: str, start: int) -> re.Match[str] | None:
        """The cue nearest to ``start`` within the window before it, if any."""
        index = self._index(text)
        if index is not None:
            low = start - self.before if start > self.before else 0
            answered, found = index.before(text, low, start)
            if answered:
                return found
        last = None
        for match in self._matches(text, start - self.before if start > self.before else 0, start):
            last = match
        return last

    def after_span(self, text: str, end: int) -> re.Match[str] | None:
        """The first cue within the window after ``end``, if any."""
        if not self.after:
            return None
        stop = min(len(text), end + self.after)
        index = self._index(text)
        if index is not None:
            answered, found = index.after(text, end, stop)
            if answered:
                return found
        return next(self._matches(text, end, stop), None)

    def _index(self, text: str) -> _Index | None:
        """The text's cue index, built once the text has asked about enough spans."""
        state = self._state
        if state is None or state[0] is not text:
            self._state = (text, 1, None)
            return None
        _, asked, index = state
        if index is None:
            if asked < _INDEX_AFTER:
                self._state = (text, asked + 1, None)
                return None
            found = probe_hits(text).occurrences(self._probes)
            if found is None:
                return None  # lower() moved offsets: windows are searched (and counted) anew
            index = _Index(self._pattern, text, *found)
            self._state = (text, asked, index)
        return index

    def _matches(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """``finditer`` over the window, tried only where one of the cue's first words starts."""
        starts = probe_hits(text).starts_within(self._probes, start, end)
        if starts is None:
            return self._pattern.finditer(text, start, end)
        return anchored(self._pattern, text, starts, end) if starts else iter(())

    @property
    def probes(self) -> Probes:
        """The first words of the cue's phrases: a text without any of them holds no cue."""
        return self._probes

    def hits(self, text: str) -> CueHits:
        """Every match of the cue in ``text``, found in one pass for all candidates to share."""
        return CueHits(self, text)

    def near(self, text: str, start: int, end: int) -> str | None:
        """The cue phrase found around the span (nearest before, else first after), lower-cased."""
        found = self.before_span(text, start) or self.after_span(text, end)
        return found.group(0).lower() if found else None


class _Index:
    """A cue's match at each place in one text where one of its words starts, found once.

    A dense text asks about thousands of windows, and searching each again costs a regex call
    per cue word in it; an index answers from the few entries inside a window instead. The
    answers are the window searches' own: a match found in the whole text is the window's
    match too, unless the window's edge cuts it (then that place alone is matched within the
    window) or a phrase may end right at the edge before a word character (where the window
    sees the end of the text, the whole text a letter, and a look-ahead can differ): then the
    window is searched as before.
    """

    __slots__ = ("ends", "matches", "pattern", "starts")

    def __init__(
        self, pattern: re.Pattern[str], text: str, starts: list[int], ends: list[int]
    ) -> None:
        self.pattern = pattern
        self.starts = starts  # where a cue word starts
        self.ends = ends  # where the shortest cue word starting there ends
        match = pattern.match
        self.matches = [match(text, start) for start in starts]

    def before(self, text: str, low: int, high: int) -> tuple[bool, re.Match[str] | None]:
        """(True, the last match ``finditer`` finds in ``text[low:high]``), or (False, None)."""
        if _edge_may_differ(text, high):
            return False, None
        starts, ends, matches = self.starts, self.ends, self.matches
        last = None
        done = 0
        i = bisect.bisect_left(starts, low)
        while i < len(starts) and starts[i] < high:
            at = starts[i]
            if at >= done and ends[i] <= high:
                found = matches[i]
                if found is not None and found.end() > high:
                    found = self.pattern.match(text, at, high)  # the edge cuts it
                if found is not None:
                    last = found
                    done = found.end()
            i += 1
        return True, last

    def after(self, text: str, low: int, high: int) -> tuple[bool, re.Match[str] | None]:
        """(True, the first match in ``text[low:high]``), or (False, None): search the window."""
        if _edge_may_differ(text, high):
            return False, None
        starts, ends, matches = self.starts, self.ends, self.matches
        i = bisect.bisect_left(starts, low)
        while i < len(starts) and starts[i] < high:
            if ends[i] <= high:
                found = matches[i]
                if found is not None and found.end() > high:
                    found = self.pattern.match(text, starts[i], high)
                if found is not None:
                    return True, found
            i += 1
        return True, None


def _edge_may_differ(text: str, high: int) -> bool:
    """Whether a phrase ending at ``high`` may match in the window but not in the whole text.

    Only a look-ahead at ``high`` reads differently (the window's end, or the text's next
    character), and only if that character is a word character and a phrase can end there: a
    phrase's last character is never a space.
    """
    return (
        0 < high < len(text)
        and _WORD_CHAR.match(text, high) is not None
        and not text[high - 1].isspace()
    )


class CueHits:
    """A cue's matches in one whole text, found once; each candidate then asks by bisection.

    ``Cue.before_span`` searches a window per candidate, which is linear for sparse text but
    costs a look at every probe hit per window when values are dense (a megabyte of "SIN ..."
    pairs). Recognizers that expect dense values find the cue's matches once and ask these.
    Matches do not overlap (``finditer``), so ordering by start also orders them by end.
    """

    __slots__ = ("_after", "_before", "ends", "phrases", "starts")

    def __init__(self, cue: Cue, text: str) -> None:
        matches = list(cue._matches(text, 0, len(text)))
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]
        self.phrases = [" ".join(m.group(0).lower().split()) for m in matches]
        self._before, self._after = cue.before, cue.after

    def __bool__(self) -> bool:
        return bool(self.starts)

    def before(self, start: int, reach: int | None = None) -> int | None:
        """Index of the nearest match ending at or before ``start``, within the cue's window."""
        i = bisect.bisect_right(self.ends, start) - 1
        window = self._before if reach is None else reach
        return i if i >= 0 and self.starts[i] >= start - window else None

    def after(self, end: int, reach: int | None = None) -> int | None:
        """Index of the first match starting at or after ``end``, within the cue's window."""
        i = bisect.bisect_left(self.starts, end)
        window = self._after if reach is None else reach
        return i if i < len(self.starts) and self.ends[i] <= end + window else None
