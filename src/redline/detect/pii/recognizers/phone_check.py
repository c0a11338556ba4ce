"""Is this a real phone number? libphonenumber's answers, asked as rarely as possible.

``phonenumbers.parse`` costs tens of microseconds, so each question here first takes the cheap
way where it gives the same answer: North American numbers are read from metadata compiled once
(``nanp``), a national writing is read against a country only where a tail of its digits fits
the country's general pattern (``phone_valid.may_be_national``) and opens with a digit its
numbers open with. The answers are cached because the same numbers recur in floods.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import phonenumbers

from redline.detect.pii.masking import digits_of
from redline.detect.pii.recognizers.nanp import check_nanp
from redline.detect.pii.recognizers.phone_valid import (
    is_valid,
    is_valid_for_region,
    may_be_national,
)

_GROUPS = re.compile(r"\d+")


@lru_cache(maxsize=4096)
def check(raw: str, region: str | None) -> tuple[bool, bool]:
    """(valid, possible) per libphonenumber; cached because the same numbers recur in floods."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return False, False
    return is_valid(number), phonenumbers.is_possible_number(number)


@cache
def opening_digits(region: str) -> frozenset[str]:
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
def check_national(main: str, region: str, strict: bool = False) -> bool:
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
def check_north_american(national: str) -> tuple[bool, bool]:
    """(valid, possible) for a ten-digit North American number.

    The regex already isolated the ten digits, so libphonenumber's ``parse`` (most of its cost)
    is skipped, and validity is read from its metadata compiled once (``nanp.check_nanp``).
    """
    return check_nanp(national)


def north_american(main: str, digits: str) -> bool:
    """Whether an international writing is +1 and ten national digits that start 2-9.

    For those, libphonenumber's ``parse`` (its slowest step) would give country code 1 and the
    same ten digits: no national prefix to strip, no leading zero to keep.
    """
    national = digits[1:] if main.startswith("+") else digits[3:] if main.startswith("001") else ""
    return len(national) == 10 and digits[-11] == "1" and national[0] not in "01"
