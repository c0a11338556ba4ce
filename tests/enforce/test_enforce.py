"""Profiles, strikes, redaction, reasons: the pure half of enforcement."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from redline.decide import AuthorFacts, Evidence, decide, load_policy
from redline.enforce import (
    AccountState,
    ActionType,
    History,
    Strike,
    judge,
    load_profile,
    redact,
    standing,
)
from redline.errors import ConfigError
from tests.signal_fakes import REFERENCE_TEXT, at, reference_signals

POLICY = load_policy()
STRICT = load_profile("strict")
CONTAIN = load_profile("contain")
T0 = datetime(2026, 11, 1, 12, tzinfo=UTC)


def reference(content_id: str = "post-1") -> Evidence:
    return Evidence(content_id, tuple(reference_signals()), {"text": REFERENCE_TEXT})


def strike(weight: int, issued: datetime, *, voided: bool = False, days: int = 365) -> Strike:
    return Strike(
        f"s{issued:%j%H%M}{weight}",
        "u1",
        "r",
        weight,
        issued,
        issued + timedelta(days=days),
        "d",
        voided,
    )


def types(decision) -> list[str]:
    return [a.type.value for a in decision.actions]


def test_reference_case_strict_blocks_removes_suspends_then_bans() -> None:
    first = judge(reference(), POLICY, STRICT, AuthorFacts("u1"), History("u1"), T0)
    assert {"block_link", "remove_content", "suspend"} <= set(types(first))
    suspend = next(a for a in first.actions if a.type is ActionType.SUSPEND)
    assert suspend.until == T0 + timedelta(days=7)
    assert first.after.state is AccountState.SUSPENDED
    assert first.strike is not None and first.strike.weight == 2
    block = next(a for a in first.actions if a.type is ActionType.BLOCK_LINK)
    assert block.targets == ("url:0",)

    later = T0 + timedelta(days=1)
    second = judge(
        reference("post-2"),
        POLICY,
        STRICT,
        AuthorFacts("u1"),
        History("u1", (first.strike,)),
        later,
    )
    assert "ban" in types(second)
    assert second.after.state is AccountState.BANNED


def test_reference_case_contain_restricts_and_labels_and_keeps_the_account() -> None:
    first = judge(reference(), POLICY, CONTAIN, AuthorFacts("u1"), History("u1"), T0)
    assert {"restrict_sharing", "label"} <= set(types(first))
    assert not {"remove_content", "suspend", "ban", "block_link"} & set(types(first))
    second = judge(
        reference("post-2"),
        POLICY,
        CONTAIN,
        AuthorFacts("u1"),
        History("u1", (first.strike,)),
        T0 + timedelta(days=1),
    )
    assert second.after.state is AccountState.ACTIVE
    assert not {"suspend", "ban"} & set(types(second))


def test_same_inputs_same_decision_and_id() -> None:
    a = judge(reference(), POLICY, STRICT, AuthorFacts("u1"), History("u1"), T0)
    b = judge(reference(), POLICY, STRICT, AuthorFacts("u1"), History("u1"), T0)
    assert a == b
    other = judge(reference(), POLICY, CONTAIN, AuthorFacts("u1"), History("u1"), T0)
    assert other.id != a.id


def test_clean_content_gets_no_action_and_no_strike() -> None:
    decision = judge(
        Evidence("c", (), {"text": "hello"}), POLICY, STRICT, AuthorFacts("u1"), History("u1"), T0
    )
    assert decision.actions == () and decision.strike is None
    assert "No rule was broken" in decision.statement.text
    assert decision.after.state is AccountState.ACTIVE


def test_review_pending_gets_the_profiles_interim_action_and_no_strike() -> None:
    text = "He lives at 9 Elm St, Dayton OH"
    weak = at(text, "9 Elm St, Dayton OH", "STREET_ADDRESS", score=0.55)
    decision = judge(
        Evidence("c", (weak,), {"text": text}), POLICY, STRICT, AuthorFacts("u1"), History("u1"), T0
    )
    assert decision.needs_review
    assert types(decision) == ["limit_visibility"]
    assert decision.strike is None


def test_anonymous_content_is_acted_on_but_not_struck() -> None:
    decision = judge(reference(), POLICY, STRICT, AuthorFacts(None), History(None), T0)
    assert "remove_content" in types(decision) and decision.strike is None


@pytest.mark.parametrize(
    ("strikes", "at_time", "state"),
    [
        ([], T0, AccountState.ACTIVE),
        ([strike(1, T0)], T0, AccountState.LIMITED),
        ([strike(2, T0)], T0 + timedelta(days=6), AccountState.SUSPENDED),
        ([strike(2, T0)], T0 + timedelta(days=8), AccountState.LIMITED),
        ([strike(2, T0, days=30)], T0 + timedelta(days=31), AccountState.ACTIVE),
        ([strike(2, T0), strike(2, T0)], T0, AccountState.BANNED),
        (
            [strike(2, T0, days=30), strike(2, T0, days=30)],
            T0 + timedelta(days=400),
            AccountState.BANNED,
        ),
        ([strike(2, T0), strike(2, T0, voided=True)], T0, AccountState.SUSPENDED),
    ],
)
def test_state_is_derived_from_active_strikes(strikes, at_time, state) -> None:
    assert standing(strikes, STRICT.ladder, at_time).state is state


def test_suspension_runs_from_the_latest_strike() -> None:
    later = T0 + timedelta(days=3)
    result = standing([strike(1, T0), strike(1, later)], STRICT.ladder, later)
    assert result.until == later + timedelta(days=7)


def test_request_redaction_offers_a_compliant_text() -> None:
    text = "Jo Doe: SSN 078-05-1120, phone 555-201-3344, home 9 Elm St, Dayton OH."
    signals = (
        at(text, "Jo Doe", "PERSON_NAME"),
        at(text, "078-05-1120", "US_SSN"),
        at(text, "555-201-3344", "PHONE_NUMBER"),
        at(text, "9 Elm St, Dayton OH", "STREET_ADDRESS"),
    )
    decision = judge(
        Evidence("c", signals, {"text": text}), POLICY, STRICT, AuthorFacts("u1"), History("u1"), T0
    )
    offer = next(a for a in decision.actions if a.type is ActionType.REQUEST_REDACTION)
    assert offer.redacted_text == "Jo Doe: SSN [SSN], phone [PHONE], home [ADDRESS]."
    # the offered text passes the policy (its typed masks are redacted forms)
    again = decide(
        Evidence(
            "c2", (at(offer.redacted_text, "[SSN]", "US_SSN"),), {"text": offer.redacted_text}
        ),
        POLICY,
    )
    assert again.violations == ()


def test_redaction_merges_overlapping_spans() -> None:
    text = "x 078-05-1120 y"
    inner = at(text, "05-11", "US_SSN_PARTIAL")
    outer = at(text, "078-05-1120", "US_SSN")
    assert redact(text, [inner, outer]) == "x [SSN] y"
    assert redact(text, [outer, inner]) == "x [SSN] y"


def test_statement_cites_rules_masks_evidence_and_says_how_to_appeal() -> None:
    decision = judge(reference(), POLICY, STRICT, AuthorFacts("u1"), History("u1"), T0)
    text = decision.statement.text
    assert POLICY.rule("privacy.address.home").text in text
    assert "Detected automatically: yes. Decided automatically: yes." in text
    assert "How to appeal:" in text
    assert "42 Maple Avenue" not in text and "6789" not in text
    assert "suspended the account until" in text
    assert "42 Maple Avenue" not in str(decision.verdict.violations)


def test_profiles_are_validated_with_lines(tmp_path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "id: mine\nversion: '1'\nresponses:\n  - actions: [ban]\n"
        "ladder:\n  - {at: 1, state: active}\n  - {at: 3, state: suspended}\n"
    )
    with pytest.raises(ConfigError) as caught:
        load_profile(path)
    message = str(caught.value)
    assert "line 4 (responses.0.actions): ban comes from the ladder" in message
    assert "line 6 (ladder.0.at): the ladder must start at 0" in message
    assert "line 7 (ladder.1): a suspended step needs 'days'" in message
    with pytest.raises(ConfigError, match="shipped profiles: strict, contain"):
        load_profile("lenient")


def test_custom_profile_file_loads(tmp_path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "id: mine\nversion: '1'\nresponses:\n  - actions: [label]\n"
        "ladder:\n  - {at: 0, state: active}\n"
    )
    decision = judge(reference(), POLICY, load_profile(path), AuthorFacts("u1"), History("u1"), T0)
    assert types(decision) == ["label"]


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("  - {at: 1, state: suspended, days: 99999999999}", "ladder.1.days"),
        ("  - {at: 99999999999999999999, state: limited}", "ladder.1.at"),
    ],
)
def test_profile_integers_have_upper_bounds(tmp_path, line: str, field: str) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(
        "id: big\nversion: '1'\nresponses:\n  - actions: [label]\n"
        f"strikes:\n  expire_days: 365\nladder:\n  - {{at: 0, state: active}}\n{line}\n"
    )
    with pytest.raises(ConfigError, match=rf"\({field}\): .*less than or equal"):
        load_profile(path)


def test_strike_settings_have_upper_bounds(tmp_path) -> None:
    path = tmp_path / "heavy.yaml"
    path.write_text(
        "id: heavy\nversion: '1'\nresponses:\n  - actions: [label]\n"
        "strikes:\n  expire_days: 99999999999\n  weights: {high: 99999999999999999999}\n"
        "ladder:\n  - {at: 0, state: active}\n"
    )
    with pytest.raises(ConfigError) as caught:
        load_profile(path)
    assert "(strikes.expire_days)" in str(caught.value)
    assert "(strikes.weights.high)" in str(caught.value)
