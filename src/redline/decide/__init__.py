"""Decide: signals + policy -> verdict. Pure: no I/O, no clock, no author attribute beyond id."""

from redline.decide.exemptions import AuthorFacts, is_masked
from redline.decide.policy import Exemption, Policy, Rule, Severity, load_policy, parse_policy
from redline.decide.verdict import Evidence, Exempted, ReviewRequest, Verdict, Violation, decide

__all__ = [
    "AuthorFacts",
    "Evidence",
    "Exempted",
    "Exemption",
    "Policy",
    "ReviewRequest",
    "Rule",
    "Severity",
    "Verdict",
    "Violation",
    "decide",
    "is_masked",
    "load_policy",
    "parse_policy",
]
