from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redline.extract.normalize import REDACTION_MARK, compact, normalize

# Pairs that must normalise to the same compact form, each with a near miss that must not.
SAME = [
    ("Hello, World!", "hello world"),
    ("line\nbreaks  and\ttabs", "line breaks and tabs"),
    ("candidate's home", "candidates home"),
    ("dos-\nsier", "dossier"),
    ("Тhе саndidаtе", "The candidate"),  # Cyrillic look-alikes
    ("ﬁle Café", "file cafe"),
    ("govemment modem", "government modern"),  # OCR rn/m
    ("ZERO 0 and ONE 1", "zero o and one l"),
    ("a\u200bb", "ab"),  # zero-width space
]
DIFFERENT = [
    ("Hello, World!", "hello word"),
    ("candidate's home", "candidate home"),
    ("The candidate", "The candidates"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_tolerated_changes_compact_equal(a: str, b: str) -> None:
    assert compact(a).text == compact(b).text


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_real_differences_stay(a: str, b: str) -> None:
    assert compact(a).text != compact(b).text


@pytest.mark.parametrize(
    "text",
    ["Home █████ address", "Home ■■■ address", "Home [REDACTED] address", "Home XXXX address",
     "Home (withheld) address"],
)  # fmt: skip
def test_redaction_marks_become_one_mark(text: str) -> None:
    c = compact(text)
    assert c.text == f"home{REDACTION_MARK}address"
    at = c.text.index(REDACTION_MARK)
    start, end = c.to_source(at, at + 1)
    assert text[start:end].strip() in {"█████", "■■■", "[REDACTED]", "XXXX", "(withheld)"}


def test_roman_numeral_is_not_a_redaction_but_xxxx_is() -> None:
    assert REDACTION_MARK not in compact("Super Bowl XX").text
    assert REDACTION_MARK in compact("SSN XXX-XX-6789 and XXXX").text


@pytest.mark.parametrize(
    "text", ["Hello, World!", "Тhе  саndidаtе's\nﬁle", "a█b [redacted] c", "", "...", "É" * 5]
)
def test_offsets_map_back_to_source(text: str) -> None:
    for form in (compact(text), normalize(text)):
        assert len(form.starts) == len(form.ends) == len(form.text)
        assert all(0 <= s < e <= len(text) for s, e in zip(form.starts, form.ends, strict=True))
        assert list(form.starts) == sorted(form.starts)
        if form.text:
            start, end = form.to_source(0, len(form.text))
            assert 0 <= start < end <= len(text)


def test_span_of_a_word_maps_to_the_original_spelling() -> None:
    text = "Leaked:  The CANDIDATE's\nHOME address"
    n = normalize(text)
    i = n.text.index("candidates")
    start, end = n.to_source(i, i + len("candidates"))
    assert text[start:end] == "CANDIDATE's"


def test_normalize_is_words_and_single_spaces() -> None:
    got = normalize("  The candidate's\n\nHOME -- address!! ").text
    assert got == "the candidates home address"
    assert normalize("").text == ""


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcdrnvlXx0158 .,-[]()\n\tREDACT"), max_size=80))
def test_the_fast_ascii_path_agrees_with_the_full_one(text: str) -> None:
    from redline.extract.normalize import _compact

    fast, full = compact(text), _compact(text)
    assert fast.text == full.text and fast.source_length == full.source_length
    assert fast.starts.tolist() == full.starts.tolist()
    assert fast.ends.tolist() == full.ends.tolist()


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=60))
def test_the_fast_path_agrees_on_any_text(text: str) -> None:
    from redline.extract.normalize import _compact

    fast, full = compact(text), _compact(text)
    assert fast.text == full.text
    assert fast.starts.tolist() == full.starts.tolist()
