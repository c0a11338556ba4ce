from __future__ import annotations

import pytest

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
