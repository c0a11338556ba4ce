from __future__ import annotations

import pytest

from redline.extract.links import canonical_url, extract_urls, host_of, url_key

CANONICAL = [
    ("HTTP://Example.COM/", "http://example.com"),
    ("https://example.com:443/a/b/", "https://example.com/a/b"),
    ("http://example.com:80/a", "http://example.com/a"),
    ("http://example.com:8080/a", "http://example.com:8080/a"),
    ("https://example.com/a?utm_source=x&utm_medium=y&id=3#frag", "https://example.com/a?id=3"),
    ("https://example.com/a?fbclid=abc&gclid=def&b=2&a=1", "https://example.com/a?a=1&b=2"),
    ("https://www.example.com/x", "https://example.com/x"),
    ("https://m.example.com/x", "https://example.com/x"),
    ("https://mobile.example.com/x", "https://example.com/x"),
    ("https://amp.example.com/x", "https://example.com/x"),
    ("https://example.com/news/story/amp", "https://example.com/news/story"),
    ("https://example.com/amp/news/story", "https://example.com/news/story"),
    ("https://example.com/news/story?amp", "https://example.com/news/story"),
    ("https://example.com/news/story?amp=1&outputType=amp", "https://example.com/news/story"),
    ("https://example-com.cdn.ampproject.org/c/s/example.com/story", "https://example.com/story"),
    ("https://user:pw@example.com/a", "https://example.com/a"),
    ("http://пример.рф/", "http://xn--e1afmkfd.xn--p1ai"),
    ("http://xn--e1afmkfd.xn--p1ai/", "http://xn--e1afmkfd.xn--p1ai"),
    ("hxxps://leak[.]example[.]com/doc", "https://leak.example.com/doc"),
    ("https://www.google.com/url?q=https://leak.example/doc&sa=D", "https://leak.example/doc"),
    ("https://l.facebook.com/l.php?u=https%3A%2F%2Fleak.example%2Fdoc", "https://leak.example/doc"),
    ("example.com/a/../b/./c", "http://example.com/b/c"),
    ("https://example.com/%7Euser", "https://example.com/~user"),
]
# Near misses: different pages must stay different.
DIFFERENT = [
    ("https://example.com/a", "https://example.com/b"),
    ("https://example.com/a?id=3", "https://example.com/a?id=4"),
    ("https://example.com/a", "https://example.org/a"),
    ("https://m.example.com/a", "https://me.example.com/a"),
    ("https://example.com/amplifier", "https://example.com"),
]


@pytest.mark.parametrize(("raw", "canon"), CANONICAL)
def test_canonical_url(raw: str, canon: str) -> None:
    assert canonical_url(raw) == canon


# Found by the fuzzer (tests/fuzz/test_links.py): canonical forms that were not their own
# canonical form, so a rule or expansion key canonicalised again no longer matched the page.
IDEMPOTENT = [
    ("https://example.com/AMP/AMP/story", "https://example.com/story"),
    ("https://example.com/story/amp/amp", "https://example.com/story"),
    ("https://example.com/story.amp.amp", "https://example.com/story"),
    ("https://example.com/100%2525", "https://example.com/100%2525"),
    ("https://example.com/100%25", "https://example.com/100%25"),
    ("https://example.com/50%off", "https://example.com/50%25off"),
]


@pytest.mark.parametrize(("raw", "canon"), IDEMPOTENT)
def test_canonical_url_is_its_own_canonical_form(raw: str, canon: str) -> None:
    assert canonical_url(raw) == canon
    assert canonical_url(canon) == canon
    assert url_key(url_key(raw)) == url_key(raw)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_pages_stay_different(a: str, b: str) -> None:
    assert canonical_url(a) != canonical_url(b)


def test_scheme_free_key_and_host() -> None:
    assert url_key("http://www.Example.com/a/") == url_key("https://example.com/a")
    assert host_of("https://a.b.Example.com:8443/x") == "a.b.example.com"


@pytest.mark.parametrize("bad", ["http://", "not a url at all", "http://exa mple.com"])
def test_not_links_raise(bad: str) -> None:
    with pytest.raises(ValueError):
        canonical_url(bad)


FOUND = [
    ("see https://example.com/a.", ["https://example.com/a"], [False]),
    ("hxxp://evil[.]example/x now", ["http://evil.example/x"], [True]),
    ("go to example(dot)org today", ["http://example.org"], [True]),
    ("bare www.example.com/path, ok", ["http://example.com/path"], [False]),
    ("bare leak.news and more", ["http://leak.news"], [False]),
    (
        "(https://en.wikipedia.org/wiki/Foo_(bar))",
        ["https://en.wikipedia.org/wiki/Foo_(bar)"],
        [False],
    ),
    ("punycode xn--e1afmkfd.xn--p1ai/x", ["http://xn--e1afmkfd.xn--p1ai/x"], [False]),
    ("idn пример.рф here", ["http://xn--e1afmkfd.xn--p1ai"], [False]),
]
NOT_FOUND = [
    "mail john@example.com please",
    "open report.pdf and notes.txt",
    "e.g. this, i.e. that",
    "version 1.2.3 released",
    "",
]


@pytest.mark.parametrize(("text", "urls", "obfuscated"), FOUND)
def test_extract_urls(text: str, urls: list[str], obfuscated: list[bool]) -> None:
    found = extract_urls(text)
    assert [f.url for f in found] == urls
    assert [f.obfuscated for f in found] == obfuscated
    for f in found:
        assert 0 <= f.start < f.end <= len(text)


@pytest.mark.parametrize("text", NOT_FOUND)
def test_extract_urls_ignores_non_links(text: str) -> None:
    assert extract_urls(text) == []
