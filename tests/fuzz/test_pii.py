"""Fuzz the PII scanner (``detect/pii``) with text built from cues, digit groups and seeds.

What must hold for any text: no recognizer raises (the scanner would turn it into a failure, and
a failure sends content to review: a crash on ordinary text is a bug, not a safeguard); every
span lies inside the text; the masked form, the evidence and the digest never carry the raw
value; and one content's detection stays within its budget (``detect/budget.py``): whatever the
density, the scan ends near its CPU time and never reports more findings than it allows.
"""

from __future__ import annotations

import re
import time

from hypothesis import strategies as st

from redline.detect.budget import BUDGET_DETECTOR, Budget, BudgetLimits
from redline.detect.pii import ENTITIES, PiiOptions, default_scanner
from tests.fuzz.harness import Target, corpus, fuzz

SEEDS = [
    line
    for seed_file in corpus("pii")
    for line in seed_file.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
CUES = ["ssn", "SSN ending", "social security", "lives at", "home:", "address", "cell", "phone",
        "tel", "call", "email", "born", "dob", "DOB:", "card", "cc", "passport", "license", "DL",
        "account", "IBAN", "routing", "NI number", "SIN", "aadhaar", "PAN", "CPF", "TFN", "CURP",
        "Steuer-ID", "DNI", "NIE", "codice fiscale", "ip", "coordinates", "lat", "name:", "Mr.",
        "St", "Ave", "Dr", "Apt", "Suite", "@", "+1", "+44", "ext."]  # fmt: skip
SEPARATORS = ["-", " ", ".", "/", "", "\u00a0", "–", ":", ", ", "\n", "(", ")", "－", "‐"]
DIGITS = ["0123456789", "０１２３４５６７８９", "٠١٢٣٤٥٦٧٨٩", "߀߁߂߃߄߅߆߇߈߉", "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗"]

digit_group = st.builds(
    lambda digits, size, picks: "".join(digits[p % 10] for p in picks[:size]),
    st.sampled_from(DIGITS[:1] * 6 + DIGITS[1:]),
    st.integers(1, 16),
    st.lists(st.integers(0, 9), min_size=16, max_size=16),
)
number = st.lists(st.tuples(digit_group, st.sampled_from(SEPARATORS)), min_size=1, max_size=5).map(
    lambda groups: "".join(g + s for g, s in groups).rstrip()
)
word = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=8)
piece = (
    st.sampled_from(SEEDS)
    | st.sampled_from(CUES)
    | number
    | word
    | st.from_regex(r"[A-Za-z]{1,3}[0-9]{1,9}[A-Z]?", fullmatch=True)
    | st.from_regex(r"[a-z.]{1,8}@[a-z]{1,8}\.[a-z]{2,4}", fullmatch=True)
)
texts = st.lists(st.tuples(piece, st.sampled_from([" ", ", ", "\n", "", ": "])), max_size=12).map(
    lambda pieces: "".join(p + s for p, s in pieces)
)
HASH_KEY = b"fuzz-hash-key-0123456789"
_HEX = re.compile(r"[0-9a-f]{32}")


def check_signals(text: str) -> None:
    """No recognizer fails; spans inside the text; nothing shown carries the raw value."""
    result = default_scanner().scan(text, PiiOptions(hash_key=HASH_KEY, phone_regions=("US", "GB")))
    assert not result.failures, (text, result.failures)
    last_end = 0
    for signal in result.signals:
        assert 0 <= signal.start < signal.end <= len(text), (text, signal)
        assert signal.start >= last_end, ("overlapping signals", text, result.signals)
        last_end = signal.end
        assert 0.0 <= signal.score <= 1.0, signal
        assert signal.type in ENTITIES, signal
        raw = text[signal.start : signal.end]
        assert raw.strip(), (text, signal)
        if signal.type != "US_SSN_PARTIAL":  # its masked form is, by design, the last four
            assert raw not in signal.masked, (signal.type, raw, signal.masked)
        assert raw not in signal.evidence, (signal.type, raw, signal.evidence)
        assert signal.digest is not None and _HEX.fullmatch(signal.digest), signal


def check_budget(case: tuple[str, int]) -> None:
    """A dense text repeated to ``size`` characters: the scan keeps to its budget."""
    unit, size = case
    text = (unit * (size // max(len(unit), 1) + 1))[:size] if unit else ""
    limits = BudgetLimits(seconds=0.2, findings=300)
    budget = Budget(limits, time.thread_time)
    began = time.thread_time()
    result = default_scanner().scan(text, PiiOptions(), budget)
    spent = time.thread_time() - began
    # the scan stops between candidates; what remains (overlaps, masks) is bounded by findings
    assert spent < limits.seconds + 1.0, (unit, size, spent)
    assert len(result.signals) <= limits.findings, (unit, size, len(result.signals))
    cut = [f for f in result.failures if f.detector == BUDGET_DETECTOR]
    assert bool(cut) == budget.exhausted, (unit, size, result.failures)
    assert not [f for f in result.failures if f.detector != BUDGET_DETECTOR], result.failures


SIGNALS = Target("pii.signals", texts, check_signals, batch=50)
BUDGET = Target(
    "pii.budget",
    st.tuples(texts.filter(lambda t: 0 < len(t) <= 400), st.sampled_from([4096, 16_384, 65_536])),
    check_budget,
    batch=10,
)


def test_signals_lie_in_the_text_and_never_show_the_raw_value() -> None:
    assert fuzz(SIGNALS) > 0


def test_dense_text_keeps_to_the_detection_budget() -> None:
    assert fuzz(BUDGET) > 0
