"""National identifiers: each rule agrees with python-stdnum, and each entity is found in text.

python-stdnum is an independent implementation of the same published rules; the bench's
generators (``bench.pii.values_locales``) write valid values the way people write them.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from bench.pii.values_locales import IntlValues
from stdnum import luhn
from stdnum.au import tfn
from stdnum.br import cpf
from stdnum.ca import sin
from stdnum.de import idnr
from stdnum.es import dni, nie
from stdnum.fr import nir
from stdnum.in_ import aadhaar, pan
from stdnum.it import codicefiscale
from stdnum.mx import curp

from redline.detect.pii import default_scanner
from redline.detect.pii.recognizers import national_id_rules as rules
from redline.detect.pii.recognizers.national_id import compact
from tests.detect.pii.helpers import found

# (our rule, stdnum's is_valid, the generator of valid values)
CASES: dict[
    str, tuple[Callable[[str], bool], Callable[[str], bool], Callable[[IntlValues], str]]
] = {
    "CA_SIN": (rules.ca_sin, sin.is_valid, IntlValues.sin),
    "FR_NIR": (rules.fr_nir, nir.is_valid, IntlValues.nir),
    "DE_TAX_ID": (rules.de_tax_id, idnr.is_valid, IntlValues.de_tax_id),
    "ES_NIF": (rules.es_dni, dni.is_valid, IntlValues.dni),
    "ES_NIE": (rules.es_nie, nie.is_valid, IntlValues.nie),
    "IT_FISCAL_CODE": (rules.it_fiscal_code, codicefiscale.is_valid, IntlValues.codice_fiscale),
    "IN_AADHAAR": (rules.in_aadhaar, aadhaar.is_valid, IntlValues.aadhaar),
    "IN_PAN": (rules.in_pan, pan.is_valid, IntlValues.pan),
    "BR_CPF": (rules.br_cpf, cpf.is_valid, IntlValues.cpf),
    "AU_TFN": (rules.au_tfn, tfn.is_valid, IntlValues.tfn),
    "MX_CURP": (rules.mx_curp, curp.is_valid, IntlValues.curp),
}


@pytest.mark.parametrize("entity", list(CASES))
def test_rules_agree_with_stdnum_on_valid_and_mutated_values(entity: str) -> None:
    ours, theirs, make = CASES[entity]
    values = IntlValues(13)
    rng = random.Random(entity)
    for _ in range(300):
        value = compact(make(values))
        assert ours(value) and theirs(value), value
        # change one character to another of its kind: both must still agree
        i = rng.randrange(len(value))
        pool = "0123456789" if value[i].isdigit() else "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        mutated = value[:i] + rng.choice(pool.replace(value[i], "")) + value[i + 1 :]
        # we never accept what stdnum refuses (ours may be stricter: CURP's vowel, SIN's 8)
        assert not ours(mutated) or theirs(mutated), mutated


def test_nino_rules() -> None:
    assert rules.uk_nino("AB123456C")
    assert not rules.uk_nino("GB123456C")  # an unused prefix
    assert not rules.uk_nino("DA123456C")  # D is never a first letter
    assert not rules.uk_nino("AB123456E")  # suffixes run A-D
    assert not rules.uk_nino("AO123456A")  # O is never a second letter


def test_sin_is_luhn_and_never_starts_with_zero() -> None:
    assert luhn.is_valid("046454286") and not rules.ca_sin("046454286")
    assert rules.ca_sin("130692544") and luhn.is_valid("130692544")


POSITIVES = [
    ("UK_NINO", "His NI number is AB 12 34 56 C, apparently", "AB 12 34 56 C"),
    ("UK_NINO", "nino: ab123456c", "ab123456c"),
    ("CA_SIN", "SIN: 130 692 544", "130 692 544"),
    ("CA_SIN", "130-692-544 is his social insurance number", "130-692-544"),
    ("FR_NIR", "Numéro de sécurité sociale : 1 85 03 75 116 001 27", "1 85 03 75 116 001 27"),
    ("DE_TAX_ID", "Steuer-ID: 86 095 742 719", "86 095 742 719"),
    ("ES_NIF", "Mi DNI es 12345678Z, por si acaso", "12345678Z"),
    ("ES_NIE", "NIE X-1234567-L", "X-1234567-L"),
    ("IT_FISCAL_CODE", "il codice fiscale è RSSMRA85T10A562S", "RSSMRA85T10A562S"),
    ("IN_AADHAAR", "Aadhaar no. 2341 2341 2346", "2341 2341 2346"),
    ("IN_PAN", "PAN card: ABCPE1234F", "ABCPE1234F"),
    ("BR_CPF", "CPF 111.444.777-35", "111.444.777-35"),
    ("BR_CPF", "o cpf dela 111.444.777-35 tá na foto", "111.444.777-35"),
    ("AU_TFN", "my tax file number is 123 456 782", "123 456 782"),
    ("MX_CURP", "CURP: GODE561231HDFRRN00", "GODE561231HDFRRN00"),
]
NEGATIVES = [
    "Order 130 692 544 ships Monday",  # SIN-shaped, no name
    "Bestellung 86 095 742 719 ist unterwegs",  # tax-ID-shaped order number
    "Tracking 2341 2341 2346 out for delivery",  # Aadhaar-shaped
    "Pedido 111.444.777-35 enviado",  # CPF writing after an order word
    "SIN: 130 692 545",  # the checksum fails
    "codice fiscale RSSMRA85T10A562T",  # the check letter is wrong
    "NI number GB123456C",  # an unused prefix
]


@pytest.mark.parametrize(("entity", "text", "value"), POSITIVES)
def test_found_with_exact_span(entity: str, text: str, value: str) -> None:
    assert value in found(text, entity)


@pytest.mark.parametrize("text", NEGATIVES)
def test_look_alikes_are_not_national_ids(text: str) -> None:
    for entity in [*CASES, "UK_NINO"]:
        assert found(text, entity) == [], entity


def test_masked_and_hashed_alike_across_writings() -> None:
    scanner = default_scanner()
    from redline.detect.pii import PiiOptions

    options = PiiOptions(hash_key=b"k")
    a = scanner.scan("CPF 111.444.777-35", options).signals[0]
    b = scanner.scan("CPF 11144477735", options).signals[0]
    assert a.digest == b.digest and a.masked.endswith("35") and "111" not in a.masked


# Found by the fuzzer (tests/fuzz/test_pii.py): twelve full-width digits reached the Aadhaar
# check, which read them as ``ord(ch) - 48`` and raised IndexError, so every such post came back
# with a failed national_id recognizer (sent to review) instead of a scan.
@pytest.mark.parametrize(
    "text",
    [
        "００００００００００００- ",
        "ref ２３４１２３４１２３４６",
        "SIN ١٣٠٦٩٢٥٤٤",
        "TFN ¹²³⁴⁵⁶⁷⁸²",
    ],
)
def test_unicode_digits_never_fail_the_recognizer(text: str) -> None:
    assert default_scanner().scan(text).failures == []


def test_full_width_digits_are_checked_and_hashed_as_ascii() -> None:
    from redline.detect.pii import PiiOptions

    options = PiiOptions(hash_key=b"k")
    wide = default_scanner().scan("Aadhaar no. ２３４１ ２３４１ ２３４６", options).signals
    ascii_ = default_scanner().scan("Aadhaar no. 2341 2341 2346", options).signals
    assert [s.type for s in wide] == ["IN_AADHAAR"]
    assert wide[0].digest == ascii_[0].digest
