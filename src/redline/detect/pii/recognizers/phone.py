"""Phone numbers, validated by Google's libphonenumber (the ``phonenumbers`` package).

A cheap regex proposes candidates (NANP shapes and ``+``-prefixed international numbers) and
libphonenumber decides whether each is a real, assignable number. Running libphonenumber's own
matcher over every text would be simpler and ten times slower; the regex keeps it off texts that
hold nothing phone-shaped. The pieces: the cue words (``phone_cues``), the checks against
libphonenumber (``phone_check``), national writings without a country code (``phone_national``)
and the countries a text points to (``phone_regions``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from redline.detect.pii.candidate import Candidate
from redline.detect.pii.masking import digits_of
from redline.detect.pii.recognizer import Recognizer, TextFacts, anchored
from redline.detect.pii.recognizers.common import DASH, number_context
from redline.detect.pii.recognizers.phone_check import check, check_north_american, north_american
from redline.detect.pii.recognizers.phone_cues import PHONE_CUE, with_context
from redline.detect.pii.recognizers.phone_national import (
    EXT,
    EXTENSION,
    national_numbers,
    national_possible,
    national_starts,
    overlaps,
)

__all__ = ["PHONE_CUE", "PhoneRecognizer"]

_S = f"[{DASH} .\u00a0]"  # one separator
_NANP = re.compile(
    rf"(?<![\w+\-.])(?:\+?1{_S}{{0,2}})?(?:\(\d{{3}}\)[ \u00a0]{{0,2}}|\d{{3}}{_S}{{0,2}})"
    rf"\d{{3}}{_S}{{0,2}}\d{{4}}{EXT}(?![\w\-]|\.\d)",
    re.IGNORECASE,
)
_INTERNATIONAL = re.compile(
    rf"(?<![0-9A-Za-z\u00c0-\u024f_+])(?:\+|00)\d{{1,3}}(?:{_S}{{0,2}}(?:\(0\)|\(\d{{1,5}}\)|\d{{1,6}})){{1,6}}{EXT}"
    r"(?![\w\-]|\.\d)",
    re.IGNORECASE,
)
# The digit run a North American writing opens with: its groups 1, 3, 3, 4 run together up to
# a separator ("1", "1555", "1555123", "15551234567", "555", "555123", "5551234567"); "(" and "+"
# open one too. A run of another length ("12", "20261125") cannot start one: not tried.
_NANP_FIRST_RUNS = frozenset((1, 3, 4, 6, 7, 10, 11))
_NATIONAL_DIGITS = 8  # the fewest digits of a national writing read (``phone_national``)


class PhoneRecognizer(Recognizer):
    """Phone numbers: North American, international (``+`` or ``00``), and national writings.

    National writings are read against the countries the text points to.
    """

    name = "phone_number"
    version = "1.1"
    entities = ("PHONE_NUMBER",)

    def applies(self, text: str, facts: TextFacts) -> bool:
        """Seven digits at least, in digit runs some writing of a phone number has."""
        if facts.digits < 7:
            return False
        if "+" in text or "00" in text:
            return True  # international: groups of any length
        # NANP: 555-123-4567, 555-1234567, 5551234567, 555123-4567 all hold one of these runs
        return (
            4 in facts.runs
            or 7 in facts.runs
            or facts.longest >= 10
            or national_possible(text, facts)
        )

    def find(self, text: str, facts: TextFacts) -> Iterator[Candidate]:
        """Yield candidates libphonenumber accepts, scored by format and context."""
        claimed: list[tuple[int, int]] = []  # valid numbers found so far, in text order
        spans = facts.spans
        # "+44 ..." starts at the plus before a run, "0044 ..." at a run that opens with "00"
        plus_or_00 = (
            [
                s - 1 if s and text[s - 1] == "+" else s
                for s, _ in spans
                if (s and text[s - 1] == "+") or text.startswith("00", s)
            ]
            if "+" in text or "00" in text
            else []
        )
        for match in anchored(_INTERNATIONAL, text, plus_or_00):
            cand = self._score(text, match, None)
            if cand is not None:
                claimed.append((cand.start, cand.end))
                yield cand
        international = list(claimed)
        for match in anchored(_NANP, text, self._nanp_starts(text, spans, _NANP_FIRST_RUNS)):
            if overlaps(international, match.start(), match.end()):
                continue
            cand = self._score(text, match, "US")
            if cand is not None:
                if cand.evidence.startswith("libphonenumber: valid"):
                    bisect.insort(claimed, (cand.start, cand.end))
                yield cand
        if facts.longest < 15:
            # a national writing holds eight digits at least: most posts have no such chain
            starts = self._nanp_starts(text, spans, chain=(facts.chains(text), _NATIONAL_DIGITS))
            starts = national_starts(text, facts, starts) if starts else starts
            if starts:
                yield from national_numbers(text, facts, starts, claimed)

    @staticmethod
    def _nanp_starts(
        text: str,
        spans: list[tuple[int, int]],
        runs: frozenset[int] | None = None,
        chain: tuple[list[int], int] | None = None,
    ) -> list[int]:
        """Where a number can start: a digit run, or "(" or "+" just before one.

        Given ``runs``, only the digit runs of one of those lengths; given ``chain`` (each run's
        ``TextFacts.chains`` and a least count), only the runs whose chain holds that many digits.
        """
        starts = []
        for i, (s, e) in enumerate(spans):
            if runs is not None and e - s not in runs:
                continue
            if chain is not None and chain[0][i] < chain[1]:
                continue
            if s and text[s - 1] in "(+":
                starts.append(s - 1)
            starts.append(s)
        return starts

    @staticmethod
    def _score(text: str, match: re.Match[str], region: str | None) -> Candidate | None:
        raw = match.group(0)
        main = EXTENSION.split(raw, maxsplit=1)[0]
        digits = digits_of(main)
        # a North American writing, or +1 and ten digits (where parse() would say the same)
        if (region == "US" and len(digits) in (10, 11)) or north_american(main, digits):
            valid, possible = check_north_american(digits[-10:])
        else:
            lookup = main if not main.startswith("00") else "+" + main[2:]
            valid, possible = check(lookup, region)
        if not possible:
            return None
        separated = not main.strip("+").isdigit()
        score = 0.7 if valid else 0.35
        why = ["libphonenumber: valid" if valid else "libphonenumber: possible only"]
        if not separated and not main.startswith(("+", "00")):
            score -= 0.25  # a bare digit run is as likely an id as a phone number
            why.append("no separators")
        reference, cue = number_context(PHONE_CUE, text, match.start(), match.end())
        return with_context(match.start(), match.end(), score, why, reference, cue, digits)
