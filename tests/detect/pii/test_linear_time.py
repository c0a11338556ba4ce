"""A 1 MB adversarial input finishes well under a second.

Every pattern uses bounded quantifiers so the regex engine does bounded work per position; these
inputs are the ones that break naive patterns (catastrophic backtracking) or naive bookkeeping
(quadratic overlap checks). CPU time of this process is measured, not wall time, so a busy machine
does not make the test flaky.
"""

from __future__ import annotations

import time

import pytest

from redline.detect.pii import default_scanner

SIZE = 1_000_000


def _fill(unit: str) -> str:
    return (unit * (SIZE // len(unit) + 1))[:SIZE]


ADVERSARIAL = {
    "digit run": "7" * SIZE,
    "digit groups": _fill("1234567 "),
    "repeated separators": _fill("5" + "-" * 40 + " "),
    "mixed separators": _fill("12-- --34 .. "),
    "near-miss SSNs": _fill("123-45-678 "),
    "near-miss phones": _fill("(415) 555-26 "),
    "near-miss addresses": _fill("1520 Oak Ridgeway Springfield "),
    "address words without street type": _fill("lives at 1520 the Oak "),
    "street without number": _fill("Oak Ridge Dr, Springfield, IL "),
    "near-miss emails": _fill("a.b.c@ "),
    "near-miss coordinates": _fill("40.7, -74. "),
    "near-miss birth dates": _fill("born 99/99/9999 "),
    "no-break spaces": _fill("1\u00a0"),
    # a prose word that is also a USPS abbreviation ("is" for Island) made every "1 social is"
    # a street: 83,000 candidates and 1.5 s before those abbreviations were dropped
    "words that are street abbreviations": _fill("social is 1 "),
    "labels with clauses": _fill("account number for the refund is 12 "),
    "snake_case keys": _fill("ssn_last4: passport_no: "),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_megabyte_is_linear(name: str) -> None:
    scanner = default_scanner()
    text = ADVERSARIAL[name]
    started = time.process_time()
    scanner.scan(text)
    elapsed = time.process_time() - started
    assert elapsed < 1.0, f"{name}: {elapsed:.2f}s of CPU for 1 MB"
