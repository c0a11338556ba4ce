"""Policy packs load from YAML, and bad packs are refused with file, line and problem."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from redline.decide import Severity, load_policy, parse_policy
from redline.decide.dsa import DsaCategory
from redline.decide.policy import Exemption
from redline.errors import ConfigError
from redline.report.dsa import Statement

GOOD = """\
id: test
version: "1"
effective: 2026-01-01
appeal: reply to this notice
rules:
  - id: privacy.ssn.full
    title: Full SSN
    text: Do not post SSNs.
    severity: critical
    trigger: {kinds: pii, types: US_SSN}
    exceptions: [self_disclosure]
    dsa_category: STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS
"""


def test_the_default_pack_covers_the_issue_rules() -> None:
    policy = load_policy()
    ids = {rule.id for rule in policy.rules}
    assert {
        "privacy.ssn.full",
        "privacy.national_id",
        "privacy.ssn.partial",
        "privacy.address.home",
        "privacy.contact.with_address",
        "hacked.material",
        "election.foreign_state_operation",
    } <= ids
    for rule in policy.rules:
        assert rule.title and rule.text and rule.severity and rule.dsa_category
        assert Exemption.NEWSWORTHY in rule.exceptions
    foreign = policy.rule("election.foreign_state_operation")
    assert foreign.dsa_keywords == ("KEYWORD_FOREIGN_INFORMATION_MANIPULATION",)


def test_the_repository_policies_folder_is_the_packaged_one() -> None:
    root = Path(__file__).resolve().parents[2]
    assert load_policy(root / "policies" / "default.yaml") == load_policy()


def test_a_single_kind_or_type_may_be_written_as_a_scalar() -> None:
    rule = parse_policy(GOOD).rules[0]
    assert rule.trigger.types == ("US_SSN",)
    assert rule.severity is Severity.CRITICAL


@pytest.mark.parametrize(
    ("old", "new", "line", "what"),
    [
        ("severity: critical", "severity: dire", 9, "rules.0.severity"),
        ("types: US_SSN}", "types: US_SSN, min_score: 2}", 10, "rules.0.trigger.min_score"),
        (
            "exceptions: [self_disclosure]",
            "exceptions: [self_disclosur]",
            11,
            "rules.0.exceptions.0",
        ),
        ("    text: Do not post SSNs.\n", "", 6, "rules.0.text"),
        ("appeal: reply to this notice", "apeal: reply", 4, "apeal"),
        (
            "dsa_category: STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
            "dsa_category: PRIVACY",
            12,
            "rules.0.dsa_category",
        ),
    ],
)
def test_errors_name_file_line_and_field(old: str, new: str, line: int, what: str) -> None:
    assert old in GOOD
    with pytest.raises(ConfigError) as caught:
        parse_policy(GOOD.replace(old, new), "packs/test.yaml")
    message = str(caught.value)
    assert f"packs/test.yaml, line {line} ({what})" in message, message


def test_duplicate_rule_ids_are_refused_at_the_second_one() -> None:
    rule = GOOD[GOOD.index("  - id:") :]
    with pytest.raises(ConfigError, match=r"line 13 \(rules.1.id\): duplicate rule id"):
        parse_policy(GOOD + rule, "p.yaml")


def test_a_key_said_twice_is_refused_at_its_second_line() -> None:
    """YAML keeps the last of two equal keys silently; a policy must say each thing once."""
    twice = GOOD.replace("    severity: critical\n", "    severity: critical\n    severity: low\n")
    with pytest.raises(ConfigError, match=r"p.yaml, line 10: key 'severity' appears twice"):
        parse_policy(twice, "p.yaml")


def test_broken_yaml_names_the_line() -> None:
    with pytest.raises(ConfigError, match=r"p.yaml, line \d+: not valid YAML"):
        parse_policy(GOOD + "  - id: [unclosed\n", "p.yaml")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_policy(tmp_path / "nope.yaml")


# Every category either list named before they became one enum, and one neither knows.
CANDIDATE_CATEGORIES = sorted(
    {c.value for c in DsaCategory}
    | {
        "STATEMENT_CATEGORY_CONSUMER_INFORMATION",
        "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE",
        "STATEMENT_CATEGORY_ELECTION_RUMOURS",
    }
)


def _report_accepts(category: str) -> bool:
    try:
        TypeAdapter(Statement.model_fields["category"].annotation).validate_python(category)
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize("category", CANDIDATE_CATEGORIES)
def test_a_policy_names_only_categories_the_report_accepts(category: str) -> None:
    text = GOOD.replace("STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS", category)
    if _report_accepts(category):
        assert parse_policy(text).rules[0].dsa_category == category
    else:
        with pytest.raises(ConfigError, match=r"rules\.0\.dsa_category"):
            parse_policy(text)


# Found by the fuzzer (tests/fuzz/test_policy.py): each escaped as a bare exception (a traceback
# for `redline policy check`), or hung, instead of a ConfigError naming the file.
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("effective: 0000-00-00\n", "pack.yaml, line 1: not valid YAML: not a valid date"),
        ("id: x\neffective: 2026-13-45\n", "pack.yaml, line 2: not valid YAML: not a valid date"),
        ("'line x': 1\n'line x': 2\n", "pack.yaml, line 2: key 'line x' appears twice"),
        ("rules: " + "[" * 5000 + "]" * 5000, "pack.yaml: not valid YAML: it nests too deeply"),
    ],
)
def test_malformed_yaml_is_a_config_error(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_policy(text, "pack.yaml")
    assert str(caught.value).startswith(message)


def test_aliases_repeated_at_every_level_are_read_in_linear_time() -> None:
    # "billion laughs": 10**8 paths through 9 small nodes; the duplicate-key walk took each path
    # (a minute here; 12 levels would take days), now it visits each node once
    levels = 9
    text = "a0: &a0 [x]\n" + "".join(
        f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]\n" for n in range(1, levels)
    )
    began = time.thread_time()
    with pytest.raises(ConfigError, match="Extra inputs are not permitted"):
        parse_policy(text + "id: x\n", "pack.yaml")
    assert time.thread_time() - began < 1.0
