"""The phone recognizer's shortcut past libphonenumber's parse must agree with parse."""

from __future__ import annotations

import random

import phonenumbers

from redline.detect.pii.recognizers.nanp import check_nanp
from redline.detect.pii.recognizers.phone_check import check as _check
from redline.detect.pii.recognizers.phone_check import check_north_american as _check_nanp
from redline.detect.pii.recognizers.phone_check import north_american as _north_american


def test_plus_one_numbers_validate_as_parse_would() -> None:
    rng = random.Random(20261126)
    nationals = [f"{rng.randrange(2, 10)}{rng.randrange(10**9):09d}" for _ in range(1500)]
    nationals += ["4155552671", "2125550143", "8765550123", "2425550123", "6495550123"]
    for national in nationals:
        for writing in (f"+1{national}", f"+1 {national[:3]} {national[3:6]} {national[6:]}"):
            digits = "1" + national
            assert _north_american(writing, digits)
            assert _check_nanp(national) == _check(writing, None), writing
        assert _north_american(f"001{national}", f"001{national}")
        assert _check_nanp(national) == _check(f"+1{national}", None)


def test_other_writings_take_the_full_parse() -> None:
    assert not _north_american("+44 20 7946 0958", "442079460958")
    assert not _north_american("+1 0123456789", "10123456789")  # a leading zero is kept by parse
    assert not _north_american("+1 14155552671", "114155552671")  # parse strips the national 1
    assert not _north_american("+1 415555267", "1415555267")  # too short


def _reference_nanp(national: str) -> tuple[bool, bool]:
    """What libphonenumber's public API says of a North American number."""
    number = phonenumbers.PhoneNumber(country_code=1, national_number=int(national))
    if not phonenumbers.is_possible_number(number):
        return False, False
    valid = (
        phonenumbers.is_valid_number_for_region(number, "US")
        or phonenumbers.is_valid_number_for_region(number, "CA")
        or phonenumbers.is_valid_number(number)
    )
    return valid, True


def test_compiled_nanp_rules_answer_as_libphonenumber_does() -> None:
    rng = random.Random(11)
    nationals = []
    for area in range(1000):  # every area code, territories and toll-free included
        for _ in range(3):
            nationals.append(f"{area:03d}{rng.randrange(10**7):07d}")
    nationals += ["0000000000", "0001234567", "1234567890", "8005550199", "9005550199"]
    valid = 0
    for national in nationals:
        expected = _reference_nanp(national)
        assert check_nanp(national) == expected, national
        valid += expected[0]
    assert valid > 1000  # the sample holds plenty of valid numbers, not only refusals


def test_national_writings_are_read_against_the_countries_the_text_points_to() -> None:
    from redline.detect.pii import PiiOptions, detect_pii

    def phones(text: str, regions: tuple[str, ...] = ("US",)) -> list[str]:
        options = PiiOptions(phone_regions=regions)
        return [
            text[s.start : s.end] for s in detect_pii(text, options) if s.type == "PHONE_NUMBER"
        ]

    # no hint, platform defaults US: a Spanish mobile without its +34 is nothing
    assert phones("ring 612 34 56 78 now") == []
    # the platform's default regions, a +CC elsewhere, the language, a city name
    assert phones("ring 612 34 56 78 now", ("ES",)) == ["612 34 56 78"]
    assert phones("612 34 56 78 o +34 612 34 56 79") == ["612 34 56 78", "+34 612 34 56 79"]
    assert phones("Llámame al 612 34 56 78") == ["612 34 56 78"]
    assert phones("in Madrid: 612 34 56 78") == ["612 34 56 78"]
    # a reference word still wins
    assert phones("Pedido 612 34 56 78 enviado") == []


def test_a_country_no_tail_of_the_number_fits_is_not_read_for_its_opening_digits() -> None:
    """After "Tel" any country may do; those whose numbers the digits cannot be are skipped
    before the ~1 ms read of a country's opening digits (the common case of English posts)."""
    from redline.detect.pii import detect_pii
    from redline.detect.pii.masking import digits_of
    from redline.detect.pii.recognizers import phone_check
    from redline.detect.pii.recognizers.phone_regions import ENGLISH, WORLD
    from redline.detect.pii.recognizers.phone_valid import may_be_national

    number = "0999 99 99 99 99"  # valid nowhere: every country is tried
    phone_check.opening_digits.cache_clear()
    try:
        assert [s for s in detect_pii(f"Tel. {number}") if s.type == "PHONE_NUMBER"] == []
        tried = {*ENGLISH, *WORLD}
        fitting = {r for r in tried if may_be_national(digits_of(number), r)}
        assert 0 < len(fitting) < len(tried) // 2
        assert phone_check.opening_digits.cache_info().currsize == len(fitting)
    finally:
        phone_check.opening_digits.cache_clear()


def test_a_regional_script_names_its_countries() -> None:
    """Hebrew, Hangul, Greek or Cyrillic letters say whose national numbers a post holds: without
    that hint an Israeli mobile was read only against the English-speaking guesses."""
    from redline.detect.pii import detect_pii
    from redline.detect.pii.recognizer import TextFacts
    from redline.detect.pii.recognizers.phone_regions import infer_regions

    def found(text: str) -> list[tuple[str, str]]:
        return [
            (text[s.start : s.end], s.evidence)
            for s in detect_pii(text)
            if s.type == "PHONE_NUMBER"
        ]

    cases = {
        "התקשר אליי 050-234-5678 מחר": ("050-234-5678", "IL"),
        "전화 010-2000-0000 주세요": ("010-2000-0000", "KR"),
        "Καλέστε με στο 691 234 5678": ("691 234 5678", "GR"),
    }
    for text, (number, region) in cases.items():
        assert infer_regions(text, TextFacts(text))[0][0] == region
        assert found(text) == [(number, f"valid national number of {region}")], text
    # the same Israeli writing in an English post points to no country: not a phone number
    assert found("call me 050-234-5678 tomorrow") == []
