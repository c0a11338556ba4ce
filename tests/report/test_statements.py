"""Statements of reasons: the DSA database's fields and values, validated, batched, no PII."""

from __future__ import annotations

import csv
import json
from datetime import timedelta

import pytest

from redline.decide import load_policy
from redline.errors import InputError
from redline.report import statements as export
from redline.report.dsa import FIELDS, Statement
from redline.review import cases as case_service
from tests.review.conftest import LOW_ADDRESS, T0, moderate, post

GOOD = {
    "decision_visibility": ["DECISION_VISIBILITY_CONTENT_REMOVED"],
    "decision_ground": "DECISION_GROUND_INCOMPATIBLE_CONTENT",
    "incompatible_content_ground": "Terms, rule 4",
    "incompatible_content_explanation": "Doxxing is not allowed.",
    "content_type": ["CONTENT_TYPE_TEXT"],
    "category": "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
    "territorial_scope": ["DE", "FR"],
    "content_date": "2026-11-01",
    "application_date": "2026-11-01",
    "decision_facts": "Automated detection found a home address.",
    "source_type": "SOURCE_VOLUNTARY",
    "automated_detection": "Yes",
    "automated_decision": "AUTOMATED_DECISION_FULLY",
    "puid": "d_0123abcd",
}


def test_the_model_accepts_a_valid_statement_and_refuses_each_broken_rule() -> None:
    assert Statement.model_validate(GOOD).to_api() == GOOD
    broken = [
        {"decision_visibility": None},  # no restriction at all
        {"incompatible_content_ground": None},  # the ground's own field
        {"illegal_content_legal_ground": "Art. 5 GDPR"},  # the other ground's field
        {"automated_decision": "NOT_AUTOMATED"},  # the database's exact spelling only
        {"category": "STATEMENT_CATEGORY_DOXXING"},
        {"category_specification": ["FOREIGN_INFORMATION_MANIPULATION"]},
        {"content_type": ["CONTENT_TYPE_OTHER"]},  # needs content_type_other
        {"application_date": "2026-11-01T10:00"},
        {"content_date": "1999-12-31"},
        {"territorial_scope": ["US"]},
        {"puid": "has spaces"},
        {"decision_facts": "x" * 5001},
        {"end_date_account_restriction": "2026-12-01"},  # without an account decision
        {"platform_name": "Redline"},  # not a field of the schema
    ]
    for change in broken:
        with pytest.raises(ValueError):
            Statement.model_validate({**GOOD, **change})


def test_each_step_of_the_reference_case_gets_a_valid_statement_without_personal_data(
    store, rulebook, tmp_path
) -> None:
    first = moderate(store, post("p1", "journalist"), T0)
    second = moderate(store, post("p2", "journalist"), T0 + timedelta(hours=1))
    low = moderate(store, post("low", "u2", LOW_ADDRESS), T0 + timedelta(hours=2))
    moderate(store, post("clean", "u3", "Polls open at 7am."), T0)
    case = case_service.open_case(store, low["decision_id"], rulebook=rulebook)
    case_service.decide_case(
        store,
        case.id,
        moderator="mod-alice",
        outcome="confirm",
        reason="private home",
        rulebook=rulebook,
        now=T0 + timedelta(hours=3),
    )
    found = export.export(store, policy=load_policy())
    by_puid = {s.puid: s for s in found}
    assert set(by_puid) == {
        first["decision_id"],
        second["decision_id"],
        low["decision_id"],
        case.id,
    }

    one = by_puid[first["decision_id"]]
    assert one.decision_visibility == [
        "DECISION_VISIBILITY_CONTENT_DISABLED",
        "DECISION_VISIBILITY_CONTENT_REMOVED",
    ]
    assert one.decision_account == "DECISION_ACCOUNT_SUSPENDED"
    assert one.end_date_account_restriction == "2026-11-08"
    assert one.category == "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS"
    assert one.category_addition == ["STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS"]
    assert one.category_specification == ["KEYWORD_FOREIGN_INFORMATION_MANIPULATION"]
    assert one.content_type == ["CONTENT_TYPE_TEXT", "CONTENT_TYPE_OTHER"]
    assert one.automated_decision == "AUTOMATED_DECISION_FULLY"
    assert one.decision_ground == "DECISION_GROUND_INCOMPATIBLE_CONTENT"
    assert by_puid[second["decision_id"]].decision_account == "DECISION_ACCOUNT_TERMINATED"
    pending = by_puid[low["decision_id"]]
    assert pending.decision_visibility == ["DECISION_VISIBILITY_CONTENT_DEMOTED"]
    reviewed = by_puid[case.id]
    assert reviewed.automated_decision == "AUTOMATED_DECISION_NOT_AUTOMATED"
    assert reviewed.decision_visibility == ["DECISION_VISIBILITY_CONTENT_REMOVED"]
    assert reviewed.decision_account == "DECISION_ACCOUNT_SUSPENDED"

    for fmt in ("json", "csv"):
        out = tmp_path / f"sor.{fmt}"
        assert export.write(found, out, fmt) == [out]
        written = out.read_text()
        for private in (
            "journalist",
            "u2",
            "mod-alice",
            "Carver",
            "Maple",
            "62704",
            "6789",
            "Birch",
            "19901",
            "p1",
            "***",
            "leaks.example",
        ):
            assert private not in written, private
    rows = list(csv.reader((tmp_path / "sor.csv").open()))
    assert tuple(rows[0]) == FIELDS and len(rows) == 5
    back = json.loads((tmp_path / "sor.json").read_text())
    assert [Statement.model_validate(s).puid for s in back] == [s.puid for s in found]

    window = export.export(store, start=T0 + timedelta(minutes=30), end=T0 + timedelta(hours=2))
    assert [s.puid for s in window] == [second["decision_id"]]


def test_personal_data_in_a_statement_refuses_the_export() -> None:
    leaky = Statement.model_validate(
        {**GOOD, "decision_facts": "The post gave 42 Maple Avenue, Springfield, IL 62704."}
    )
    with pytest.raises(export.StatementRefused, match="decision_facts holds personal data"):
        export.check_no_personal_data(leaky)


def test_batches_of_at_most_one_hundred(store, tmp_path) -> None:
    for i in range(230):
        moderate(store, post(f"s{i}", None, f"Found SSN 078-05-1120 here #{i}"), T0)
    found = export.export(store)
    assert len(found) == 230
    paths = export.write(found, tmp_path / "sor.json", "json")
    assert [p.name for p in paths] == ["sor-0001.json", "sor-0002.json", "sor-0003.json"]
    sizes = [len(json.loads(p.read_text())) for p in paths]
    assert sizes == [100, 100, 30]
    assert len({s["puid"] for s in export.read_json(paths)}) == 230


def test_the_category_mapping_is_policy_not_code(store) -> None:
    from redline.decide import parse_policy
    from redline.decide.policy import packaged_text
    from redline.enforce import load_profile
    from redline.pipeline import Moderator
    from tests.review.conftest import Fixed

    text = packaged_text("default.yaml").replace(
        "    review_below_score: 0.6\n"
        "    dsa_category: STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
        "    review_below_score: 0.6\n"
        "    dsa_category: STATEMENT_CATEGORY_CYBER_VIOLENCE\n"
        "    dsa_keywords: [KEYWORD_CYBER_STALKING]\n"
        "    dsa_legal_ground: Art. 6 GDPR (unlawful processing of personal data)",
    )
    policy = parse_policy(text.replace('version: "2026.12.0"', 'version: "2026.11.1"'))
    moderator = Moderator(store, policy, load_profile("strict"), [Fixed()], clock=lambda: T0)
    moderator.moderate(post("doxx", "u9", LOW_ADDRESS))
    # the low-confidence address is pending review: its statement is the demotion
    (statement,) = export.export(store, policy=policy)
    assert statement.category == "STATEMENT_CATEGORY_CYBER_VIOLENCE"
    assert statement.category_specification == ["KEYWORD_CYBER_STALKING"]
    assert statement.decision_ground == "DECISION_GROUND_ILLEGAL_CONTENT"
    assert statement.illegal_content_legal_ground.startswith("Art. 6 GDPR")
    assert statement.incompatible_content_ground is None


def test_a_territory_outside_the_eea_is_refused_by_its_field(store) -> None:
    with pytest.raises(InputError) as refused:
        export.export(store, territory=["US"])
    assert refused.value.field == "territory"
    assert "--" not in str(refused.value)  # the core knows no CLI flags
