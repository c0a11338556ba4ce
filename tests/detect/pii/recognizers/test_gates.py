"""Cheaper gates answer exactly as the searches they replace (speed, issue 13's follow-up)."""

from __future__ import annotations

import random

from redline.detect.pii.recognizer import TextFacts, anchored
from redline.detect.pii.recognizers import address_intl, national_id, phone, phone_regions, ssn

# texts of digits, dashes, spaces and a few letters: every shape the patterns look at
_ALPHABET = "0123456789-- \u00a0ab.xX*#•"


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(1, 24))) for _ in range(count)
    ]


def test_postcode_start_tried_at_runs_equals_a_search() -> None:
    texts = [*_texts(20_000, 1), "00-026 Warszawa", "110 00 Praha", "a 12-345", "1234-567"]
    found = 0
    for text in texts:
        expected = address_intl._POSTCODE_START.search(text) is not None
        facts = TextFacts.of(text)
        assert address_intl.InternationalAddressRecognizer._postcode_start(text, facts) is expected
        found += expected
    assert found > 100  # the property was tested on both answers


def test_partial_ssn_gate_equals_the_mask_test() -> None:
    gate = ssn.PartialSsnRecognizer().applies
    texts = [*_texts(5000, 2), "xxx-xx-1234", "ssn ends 1234", "soc 1234", "plain 1234"]
    for text in texts:
        facts = TextFacts.of(text)
        expected = 4 in facts.runs and (
            not ssn._MASKS.isdisjoint(text) or facts.has_any(ssn._WORD_PROBES)
        )
        assert gate(text, facts) is expected


def test_foreign_is_computed_once_per_text() -> None:
    text = "appelez-moi chez moi au 06 12 34 56 78"
    facts = TextFacts.of(text)
    assert phone_regions.foreign(text, facts) is True
    assert facts.hints == {"foreign": True}
    facts.hints["foreign"] = False  # the kept answer is the one given
    assert phone_regions.foreign(text, facts) is False
    english = "call me on 0412 345 678"
    assert phone_regions.foreign(english, TextFacts.of(english)) is False


def _spans(text: str) -> list[tuple[int, int]]:
    return TextFacts.of(text).spans


def test_nanp_tried_at_its_first_runs_only_finds_the_same() -> None:
    rng = random.Random(3)
    texts = ["call (415) 555-2671", "+1 415 555 2671", "1-800-555-0199", "4155552671 ok"]
    pieces = ["(", ")", "+", "+1", " ", "-", ".", "x", "a", " ext 12"]
    for _ in range(20_000):
        parts = [
            rng.choice(pieces)
            if rng.random() < 0.4
            else str(rng.randrange(10 ** rng.randrange(1, 12)))
            for _ in range(rng.randrange(1, 8))
        ]
        texts.append("".join(parts))
    found = 0
    for text in texts:
        spans = _spans(text)
        every = phone.PhoneRecognizer._nanp_starts(text, spans)
        some = phone.PhoneRecognizer._nanp_starts(text, spans, phone._NANP_FIRST_RUNS)
        expected = [m.span() for m in anchored(phone._NANP, text, every)]
        assert [m.span() for m in anchored(phone._NANP, text, some)] == expected
        found += bool(expected)
    assert found > 500


def _shaped_starts_reading_every_run(text: str) -> list[int]:
    """``_shaped_starts`` as it was: the letters before every run read back."""
    starts: list[int] = []
    for s, e in _spans(text):
        run = e - s
        if run == 8 and e < len(text) and (text[e].isalpha() or text[e] in " \u00a0-"):
            starts.append(s)
        gap = 1 if s > 1 and text[s - 1] in " \u00a0-" else 0
        k = 0
        while k < 7 and s - gap - k > 0 and text[s - gap - k - 1].isalpha():
            k += 1
        if (k, run) in national_id._LETTERS_THEN_DIGITS:
            starts.append(s - gap - k)
    return starts


def test_shaped_starts_skip_only_runs_no_identifier_opens_with() -> None:
    rng = random.Random(4)
    texts = ["AB 12 34 56 C", "RSSMRA85T10A562S", "12345678Z", "X1234567L", "ABCDE1234F"]
    for _ in range(20_000):
        texts.append("".join(rng.choice("0123456789abcXYZ -") for _ in range(rng.randrange(1, 30))))
    found = 0
    for text in texts:
        expected = _shaped_starts_reading_every_run(text)
        starts = national_id.NationalIdRecognizer._shaped_starts(text, TextFacts.of(text))
        assert starts == expected
        found += bool(expected)
    assert found > 500


def _grouped_texts(count: int, seed: int) -> list[str]:
    """Digit groups joined by the separators national writings and identifiers use."""
    rng = random.Random(seed)
    joins = [" ", "\u00a0", ".", "-", "/", " / ", ") ", "A ", "  ", " x ", ":", ","]
    texts = []
    for _ in range(count):
        groups = [
            "".join(rng.choice("0123456789") for _ in range(rng.randrange(1, 6)))
            for _ in range(rng.randrange(1, 7))
        ]
        text = groups[0]
        for group in groups[1:]:
            text += rng.choice(joins) + group
        texts.append(rng.choice(["", "tel ", "(", "NIR ", "x"]) + text)
    return texts


def test_chains_bound_every_pattern_that_reads_grouped_digits() -> None:
    """A run whose chain holds fewer digits than a pattern needs starts no match of it."""
    from redline.detect.pii.recognizers import phone_national

    texts = [*_grouped_texts(20_000, 4), "1 51 03 2A 490 565 54", "(030) 10 13 96", "0612345678"]
    found = 0
    for text in texts:
        facts = TextFacts.of(text)
        chains = dict(zip((s for s, _ in facts.spans), facts.chains(text), strict=True))
        for pattern, least in ((phone_national._NATIONAL, 8), (national_id._DIGIT_CANDIDATE, 9)):
            # where the recognizers try them: a run, or the "(" right before one
            for start in [*chains, *(s - 1 for s in chains if s and text[s - 1] == "(")]:
                match = pattern.match(text, start)
                if match is None:
                    continue
                digits = sum(ch.isdigit() for ch in phone_national.EXTENSION.split(match[0])[0])
                if digits < least:
                    continue  # read and turned away by its recognizer: no bound needed
                run = start + 1 if text[start] == "(" else start
                assert chains[run] >= least, (text, match[0])
                found += 1
    assert found > 1000
