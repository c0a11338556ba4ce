"""Link rules: exact URL, URL prefix by whole segments, domain with subdomains, known expansions."""

from __future__ import annotations

import pytest

from redline.detect.banks.bank import BankEntry, EntryKind
from redline.detect.links import KnownExpansions, LinkIndex, rule_value


def entry(name: str, kind: EntryKind, value: str) -> BankEntry:
    return BankEntry(bank="leaks", name=name, kind=kind, value=value)


RULES = [
    entry("page", EntryKind.URL, "https://leaks.example/dossier.pdf"),
    entry("folder", EntryKind.URL_PREFIX, "https://files.example/drop"),
    entry("site", EntryKind.DOMAIN, "mirror.example"),
]

# (link, expected (entry, rule) hits); each positive is paired with a near miss
CASES = [
    ("https://leaks.example/dossier.pdf", {("page", "exact_url")}),
    ("HTTP://WWW.LEAKS.EXAMPLE/dossier.pdf/?utm_source=x#p2", {("page", "exact_url")}),
    ("https://m.leaks.example/dossier.pdf?fbclid=abc", {("page", "exact_url")}),
    ("https://leaks.example/dossier.pdf?page=2", set()),
    ("https://leaks.example/other.pdf", set()),
    ("https://files.example/drop/a/b.pdf", {("folder", "url_prefix")}),
    ("https://files.example/drop?x=1", {("folder", "url_prefix")}),
    ("https://files.example/drop", {("folder", "url_prefix")}),
    ("https://files.example/dropbox/a.pdf", set()),
    ("https://files.example/", set()),
    ("https://mirror.example/", {("site", "domain")}),
    ("https://a.b.mirror.example/x", {("site", "domain")}),
    ("https://notmirror.example/x", set()),
    ("https://mirror.example.evil.test/x", set()),
]


@pytest.fixture(scope="module")
def index() -> LinkIndex:
    return LinkIndex.build(RULES)


@pytest.mark.parametrize(("url", "expected"), CASES)
def test_rules(index: LinkIndex, url: str, expected: set[tuple[str, str]]) -> None:
    assert {(m.entry.name, m.rule) for m in index.query(url)} == expected


def test_known_expansions_are_followed_without_network_and_explained() -> None:
    expansions = KnownExpansions(
        {
            "https://bit.ly/abc": "https://t.co/xyz",
            "https://t.co/xyz": "https://leaks.example/dossier.pdf?utm_campaign=z",
            "https://bit.ly/loop": "https://bit.ly/loop2",
            "https://bit.ly/loop2": "https://bit.ly/loop",
        }
    )
    index = LinkIndex.build(RULES, expansions)
    (m,) = index.query("http://bit.ly/abc")
    assert m.entry.name == "page" and m.via == ("bit.ly/abc", "t.co/xyz")
    assert "bit.ly/abc -> t.co/xyz -> leaks.example/dossier.pdf" in m.explain()
    assert index.query("https://bit.ly/loop") == []  # a cycle ends, it does not hang
    assert index.query("https://bit.ly/unknown") == []


def test_rule_values_are_canonical_and_bad_values_refused() -> None:
    assert rule_value(EntryKind.DOMAIN, "https://WWW.Mirror.Example/x") == "mirror.example"
    assert rule_value(EntryKind.URL, "https://a.example/x/?utm_source=1") == "a.example/x"
    assert rule_value(EntryKind.DOMAIN, "пример.рф") == "xn--e1afmkfd.xn--p1ai"
    for bad in ("not a host", "", "http://"):
        with pytest.raises(ValueError):
            rule_value(EntryKind.URL, bad)
    with pytest.raises(ValueError):
        rule_value(EntryKind.DOCUMENT, "x")


def test_garbage_links_match_nothing(index: LinkIndex) -> None:
    assert index.query("http://[::1") == []
