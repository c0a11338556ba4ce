"""A 1 MB adversarial input finishes well under a second.

Every pattern uses bounded quantifiers so the regex engine does bounded work per position; these
inputs are the ones that break naive patterns (catastrophic backtracking) or naive bookkeeping
(quadratic overlap checks). CPU time of this process is measured, not wall time, so a busy machine
does not make the test flaky.
"""

from __future__ import annotations

import time

import pytest

from redline.detect.pii import PiiOptions, default_scanner

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


# Dense real hits, cue and value repeated (issue 14's shape of attack): each new recognizer finds
# its cues once per text, so a megabyte of them costs the same per character as a sparse one.
MIB = 1 << 20
DENSE = {
    "UK_NINO": "NI number AB123456C ",
    "CA_SIN": "SIN 130 692 544 ",
    "FR_NIR": "sécu 1 85 03 75 116 001 27 ",
    "DE_TAX_ID": "Steuer-ID 86 095 742 719 ",
    "ES_NIF": "DNI 12345678Z ",
    "ES_NIE": "NIE X-1234567-L ",
    "IT_FISCAL_CODE": "codice fiscale RSSMRA85T10A562S ",
    "IN_AADHAAR": "Aadhaar 2341 2341 2346 ",
    "IN_PAN": "PAN ABCPE1234F ",
    "BR_CPF": "CPF 111.444.777-35 ",
    "AU_TFN": "TFN 123 456 782 ",
    "MX_CURP": "CURP GODE561231HDFRRN00 ",
    "PHONE_NUMBER (national)": "Handy: 030 101396 ",
    "STREET_ADDRESS (international)": "wohnt Hauptstraße 12, 10115 Berlin ",
    "STREET_ADDRESS (Japanese)": "住所：東京都渋谷区神南1丁目2番3号 ",
    "CREDIT_CARD (Maestro)": "karta 6759 6498 2643 8453 ",
    "DATE_OF_BIRTH (table row)": "Jo Doe | 03/14/1985 | 123-45-6789\n",
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(DENSE))
def test_dense_cue_and_value_megabyte_is_linear(name: str) -> None:
    unit = DENSE[name]
    text = (unit * (MIB // len(unit) + 1))[:MIB]
    entity = name.split()[0]
    sample = default_scanner().scan(unit * 3).signals
    assert any(s.type == entity for s in sample), f"{name}: the unit itself is not found"
    options = PiiOptions(entities=frozenset({entity}))  # this entity's recognizers only
    started = time.process_time()
    result = default_scanner().scan(text, options)
    elapsed = time.process_time() - started
    assert len(result.signals) > MIB // len(unit) // 2, "most of the dense values are found"
    assert elapsed < 2.0, f"{name}: {elapsed:.2f}s of CPU for 1 MiB of dense cue+value text"
