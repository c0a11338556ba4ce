"""Generate the synthetic PII corpus: JSONL ``{"id", "text", "gold": [{"entity","start","end"}]}``.

Each record also names its template (``"template": "P12"`` / ``"N3"``, an index into
``templates.POSITIVE`` / ``NEGATIVE``) so that errors can be grouped by pattern.

Three template families: ``standard`` (``templates.py``, the one the detectors were developed
against), ``unseen`` (``templates_unseen.py``, written later and blind to the detectors, for
an honest test of generalisation; its tags read ``UP12`` / ``UN3`` and its ids
``unseen-SEED-NNNNNN``) and ``blind2`` (``templates_blind2.py``, a second blind family written
after the detectors had been improved on the first; tags ``BP12`` / ``BN3``, ids
``blind2-SEED-NNNNNN``). All draw values the same way; the standard corpus for a seed is the
same whether or not the other families exist.

A fourth, ``blind_intl`` (``templates_blind_intl.py``), is international: each template belongs
to a locale (en_GB, fr_FR, ja_JP, ...), its values come from ``values_intl.IntlValues`` in that
locale, each record carries a ``"locale"`` field, and its entity list adds twelve national
identifiers (``INTL_ENTITIES``). Tags ``WP12`` / ``WN3``, ids ``blind_intl-SEED-NNNNNN``.

Gold offsets are recorded while the text is being assembled, piece by piece, and checked against
the inserted value on the spot: searching for values afterwards would mislabel repeats and
look-alikes. About 35% of records hold no private data, only hard negatives (SSN-shaped order
numbers, non-birth dates, versions shaped like IP addresses...), so precision is measured on
the text a platform actually sees, not on a corpus where every number is PII.

Usage::

    python bench/pii/generate.py --seed 1 --n 10000 --output corpus.jsonl [--scan-input in.jsonl]
    python bench/pii/generate.py --templates unseen --seed 7 --n 5000 --output unseen.jsonl
    python bench/pii/generate.py --templates blind2 --seed 11 --n 5000 --output blind2.jsonl
    python bench/pii/generate.py --templates blind_intl --seed 13 --n 3000 --output intl.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``bench.pii`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.pii import templates, templates_blind2, templates_blind_intl, templates_unseen
from bench.pii.national_ids import NATIONAL_IDS
from bench.pii.values import Values
from bench.pii.values_intl import IntlValues

ENTITIES = (
    "US_SSN",
    "US_SSN_PARTIAL",
    "STREET_ADDRESS",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "DATE_OF_BIRTH",
    "CREDIT_CARD",
    "US_PASSPORT",
    "US_DRIVER_LICENSE",
    "BANK_ACCOUNT",
    "IP_ADDRESS",
    "GEO_COORDINATES",
)
# National identifiers, scored only in the international family (so the other families'
# figures do not change when a detector starts reporting them).
INTL_ENTITIES = NATIONAL_IDS
ALL_ENTITIES = ENTITIES + INTL_ENTITIES

US_ENTITIES = ENTITIES  # what the standard, unseen and blind2 families hold
NEGATIVE_SHARE = 0.35
UPPER_SHARE = 0.07
LOWER_SHARE = 0.07
NOISY_SHARE = 0.15
ODD_SPACES = ["  ", "\t", "\u00a0", "  ", " \u00a0"]

ValueFn = Callable[[Values], str]

GOLD_SLOTS: dict[str, tuple[str, ValueFn]] = {
    "SSN": ("US_SSN", Values.ssn),
    "SSN_BARE": ("US_SSN", Values.ssn_bare),
    "SSN_MASK": ("US_SSN_PARTIAL", Values.ssn_masked),
    "SSN4": ("US_SSN_PARTIAL", Values.ssn_last4),
    "ADDR": ("STREET_ADDRESS", Values.address),
    "ADDR_ML": ("STREET_ADDRESS", lambda v: v.address(multiline=True)),
    "ADDR_US": ("STREET_ADDRESS", Values.address_us),
    "ADDR_UK": ("STREET_ADDRESS", Values.address_uk),
    "ADDR_CA": ("STREET_ADDRESS", Values.address_ca),
    "ADDR_PART": ("STREET_ADDRESS", Values.address_partial),
    "PHONE": ("PHONE_NUMBER", Values.phone),
    "PHONE_US": ("PHONE_NUMBER", Values.phone_us),
    "PHONE_INTL": ("PHONE_NUMBER", Values.phone_intl),
    "PHONE_BARE": ("PHONE_NUMBER", Values.phone_bare),
    "EMAIL": ("EMAIL_ADDRESS", Values.email),
    "DOB": ("DATE_OF_BIRTH", Values.birth_date),
    "CARD": ("CREDIT_CARD", Values.card),
    "PASSPORT": ("US_PASSPORT", Values.passport),
    "DL": ("US_DRIVER_LICENSE", Values.driver_license),
    "ACCT": ("BANK_ACCOUNT", Values.account_number),
    "IBAN": ("BANK_ACCOUNT", Values.iban),
    "IP": ("IP_ADDRESS", Values.ip),
    "GEO": ("GEO_COORDINATES", Values.geo),
    "GEO_LATLON": ("GEO_COORDINATES", Values.geo_latlon),
    "GEO_LATITUDE": ("GEO_COORDINATES", Values.geo_latitude),
}


def _intl(values: Values) -> IntlValues:
    if not isinstance(values, IntlValues):
        raise TypeError("this slot belongs to the blind_intl family (values need a locale)")
    return values


def _in(fn: Callable[[IntlValues], str]) -> ValueFn:
    """A value drawn in the current record's locale (international family only)."""
    return lambda v: fn(_intl(v))


# Gold slots of the international family (used by no other family).
GOLD_SLOTS.update(
    {
        "L_PHONE": ("PHONE_NUMBER", _in(lambda v: v.phone())),
        "L_MOBILE": ("PHONE_NUMBER", _in(lambda v: v.phone("mobile"))),
        "L_LANDLINE": ("PHONE_NUMBER", _in(lambda v: v.phone("fixed", intl=0.0))),
        "L_PHONE_EXT": ("PHONE_NUMBER", _in(lambda v: v.phone("fixed", intl=0.1, ext=1.0))),
        "L_PHONE_INTL": ("PHONE_NUMBER", _in(lambda v: v.phone(intl=1.0))),
        "L_ADDR": ("STREET_ADDRESS", _in(lambda v: v.address("line"))),
        "L_ADDR_ML": ("STREET_ADDRESS", _in(lambda v: v.address("ml"))),
        "L_ADDR_PART": ("STREET_ADDRESS", _in(lambda v: v.address("part"))),
        "L_DOB": ("DATE_OF_BIRTH", _in(IntlValues.local_dob)),
        "L_EMAIL": ("EMAIL_ADDRESS", _in(IntlValues.local_email)),
        "L_IBAN": ("BANK_ACCOUNT", _in(IntlValues.local_iban)),
        "L_ACCT": ("BANK_ACCOUNT", _in(IntlValues.local_account)),
        "I_CARD": ("CREDIT_CARD", _in(IntlValues.intl_card)),
        **{
            f"CARD_{network.upper()}": ("CREDIT_CARD", _in(lambda v, n=network: v.intl_card(n)))
            for network in ("jcb", "maestro", "unionpay", "diners", "mir", "rupay", "uatp")
        },
        "NINO": ("UK_NINO", _in(IntlValues.uk_nino)),
        "SIN": ("CA_SIN", _in(IntlValues.ca_sin)),
        "NIR": ("FR_NIR", _in(IntlValues.fr_nir)),
        "STEUER_ID": ("DE_TAX_ID", _in(IntlValues.de_tax_id)),
        "DNI": ("ES_NIF", _in(IntlValues.es_nif)),
        "NIE": ("ES_NIE", _in(IntlValues.es_nie)),
        "CF": ("IT_FISCAL_CODE", _in(IntlValues.it_fiscal_code)),
        "AADHAAR": ("IN_AADHAAR", _in(IntlValues.in_aadhaar)),
        "PAN": ("IN_PAN", _in(IntlValues.in_pan)),
        "CPF": ("BR_CPF", _in(IntlValues.br_cpf)),
        "TFN": ("AU_TFN", _in(IntlValues.au_tfn)),
        "CURP": ("MX_CURP", _in(IntlValues.mx_curp)),
    }
)

FILLERS: dict[str, ValueFn] = {
    "name": Values.name,
    "first": Values.first_name,
    "last": Values.last_name,
    "city": lambda v: str(v.pick((v.us, v.gb, v.ca)).city()),
    "company": lambda v: str(v.us.company()),
    "state": lambda v: str(v.us.state_abbr(include_territories=False)),
    "user": lambda v: str(v.us.user_name()),
    "street": Values.street_only,
    "date": Values.other_date,
    "year": lambda v: str(v.rng.randrange(1950, 2026)),
    "order": Values.order_ref,
    "tracking": Values.tracking,
    "refphone": Values.ref_phone,
    "zip": Values.zip_code,
    "price": Values.price,
    "score": Values.score,
    "version": Values.version,
    "version4": Values.version4,
    "pct": Values.percent,
    "bignum": Values.big_number,
    "isbn": Values.isbn,
    "caseno": Values.case_number,
    "invoice": Values.invoice,
    "time": Values.time,
    "measure": Values.measure,
    "plate": Values.plate,
    "expiry": Values.expiry,
    "cvv": lambda v: v.digits(3),
    "flight": Values.flight,
    "team": Values.team,
    "n": Values.small_int,
    "emoji": Values.emoji,
    "giftcard": Values.not_a_card,
    "product": lambda v: v.pick(templates.PRODUCTS),
    "weekday": lambda v: v.pick(templates.WEEKDAYS),
    "gender": lambda v: v.pick(templates.GENDERS),
    # Added for the unseen family (used by no standard template).
    "ssnlike": Values.ssn_shaped,
    "phonelike": Values.phone_shaped,
    "digits9": Values.nine_digits,
    "digits10": Values.ten_digits,
    "last4": Values.last_four,
    "decimal": Values.decimal,
    "sku": Values.sku,
    "ordinal": Values.ordinal,
    # Added for the second blind family (used by no standard or unseen template).
    "imei": Values.imei,
    "patent": Values.patent,
    "cas": Values.cas,
    "lotto": Values.lotto,
    "train": Values.train,
    "hull": Values.hull,
    "serial9": Values.serial9,
    "upc": Values.upc,
    "mac": Values.mac,
    "oid": Values.oid,
    "hex": Values.hex_id,
    "chatstamp": Values.chat_stamp,
    "isostamp": Values.iso_stamp,
    "logstamp": Values.log_stamp,
    "digits8": lambda v: v.digits(8, first_nonzero=True),
    # Added for the international family (used by no other family).
    "l_name": _in(IntlValues.local_name),
    "l_first": _in(IntlValues.local_first),
    "l_last": _in(IntlValues.local_last),
    "l_city": _in(IntlValues.local_city),
    "l_street": _in(IntlValues.local_street),
    "l_date": _in(IntlValues.local_other_date),
    "l_price": _in(IntlValues.local_price),
    "l_postcode": _in(IntlValues.postcode_only),
    "l_order": _in(IntlValues.order_number),
    "l_isbn": _in(IntlValues.isbn13),
    "l_parcel": _in(IntlValues.s10_tracking),
    "l_ssnbuild": _in(IntlValues.ssn_build),
    "l_idlike": _in(IntlValues.invoice_like_id),
    "l_abn": _in(IntlValues.abn),
    "l_upi": _in(IntlValues.upi_ref),
    "l_grouped12": _in(IntlValues.grouped12),
    "l_lat": _in(IntlValues.latitude_prose),
    "l_km": _in(IntlValues.km),
    "l_year": lambda v: str(v.rng.randrange(1990, 2026)),
    "l_n": lambda v: str(v.rng.randrange(2, 60)),
}


class Family:
    """One template family: its positive and negative pools and how its records are tagged.

    A family whose templates each belong to a locale passes ``locales`` (one list per pool,
    parallel to it) and a ``values`` class that draws in the current locale; its records then
    carry a ``"locale"`` field. ``entities`` is the list its corpus is scored on.
    """

    def __init__(
        self,
        positive: list[str],
        negative: list[str],
        tag: str,
        id_prefix: str,
        *,
        entities: tuple[str, ...] = ENTITIES,
        values: Callable[[int], Values] = Values,
        locales: tuple[list[str], list[str]] | None = None,
    ):
        self.positive, self.negative = positive, negative
        self.tag, self.id_prefix = tag, id_prefix
        self.entities, self.values, self.locales = entities, values, locales


FAMILIES: dict[str, Family] = {
    "standard": Family(templates.POSITIVE, templates.NEGATIVE, tag="", id_prefix=""),
    "unseen": Family(
        templates_unseen.POSITIVE, templates_unseen.NEGATIVE, tag="U", id_prefix="unseen-"
    ),
    "blind2": Family(
        templates_blind2.POSITIVE, templates_blind2.NEGATIVE, tag="B", id_prefix="blind2-"
    ),
    # eighteen locales, drawn by ``generate_intl`` (its templates are keyed by language)
    "intl": Family([], [], tag="I", id_prefix="intl-", entities=ALL_ENTITIES),
    "blind_intl": Family(
        [t for _, t in templates_blind_intl.POSITIVE],
        [t for _, t in templates_blind_intl.NEGATIVE],
        tag="W",
        id_prefix="blind_intl-",
        entities=ALL_ENTITIES,
        values=IntlValues,
        locales=(
            [loc for loc, _ in templates_blind_intl.POSITIVE],
            [loc for loc, _ in templates_blind_intl.NEGATIVE],
        ),
    ),
}

_SLOT = re.compile(r"\{([A-Za-z0-9_]+)\}")


class _Builder:
    """Assembles one record's text and records gold offsets as values are appended."""

    def __init__(self, values: Values, case: str, noisy: bool) -> None:
        self.values = values
        self.case = case
        self.noisy = noisy
        self.parts: list[str] = []
        self.pos = 0
        self.gold: list[dict[str, Any]] = []
        self._inserted: list[str] = []

    def _cased(self, piece: str) -> str:
        changed = (
            piece.upper()
            if self.case == "upper"
            else piece.lower()
            if self.case == "lower"
            else piece
        )
        # Some characters change length when case-mapped; offsets must stay exact.
        return changed if len(changed) == len(piece) else piece

    def _spaced(self, piece: str, p: float, choices: list[str]) -> str:
        if not self.noisy:
            return piece
        rng = self.values.rng
        return "".join(
            rng.choice(choices) if ch == " " and rng.random() < p else ch for ch in piece
        )

    def literal(self, piece: str) -> None:
        self._append(self._spaced(self._cased(piece), 0.35, ODD_SPACES))

    def value(self, entity: str, raw: str) -> None:
        piece = self._cased(raw)
        if entity == "STREET_ADDRESS":  # text pasted from web pages: NBSP between the parts
            piece = self._spaced(piece, 0.2, ["\u00a0"])
        start = self.pos
        self._append(piece)
        self.gold.append({"entity": entity, "start": start, "end": self.pos})
        self._inserted.append(piece)

    def _append(self, piece: str) -> None:
        self.parts.append(piece)
        self.pos += len(piece)

    def finish(self) -> tuple[str, list[dict[str, Any]]]:
        text = "".join(self.parts)
        for span, inserted in zip(self.gold, self._inserted, strict=True):
            assert text[span["start"] : span["end"]] == inserted, (span, inserted, text)
        return text, self.gold


def render(
    template: str, values: Values, *, case: str = "as-is", noisy: bool = False
) -> tuple[str, list[dict[str, Any]]]:
    """Fill one template; return the text and its gold spans."""
    builder = _Builder(values, case, noisy)
    for i, piece in enumerate(_SLOT.split(template)):
        if i % 2 == 0:
            if piece:
                builder.literal(piece)
        elif piece in GOLD_SLOTS:
            entity, make = GOLD_SLOTS[piece]
            builder.value(entity, make(values))
        elif piece in FILLERS:
            builder.literal(FILLERS[piece](values))
        else:
            raise KeyError(f"unknown slot {{{piece}}} in template {template!r}")
    return builder.finish()


def generate(seed: int, n: int, family: str = "standard") -> Iterator[dict[str, Any]]:
    """Yield ``n`` records; the same (seed, n, family, Faker version) gives the same corpus."""
    if family == "intl":
        from bench.pii import generate_intl  # imports this module: load it on demand

        yield from generate_intl.generate(seed, n)
        return
    pools = FAMILIES[family]
    values = pools.values(seed)
    rng = values.rng
    for i in range(n):
        negative = rng.random() < NEGATIVE_SHARE
        pool = pools.negative if negative else pools.positive
        index = rng.randrange(len(pool))
        template = pool[index]
        locale = None
        if pools.locales is not None:
            locale = pools.locales[1 if negative else 0][index]
            _intl(values).locale = locale
        roll = rng.random()
        case = (
            "upper"
            if roll < UPPER_SHARE
            else "lower"
            if roll < UPPER_SHARE + LOWER_SHARE
            else "as-is"
        )
        noisy = rng.random() < NOISY_SHARE
        text, gold = render(template, values, case=case, noisy=noisy)
        if negative:
            assert not gold, template
        # "template" lets error reports group failures by pattern; detectors never see it.
        tag = f"{pools.tag}{'N' if negative else 'P'}{index}"
        rid = f"{pools.id_prefix}{seed}-{i:06d}"
        record = {"id": rid, "text": text, "gold": gold, "template": tag}
        if locale is not None:
            record["locale"] = locale
        yield record


def strip_gold(record: dict[str, Any]) -> dict[str, Any]:
    """The scan input form of a record: what a detector is allowed to see."""
    return {"id": record["id"], "text": record["text"]}


def write_jsonl(records: Iterable[dict[str, Any]], path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_corpus(
    seed: int,
    n: int,
    gold_path: Path,
    scan_input: Path | None = None,
    family: str = "standard",
) -> list[dict[str, Any]]:
    """Write the gold corpus (and optionally the gold-free scan input); return the records."""
    records = list(generate(seed, n, family))
    write_jsonl(records, gold_path)
    if scan_input is not None:
        write_jsonl((strip_gold(r) for r in records), scan_input)
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--output", type=Path, required=True, help="gold corpus JSONL")
    parser.add_argument("--scan-input", type=Path, help="also write the corpus without gold here")
    parser.add_argument("--no-gold", action="store_true", help="write --output without gold")
    parser.add_argument(
        "--templates",
        choices=sorted(FAMILIES),
        default="standard",
        help="template family: standard (default), or unseen / blind2 / blind_intl (written blind "
        "to the detectors)",
    )
    args = parser.parse_args(argv)
    records = generate(args.seed, args.n, args.templates)
    if args.no_gold:
        write_jsonl((strip_gold(r) for r in records), args.output)
    else:
        write_corpus(args.seed, args.n, args.output, args.scan_input, args.templates)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
