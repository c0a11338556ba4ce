"""North American numbers checked against libphonenumber's own metadata, compiled once.

Most phone candidates in English posts are North American. ``phonenumbers`` answers "is this a
valid number" through several layers of Python per call (~13 us: the region's general pattern,
then each number type, each pattern looked up again by string), and a scan asks it thousands of
times. Here the same metadata (``phonenumbers.PhoneMetadata``: patterns, possible lengths, each
territory's leading digits) is read once per region and kept compiled, and the same rules are
applied: a number is valid for a region when it fits the region's general pattern and one of
its number types, and belongs to the first NANP region whose leading digits it starts with.
The answers equal ``is_possible_number`` and ``is_valid_number``: a test compares them on
thousands of numbers across every NANP area code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import phonenumbers

# The order libphonenumber tries types in; fixed line and mobile come last (see ``_Rules.valid``).
_TYPES = (
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
)
NANP_REGIONS: tuple[str, ...] = tuple(phonenumbers.COUNTRY_CODE_TO_REGION_CODE[1])


@dataclass(frozen=True, slots=True)
class _Desc:
    """One number type: the lengths it allows (empty: any) and its national-number pattern.

    The pattern is kept as source: a type's pattern is only ever matched inside the alternation
    of ``_Rules.valid``, so compiling each alone (a dozen per region, ~0.1 ms each) was start-up
    cost paid for nothing by every region a scan touches.
    """

    lengths: frozenset[int]
    source: str


@dataclass(frozen=True, slots=True)
class _General:
    """A region's general description, compiled: every number of the region fits it."""

    lengths: frozenset[int]
    pattern: re.Pattern[str]

    def fits(self, nsn: str) -> bool:
        return (not self.lengths or len(nsn) in self.lengths) and bool(self.pattern.fullmatch(nsn))


def _desc(desc: Any) -> _Desc | None:
    if desc is None or not desc.national_number_pattern:
        return None  # libphonenumber: no pattern matches nothing
    return _Desc(frozenset(desc.possible_length), desc.national_number_pattern)


def _general(desc: Any) -> _General | None:
    found = _desc(desc)
    return None if found is None else _General(found.lengths, re.compile(found.source))


@dataclass(frozen=True, slots=True)
class _Rules:
    """What one region's metadata says about its numbers."""

    general: _General | None
    types: tuple[_Desc, ...]  # premium rate ... voicemail, then fixed line
    mobile: _Desc | None  # None when mobile and fixed-line patterns are the same
    # by length: the patterns of every type allowing it, as one alternation (None: no type)
    _joined: dict[int, re.Pattern[str] | None] = field(default_factory=dict)

    def valid(self, nsn: str) -> bool:
        """Whether the number is of some type of this region (not "unknown").

        Some type fits when its lengths allow the number's and its pattern matches it whole:
        one ``fullmatch`` of the alternation of the types that allow this length, where trying
        each type in turn cost a call per type (a dozen, for most regions).
        """
        if self.general is None or not self.general.fits(nsn):
            return False
        length = len(nsn)
        if length not in self._joined:
            self._joined[length] = self._join(length)
        joined = self._joined[length]
        return joined is not None and joined.fullmatch(nsn) is not None

    def _join(self, length: int) -> re.Pattern[str] | None:
        descs = [d for d in (*self.types, self.mobile) if d is not None]
        allowed = [d.source for d in descs if not d.lengths or length in d.lengths]
        return re.compile("|".join(f"(?:{p})" for p in allowed)) if allowed else None


@cache
def rules(region: str, country_code: int | None = None) -> _Rules | None:
    """A region's rules; the non-geographic "001" needs the country code (+800, +882 ...)."""
    if region == phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY:
        if country_code is None:
            return None
        metadata = phonenumbers.PhoneMetadata.metadata_for_nongeo_region(country_code, None)
    else:
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region, None)
    if metadata is None:
        return None
    types = [_desc(getattr(metadata, name)) for name in (*_TYPES, "fixed_line")]
    return _Rules(
        general=_general(metadata.general_desc),
        types=tuple(d for d in types if d is not None),
        mobile=None if metadata.same_mobile_and_fixed_line_pattern else _desc(metadata.mobile),
    )


@cache
def _territories() -> tuple[tuple[str, re.Pattern[str] | None], ...]:
    """Each NANP region with metadata, in libphonenumber's order, and its area codes if listed."""
    found = []
    for region in NANP_REGIONS:
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region, None)
        if metadata is not None:
            leading = metadata.leading_digits
            found.append((region, re.compile(leading) if leading else None))
    return tuple(found)


@cache
def _possible_lengths() -> frozenset[int]:
    """Lengths ``is_possible_number`` allows for country code 1 (the US metadata's, local too)."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region("US")
    general = metadata.general_desc if metadata is not None else None
    if general is None or not general.possible_length or general.possible_length[0] == -1:
        return frozenset()
    return frozenset((*general.possible_length, *general.possible_length_local_only))


def _possible(nsn: str) -> bool:
    return len(nsn) in _possible_lengths()


def _region_of(nsn: str) -> str | None:
    """The NANP region a number belongs to, as ``region_code_for_number`` picks it."""
    for region, leading in _territories():
        if leading is not None:
            if leading.match(nsn):
                return region
        elif (found := rules(region)) is not None and found.valid(nsn):
            return region
    return None


def check_nanp(national: str) -> tuple[bool, bool]:
    """(valid, possible) for a North American national number (ten ASCII digits)."""
    nsn = str(int(national))  # as PhoneNumber keeps it: leading zeros dropped
    if not _possible(nsn):
        return False, False
    us, ca = rules("US"), rules("CA")
    if (us is not None and us.valid(nsn)) or (ca is not None and ca.valid(nsn)):
        return True, True
    region = _region_of(nsn)
    found = rules(region) if region is not None else None
    return found is not None and found.valid(nsn), True
