"""The Presidio adapter maps labels to ours without inventing duplicates."""

from types import SimpleNamespace

from bench.pii.presidio_scan import mask, to_findings


def result(entity_type: str, start: int, end: int, score: float = 0.85) -> SimpleNamespace:
    return SimpleNamespace(
        entity_type=entity_type,
        start=start,
        end=end,
        score=score,
        recognition_metadata={"recognizer_name": "R"},
    )


def test_labels_are_mapped_and_unknown_ones_dropped() -> None:
    text = "x" * 40
    found = to_findings(
        text,
        [
            result("LOCATION", 0, 5),
            result("DATE_TIME", 6, 10),
            result("IBAN_CODE", 11, 20),
            result("PERSON", 21, 25),
        ],
    )
    assert [f["entity"] for f in found] == ["STREET_ADDRESS", "DATE_OF_BIRTH", "BANK_ACCOUNT"]
    assert found[0]["detector"] == "presidio:R"


def test_contained_duplicates_of_the_same_mapped_type_collapse() -> None:
    found = to_findings(
        "y" * 30, [result("US_BANK_NUMBER", 2, 10, 0.4), result("IBAN_CODE", 0, 20, 1.0)]
    )
    assert [(f["start"], f["end"]) for f in found] == [(0, 20)]


def test_mask_keeps_last_four() -> None:
    assert mask("123-45-6789") == "***-**-6789"


def test_national_ids_keep_presidio_names() -> None:
    found = to_findings(
        "z" * 60,
        [result("UK_NINO", 0, 9), result("IN_AADHAAR", 10, 24), result("AU_TFN", 30, 41)],
    )
    assert [f["entity"] for f in found] == ["UK_NINO", "IN_AADHAAR", "AU_TFN"]
