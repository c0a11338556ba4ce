"""The compiled validity check answers as libphonenumber does, for every region (issue 14)."""

from __future__ import annotations

import re

import phonenumbers
import pytest

from redline.detect.pii.masking import digits_of
from redline.detect.pii.recognizers.nanp import rules
from redline.detect.pii.recognizers.phone_valid import (
    is_valid,
    is_valid_for_region,
    may_be_national,
)


def _numbers() -> list[phonenumbers.PhoneNumber]:
    """Every region's and non-geographic code's example numbers, and their near misses."""
    examples = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in phonenumbers.PhoneNumberType.values():
            example = phonenumbers.example_number_for_type(region, kind)
            if example is not None:
                examples.append(example)
    for code in sorted(phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        example = phonenumbers.example_number_for_non_geo_entity(code)
        if example is not None:
            examples.append(example)
    numbers = []
    for example in examples:
        nsn = phonenumbers.national_significant_number(example)
        variants = {nsn, nsn[:-1], nsn + "5", nsn[1:]}
        variants.update(nsn[:-1] + d for d in "0123456789")
        variants.update(d + nsn[1:] for d in "0123456789")
        for variant in sorted(v for v in variants if len(v) >= 2):
            text = f"+{example.country_code}{variant}"
            try:
                numbers.append(phonenumbers.parse(text, None))
            except phonenumbers.NumberParseException:
                continue
    return numbers


NUMBERS = _numbers()


def test_the_numbers_cover_every_region_valid_and_not() -> None:
    regions = {phonenumbers.region_code_for_number(n) for n in NUMBERS}
    assert len(regions) > 240
    valid = sum(phonenumbers.is_valid_number(n) for n in NUMBERS)
    assert 0.2 * len(NUMBERS) < valid < 0.8 * len(NUMBERS)


def test_is_valid_equals_libphonenumber() -> None:
    for number in NUMBERS:
        assert is_valid(number) == phonenumbers.is_valid_number(number), number


def test_is_valid_for_region_equals_libphonenumber() -> None:
    regions = ("US", "GB", "DE", "FR", "IN", "BR", "JP", "001", "IT", "AU", "GG", "RU", "KZ")
    for number in NUMBERS[::3]:
        for region in regions:
            expected = phonenumbers.is_valid_number_for_region(number, region)
            assert is_valid_for_region(number, region) == expected, (number, region)


def test_a_region_compiles_only_what_it_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    """A region's rules compile its general pattern, not each number type's alone (start-up).

    The types are only matched inside one alternation per length, built on first use; a scan
    that touches thirty regions compiled some three hundred patterns it never ran.
    """
    expected = is_valid_for_region(phonenumbers.parse("+49301013960"), "DE")
    compiled: list[str] = []
    real = re.compile

    def counting(pattern: str, flags: int = 0) -> re.Pattern[str]:
        compiled.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(re, "compile", counting)
    found = rules.__wrapped__("DE")  # not the cached rules: build them again
    assert found is not None
    assert len(compiled) == 1
    assert found.valid("301013960") is expected
    assert len(compiled) == 2  # the alternation of the types that allow nine digits


def _national_oracle(main: str, region: str) -> bool:
    """The national check without the prefilter: parse, valid for the region, same digits."""
    try:
        number = phonenumbers.parse(main, region)
    except phonenumbers.NumberParseException:
        return False
    if not phonenumbers.is_valid_number_for_region(number, region):
        return False
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return digits_of(national) == digits_of(main)


def test_may_be_national_never_turns_away_a_valid_national_writing() -> None:
    """Every region's example numbers in national writing, and their near misses, read against
    their own region and a few others: the prefilter says no only where the full check does."""
    others = ("GB", "DE", "FR", "AU", "IE", "IN", "IT", "BR", "JP", "RU", "AR", "MX")
    accepted = refused = 0
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in phonenumbers.PhoneNumberType.values():
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            national = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)
            digits = digits_of(national)
            for main in {national, digits, digits[:-1], digits + "7", "0" + digits, digits[1:]}:
                if len(digits_of(main)) < 4:
                    continue
                for read_as in (region, *others):
                    if _national_oracle(main, read_as):
                        accepted += 1
                        assert may_be_national(digits_of(main), read_as), (main, read_as)
                    elif not may_be_national(digits_of(main), read_as):
                        refused += 1
    assert accepted > 1000 and refused > 1000  # both answers were exercised
