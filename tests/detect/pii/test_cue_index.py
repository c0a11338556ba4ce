"""A cue's per-text index answers exactly as searching each window does (issue 14).

Dense text asks a cue about thousands of spans; past a few, the cue indexes the text's cue words
once and reads each window's answer from the index. These texts are built to hit the index's
edges: phrases cut by a window's edge, phrases glued to the next word, overlapping phrases,
phrases over line breaks, case, and texts whose lower-casing changes their length.
"""

from __future__ import annotations

import random

import pytest

from redline.detect.pii.context import Cue
from redline.detect.pii.recognizers.common import NOT_PERSONAL
from redline.detect.pii.recognizers.phone import PHONE_CUE
from redline.detect.pii.recognizers.ssn import SSN_CUE

PIECES = [
    "ssn",
    "SSN",
    "ssn#",
    "ss #",
    "ss",
    "social",
    "social security",
    "social security number",
    "soc. sec",
    "tin",
    "itin",
    "ssns",
    "order",
    "order no",
    "ref",
    "id",
    "cell",
    "cell phone",
    "cellphone",
    "phone",
    "tel",
    "電話",
    "number",
    "call",
    "text",
    "po",
    "part no",
    "track & trace",
    "123-45-6789",
    "415",
    "555-2671",
    "6789",
    "x",
    "abc",
    "_",
    "#",
    ":",
    "-",
    ".",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\u00a0",
]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        size = rng.randint(20, 120)
        pieces = rng.choices(PIECES, k=size)
        if rng.random() < 0.1:  # lower() lengthens "İ": offsets into the lowered text move
            pieces.insert(rng.randrange(len(pieces)), "İ")
        texts.append("".join(pieces))
    return texts


def _windowed_before(cue: Cue, text: str, start: int):
    last = None
    for match in cue._matches(text, max(0, start - cue.before), start):
        last = match
    return last


def _windowed_after(cue: Cue, text: str, end: int):
    if not cue.after:
        return None
    return next(cue._matches(text, end, min(len(text), end + cue.after)), None)


def _span(match) -> tuple[int, int] | None:
    return None if match is None else match.span()


@pytest.mark.parametrize("cue", [SSN_CUE, PHONE_CUE, NOT_PERSONAL, Cue(["a b", "ab"], after=5)])
def test_the_index_answers_as_the_windows_do(cue: Cue) -> None:
    indexed = 0
    for text in _texts(14, 300):
        positions = range(len(text) + 1)
        # the first answers come from the windows; from the sixteenth on, from the index
        answers = [(cue.before_span(text, p), cue.after_span(text, p)) for p in positions]
        for p, (before, after) in zip(positions, answers, strict=True):
            assert _span(before) == _span(_windowed_before(cue, text, p)), (text, p)
            assert _span(after) == _span(_windowed_after(cue, text, p)), (text, p)
        state = cue._state
        indexed += state is not None and state[0] is text and state[2] is not None
    assert indexed > 200  # most texts were answered from an index


def test_a_dense_text_is_answered_from_its_index() -> None:
    text = "ssn 123-45-6789 " * 1000
    for at in range(4, len(text), 16):
        assert SSN_CUE.before_span(text, at) is not None
    state = SSN_CUE._state
    assert state is not None and state[0] is text and state[2] is not None
