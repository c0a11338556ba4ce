from __future__ import annotations

import pytest

from redline.detect.banks import (
    Bank,
    BankEntry,
    DocumentIndex,
    EntryKind,
    ExcerptRule,
    FingerprintConfig,
    Fingerprints,
    fingerprint,
)
from redline.extract.normalize import compact
from tests.detect.banks.corpus import (
    DOSSIER,
    HEADER,
    SAME_TOPIC,
    excerpt,
    ocr_noise,
    redact,
    reflow,
)

CONFIG = FingerprintConfig()
ENTRY = BankEntry(bank="leaks", name="marsh-dossier", kind=EntryKind.DOCUMENT)


def index_of(*docs: tuple[str, str], rule: ExcerptRule | None = None) -> DocumentIndex:
    entries = [
        (BankEntry(bank="leaks", name=name, kind=EntryKind.DOCUMENT), fingerprint(text, CONFIG))
        for name, text in docs
    ]
    return DocumentIndex.build(entries, rule=rule)


@pytest.fixture(scope="module")
def index() -> DocumentIndex:
    return index_of(("marsh-dossier", DOSSIER))


# Each positive is paired with a negative of the same shape that must not match.
POSITIVES = {
    "verbatim 80 chars": "Look: " + excerpt(0, 80) + " wow",
    "verbatim 150 chars mid-sentence": excerpt(212, 150),
    "reflowed, upper-cased, punctuation dropped": reflow(excerpt(100, 160)),
    "2% OCR noise": ocr_noise(excerpt(40, 140), 0.02),
    "5% OCR noise": ocr_noise(excerpt(300, 150), 0.05, seed=3),
    "redaction marks": redact(excerpt(0, 150), ("1418 Alder Crest Road", "Delaware")),
    "[REDACTED] and XXXX": redact(excerpt(180, 140), ("6789",), "XXXX").replace(
        "consultants", "[REDACTED]"
    ),
    "homoglyphs": excerpt(400, 120).replace("a", "а").replace("o", "о"),
    "quote inside a longer post": "Thread 1/3. " + SAME_TOPIC[:200] + excerpt(500, 100) + " end.",
}
NEGATIVES = {
    "same topic, same vocabulary": SAME_TOPIC,
    "only the boilerplate header": HEADER + "Our volunteers meet on Monday at the library.",
    "short quote under 50 chars": "He said: " + excerpt(0, 45),
    "unrelated": "The weather in the valley was cold and the harvest came late this year.",
    "empty": "",
}


@pytest.mark.parametrize("post", POSITIVES.values(), ids=POSITIVES.keys())
def test_excerpts_match(index: DocumentIndex, post: str) -> None:
    matches = index.query(post)
    assert [m.entry.name for m in matches] == ["marsh-dossier"]
    m = matches[0]
    assert m.rule == "excerpt" and 0.0 < m.score <= 1.0
    p = m.passage
    assert p is not None and p.length >= 40
    assert 0 <= p.post_start < p.post_end <= len(post)
    assert 0 <= p.doc_start < p.doc_end <= len(DOSSIER)


@pytest.mark.parametrize("post", NEGATIVES.values(), ids=NEGATIVES.keys())
def test_non_excerpts_do_not_match(post: str) -> None:
    # The boilerplate header is shared by many bank documents, so it is boilerplate by frequency.
    others = [
        (f"memo-{i}", HEADER + f"Memo {i}: nothing to report about item {i * 7}.")
        for i in range(40)
    ]
    index = index_of(("marsh-dossier", DOSSIER), *others)
    assert [m.entry.name for m in index.query(post) if m.entry.name == "marsh-dossier"] == []


def test_passage_is_located_in_both_texts(index: DocumentIndex) -> None:
    quote = excerpt(212, 120)
    post = "As reported:\n" + quote.upper() + "\n(unconfirmed)"
    p = index.query(post)[0].passage
    assert p is not None
    assert post[p.post_start : p.post_end].lower() in quote.lower()
    assert len(post[p.post_start : p.post_end]) > 100
    assert DOSSIER[p.doc_start : p.doc_end].lower() in post[p.post_start : p.post_end].lower()
    exact = compact(DOSSIER).to_source(*p.doc_compact)
    assert DOSSIER[exact[0] : exact[1]].lower() == post[p.post_start : p.post_end].lower()


def test_verbatim_scores_higher_than_noisy(index: DocumentIndex) -> None:
    clean = index.query(excerpt(40, 140))[0]
    noisy = index.query(ocr_noise(excerpt(40, 140), 0.05))[0]
    assert clean.distance == 0.0 and noisy.distance > 0.0
    assert clean.score >= noisy.score
    assert clean.passages[0].specific > noisy.passages[0].specific


def test_per_bank_rule_changes_the_outcome() -> None:
    quote = excerpt(0, 80)
    strict = index_of(("d", DOSSIER), rule=ExcerptRule(min_chars=120))
    assert strict.query(quote) == []
    assert index_of(("d", DOSSIER)).query(quote)


def test_add_after_build_and_many_segments() -> None:
    index = index_of(("first", "Nothing in common with anything else, a filler document."))
    for i in range(20):
        index.add(
            BankEntry(bank="leaks", name=f"doc-{i}", kind=EntryKind.DOCUMENT),
            fingerprint(
                f"Document number {i}. " + DOSSIER if i == 13 else f"filler {i} " * 30, CONFIG
            ),
        )
        assert len(index.query(excerpt(0, 100))) == (1 if i >= 13 else 0)
    assert [m.entry.name for m in index.query(excerpt(0, 100))] == ["doc-13"]


def test_fingerprints_round_trip_through_bytes() -> None:
    fps = fingerprint(DOSSIER, CONFIG)
    back = Fingerprints.from_bytes(fps.to_bytes())
    assert back.config == fps.config and back.length == fps.length
    for name in ("hashes", "positions", "starts", "spans", "steps", "digits"):
        assert (getattr(back, name) == getattr(fps, name)).all()
    with pytest.raises(ValueError):
        Fingerprints.from_bytes(b"nonsense")


def test_fingerprints_keep_the_digits_folding_turned_into_letters() -> None:
    fps = fingerprint("Ref. CSC-5587, 10 of 18", CONFIG)
    assert [fps.text[i] for i in fps.digits.tolist()] == ["s", "s", "b", "l", "o", "l", "b"]


def test_fingerprints_stored_before_folded_digits_still_load() -> None:
    """A format-2 blob (steps, no folded digits) loads, digits unknown; a cut blob is refused."""
    fps = fingerprint(DOSSIER, CONFIG)
    old = Fingerprints(
        config=fps.config,
        hashes=fps.hashes,
        positions=fps.positions,
        starts=fps.starts,
        spans=fps.spans,
        text=fps.text,
        steps=fps.steps,
    )
    back = Fingerprints.from_bytes(old.to_bytes())
    assert back.digits is None and back.steps is not None
    assert len(old.to_bytes()) < len(fps.to_bytes())
    with pytest.raises(ValueError):
        Fingerprints.from_bytes(fps.to_bytes()[:-2])


def test_mismatched_fingerprint_config_is_refused() -> None:
    index = DocumentIndex()
    with pytest.raises(ValueError):
        index.add(ENTRY, fingerprint(DOSSIER, FingerprintConfig(k=10)))


def test_bank_and_rule_validation() -> None:
    with pytest.raises(ValueError):
        Bank(name="bad name!")
    with pytest.raises(ValueError):
        Bank(name="ok", designations=("Hacked Material",))
    with pytest.raises(ValueError):
        ExcerptRule(max_distance=1.5)
