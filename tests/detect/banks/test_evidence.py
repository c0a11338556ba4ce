"""The evidence a match must carry: the 80-character floor, house style, ordinary text, scores."""

from __future__ import annotations

import pytest

from redline.detect.banks import (
    FLOOR_CHARS,
    BankEntry,
    DocumentIndex,
    EntryKind,
    ExcerptRule,
    FingerprintConfig,
    Fingerprints,
    fingerprint,
)
from redline.detect.banks.background import BackgroundModel
from redline.detect.banks.calibration import CALIBRATION, features
from redline.detect.banks.passage import Passage

CONFIG = FingerprintConfig()
STOCK = (
    "Per our call last week, {who} will circulate the revised budget by Friday.",
    "Please route questions to {who} before Monday.",
    "Nothing in this memo should be shared outside the core team.",
    "Talking points are attached; do not read them verbatim.",
)
SPECIFIC = (
    "Daniel Marsh moved $412,880 from Harbor Holdings to a trust in Reno on 3 March,"
    " and the filing lists a second owner at 1418 Alder Crest Road.",
    "Ines Okafor met two donors from the Quarry Fund at the Lakeside Grill on 17 June"
    " and promised them the water contract in exchange for the ad buy.",
    "The pension poll shows 46 percent support in Dunmore, down from 65, and Tobias"
    " Wexler wants the numbers buried until after the board vote in August.",
    "Felix Moreau keeps the vendor ledger on a laptop at his sister's flat on Garnet"
    " Street; the audit team has never seen it and should not.",
)


def memo(n: int, who: str) -> str:
    stock = " ".join(s.format(who=who) for s in STOCK)
    return f"MEMORANDUM {n}\n\n{stock}\n\n{SPECIFIC[n]}\n\n{stock}"


MEMOS = [memo(n, who) for n, who in enumerate(("Ava Blake", "Omar Reyes", "Ava Blake", "Li Wu"))]


def index_of(*docs: str, rule: ExcerptRule | None = None) -> DocumentIndex:
    items = [
        (BankEntry("leaks", f"memo-{i}", EntryKind.DOCUMENT), fingerprint(d, CONFIG))
        for i, d in enumerate(docs)
    ]
    return DocumentIndex.build(items, rule=rule)


def names(index: DocumentIndex, post: str) -> list[str]:
    return [m.entry.name for m in index.query(post)]


def test_the_floor_is_80_characters_and_no_setting_lowers_it() -> None:
    assert FLOOR_CHARS == 80
    with pytest.raises(ValueError, match="never below 80"):
        ExcerptRule(min_chars=79)
    # Settings stored before the floor counted compact letters (45): they read as the floor.
    assert ExcerptRule.stored({"min_chars": 45, "max_distance": 0.1}).min_chars == 80
    assert ExcerptRule.stored({"min_chars": 120, "unknown_later_setting": 1}).min_chars == 120


def test_79_characters_of_a_document_never_match_80_do() -> None:
    index = index_of(*MEMOS)
    # Counted from the first letter to the last, as the document has them.
    shorter, floor = SPECIFIC[0][2:81], SPECIFIC[0][1:81]
    assert len(shorter) == 79 and len(floor) == 80
    assert shorter[0].isalnum() and shorter[-1].isalnum() and floor[0].isalnum()
    assert names(index, "Seen this? " + shorter + " ...") == []
    assert names(index, "Seen this? " + floor + " ...") == ["memo-0"]


def test_a_post_in_the_house_style_is_not_an_excerpt() -> None:
    index = index_of(*MEMOS)
    # A new memo of the same house: its stock sentences in another order around new facts, the
    # same staff in the slots.
    post = "\n\n".join(
        (
            STOCK[3],
            "Ava Blake asked for the zoning file twice and the printer is broken again.",
            STOCK[0].format(who="Li Wu") + " " + STOCK[2],
            "The volunteers want pizza at the phone bank on Thursday night.",
            STOCK[1].format(who="Ava Blake"),
        )
    )
    assert index.query(post) == []


def test_stock_sentences_shared_with_other_bank_documents_count_for_little() -> None:
    index = index_of(*MEMOS, rule=ExcerptRule(min_score=0.0))
    # The two sentences recur in every memo: long enough for the floor, specific to none.
    post = STOCK[2] + " " + STOCK[3].format(who="x")
    found = index.query(post)
    assert all(m.score < 0.5 for m in found)
    assert all(p.specific == 0 for m in found for p in m.passages)


def test_what_only_one_document_says_is_specific_and_scores_high() -> None:
    index = index_of(*MEMOS)
    (m,) = index.query("leaked: " + SPECIFIC[1])
    assert m.entry.name == "memo-1" and m.score >= 0.95
    (p,) = m.passages
    assert p.doc_chars >= 120 and p.specific >= 90


def test_a_second_copy_of_a_document_keeps_its_text_as_evidence() -> None:
    # A draft and its final version share everything: that is one document twice, not a style.
    draft = MEMOS[0].replace("MEMORANDUM 0", "DRAFT MEMORANDUM 0")
    index = index_of(MEMOS[0], draft, *MEMOS[1:])
    found = {m.entry.name: m.score for m in index.query(SPECIFIC[0])}
    assert found.keys() == {"memo-0", "memo-1"} and min(found.values()) >= 0.95


def test_ordinary_text_learned_from_a_background_counts_for_little() -> None:
    lone = "Quarterly outlook. " + SPECIFIC[2]
    index = index_of(lone, rule=ExcerptRule(min_score=0.0, min_specific=0))
    before = index.query(SPECIFIC[2][:120])[0]
    background = BackgroundModel(CONFIG)
    # The house published this sentence before: it is in the ordinary text, many times over.
    background.learn([f"Update {i}: " + SPECIFIC[2][:120] for i in range(10)] + ["other"] * 20)
    index.background = background
    after = index.query(SPECIFIC[2][:120])[0]
    assert after.passages[0].specific < before.passages[0].specific
    assert after.score < 0.5 <= before.score
    index.rule = ExcerptRule()  # with the default rule it is not reported at all
    assert index.query(SPECIFIC[2][:120]) == []


def test_a_long_text_copied_into_the_background_stays_evidence() -> None:
    # The leak spread before it was banked, so the background holds it: a long run of ordinary
    # k-grams is a copied text, not a formula, and a background cannot teach the matcher to
    # ignore a long quote.
    leak = " ".join(SPECIFIC)
    index = index_of(leak)
    background = BackgroundModel(CONFIG)
    background.learn([leak] * 10 + ["other"] * 20)
    index.background = background
    (m,) = index.query(leak[:400])
    assert m.score >= 0.95


def test_a_refilled_sentence_frame_does_not_bridge_into_a_passage() -> None:
    frame = "The lease on {a} was signed by {b} under the name {c}, per the county filing of {d}."
    doc = "Notes.\n" + frame.format(
        a="5278 Poplar Way", b="Delia Northcott", c="Samir Yamamoto", d="May"
    )
    post = frame.format(a="17 Elm Court", b="Jonah Tanaka", c="Rosa Ellison", d="April")
    assert index_of(doc, rule=ExcerptRule(min_score=0.0)).query(post) == []


def test_redaction_marks_forgive_only_what_they_can_stand_for() -> None:
    index = index_of(*MEMOS)
    text = SPECIFIC[3]
    hidden = text.replace("laptop", "█████").replace("Garnet", "[REDACTED]")
    assert names(index, hidden) == ["memo-3"]
    # A mark next to other words is not a licence: the letters around it must agree.
    rewritten = text.replace("the vendor ledger on a laptop", "█████ a notebook of receipts")
    found = index.query(rewritten)
    assert all(p.post_start >= rewritten.index("receipts") or p.post_end <= rewritten.index("█")
               for m in found for p in m.passages)  # fmt: skip


def test_fingerprints_stored_before_steps_still_match() -> None:
    fps = fingerprint(MEMOS[1], CONFIG)
    legacy = Fingerprints(fps.config, fps.hashes, fps.positions, fps.starts, fps.spans, fps.text)
    blob = legacy.to_bytes()
    assert blob[4] == 1  # format 1, as written before steps existed
    back = Fingerprints.from_bytes(blob)
    assert back.steps is None
    index = DocumentIndex.build([(BankEntry("leaks", "old", EntryKind.DOCUMENT), back)])
    assert [m.entry.name for m in index.query(SPECIFIC[1])] == ["old"]
    assert (Fingerprints.from_bytes(fps.to_bytes()).steps == fps.steps).all()


def test_scores_rise_with_specific_evidence() -> None:
    def score(specific: int, chars: int) -> float:
        return CALIBRATION.score([Passage(0, 1, 0, 1, chars, 5, 1.0, (0, 0), chars, specific)])

    assert score(0, 120) < 0.5 < score(60, 120) < score(150, 200)
    assert len(features([])) == 5 and CALIBRATION.fitted_on
