"""The files benchmark's corpus and scoring: gold values are on the page, matching is honest."""

from __future__ import annotations

from bench.files.corpus import make_pdf, pages
from bench.files.run import score_page

from redline.extract.documents import extract_document


def test_every_gold_value_is_drawn_on_its_page() -> None:
    doc = pages(3, 4)
    assert len(doc) == 4 and all(p.gold for p in doc)
    text = extract_document(make_pdf(doc)).text
    squashed = "".join(text.split())
    assert sum("".join(v.split()) in squashed for p in doc for _, v in p.gold) >= 0.9 * sum(
        len(p.gold) for p in doc
    )  # a value wrapped across two lines is still drawn, in two pieces


def test_score_page_matches_values_not_offsets() -> None:
    gold = [("US_SSN", "123-45-6789"), ("PHONE_NUMBER", "(415) 555-2671")]
    found = [
        ("US_SSN", "123-45-6789"),
        ("EMAIL_ADDRESS", "a@b.co"),
        ("PHONE_NUMBER", "415) 555-2671"),
    ]
    counts = score_page(gold, found)
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 0)
    counts = score_page(gold, [("PHONE_NUMBER", "123-45-6789")])  # wrong entity type
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 2)
