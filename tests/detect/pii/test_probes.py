"""Probe hits must say exactly what plain substring search on the lower-cased text says."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from redline.detect.pii.probes import ASCII_LETTERS, ProbeHits, Probes

WORDS = Probes(("ss", "ssn", "soc", "v", "$", "née"))  # nested, one-character, non-ASCII
OTHER = Probes(("zzz",))


def plain_starts(text: str, words: tuple[str, ...], start: int, end: int) -> list[int]:
    lowered = text.lower()
    return sorted(
        {i for w in words for i in range(start, end - len(w) + 1) if lowered.startswith(w, i)}
    )


@given(st.text(alphabet="sSnNoOcCvV$ée x1-", max_size=30), st.data())
def test_starts_within_is_substring_search(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    hits = ProbeHits(text)
    assert hits.starts_within(WORDS, start, end) == plain_starts(text, WORDS.words, start, end)
    assert hits.any(WORDS) == bool(plain_starts(text, WORDS.words, 0, len(text)))
    assert hits.starts_within(OTHER, 0, len(text)) == []


@given(st.text(alphabet="sSnNoOcC x1-", max_size=30))
def test_word_starts_drop_starts_after_a_letter(text: str) -> None:
    starts = plain_starts(text, WORDS.words, 0, len(text))
    expected = [i for i in starts if i == 0 or text[i - 1].lower() not in ASCII_LETTERS]
    assert ProbeHits(text).word_starts(WORDS, ASCII_LETTERS) == expected


def test_a_text_that_lower_lengthens_leaves_the_window_to_the_caller() -> None:
    text = "\u0130 ssn"  # the dotted capital I lower-cases to two characters
    assert len(text.lower()) != len(text)
    assert ProbeHits(text).starts_within(WORDS, 0, len(text)) is None
