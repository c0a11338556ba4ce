"""Whether a parsed phone number is valid, read from libphonenumber's metadata compiled once.

``phonenumbers.is_valid_number`` costs ~13 us a call: it finds the number's region (for a
country code several regions share, by trying each), then matches the national number against
each number type's pattern, looking every pattern up by its string again on each call. A dense
text of international numbers asks it tens of thousands of times, and it was half of a scan's
cost. Here each region's patterns are compiled once (``nanp.rules``, the same rules the North
American check uses) and the same steps are taken; the answers equal ``is_valid_number`` and
``is_valid_number_for_region``, which a test checks on every region's example numbers and their
near misses.
"""

from __future__ import annotations

import re
from functools import cache

import phonenumbers

from redline.detect.pii.recognizers.nanp import rules

_NON_GEO = phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY


@cache
def _regions(country_code: int) -> tuple[tuple[str, re.Pattern[str] | None], ...]:
    """A country code's regions with metadata, in order, with their leading digits if named."""
    found = []
    for region in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(country_code, ()):
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region.upper(), None)
        if metadata is not None:
            leading = metadata.leading_digits
            found.append((region, re.compile(leading) if leading is not None else None))
    return tuple(found)


def is_valid(number: phonenumbers.PhoneNumber) -> bool:
    """``phonenumbers.is_valid_number(number)``: valid in the region it belongs to.

    A country code of one region is that region's; of several, the first whose leading digits
    the number starts with, or else the first it is valid in (``region_code_for_number``).
    """
    country_code = number.country_code
    regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(country_code) if country_code else None
    if not regions:
        return False
    nsn = phonenumbers.national_significant_number(number)
    if len(regions) == 1:
        return _valid_in(number, nsn, regions[0])
    for region, leading in _regions(country_code):
        if leading is not None:
            if leading.match(nsn):
                return _valid_in(number, nsn, region)
        elif (found := rules(region, country_code)) is not None and found.valid(nsn):
            return True  # the region it is valid in is the one it belongs to
    return False


def is_valid_for_region(number: phonenumbers.PhoneNumber, region: str) -> bool:
    """``phonenumbers.is_valid_number_for_region(number, region)``."""
    return _valid_in(number, phonenumbers.national_significant_number(number), region)


def _valid_in(number: phonenumbers.PhoneNumber, nsn: str, region: str) -> bool:
    region = region.upper()
    country_code = number.country_code
    if country_code is None:
        return False
    if region != _NON_GEO and country_code != _country_code_of(region):
        return False
    found = rules(region, country_code)
    return found is not None and found.valid(nsn)


@cache
def _country_code_of(region: str) -> int | None:
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region, None)
    return None if metadata is None else metadata.country_code


_GROUP_REF = re.compile(r"\\(\d)")
_OPENING_GROUP = re.compile(r"(?<!\\)\((?!\?)")  # a capturing group's "("


@cache
def _prefix_lengths(region: str) -> frozenset[int] | None:
    r"""How many digits a national writing of ``region`` may put before the number itself.

    None (0), or the digits of a national-prefix formatting rule ("0\1": one, "8 (\1)": one),
    over every format of every region of the country code: ``format_number`` formats with the
    metadata of the code's main region. None where that does not say it: no metadata, or a
    format that writes digits of its own or leaves some out (Argentina's "\2 15-\3-\4").
    """
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region, None)
    if metadata is None or metadata.country_code is None:
        return None
    lengths = {0}
    for name in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(metadata.country_code, ()):
        other = phonenumbers.PhoneMetadata.metadata_for_region(name, None)
        for fmt in (*other.number_format, *other.intl_number_format) if other else ():
            pattern, layout = fmt.pattern or "", fmt.format or ""
            groups = len(_OPENING_GROUP.findall(pattern))
            used = {int(n) for n in _GROUP_REF.findall(layout)}
            if used != set(range(1, groups + 1)) or _digit_in(_GROUP_REF.sub("", layout)):
                return None
            rule = fmt.national_prefix_formatting_rule
            if rule:
                lengths.add(sum(ch.isdigit() for ch in _GROUP_REF.sub("", rule)))
    return frozenset(lengths)


def _digit_in(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def may_be_national(digits: str, region: str) -> bool:
    """False only where ``digits`` cannot be a valid number of ``region`` in its national format.

    The national format's digits are its prefix rule's (none, or a trunk "0") then the national
    significant number's, all in order, and a valid number fits the region's general pattern:
    so some such tail of ``digits`` must fit it. Asked before libphonenumber's ``parse`` (~30
    us), it turns away most of what an English post offers a guessed country ("059 51 2334"
    against Ireland) for a few pattern matches.
    """
    found = rules(region)
    prefixes = _prefix_lengths(region)
    if found is None or found.general is None or prefixes is None:
        return True  # nothing to read: let libphonenumber decide
    general = found.general
    return any(general.fits(digits[skip:]) for skip in prefixes if skip < len(digits))
