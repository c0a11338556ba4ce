"""decide() on hand-built signals: violations, the four exceptions, reviews, purity."""

from __future__ import annotations

import dataclasses
import random

import pytest

from redline.decide import AuthorFacts, Evidence, Exemption, decide, is_masked, load_policy
from redline.detect.finding import DetectorFailure
from tests.signal_fakes import REFERENCE_TEXT, at, bank, digest_of, reference_signals

POLICY = load_policy()


def rules_of(text: str, signals: list, author: AuthorFacts | None = None) -> set[str]:
    verdict = decide(Evidence("c1", tuple(signals), {"text": text}), POLICY, author)
    return {v.rule_id for v in verdict.violations}


def test_reference_case_breaks_privacy_and_hacked_material_rules() -> None:
    assert rules_of(REFERENCE_TEXT, reference_signals()) == {
        "privacy.address.home",
        "privacy.ssn.partial",
        "hacked.material",
        "election.foreign_state_operation",
    }


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("SSN 078-05-1120 for Jo", [("078-05-1120", "US_SSN")], {"privacy.ssn.full"}),
        ("ssn ends 1120", [("1120", "US_SSN_PARTIAL")], set()),
        (
            "Sen. Jo Doe, SSN ends 1120",
            [("Jo Doe", "PERSON_NAME"), ("1120", "US_SSN_PARTIAL")],
            {"privacy.ssn.partial"},
        ),
        ("Call 555-201-3344 now", [("555-201-3344", "PHONE_NUMBER")], set()),
        (
            "Jo: 555-201-3344, 9 Elm St, Dayton OH",
            [("555-201-3344", "PHONE_NUMBER"), ("9 Elm St, Dayton OH", "STREET_ADDRESS")],
            {"privacy.contact.with_address", "privacy.address.home"},
        ),
    ],
)
def test_rules_fire_on_the_right_combinations(text: str, spans: list, expected: set) -> None:
    assert rules_of(text, [at(text, frag, kind) for frag, kind in spans]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "My number is 555-201-3344, I live at 9 Elm St, Dayton OH",
        "call me at 555-201-3344. My address is 9 Elm St, Dayton OH",
    ],
)
def test_self_disclosure_by_first_person_cue_is_not_a_violation(text: str) -> None:
    signals = [
        at(text, "555-201-3344", "PHONE_NUMBER"),
        at(text, "9 Elm St, Dayton OH", "STREET_ADDRESS"),
    ]
    verdict = decide(Evidence("c", tuple(signals), {"text": text}), POLICY)
    assert verdict.violations == ()
    assert {e.exemption for e in verdict.exempted} == {Exemption.SELF_DISCLOSURE}


def test_self_disclosure_by_registered_digest_needs_no_cue() -> None:
    text = "Here: 555-201-3344 and 9 Elm St, Dayton OH"
    signals = [
        at(text, "555-201-3344", "PHONE_NUMBER"),
        at(text, "9 Elm St, Dayton OH", "STREET_ADDRESS"),
    ]
    own = AuthorFacts("u1", own_digests=frozenset(s.digest for s in signals if s.digest))
    assert rules_of(text, signals, own) == set()
    # somebody else posting the same data gets no such exemption
    assert rules_of(text, signals, AuthorFacts("u2")) == {
        "privacy.address.home",
        "privacy.contact.with_address",
    }


@pytest.mark.parametrize(
    ("text", "violates"),
    [
        ("Protest at the senator's district office, 100 Main St, Dayton OH", False),
        ("Rally outside campaign HQ 100 Main St, Dayton OH", False),
        ("Meet at City Hall, 100 Main St, Dayton OH", False),
        ("The senator lives at 100 Main St, Dayton OH", True),
        ("By the post office near his home, 100 Main St, Dayton OH", True),
        ("Her office moved. Home: 100 Main St, Dayton OH", True),
    ],
)
def test_public_office_addresses_are_not_home_addresses(text: str, violates: bool) -> None:
    signal = at(text, "100 Main St, Dayton OH", "STREET_ADDRESS")
    assert bool(rules_of(text, [signal])) is violates


def test_public_address_digest_in_policy_facts() -> None:
    text = "Write to 100 Main St, Dayton OH"
    signal = at(text, "100 Main St, Dayton OH", "STREET_ADDRESS")
    facts = POLICY.facts.model_copy(update={"public_address_digests": frozenset({signal.digest})})
    policy = POLICY.model_copy(update={"facts": facts})
    verdict = decide(Evidence("c", (signal,), {"text": text}), policy)
    assert verdict.violations == ()
    assert verdict.exempted[0].exemption is Exemption.PUBLIC_ADDRESS


@pytest.mark.parametrize("masked", ["***-**-6789", "XXX-XX-6789", "█████████", "[SSN]"])
def test_already_redacted_content_is_not_a_violation(masked: str) -> None:
    text = f"Sen. Jo Doe, SSN {masked}, home [ADDRESS]"
    signals = [at(text, "Jo Doe", "PERSON_NAME"), at(text, masked, "US_SSN_PARTIAL")]
    assert rules_of(text, signals) == set()
    full = [at(text, masked, "US_SSN")]
    assert rules_of(text, full) == set()


@pytest.mark.parametrize("plain", ["078-05-6789", "Exxon Road 12", "Suite #4", "5*3"])
def test_is_masked_needs_a_real_mask(plain: str) -> None:
    assert not is_masked(plain)


def test_newsworthiness_only_from_a_human_grant() -> None:
    signals = reference_signals()
    ungranted = decide(Evidence("c", tuple(signals), {"text": REFERENCE_TEXT}), POLICY)
    assert ungranted.violates
    granted = decide(
        Evidence("c", tuple(signals), {"text": REFERENCE_TEXT}),
        POLICY,
        AuthorFacts("u1", newsworthy=frozenset({"hacked.material"})),
    )
    assert "hacked.material" not in {v.rule_id for v in granted.violations}
    assert ("hacked.material", Exemption.NEWSWORTHY) in {
        (e.rule_id, e.exemption) for e in granted.exempted
    }
    everything = AuthorFacts("u1", newsworthy=frozenset({"*"}))
    assert rules_of(REFERENCE_TEXT, signals, everything) == set()


def test_low_scores_go_to_review_and_below_min_score_do_not_count() -> None:
    text = "He lives at 9 Elm St, Dayton OH"
    weak = at(text, "9 Elm St, Dayton OH", "STREET_ADDRESS", score=0.55)
    verdict = decide(Evidence("c", (weak,), {"text": text}), POLICY)
    assert [v.needs_review for v in verdict.violations] == [True]
    too_weak = at(text, "9 Elm St, Dayton OH", "STREET_ADDRESS", score=0.3)
    assert decide(Evidence("c", (too_weak,), {"text": text}), POLICY).violations == ()


def test_a_failed_detector_never_reads_as_clean() -> None:
    failure = DetectorFailure("pii", "1", "text", "TimeoutError")
    verdict = decide(Evidence("c", (), {"text": "x"}, failures=(failure,)), POLICY)
    assert verdict.violations == ()
    assert {r.rule_id for r in verdict.reviews} == {r.id for r in POLICY.rules}
    skip = POLICY.model_copy(
        update={
            "rules": tuple(
                r.model_copy(update={"on_detector_failure": "skip"}) for r in POLICY.rules
            )
        }
    )
    assert decide(Evidence("c", (), {"text": "x"}, failures=(failure,)), skip).reviews == ()


def test_bank_and_link_matches_trigger_by_designation() -> None:
    assert rules_of("", [bank("hacked_material", kind=bank("x").kind)]) == {"hacked.material"}
    assert rules_of("", [bank("hacked_material", part="attachment:0")]) == {"hacked.material"}
    assert rules_of("", [bank("foreign_state_operation")]) == {"election.foreign_state_operation"}
    assert rules_of("", [bank("spam")]) == set()


def test_deciding_is_pure_and_order_independent() -> None:
    signals = reference_signals()
    first = decide(
        Evidence("c", tuple(signals), {"text": REFERENCE_TEXT}), POLICY, AuthorFacts("u")
    )
    random.Random(4).shuffle(signals)
    again = decide(
        Evidence("c", tuple(signals), {"text": REFERENCE_TEXT}), POLICY, AuthorFacts("u")
    )
    assert first == again


def test_deciding_can_read_nothing_about_the_author_but_id_and_registered_data() -> None:
    assert {f.name for f in dataclasses.fields(AuthorFacts)} == {
        "account_id",
        "own_digests",
        "newsworthy",
    }
    assert digest_of("x") != digest_of("y")
