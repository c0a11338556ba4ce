"""The neutrality audit flags biased enforcement, clears unbiased, and replays counterfactually."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

import pytest

from redline.decide import load_policy
from redline.errors import InputError
from redline.report import neutrality
from redline.review import cases as case_service
from redline.review.rulebook import shipped_profile
from tests.review.conftest import LOW_ADDRESS, T0, moderate, post

PER_GROUP = 30


def dataset(store, rulebook, confirmed: dict[str, int]) -> dict[str, str]:
    """PER_GROUP authors per group, each with one low-confidence address post that a moderator
    confirms (``confirmed[group]`` of them) or overturns. Returns author -> group."""
    attributes = {}
    for group in ("left", "right"):
        for i in range(PER_GROUP):
            author = f"{group}-{i}"
            attributes[author] = group
            when = T0 + timedelta(minutes=2 * i)
            document = moderate(store, post(f"{author}-post", author, LOW_ADDRESS), when)
            case = case_service.open_case(store, document["decision_id"], rulebook=rulebook)
            outcome = "confirm" if i < confirmed[group] else "overturn"
            case_service.decide_case(
                store,
                case.id,
                moderator="mod",
                outcome=outcome,
                reason="reviewed",
                rulebook=rulebook,
                now=when + timedelta(minutes=1),
            )
    return attributes


def test_biased_enforcement_is_flagged(store, rulebook) -> None:
    attributes = dataset(store, rulebook, {"left": 8, "right": 27})
    report = neutrality.audit(store, attributes)
    assert report["biased"]
    stratum = report["strata"][0]
    assert (stratum["rule"], stratum["severity"]) == ("privacy.address.home", "high")
    left, right = stratum["groups"]["left"], stratum["groups"]["right"]
    assert left["enforcement"]["rate"] == round(8 / 30, 4)
    assert right["enforcement"]["rate"] == 0.9
    assert left["enforcement"]["ci95"][1] < right["enforcement"]["ci95"][0]
    assert {t["measure"] for t in report["flagged"]} >= {"enforcement", "action:suspend"}
    # same violation rate: both groups posted the same thing
    assert report["violation_rate_p"] == 1.0
    assert report["groups"]["left"]["violation_rate"]["rate"] == 1.0


def test_unbiased_enforcement_is_not_flagged(store, rulebook) -> None:
    attributes = dataset(store, rulebook, {"left": 18, "right": 18})
    report = neutrality.audit(store, attributes)
    assert not report["biased"] and report["flagged"] == []
    assert all(t["p_adjusted"] == 1.0 for s in report["strata"] for t in s["tests"])


def test_counterfactual_replay_shows_identical_decisions_and_catches_a_biased_decider(
    store, rulebook
) -> None:
    attributes = dataset(store, rulebook, {"left": 15, "right": 15})
    policy = load_policy()
    blind = neutrality.counterfactual(
        store, attributes, policy=policy, profile_for=shipped_profile, sample=20
    )
    assert blind["neutral"] and blind["compared"] == 20 and blind["identical"] == 20
    assert blind["violations_match_stored"] == 20

    def partisan(evidence, policy, profile, author, history, now, group):
        record = neutrality.blind_decider(evidence, policy, profile, author, history, now, group)
        return replace(record, actions=()) if group == "left" else record

    caught = neutrality.counterfactual(
        store, attributes, policy=policy, profile_for=shipped_profile, sample=20, decider=partisan
    )
    assert not caught["neutral"] and caught["differing"] == 20
    with pytest.raises(InputError, match="two groups"):
        neutrality.counterfactual(
            store, {"left-0": "left"}, policy=policy, profile_for=shipped_profile
        )


def test_attributes_files(tmp_path) -> None:
    as_json = tmp_path / "a.json"
    as_json.write_text(json.dumps({"u1": "left", "u2": "right"}))
    assert neutrality.load_attributes(as_json) == {"u1": "left", "u2": "right"}
    as_csv = tmp_path / "a.csv"
    as_csv.write_text("author_id,group\nu1,left\nu2,right\n")
    assert neutrality.load_attributes(as_csv) == {"u1": "left", "u2": "right"}
    for bad in ("author,lean\nu1,left\n", "author_id,group\nu1\n", '{"u1": 3}', "{nope"):
        path = tmp_path / "bad.txt"
        path.write_text(bad)
        with pytest.raises(InputError) as refused:
            neutrality.load_attributes(path)
        assert refused.value.field == "attributes"  # the core's name, not a CLI flag
    with pytest.raises(InputError):
        neutrality.load_attributes(tmp_path / "missing.csv")


def test_wilson_interval_and_independence() -> None:
    low, high = neutrality.wilson(8, 30)
    assert 0.13 < low < 0.15 and 0.44 < high < 0.46
    assert neutrality.wilson(0, 0) == (0.0, 1.0)
    assert neutrality.independence_p([[5, 5], [5, 5]]) == 1.0
    assert neutrality.independence_p([[10, 0]]) is None
    assert neutrality.independence_p([[30, 0], [0, 30], [15, 15]]) < 1e-6
