"""Probe words: the substrings a pattern cannot match without, found for all recognizers at once.

A context cue ("SSN", "order #") or a label ("passport no.") is a long case-blind alternation.
Running it over every text, or even testing a text for each of its words in turn, costs more than
the rest of a short post's scan. So every probe word of every gate and cue goes into one
Aho-Corasick automaton (``pyahocorasick``), and each text is read once, lower-cased, for all of
them: a gate becomes a set lookup, and a cue's "is any of my words in this window" a look at the
few hits that text has.

The answers are exactly those of ``probe in text.lower()`` and, for a window, of
``probe in text[a:b].lower()``: a probe only says whether a pattern could match, the pattern
itself still decides.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from operator import itemgetter
from threading import Lock

import ahocorasick

_lock = Lock()
_word_ids: dict[str, int] = {}
_lengths: list[int] = []  # by word id
_automaton: ahocorasick.Automaton | None = None  # rebuilt when a new word is registered
_word_id = itemgetter(1)


class Probes:
    """A group of probe words; a pattern of the group's owner needs one of them to match.

    Every word, however short ("$", "v"), goes into the automaton: a hit costs a tuple, while a
    word left out would make its owner search every window with its whole pattern.
    """

    __slots__ = ("ids", "words")

    def __init__(self, words: Iterable[str]) -> None:
        global _automaton
        self.words = tuple(sorted({w.lower() for w in words}))
        if not self.words or "" in self.words:
            raise ValueError("a probe group needs words, none of them empty")
        with _lock:
            for word in self.words:
                if word not in _word_ids:
                    _word_ids[word] = len(_word_ids)
                    _lengths.append(len(word))
                    _automaton = None
        self.ids = frozenset(_word_ids[w] for w in self.words)


def _built() -> ahocorasick.Automaton:
    global _automaton
    built = _automaton  # read once: a registration may reset it concurrently
    if built is not None:
        return built  # every scan after the first: no lock
    with _lock:
        if _automaton is None:
            automaton = ahocorasick.Automaton()
            for word, word_id in _word_ids.items():
                automaton.add_word(word, word_id)
            automaton.make_automaton()
            _automaton = automaton
        return _automaton


class ProbeHits:
    """Where the registered probe words occur in one text."""

    __slots__ = ("_found", "_text", "ids", "lowered")

    def __init__(self, text: str) -> None:
        self._text = text
        self.lowered = text.lower()
        # (index of the last character, word id) of every occurrence, offsets into ``lowered``
        self._found: list[tuple[int, int]] = list(_built().iter(self.lowered))
        self.ids = frozenset(map(_word_id, self._found))

    def any(self, probes: Probes) -> bool:
        """Whether any word of ``probes`` occurs in the text."""
        return not probes.ids.isdisjoint(self.ids)

    def starts_within(self, probes: Probes, start: int, end: int) -> list[int] | None:
        """Where words of ``probes`` start wholly inside ``text[start:end]``, in text order.

        A pattern whose every match begins with one of the words can only start there. None
        when the hits cannot say (lower() changed the text's length): the caller then searches
        the window itself.
        """
        if len(self.lowered) != len(self._text):
            return None
        ids = probes.ids
        if ids.isdisjoint(self.ids):
            return []
        found = self._found  # in order of each hit's last character, as the automaton reads
        # only the hits ending inside the window: a window costs its own hits, not the text's
        lo = bisect.bisect_left(found, (start, -1))
        hi = bisect.bisect_left(found, (end, -1), lo)
        return sorted(
            {
                last + 1 - _lengths[i]
                for last, i in found[lo:hi]
                if i in ids and last + 1 - _lengths[i] >= start
            }
        )

    def occurrences(self, probes: Probes) -> tuple[list[int], list[int]] | None:
        """Where words of ``probes`` start in the whole text, and where the shortest there ends.

        Two lists in text order, one entry per start. ``starts_within(probes, a, b)`` is the
        starts ``s`` with ``a <= s`` whose end is ``<= b``. None when the hits cannot say (as
        ``starts_within``).
        """
        if len(self.lowered) != len(self._text):
            return None
        ids = probes.ids
        ends: dict[int, int] = {}
        for last, i in self._found if not ids.isdisjoint(self.ids) else ():
            if i in ids:
                start = last + 1 - _lengths[i]
                if start not in ends or last + 1 < ends[start]:
                    ends[start] = last + 1
        starts = sorted(ends)
        return starts, [ends[s] for s in starts]

    def word_starts(self, probes: Probes, refused: frozenset[str]) -> list[int] | None:
        """Like ``starts_within`` over the whole text, but only where no ``refused`` char precedes.

        A pattern that opens with a look-behind such as ``(?<![a-z])`` can only start there.
        ``refused`` must be lower-case ASCII, which the look-behind refuses in either case.
        """
        starts = self.starts_within(probes, 0, len(self.lowered))
        if not starts:
            return starts
        lowered = self.lowered
        return [at for at in starts if not at or lowered[at - 1] not in refused]


ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
ASCII_ALNUM = ASCII_LETTERS | frozenset("0123456789")

_last: tuple[str, ProbeHits] | None = None


def probe_hits(text: str) -> ProbeHits:
    """The probe hits of ``text``, computed once however many gates and cues ask.

    The last text's answer is kept (replaced as one tuple, so concurrent scans never pair a text
    with another's hits): the scanner asks first, then every cue of every recognizer reuses it.
    """
    global _last
    last = _last
    if last is not None and last[0] is text:
        return last[1]
    hits = ProbeHits(text)
    _last = (text, hits)
    return hits
