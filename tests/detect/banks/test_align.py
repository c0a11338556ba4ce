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


def passages(post_text: str, doc_text: str) -> list[int]:
    """Lengths (in compact characters of the post) of the passages aligned along one chain."""
    post, doc = compact(post_text).text, compact(doc_text).text
    runs = align_chain(post, doc, seeds_of(post, doc), K, split_edits=3, extend=K)
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
