"""Phone numbers in a country's own writing, without their country code.

"030/101396" is a Berlin number in a German post and nothing in an American one: a national
writing is only valid relative to a country, so it is read against the countries the text points
to (``phone_regions.infer_regions``). Most posts hold no such writing, and this pass is the
dearest part of the phone recognizer, so it runs only where one may be: a trunk 0 opens a digit
run, or the text shows a foreign language or country, or the platform reads numbers of countries
outside North America.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from redline.detect.pii.candidate import Candidate
from redline.detect.pii.masking import digits_of
from redline.detect.pii.recognizer import TextFacts, anchored
from redline.detect.pii.recognizers.common import number_context
from redline.detect.pii.recognizers.phone_check import check_national, opening_digits
from redline.detect.pii.recognizers.phone_cues import (
    PHONE_CUE,
    PHONE_WORD,
    glued_to_cue,
    with_context,
)
from redline.detect.pii.recognizers.phone_regions import NANP, WORLD, foreign, infer_regions
from redline.detect.pii.recognizers.phone_valid import may_be_national
from redline.detect.pii.recognizers.ssn import SSN_CUE

EXT = r"(?:[ \u00a0]{0,2}(?:x|ext\.?|extension|#)[ \u00a0]{0,2}\d{1,6})?"
EXTENSION = re.compile(r"\s*(?:x|ext\.?|extension|#)\s*\d+$", re.IGNORECASE)
# A trunk 0 or an area code in parentheses, groups split by spaces, dots, dashes or a slash
# ("030/101396", "06.12.34.56.78", "070-125 53 29").
_NATIONAL = re.compile(
    rf"(?:\(\d{{1,5}}\)[ \u00a0]?)?\d(?:[ \u00a0]?[.\-/]?[ \u00a0]?\d){{6,13}}{EXT}"
    r"(?!\d|[.\-/]\d)",
    re.IGNORECASE,
)
# a date, maybe with its hour ("07.04.2024 13" of a chat's "[07.04.2024 13:12]")
_DATE_LIKE = re.compile(r"\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}(?:[ \u00a0T]\d{1,2})?$")
_REGIONS_TRIED = 6
_SSN_SHAPE = re.compile(r"\d{3}[ \u00a0\-]\d{2}[ \u00a0\-]\d{4}")
_LATIN_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]")  # a word that spaces separate
_DIGIT_BEFORE = re.compile(r"\d[ \u00a0]?$")
_DIGIT_AFTER = re.compile(r"[ \u00a0]?\d")


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps one of the sorted, disjoint ``spans``."""
    i = bisect.bisect_right(spans, (start, 1 << 62))
    # the span starting at or before this one, and the next one
    return (i > 0 and spans[i - 1][1] > start) or (i < len(spans) and spans[i][0] < end)


def national_possible(text: str, facts: TextFacts) -> bool:
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


def national_starts(text: str, facts: TextFacts, starts: list[int]) -> list[int]:
    """Those of ``starts`` where a national writing is read.

    English posts: a national number opens with its trunk 0 (as in Britain, Ireland, Australia,
    New Zealand, India); other writings are read in foreign posts only, or where the platform
    reads numbers of countries outside North America. The language is asked only when the
    answer matters: most posts have no start, or only trunk-0 ones.
    """
    trunk = [s for s in starts if text[s] == "0" or text.startswith("(0", s)]
    if len(trunk) < len(starts) and (foreign(text, facts) or _other_defaults(facts)):
        return starts
    return trunk


def national_numbers(
    text: str, facts: TextFacts, starts: list[int], claimed: list[tuple[int, int]]
) -> Iterator[Candidate]:
    """Numbers in a country's own writing, read against the countries the text points to.

    ``starts`` are where a number may start (``national_starts``); ``claimed`` the spans of
    numbers already found.
    """
    regions: list[str] | None = None
    own = trusted = 0
    for match in anchored(_NATIONAL, text, starts):
        start, end = match.span()
        if overlaps(claimed, start, end):
            continue
        raw = match.group(0)
        main = EXTENSION.split(raw, maxsplit=1)[0]
        digits = digits_of(main)
        if _DATE_LIKE.match(main) or main.startswith("00") or len(digits) < 8:
            continue
        if "/" in main and (main.count("/") > 1 or not main.startswith("0")):
            continue  # the slash only follows an area code with its trunk 0: "030/101396"
        if _DIGIT_BEFORE.search(text, max(0, start - 2), start) or _DIGIT_AFTER.match(text, end):
            continue  # a piece of a longer digit sequence (a tracking number)
        first = main[1] if main[0] == "(" else main[0]
        glued = start and _LATIN_WORD.match(text[start - 1])
        if glued and not glued_to_cue(text, start):
            continue
        if regions is None:
            regions, own, trusted = infer_regions(text, facts)
        reference, cue = number_context(PHONE_CUE, text, start, end)
        if glued and not reference:
            cue = text[max(0, start - 6) : start].lower()
        tried = regions[:_REGIONS_TRIED]
        if (glued or PHONE_WORD.before_span(text, start)) and not main.isdigit():
            # a phone word right before says it is one: any country's number may do
            tried = tried + [r for r in WORLD if r not in tried]
        region = next(
            (
                r
                for r in tried
                # the cheap test first: reading a country's opening digits costs ~1 ms
                if may_be_national(digits, r)
                and first in opening_digits(r)
                and check_national(main, r, strict=r not in regions[:trusted])
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
        yield with_context(start, end, score, why, reference, cue, digits)
