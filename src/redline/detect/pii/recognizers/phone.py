"""Phone numbers, validated by Google's libphonenumber (the ``phonenumbers`` package).

A cheap regex proposes candidates (NANP shapes and ``+``-prefixed international numbers) and
libphonenumber decides whether each is a real, assignable number. Running libphonenumber's own
matcher over every text would be simpler and ten times slower; the regex keeps it off texts that
hold nothing phone-shaped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

import phonenumbers

from redline.detect.pii.candidate import Candidate, clamp
from redline.detect.pii.context import Cue
from redline.detect.pii.masking import digits_of
from redline.detect.pii.recognizer import Recognizer, TextFacts, anchored
from redline.detect.pii.recognizers.common import DASH, number_context
from redline.detect.pii.recognizers.nanp import check_nanp

_S = f"[{DASH} .\u00a0]"  # one separator
_EXT = r"(?:[ \u00a0]{0,2}(?:x|ext\.?|extension|#)[ \u00a0]{0,2}\d{1,6})?"
_NANP = re.compile(
    rf"(?<![\w+\-.])(?:\+?1{_S}{{0,2}})?(?:\(\d{{3}}\)[ \u00a0]{{0,2}}|\d{{3}}{_S}{{0,2}})"
    rf"\d{{3}}{_S}{{0,2}}\d{{4}}{_EXT}(?![\w\-]|\.\d)",
    re.IGNORECASE,
)
_INTERNATIONAL = re.compile(
    rf"(?<![\w+])(?:\+|00)\d{{1,3}}(?:{_S}{{0,2}}(?:\(0\)|\(\d{{1,5}}\)|\d{{1,6}})){{1,6}}{_EXT}"
    r"(?![\w\-]|\.\d)",
    re.IGNORECASE,
)
_EXTENSION = re.compile(r"\s*(?:x|ext\.?|extension|#)\s*\d+$", re.IGNORECASE)
PHONE_CUE = Cue(
    [
        "phone",
        "ph",
        "tel",
        "telephone",
        "cell",
        "cellphone",
        "cell phone",
        "mobile",
        "mob",
        "call",
        "calling",
        "text",
        "txt",
        "sms",
        "whatsapp",
        "signal",
        "number",
        "contact",
        "reach",
        "fax",
        "landline",
        "dial",
        "ring",
        "hotline",
        "tel no",
        "ph#",
    ],
    before=40,
    after=20,
)


@lru_cache(maxsize=4096)
def _check(raw: str, region: str | None) -> tuple[bool, bool]:
    """(valid, possible) per libphonenumber; cached because the same numbers recur in floods."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return False, False
    return phonenumbers.is_valid_number(number), phonenumbers.is_possible_number(number)


@lru_cache(maxsize=4096)
def _check_nanp(national: str) -> tuple[bool, bool]:
    """(valid, possible) for a ten-digit North American number.

    The regex already isolated the ten digits, so libphonenumber's ``parse`` (most of its cost)
    is skipped, and validity is read from its metadata compiled once (``nanp.check_nanp``).
    """
    return check_nanp(national)


def _north_american(main: str, digits: str) -> bool:
    """Whether an international writing is +1 and ten national digits that start 2-9.

    For those, libphonenumber's ``parse`` (its slowest step) would give country code 1 and the
    same ten digits: no national prefix to strip, no leading zero to keep.
    """
    national = digits[1:] if main.startswith("+") else digits[3:] if main.startswith("001") else ""
    return len(national) == 10 and digits[-11] == "1" and national[0] not in "01"


class PhoneRecognizer(Recognizer):
    """US/NANP numbers in their usual writings and international numbers with a ``+``."""

    name = "phone_number"
    version = "1.0"
    entities = ("PHONE_NUMBER",)

    def applies(self, text: str, facts: TextFacts) -> bool:
        """Seven digits at least, in digit runs some writing of a phone number has."""
        if facts.digits < 7:
            return False
        if "+" in text or "00" in text:
            return True  # international: groups of any length
        # NANP: 555-123-4567, 555-1234567, 5551234567, 555123-4567 all hold one of these runs
        return 4 in facts.runs or 7 in facts.runs or facts.longest >= 10

    def find(self, text: str, facts: TextFacts) -> Iterator[Candidate]:
        """Yield candidates libphonenumber accepts, scored by format and context."""
        international: list[tuple[int, int]] = []  # in text order, as finditer yields them
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
                international.append((cand.start, cand.end))
                yield cand
        starts = [s for s, _ in international]
        for match in anchored(_NANP, text, self._nanp_starts(text, spans)):
            i = bisect.bisect_right(starts, match.start())
            # the international span starting at or before this one, and the next one
            if i and international[i - 1][1] > match.start():
                continue
            if i < len(starts) and starts[i] < match.end():
                continue
            cand = self._score(text, match, "US")
            if cand is not None:
                yield cand

    @staticmethod
    def _nanp_starts(text: str, spans: list[tuple[int, int]]) -> list[int]:
        """Where a North American number can start: a digit run, or "(" or "+" just before one."""
        starts = []
        for s, _ in spans:
            if s and text[s - 1] in "(+":
                starts.append(s - 1)
            starts.append(s)
        return starts

    @staticmethod
    def _score(text: str, match: re.Match[str], region: str | None) -> Candidate | None:
        raw = match.group(0)
        main = _EXTENSION.split(raw, maxsplit=1)[0]
        digits = digits_of(main)
        # a North American writing, or +1 and ten digits (where parse() would say the same)
        if (region == "US" and len(digits) in (10, 11)) or _north_american(main, digits):
            valid, possible = _check_nanp(digits[-10:])
        else:
            lookup = main if not main.startswith("00") else "+" + main[2:]
            valid, possible = _check(lookup, region)
        if not possible:
            return None
        separated = not main.strip("+").isdigit()
        score = 0.7 if valid else 0.35
        why = ["libphonenumber: valid" if valid else "libphonenumber: possible only"]
        if not separated and not main.startswith(("+", "00")):
            score -= 0.25  # a bare digit run is as likely an id as a phone number
            why.append("no separators")
        reference, cue = number_context(PHONE_CUE, text, match.start(), match.end())
        if reference:
            score -= 0.6
            why.append("labelled as a reference number")
        elif cue:
            score += 0.3
            why.append(f"context {cue!r}")
        return Candidate(
            "PHONE_NUMBER", match.start(), match.end(), clamp(score), "; ".join(why), digits
        )
