"""The PII benchmark scorer: matching rules, both views, and the bookkeeping around them."""

import json

import pytest
from bench.pii.generate import ALL_ENTITIES
from bench.pii.score import (
    Counts,
    Span,
    format_locale_table,
    format_table,
    gold_as_predictions,
    load_predictions,
    match_spans,
    parse_findings,
    score_by_locale,
    score_records,
)

TEXT = "SSN 123-45-6789 and phone (415) 555-2671 here"


def record(
    rid: str = "r1", gold: list[tuple[str, int, int]] | None = None, text: str = TEXT
) -> dict:
    spans = gold if gold is not None else [("US_SSN", 4, 15), ("PHONE_NUMBER", 26, 40)]
    return {
        "id": rid,
        "text": text,
        "gold": [{"entity": e, "start": s, "end": t} for e, s, t in spans],
    }


def test_perfect_predictions_score_one_in_both_views() -> None:
    gold = [record()]
    scores = score_records(gold, gold_as_predictions(gold))
    assert scores.micro("overlap").f1 == 1.0
    assert scores.micro("exact").f1 == 1.0
    assert scores.overlap["US_SSN"].tp == 1 and scores.overlap["CREDIT_CARD"].tp == 0


def test_half_of_the_gold_span_is_enough_and_less_is_not() -> None:
    gold = [Span("US_SSN", 0, 10)]
    assert match_spans(gold, [Span("US_SSN", 5, 30)]) == [(0, 0)]
    assert match_spans(gold, [Span("US_SSN", 6, 30)]) == []


def test_type_must_be_compatible() -> None:
    scores = score_records(
        [record()], {"r1": [Span("CREDIT_CARD", 4, 15), Span("PHONE_NUMBER", 26, 40)]}
    )
    assert scores.overlap["US_SSN"].fn == 1
    assert scores.overlap["CREDIT_CARD"].fp == 1
    assert scores.overlap["PHONE_NUMBER"].tp == 1


def test_one_prediction_cannot_claim_two_gold_spans() -> None:
    gold = [Span("STREET_ADDRESS", 0, 10), Span("STREET_ADDRESS", 10, 20)]
    pairs = match_spans(gold, [Span("STREET_ADDRESS", 0, 20)])
    assert len(pairs) == 1


def test_greedy_prefers_the_best_overlap_and_extra_predictions_are_false_positives() -> None:
    gold = [Span("US_SSN", 10, 20)]
    loose, tight = Span("US_SSN", 0, 20), Span("US_SSN", 10, 20)
    assert match_spans(gold, [loose, tight]) == [(0, 1)]
    scores = score_records(
        [record(gold=[("US_SSN", 4, 15)])], {"r1": [Span("US_SSN", 0, 15), Span("US_SSN", 4, 15)]}
    )
    assert (scores.overlap["US_SSN"].tp, scores.overlap["US_SSN"].fp) == (1, 1)
    assert (scores.exact["US_SSN"].tp, scores.exact["US_SSN"].fp) == (1, 1)


def test_greedy_assignment_lets_each_gold_find_its_own_prediction() -> None:
    gold = [Span("PHONE_NUMBER", 0, 10), Span("PHONE_NUMBER", 8, 18)]
    preds = [Span("PHONE_NUMBER", 0, 10), Span("PHONE_NUMBER", 8, 18)]
    assert match_spans(gold, preds) == [(0, 0), (1, 1)]


def test_boundary_error_counts_in_overlap_view_but_not_exact() -> None:
    scores = score_records(
        [record()], {"r1": [Span("US_SSN", 0, 15), Span("PHONE_NUMBER", 26, 40)]}
    )
    assert scores.overlap["US_SSN"].f1 == 1.0
    assert (scores.exact["US_SSN"].tp, scores.exact["US_SSN"].fp, scores.exact["US_SSN"].fn) == (
        0,
        1,
        1,
    )
    assert scores.errors["US_SSN"]["boundary"][0]["pred"].startswith("⟦SSN 123")


def test_unknown_types_are_ignored_and_counted() -> None:
    scores = score_records(
        [record()], {"r1": [Span("PERSON", 0, 3), *gold_as_predictions([record()])["r1"]]}
    )
    assert scores.ignored_predictions == 1
    assert scores.micro().precision == 1.0


def test_missing_output_line_counts_gold_as_missed() -> None:
    scores = score_records([record(), record("r2")], gold_as_predictions([record()]))
    assert scores.missing_records == 1
    assert scores.micro().recall == 0.5


def test_min_score_filters_predictions() -> None:
    preds = {"r1": [Span("US_SSN", 4, 15, 0.3), Span("PHONE_NUMBER", 26, 40, 0.9)]}
    assert score_records([record()], preds, min_score=0.5).micro().recall == 0.5


def test_false_positive_examples_name_the_gold_they_overlap() -> None:
    scores = score_records([record()], {"r1": [Span("CREDIT_CARD", 4, 15)]})
    fp = scores.errors["CREDIT_CARD"]["false_positive"][0]
    assert fp["overlapping"] == ["US_SSN"]
    assert scores.errors["US_SSN"]["false_negative"][0]["overlapping"] == ["CREDIT_CARD"]


def test_counts_are_safe_on_zero() -> None:
    assert (Counts().precision, Counts().recall, Counts().f1) == (0.0, 0.0, 0.0)
    counts = Counts(tp=3, fp=1, fn=2)
    assert counts.precision == pytest.approx(0.75) and counts.recall == pytest.approx(0.6)
    assert counts.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_micro_sums_entities() -> None:
    scores = score_records([record()], {"r1": [Span("US_SSN", 4, 15), Span("EMAIL_ADDRESS", 0, 3)]})
    micro = scores.micro()
    assert (micro.tp, micro.fp, micro.fn) == (1, 1, 1)


def test_findings_are_read_from_scan_output(tmp_path) -> None:
    path = tmp_path / "out.jsonl"
    line = {
        "id": "r1",
        "findings": [
            {
                "entity": "US_SSN",
                "start": 4,
                "end": 15,
                "score": 0.9,
                "detector": "x",
                "masked": "***-**-6789",
            }
        ],
        "matches": [],
    }
    path.write_text(json.dumps(line) + "\n")
    assert load_predictions(path) == {"r1": [Span("US_SSN", 4, 15, 0.9)]}
    assert parse_findings({"findings": [{"type": "IP_ADDRESS", "start": 0, "end": 7}]}) == [
        Span("IP_ADDRESS", 0, 7, 1.0)
    ]


def test_table_lists_every_entity_and_system() -> None:
    gold = [record()]
    perfect = score_records(gold, gold_as_predictions(gold))
    table = format_table({"a": perfect, "b": score_records(gold, {})})
    assert "US_DRIVER_LICENSE" in table and "micro" in table
    assert table.count("1.000") >= 6


def test_scores_by_locale_split_records_and_count_negatives_in_their_locale() -> None:
    gold = [
        {**record("a"), "locale": "fr_FR"},
        {**record("b", gold=[]), "locale": "fr_FR"},
        {**record("c", gold=[("UK_NINO", 0, 9)]), "locale": "en_GB"},
        record("d"),  # no locale: left out of the breakdown
    ]
    preds = gold_as_predictions(gold)
    preds["b"] = [Span("PHONE_NUMBER", 0, 5)]
    by_locale = score_by_locale(gold, preds, entities=ALL_ENTITIES)
    assert list(by_locale) == ["en_GB", "fr_FR"]
    assert by_locale["en_GB"].overlap["UK_NINO"].tp == 1
    assert by_locale["fr_FR"].records == 2
    assert by_locale["fr_FR"].micro().fp == 1 and by_locale["fr_FR"].micro().tp == 2
    table = format_locale_table({"perfect": by_locale})
    assert "en_GB" in table and "fr_FR" in table and "1.000" in table


def test_national_ids_are_scored_only_when_asked_for() -> None:
    gold = [record("r1", gold=[("FR_NIR", 0, 10)])]
    preds = {"r1": [Span("FR_NIR", 0, 10)]}
    assert score_records(gold, preds, entities=ALL_ENTITIES).overlap["FR_NIR"].tp == 1
    default = score_records(gold, preds)  # the twelve entities of the other families
    assert "FR_NIR" not in default.overlap and default.ignored_predictions == 1
