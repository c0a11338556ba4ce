"""Dense cue+value text: CPU seconds of one scan per entity (issue 14's attack shape).

A megabyte of "ssn 123-45-6789 " is the worst case for a recognizer that looks for context
around each candidate: every candidate has a cue beside it. This times the whole default scanner
(every recognizer, as the API runs it) on such a text for each entity, each in its own process
with a CPU-time limit, so a quadratic recognizer shows as a timeout rather than a hung run.

Usage::

    python bench/pii/dense.py                    # 1 MiB per entity, 60 s CPU limit each
    python bench/pii/dense.py --size 262144 --only US_SSN STREET_ADDRESS
    python bench/pii/dense.py --json out.json

Units vary their values (a rotating set), so no cache of a value's check hides the cost.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from itertools import count

MIB = 1 << 20


def _ssn(i: int) -> str:
    area = 101 + (i * 37) % 565  # 101-665: never 000, 666 or 9xx
    return f"{area:03d}-{10 + i % 89:02d}-{1000 + (i * 7919) % 9000:04d}"


def _luhn(body: str) -> str:
    total = 0
    for k, ch in enumerate(reversed(body)):
        d = int(ch)
        if k % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return body + str((10 - total % 10) % 10)


def _card(i: int) -> str:
    number = _luhn(f"411111{i % 1_000_000_000:09d}")
    return " ".join(number[k : k + 4] for k in range(0, 16, 4))


def _date(i: int) -> str:
    return f"{1 + i % 12:02d}/{1 + i % 28:02d}/{1940 + i % 60}"


# entity (label) -> unit maker; the label's first word is the entity the scan must report
UNITS: dict[str, Callable[[int], str]] = {
    "US_SSN": lambda i: f"ssn {_ssn(i)} ",
    "US_SSN (bare label)": lambda i: f"SSN: {_ssn(i).replace('-', '')} ",
    "US_SSN_PARTIAL (masked)": lambda i: f"ssn ***-**-{1000 + i % 9000} ",
    "US_SSN_PARTIAL (last four)": lambda i: f"last four of ssn {1000 + i % 9000} ",
    "STREET_ADDRESS": lambda i: f"lives at {100 + i % 9000} Oak Ridge Dr ",
    "STREET_ADDRESS (with tail)": lambda i: (
        f"lives at {100 + i % 9000} Oak Ridge Dr, Springfield, IL 627{i % 100:02d} "
    ),
    "PHONE_NUMBER": lambda i: f"cell (415) {200 + i % 700}-{1000 + i % 9000} ",
    "PHONE_NUMBER (international)": lambda i: f"tel +44 20 7946 {1000 + i % 9000} ",
    "PHONE_NUMBER (national)": lambda i: f"Handy: 030 {101000 + i % 899} ",
    "CREDIT_CARD": lambda i: f"card {_card(i)} ",
    "EMAIL_ADDRESS": lambda i: f"email jo.doe{i}@example.com ",
    "DATE_OF_BIRTH": lambda i: f"born {_date(i)} ",
    "DATE_OF_BIRTH (label)": lambda i: f"DOB: {_date(i)} ",
    "US_PASSPORT": lambda i: f"passport {310000000 + i % 9999999} ",
    "US_DRIVER_LICENSE": lambda i: f"DL# D{1000000 + i % 8999999} ",
    "BANK_ACCOUNT": lambda i: f"acct {4000000000 + i} ",
    "BANK_ACCOUNT (IBAN)": lambda i: "IBAN DE89 3704 0044 0532 0130 00 ",
    "IP_ADDRESS": lambda i: f"ip 192.168.{i % 250}.{1 + i % 250} ",
    "GEO_COORDINATES": lambda i: f"gps 40.{7000 + i % 2999}, -74.{1000 + i % 8999} ",
    "PERSON_NAME": lambda i: "Name: Jane Doe ",
    "UK_NINO": lambda i: "NI number AB123456C ",
    "CA_SIN": lambda i: "SIN 130 692 544 ",
    "FR_NIR": lambda i: "sécu 1 85 03 75 116 001 27 ",
    "DE_TAX_ID": lambda i: "Steuer-ID 86 095 742 719 ",
    "ES_NIF": lambda i: "DNI 12345678Z ",
    "ES_NIE": lambda i: "NIE X-1234567-L ",
    "IT_FISCAL_CODE": lambda i: "codice fiscale RSSMRA85T10A562S ",
    "IN_AADHAAR": lambda i: "Aadhaar 2341 2341 2346 ",
    "IN_PAN": lambda i: "PAN ABCPE1234F ",
    "BR_CPF": lambda i: "CPF 111.444.777-35 ",
    "AU_TFN": lambda i: "TFN 123 456 782 ",
    "MX_CURP": lambda i: "CURP GODE561231HDFRRN00 ",
    "STREET_ADDRESS (international)": lambda i: f"wohnt Hauptstraße {1 + i % 200}, 10115 Berlin ",
    "STREET_ADDRESS (Japanese)": lambda i: "住所：東京都渋谷区神南1丁目2番3号 ",
    "CREDIT_CARD (Maestro)": lambda i: "karta 6759 6498 2643 8453 ",
    "DATE_OF_BIRTH (table row)": lambda i: "Jo Doe | 03/14/1985 | 123-45-6789\n",
}


def dense_text(label: str, size: int = MIB) -> str:
    """``size`` characters of the label's unit, repeated with rotating values."""
    make = UNITS[label]
    pieces: list[str] = []
    total = 0
    for i in count():
        unit = make(i)
        pieces.append(unit)
        total += len(unit)
        if total >= size:
            break
    return "".join(pieces)[:size]


def entity_of(label: str) -> str:
    """The entity a label's text must be reported as."""
    return label.split()[0]


def _one(label: str, size: int) -> dict[str, object]:
    from redline.detect.pii import default_scanner

    scanner = default_scanner()
    scanner.scan("warm up: ssn 123-45-6789 lives at 1 Oak St")
    text = dense_text(label, size)
    started = time.process_time()
    result = scanner.scan(text)
    cpu = time.process_time() - started
    entity = entity_of(label)
    return {
        "label": label,
        "size": len(text),
        "cpu_s": round(cpu, 3),
        "signals": len(result.signals),
        "of_entity": sum(1 for s in result.signals if s.type == entity),
        "failures": [f.detector for f in result.failures],
    }


def main(argv: list[str] | None = None) -> int:
    """Time each entity's dense text in a child process under a CPU limit."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=MIB, help="characters per text")
    parser.add_argument("--limit", type=int, default=60, help="CPU seconds per entity")
    parser.add_argument("--only", nargs="*", help="labels or entities to run")
    parser.add_argument("--json", help="write the rows here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_one(args.child, args.size)))
        return 0
    labels = [
        label
        for label in UNITS
        if not args.only or label in args.only or entity_of(label) in args.only
    ]
    rows = []
    for label in labels:
        limit = args.limit

        def _cap(limit: int = limit) -> None:
            resource.setrlimit(resource.RLIMIT_CPU, (limit, limit + 1))

        cmd = [sys.executable, __file__, "--child", label, "--size", str(args.size)]
        done = subprocess.run(cmd, capture_output=True, text=True, preexec_fn=_cap, check=False)
        if done.returncode == 0:
            row = json.loads(done.stdout)
        else:
            row = {"label": label, "size": args.size, "cpu_s": None, "error": f">{limit}s CPU"}
            if done.returncode not in (-9, -24, 152):
                row["error"] = done.stderr.strip().splitlines()[-1:] or done.returncode
        rows.append(row)
        cpu = row["cpu_s"]
        shown = f"{cpu:8.2f}" if isinstance(cpu, float) else f"{row['error']!s:>8}"
        print(
            f"{label:34} {shown} s  signals {row.get('signals', '-')!s:>7}"
            f"  of entity {row.get('of_entity', '-')!s:>7}  {row.get('failures') or ''}",
            flush=True,
        )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(rows, out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
