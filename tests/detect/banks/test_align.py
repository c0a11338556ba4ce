"""Seed chains into passages: where a chain bridges noise and where it must split."""

from __future__ import annotations

import pytest

from redline.detect.banks.align import align_chain, replaced_block
from redline.extract.normalize import compact

K = 8


def seeds_of(post: str, doc: str, step: int = 5) -> list[tuple[int, int]]:
    """Every ``step``-th k-gram of the post that occurs once in the document, as a seed."""
    seeds = []
    for q in range(0, len(post) - K + 1, step):
        gram = post[q : q + K]
        d = doc.find(gram)
        if d >= 0 and doc.find(gram, d + 1) < 0:
            seeds.append((q, d))
    return seeds


def passages(post_text: str, doc_text: str, extend: int = K) -> list[int]:
    """Lengths (in compact characters of the post) of the passages aligned along one chain."""
    post, doc = compact(post_text), compact(doc_text)
    runs = align_chain(
        post.text,
        doc.text,
        seeds_of(post.text, doc.text),
        K,
        split_edits=3,
        extend=extend,
        unfolded=(post.unfolded, doc.unfolded),
    )
    return [r.q1 - r.q0 for r in runs]


@pytest.mark.parametrize(
    ("post", "doc"),
    [
        ("l66", "4"),  # a number refilled into a slot
        ("fri", "mon"),  # a day name
        ("tuesday", "thursday"),  # a day name that shares letters with the other
        ("11", "4"),  # two digits for one
        ("27", "38"),
        ("ana", "bob"),
        ("4", "3"),  # one digit: another number, not noise
        ("2s", "l9"),  # 2.5 for 1.9, as folded
    ],
)
def test_a_slot_refilled_with_another_value_is_a_replaced_block(post: str, doc: str) -> None:
    assert replaced_block(f"abc{post}xyz", f"abc{doc}xyz")


@pytest.mark.parametrize(
    ("post", "doc"),
    [
        ("same", "same"),
        ("x", "y"),  # one character: noise
        ("li", "h"),  # two letters for one: what OCR makes of one letter
        ("abcdefgh", "abXdefYh"),  # scattered single edits in a longer stretch
        ("vcshoke", "veshake"),  # "leavc shoke" for "leave shake": two misreads side by side
        ("rnodcrn", "rnodern"),  # one misread, one look-alike
        ("", ""),
    ],
)
def test_noise_is_not_a_replaced_block(post: str, doc: str) -> None:
    assert not replaced_block(f"ab{post}yz", f"ab{doc}yz")


FRAME = (
    "The tip line logged {n} calls about the harbour contract this week and {m} of them"
    " deserve a callback from the desk before the board meets on {day} afternoon."
)


def test_a_sentence_frame_refilled_with_other_values_splits_into_short_pieces() -> None:
    doc = FRAME.format(n=4, m=12, day="monday")
    post = FRAME.format(n=166, m=37, day="friday")
    lengths = passages(post, doc)
    assert len(lengths) >= 3
    assert max(lengths) < len(compact(doc).text) // 2


def test_a_quote_with_scattered_ocr_noise_stays_one_passage() -> None:
    doc = FRAME.format(n=4, m=11, day="monday")
    noisy = doc.replace("harbour", "harhour").replace("deserve", "deserue")
    lengths = passages(noisy, doc)
    assert len(lengths) == 1
    assert lengths[0] >= len(compact(doc).text) - 2


def test_an_end_is_not_extended_across_another_number() -> None:
    """A stock sentence with another figure near its end stops at the figure."""
    doc = "then we bill 19 million a month for the harbour contract work on the pier"
    post = "then we bill 27 million a month for the harbour contract work on the pier"
    post, doc = compact(post).text, compact(doc).text
    word = compact("million").text
    at = post.index(word)
    runs = align_chain(post, doc, [(at, doc.index(word))], K, split_edits=3, extend=40)
    assert [r.q0 for r in runs] == [at]


def test_a_verbatim_quote_is_one_passage_of_its_whole_length() -> None:
    doc = FRAME.format(n=4, m=11, day="monday")
    assert passages(doc, doc) == [len(compact(doc).text)]


LETTERHEAD = (
    "Cobalt Street Communications memo Ref. CSC-{ref} TO: Agency leads FROM: Ingrid Solberg"
    " RE: Budget and invoices"
)


@pytest.mark.parametrize(
    ("post", "doc"),
    [
        ("8:30", "1:30"),  # digits that folding turns into look-alike letters (b, l)
        ("3635", "5587"),
        ("150", "233"),
        ("June 8", "June 1"),
    ],
)
def test_a_look_alike_digit_written_for_another_digit_is_another_number(
    post: str, doc: str
) -> None:
    """Folded, ``8`` and ``1`` are ``b`` and ``l``; written as digits, they are two numbers."""
    frame = "we release it at {} with a call to the radio desk before the board meets"
    lengths = passages(frame.format(post), frame.format(doc), extend=40)
    assert len(lengths) >= 2


def test_a_reference_on_the_same_letterhead_does_not_lend_its_header_length() -> None:
    """The end is not extended across another reference number (CSC-3635 for CSC-5587)."""
    lengths = passages(LETTERHEAD.format(ref="3635"), LETTERHEAD.format(ref="5587"), extend=40)
    whole = len(compact(LETTERHEAD.format(ref="5587")).text)
    assert max(lengths) < whole - 20


def test_a_digit_read_as_its_look_alike_letter_is_still_noise() -> None:
    """OCR reading ``8`` as ``B`` or ``1`` as ``l`` keeps the quote whole."""
    doc = "we release it at 8:30 with a call to the radio desk before the board meets on the 15th"
    read = "we release it at B:30 with a call to the radio desk before the board meets on the l5th"
    assert passages(read, doc, extend=40) == [len(compact(doc).text)]


def test_without_unfolded_texts_only_digits_folding_left_decide() -> None:
    """Fingerprints stored before folded digits were kept align as before (8 for 1 is noise)."""
    assert not replaced_block("atb3o", "atl3o")
    assert replaced_block("atb3o", "atl3o", ("at830", "at130"))
    assert not replaced_block("atb3o", "atb3o", ("atb30", "at830"))


QUOTE = (
    "LLC shake oil necessary from yes her century face pass industry rock manager off the"
    " lake road near the county line"
)


def _ends(post_text: str, doc_text: str, seed_word: str) -> tuple[int, int, int, int, int]:
    """(q0, q1, d0, d1, redacted) of the one run grown from a single seed on ``seed_word``."""
    post, doc = compact(post_text).text, compact(doc_text).text
    word = compact(seed_word).text
    runs = align_chain(
        post, doc, [(post.index(word), doc.index(word))], K, split_edits=3, extend=17
    )
    (run,) = runs
    return run.q0, run.q1, run.d0, run.d1, run.redacted


def test_a_passage_end_is_carried_across_a_mark_when_the_words_beyond_agree() -> None:
    """A word blacked out near an excerpt's start does not cut off the words before it."""
    post = "wow look at this: LLC shake ████ Necessary from yes her century face pass"
    q0, _, d0, _, redacted = _ends(post, QUOTE, "yesher")
    assert compact(QUOTE).text[d0:].startswith(compact("LLC shake oil").text)
    assert compact(post).text[q0:].startswith(compact("LLC shake").text)  # not "this"
    assert redacted == len("oil")


def test_a_mark_standing_for_a_word_counts_the_word_hidden() -> None:
    post = "LLC shake oil necessary from yes her century face pass industry ████ manager off"
    _, q1, _, d1, redacted = _ends(post, QUOTE, "facepass")
    assert compact(QUOTE).text[:d1].endswith(compact("rock manager off").text)
    assert redacted == len("rock")
    assert q1 == len(compact(post).text)


def test_adjacent_marks_hide_one_longer_stretch() -> None:
    post = "century face pass industry ████ [REDACTED] off the lake road"
    _, _, _, d1, redacted = _ends(post, QUOTE, "facepass")
    assert compact(QUOTE).text[:d1].endswith(compact("off the lake road").text)
    assert redacted == len("rockmanager")


@pytest.mark.parametrize(
    "beyond",
    [
        "Ricky Kirby said so",  # another name after the mark: nothing beyond agrees
        "off",  # too few letters to show where the document resumes
    ],
)
def test_a_mark_is_not_crossed_when_too_little_beyond_it_agrees(beyond: str) -> None:
    post = f"century face pass industry ████ {beyond}"
    _, q1, _, d1, redacted = _ends(post, QUOTE, "facepass")
    assert compact(QUOTE).text[:d1].endswith(compact("industry").text)
    assert redacted == 0
    assert compact(post).text[q1] == "\x01"
