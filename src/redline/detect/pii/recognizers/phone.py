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
from functools import cache, lru_cache

import phonenumbers

from redline.detect.pii.candidate import Candidate, clamp
from redline.detect.pii.context import Cue
from redline.detect.pii.masking import digits_of
from redline.detect.pii.recognizer import Recognizer, TextFacts, anchored
from redline.detect.pii.recognizers.common import DASH, number_context
from redline.detect.pii.recognizers.nanp import check_nanp
from redline.detect.pii.recognizers.phone_regions import NANP, WORLD, foreign, infer_regions
from redline.detect.pii.recognizers.phone_valid import (
    is_valid,
    is_valid_for_region,
    may_be_national,
)
from redline.detect.pii.recognizers.ssn import SSN_CUE

_S = f"[{DASH} .\u00a0]"  # one separator
_EXT = r"(?:[ \u00a0]{0,2}(?:x|ext\.?|extension|#)[ \u00a0]{0,2}\d{1,6})?"
_NANP = re.compile(
    rf"(?<![\w+\-.])(?:\+?1{_S}{{0,2}})?(?:\(\d{{3}}\)[ \u00a0]{{0,2}}|\d{{3}}{_S}{{0,2}})"
    rf"\d{{3}}{_S}{{0,2}}\d{{4}}{_EXT}(?![\w\-]|\.\d)",
    re.IGNORECASE,
)
_INTERNATIONAL = re.compile(
    rf"(?<![0-9A-Za-z\u00c0-\u024f_+])(?:\+|00)\d{{1,3}}(?:{_S}{{0,2}}(?:\(0\)|\(\d{{1,5}}\)|\d{{1,6}})){{1,6}}{_EXT}"
    r"(?![\w\-]|\.\d)",
    re.IGNORECASE,
)
_EXTENSION = re.compile(r"\s*(?:x|ext\.?|extension|#)\s*\d+$", re.IGNORECASE)
# A number in a country's own writing, without its country code: a trunk 0 or an area code in
# parentheses, groups split by spaces, dots, dashes or a slash ("030/101396", "06.12.34.56.78",
# "070-125 53 29"). Which country's it is, the text says (``phone_regions``).
_NATIONAL = re.compile(
    rf"(?:\(\d{{1,5}}\)[ \u00a0]?)?\d(?:[ \u00a0]?[.\-/]?[ \u00a0]?\d){{6,13}}{_EXT}"
    r"(?!\d|[.\-/]\d)",
    re.IGNORECASE,
)
# The digit run a North American writing opens with: its groups 1, 3, 3, 4 run together up to
# a separator ("1", "1555", "1555123", "15551234567", "555", "555123", "5551234567"); "(" and "+"
# open one too. A run of another length ("12", "20261125") cannot start one: not tried.
_NANP_FIRST_RUNS = frozenset((1, 3, 4, 6, 7, 10, 11))
# a date, maybe with its hour ("07.04.2024 13" of a chat's "[07.04.2024 13:12]")
_DATE_LIKE = re.compile(r"\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}(?:[ \u00a0T]\d{1,2})?$")
# Words a number may be glued to ("tel0612345678", "Handy:0151..." needs no gluing rule).
_GLUED_CUES = ("tel", "tél", "ph", "mob", "cell", "handy", "fon", "tlf", "phone", "call")
_REGIONS_TRIED = 6
_GROUPS = re.compile(r"\d+")
_SSN_SHAPE = re.compile(r"\d{3}[ \u00a0\-]\d{2}[ \u00a0\-]\d{4}")
_LATIN_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]")  # a word that spaces separate
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
        "hotline",
        "tel no",
        "ph#",
        # the same in the languages of the posts Redline reads most
        "tél",
        "téléphone",
        "portable",
        "appelez",
        "appelle",
        "handy",
        "telefon",
        "telefonnummer",
        "anrufen",
        "móvil",
        "movil",
        "teléfono",
        "telefono",
        "llámame",
        "llamame",
        "cellulare",
        "cell",
        "chiamami",
        "celular",
        "telemóvel",
        "telefone",
        "ligue",
        "mobil",
        "bellen",
        "telefoon",
        "komórka",
        "zadzwoń",
        "zavolej",
        "ring",
        "電話",
        "携帯",
        "手机",
        "电话",
        "拨打",
    ],
    before=40,
    after=20,
)


# Words that can only mean a phone ("number", "call", "text" are said of much else): after one
# of them, a number in a national writing is read against any country.
_PHONE_WORD = Cue(
    [
        "phone",
        "ph",
        "tel",
        "telephone",
        "cell",
        "cellphone",
        "mobile",
        "mob",
        "whatsapp",
        "fax",
        "landline",
        "tél",
        "téléphone",
        "portable",
        "handy",
        "telefon",
        "móvil",
        "movil",
        "teléfono",
        "telefono",
        "cellulare",
        "celular",
        "telemóvel",
        "telefone",
        "mobil",
        "telefoon",
        "komórka",
        "電話",
        "携帯",
        "手机",
        "电话",
    ],
    before=24,
    after=0,
)
_DIGIT_BEFORE = re.compile(r"\d[ \u00a0]?$")
_DIGIT_AFTER = re.compile(r"[ \u00a0]?\d")


@lru_cache(maxsize=4096)
def _check(raw: str, region: str | None) -> tuple[bool, bool]:
    """(valid, possible) per libphonenumber; cached because the same numbers recur in floods."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return False, False
    return is_valid(number), phonenumbers.is_possible_number(number)


@cache
def _opening_digits(region: str) -> frozenset[str]:
    """The digits a number of ``region`` may open with in its national writing.

    The trunk prefix ("0" in most of Europe) and the openings of the types written without it
    (Chinese mobiles "1..."); any digit where there is no trunk prefix. A cheap test before
    libphonenumber's parse, which costs tens of microseconds.
    """
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region, None)
    if metadata is None:
        return frozenset()
    opening: set[str] = set()
    for kind in phonenumbers.PhoneNumberType.values():
        example = phonenumbers.example_number_for_type(region, kind)
        if example is not None:
            national = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)
            digits = digits_of(national)
            if digits:
                opening.add(digits[0])
    prefix = metadata.national_prefix
    if prefix:
        opening.add(prefix[0])
    else:  # no trunk prefix: the examples show only some of the digits a number opens with
        opening.update("123456789")
    return frozenset(opening)


@lru_cache(maxsize=4096)
def _check_national(main: str, region: str, strict: bool = False) -> bool:
    """Whether ``main`` is a valid number of ``region`` written the way that country writes it.

    The digits must be those of libphonenumber's national format: "030 101396" is Berlin, but
    "512334152" in an Australian text is not a number Australians write (theirs starts with 0).
    """
    if not may_be_national(digits_of(main), region):
        return False  # no tail of the digits fits the region's numbers: no parse needed
    try:
        number = phonenumbers.parse(main, region)
    except phonenumbers.NumberParseException:
        return False
    if not is_valid_for_region(number, region):
        return False
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    if digits_of(national) != digits_of(main):
        return False
    # a country guessed, not named by the text: its own grouping too ("03 08 29 51 56" is a
    # French number only where the post is French; in an English one it is a lottery draw)
    return not strict or _GROUPS.findall(national) == _GROUPS.findall(main)


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


def _candidate(
    start: int, end: int, score: float, why: list[str], reference: bool, cue: str | None, value: str
) -> Candidate:
    """The phone candidate, its score moved by what the words around it say."""
    if reference:
        score -= 0.6
        why.append("labelled as a reference number")
    elif cue:
        score += 0.3
        why.append(f"context {cue!r}")
    return Candidate("PHONE_NUMBER", start, end, clamp(score), "; ".join(why), value)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps one of the sorted, disjoint ``spans``."""
    i = bisect.bisect_right(spans, (start, 1 << 62))
    # the span starting at or before this one, and the next one
    return (i > 0 and spans[i - 1][1] > start) or (i < len(spans) and spans[i][0] < end)


def _national_possible(text: str, facts: TextFacts) -> bool:
    """Whether a national writing may be here.

    A trunk 0 opens a digit run, or the text shows a foreign language or country. English posts
    whose numbers are all North American skip the national pass.
    """
    return (
        any(text[s] == "0" for s, _ in facts.spans)
        or foreign(text, facts)
        or _other_defaults(facts)
    )


def _other_defaults(facts: TextFacts) -> bool:
    """Whether the platform reads national numbers of countries outside North America."""
    return any(region not in NANP for region in facts.regions)


def _glued_to_cue(text: str, start: int) -> bool:
    """Whether the word a number is glued to is a phone word ("tel0612345678")."""
    return text[max(0, start - 6) : start].lower().endswith(_GLUED_CUES)


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
            or _national_possible(text, facts)
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
        starts = self._nanp_starts(text, spans)
        international = list(claimed)
        for match in anchored(_NANP, text, self._nanp_starts(text, spans, _NANP_FIRST_RUNS)):
            if _overlaps(international, match.start(), match.end()):
                continue
            cand = self._score(text, match, "US")
            if cand is not None:
                if cand.evidence.startswith("libphonenumber: valid"):
                    bisect.insort(claimed, (cand.start, cand.end))
                yield cand
        if facts.longest < 15 and _national_possible(text, facts):
            yield from self._national(text, facts, starts, claimed)

    def _national(
        self, text: str, facts: TextFacts, starts: list[int], claimed: list[tuple[int, int]]
    ) -> Iterator[Candidate]:
        """Numbers in a country's own writing, read against the countries the text points to."""
        regions: list[str] | None = None
        own = trusted = 0
        # English posts: a national number opens with its trunk 0 (as in Britain, Ireland,
        # Australia, New Zealand, India); other writings are read in foreign posts only
        if not foreign(text, facts) and not _other_defaults(facts):
            starts = [s for s in starts if text[s] == "0" or text.startswith("(0", s)]
        for match in anchored(_NATIONAL, text, starts):
            start, end = match.span()
            if _overlaps(claimed, start, end):
                continue
            raw = match.group(0)
            main = _EXTENSION.split(raw, maxsplit=1)[0]
            digits = digits_of(main)
            if _DATE_LIKE.match(main) or main.startswith("00") or len(digits) < 8:
                continue
            if "/" in main and (main.count("/") > 1 or not main.startswith("0")):
                continue  # the slash only follows an area code with its trunk 0: "030/101396"
            if _DIGIT_BEFORE.search(text, max(0, start - 2), start) or _DIGIT_AFTER.match(
                text, end
            ):
                continue  # a piece of a longer digit sequence (a tracking number)
            first = main[1] if main[0] == "(" else main[0]
            glued = start and _LATIN_WORD.match(text[start - 1])
            if glued and not _glued_to_cue(text, start):
                continue
            if regions is None:
                regions, own, trusted = infer_regions(text, facts)
            reference, cue = number_context(PHONE_CUE, text, start, end)
            if glued and not reference:
                cue = text[max(0, start - 6) : start].lower()
            tried = regions[:_REGIONS_TRIED]
            if (glued or _PHONE_WORD.before_span(text, start)) and not main.isdigit():
                # a phone word right before says it is one: any country's number may do
                tried = tried + [r for r in WORLD if r not in tried]
            region = next(
                (
                    r
                    for r in tried
                    # the cheap test first: reading a country's opening digits costs ~1 ms
                    if may_be_national(digits, r)
                    and first in _opening_digits(r)
                    and _check_national(main, r, strict=r not in regions[:trusted])
                ),
                None,
            )
            if region is None or (_SSN_SHAPE.fullmatch(main) and SSN_CUE.before_span(text, start)):
                continue
            score = 0.6 + (0.1 if region in regions[:own] else 0.0)
            why = [f"valid national number of {region}"]
            if main.isdigit():
                score -= 0.25
                why.append("no separators")
            yield _candidate(start, end, score, why, reference, cue, digits)

    @staticmethod
    def _nanp_starts(
        text: str, spans: list[tuple[int, int]], runs: frozenset[int] | None = None
    ) -> list[int]:
        """Where a number can start: a digit run, or "(" or "+" just before one.

        Given ``runs``, only the digit runs of one of those lengths.
        """
        starts = []
        for s, e in spans:
            if runs is not None and e - s not in runs:
                continue
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
        return _candidate(match.start(), match.end(), score, why, reference, cue, digits)
