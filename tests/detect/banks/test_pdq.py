"""PDQ hashing and the multi-index lookup: same answers as a full scan, bad images refused."""

from __future__ import annotations

import numpy as np
import pytest

from redline.detect.banks.pdq import PdqIndex, hamming, pdq_hash, validate_pdq
from redline.errors import InputError, LimitExceeded
from tests.curate.test_banks import jpeg_copy, picture


def random_hashes(n: int, seed: int = 0) -> list[str]:
    rng = np.random.default_rng(seed)
    return [bytes(rng.integers(0, 256, 32, dtype=np.uint8)).hex() for _ in range(n)]


def flip(hex_hash: str, bits: list[int]) -> str:
    value = int(hex_hash, 16)
    for b in bits:
        value ^= 1 << int(b)
    return f"{value:064x}"


@pytest.mark.parametrize("threshold", [0, 15, 31, 47, 70])
def test_index_agrees_with_a_full_scan(threshold: int) -> None:
    rng = np.random.default_rng(1)
    hashes = random_hashes(2000)
    # near copies at known distances
    near = [flip(hashes[i], list(rng.choice(256, d, replace=False))) for i, d in
            zip(range(0, 400, 10), range(0, 80, 2), strict=False)]  # fmt: skip
    index = PdqIndex.build(hashes)
    for q in near + random_hashes(5, seed=9):
        expected = sorted(
            (hamming(q, h), i) for i, h in enumerate(hashes) if hamming(q, h) <= threshold
        )
        assert index.query(q, threshold) == [(i, d) for d, i in expected]


def test_a_recompressed_resized_copy_is_near_and_another_picture_is_far() -> None:
    original = pdq_hash(picture(1))
    assert original.quality >= 50
    assert hamming(original.hex, pdq_hash(jpeg_copy(picture(1))).hex) <= 31
    assert hamming(original.hex, pdq_hash(picture(2)).hex) > 31


def test_bad_images_and_hashes_are_refused() -> None:
    with pytest.raises(InputError):
        pdq_hash(b"\x89PNG\r\n\x1a\nbroken")
    with pytest.raises(LimitExceeded):
        pdq_hash(picture(1), max_pixels=100)
    for bad in ("xyz", "0" * 63, "g" * 64):
        with pytest.raises(ValueError):
            validate_pdq(bad)
    assert validate_pdq("A" * 64) == "a" * 64
