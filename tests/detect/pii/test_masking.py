from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redline.detect.pii.masking import digits_of, keep_tail, keyed_digest, mask


@pytest.mark.parametrize(
    ("entity", "raw", "masked"),
    [
        ("US_SSN", "123 45 6789", "***-**-6789"),
        ("CREDIT_CARD", "4111-1111-1111-1111", "****-****-****-1111"),
        ("PHONE_NUMBER", "(415) 555-2671", "(***) ***-**71"),
        ("EMAIL_ADDRESS", "jane.doe@example.com", "j***@*******.com"),
        ("IP_ADDRESS", "73.45.120.9", "73.*.*.*"),
        ("DATE_OF_BIRTH", "03/14/1985", "**/**/1985"),
        ("GEO_COORDINATES", "40.7128, -74.0060", "40.****, -74.****"),
    ],
)
def test_mask(entity: str, raw: str, masked: str) -> None:
    assert mask(entity, raw) == masked


def test_digits_fold_unicode() -> None:
    assert digits_of("１２３-45") == "12345"


def test_keep_tail_keeps_separators() -> None:
    assert keep_tail("AB-12", 1) == "**-*2"


def test_digest_is_scoped_by_entity() -> None:
    assert keyed_digest(b"k", "US_SSN", "1") != keyed_digest(b"k", "PHONE_NUMBER", "1")


@given(st.text(alphabet="aZ09-_ .()٣²éİ✱", max_size=24), st.integers(0, 6), st.sampled_from("*#"))
def test_keep_tail_stars_exactly_the_letters_and_digits_before_the_tail(
    raw: str, keep: int, star: str
) -> None:
    # the plain definition, character by character, that the fast paths must agree with
    alnum = [i for i, ch in enumerate(raw) if ch.isalnum()]
    visible = set(alnum[-keep:]) if keep else set()
    expected = "".join(
        star if ch.isalnum() and i not in visible else ch for i, ch in enumerate(raw)
    )
    assert keep_tail(raw, keep, star) == expected


@given(st.text(alphabet="0123456789/-. ,aMé٣²_", max_size=16))
def test_date_mask_keeps_only_four_digit_runs(raw: str) -> None:
    out, run = [], ""
    for ch in raw + "\0":
        if ch.isalnum():
            run += ch
            continue
        out.append(run if len(run) == 4 and run.isdigit() else "*" * len(run))
        out.append(ch)
        run = ""
    assert mask("DATE_OF_BIRTH", raw) == "".join(out)[:-1]
