"""The multilingual family (``--templates intl``): deterministic, every locale and entity, and
every gold value valid by an independent check (python-stdnum, libphonenumber, Luhn, mod-97)."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

import phonenumbers
import pytest
from bench.pii.generate import ALL_ENTITIES as ENTITIES
from bench.pii.generate import generate
from bench.pii.generate_intl import pools
from bench.pii.values import iban_ok, luhn_ok, ssn_ok
from bench.pii.values_locales import LOCALES, NATIONAL_IDS, REGION
from stdnum.au import tfn
from stdnum.br import cpf
from stdnum.ca import sin
from stdnum.de import idnr
from stdnum.es import dni, nie
from stdnum.fr import nir
from stdnum.in_ import aadhaar, pan
from stdnum.it import codicefiscale
from stdnum.mx import curp

ID_CHECKS = {
    "CA_SIN": sin.is_valid,
    "FR_NIR": nir.is_valid,
    "DE_TAX_ID": idnr.is_valid,
    "ES_NIF": dni.is_valid,
    "ES_NIE": nie.is_valid,
    "IT_FISCAL_CODE": codicefiscale.is_valid,
    "IN_AADHAAR": aadhaar.is_valid,
    "IN_PAN": pan.is_valid,
    "BR_CPF": cpf.is_valid,
    "AU_TFN": tfn.is_valid,
    "MX_CURP": curp.is_valid,
    "UK_NINO": lambda v: re.fullmatch(r"[A-Z]{2} ?\d\d ?\d\d ?\d\d ?[A-D]", v.upper()) is not None,
    "US_SSN": ssn_ok,
}


@cache
def corpus() -> list[dict[str, Any]]:
    return list(generate(5, 3000, "intl"))


def _phone_ok(value: str, region: str) -> bool:
    main = re.split(r"\s*(?:x|ext\.?)\s*\d+$", value, flags=re.IGNORECASE)[0]
    number = phonenumbers.parse("+" + main[2:] if main.startswith("00") else main, region)
    return phonenumbers.is_valid_number(number)


def test_same_seed_same_corpus() -> None:
    assert list(generate(5, 200, "intl")) == corpus()[:200]


def test_every_locale_and_entity_with_negatives() -> None:
    records = corpus()
    assert {r["locale"] for r in records} == set(LOCALES)
    counts = Counter(g["entity"] for r in records for g in r["gold"])
    held = set(ENTITIES) - {"US_SSN_PARTIAL", "US_PASSPORT", "US_DRIVER_LICENSE", "GEO_COORDINATES"}
    assert set(counts) == held
    assert min(counts.values()) >= 5
    negatives = sum(1 for r in records if not r["gold"]) / len(records)
    assert 0.30 <= negatives <= 0.40


@pytest.mark.parametrize("locale", LOCALES)
def test_each_locale_has_templates_of_its_language(locale: str) -> None:
    positive, negative = pools(locale)
    assert len(positive) >= 7 and len(negative) >= 3
    if locale not in NATIONAL_IDS:
        assert not any("{NATID" in t for _, t in positive)


def test_every_gold_value_is_valid_by_an_independent_check() -> None:
    for record in corpus():
        region = REGION[record["locale"]]
        for g in record["gold"]:
            value = record["text"][g["start"] : g["end"]]
            entity = g["entity"]
            if entity in ID_CHECKS:
                assert ID_CHECKS[entity](value), (entity, value)
            elif entity == "PHONE_NUMBER":
                assert _phone_ok(value, region), (value, region)
            elif entity == "CREDIT_CARD":
                assert luhn_ok(value), value
            elif entity == "BANK_ACCOUNT":
                assert iban_ok(value), value
            else:
                assert re.search(r"\d", value) or entity == "EMAIL_ADDRESS", (entity, value)
