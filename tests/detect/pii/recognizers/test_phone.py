"""The phone recognizer's shortcut past libphonenumber's parse must agree with parse."""

from __future__ import annotations

import random

from redline.detect.pii.recognizers.phone import _check, _check_nanp, _north_american


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
