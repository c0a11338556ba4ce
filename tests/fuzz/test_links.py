"""Fuzz the URL canonicaliser and the link finder (``extract/links.py``).

Link rules are only as good as ``canonical_url``: every spelling of a page must reduce to one
form, and that form must reduce to itself, or a rule written from a canonical URL would miss the
page it names. So: ``canonical_url`` raises nothing but ``ValueError`` (its documented "not a
link"), is idempotent, and its output feeds ``url_key`` and ``host_of``; ``extract_urls`` never
raises, and its spans lie inside the text.
"""

from __future__ import annotations

from urllib.parse import quote

from hypothesis import strategies as st

from redline.extract.links import canonical_url, extract_urls, host_of, url_key
from tests.fuzz.harness import Target, corpus, fuzz

SCHEMES = ["http://", "https://", "HTTPS://", "hxxp://", "hxxps://", "h**p://", "h[tt]ps://",
           "ftp://", "[://]", "https[:]//", "", "", "mailto:", "javascript:", "//"]  # fmt: skip
LABELS = ["example", "leak", "www", "m", "mobile", "amp", "a-b", "xn--e1afmkfd", "пример", "рф",
          "straße", "ｅｘａｍｐｌｅ", "com", "org", "io", "co", "uk", "1", "127", "_x", "-a",
          "cdn", "ampproject", "google", "l", "facebook", "t", "umblr", "EXAMPLE"]  # fmt: skip
DOTS = [".", ".", ".", "[.]", "(.)", "[dot]", " [.] ", "。"]
SEGMENTS = ["amp", "AMP", "..", ".", "a", "b", "%2F", "%2e%2e", "%7Euser", "x.amp", "%", "%zz",
            "l.php", "url", "redirect", "away.php", "c", "s", "docs", "ü", "a b", "%00", ";x",
            ":", "@", "a?b", "#"]  # fmt: skip
KEYS = ["q", "u", "url", "to", "z", "id", "a", "utm_source", "fbclid", "amp", "outputType", "s",
        "si", "", "Q", "%71", "a b", "&", "="]  # fmt: skip

# Mostly the characters URLs are made of, where the canonicaliser's corner cases live.
URL_CHARS = st.text(alphabet="aAz09-._~%25/?#&=:@[]+ü", max_size=8)
label = st.sampled_from(LABELS) | URL_CHARS | st.text(max_size=4)
host = st.builds(
    lambda prefix, labels, dots, tld: (
        "".join(part + dots[i % len(dots)] for i, part in enumerate([*prefix, *labels])) + tld
    ),
    st.lists(st.sampled_from(["www", "m", "mobile", "amp", "WWW"]), max_size=3),
    st.lists(label, min_size=1, max_size=3),
    st.lists(st.sampled_from(DOTS), min_size=1, max_size=3),
    st.sampled_from(["com", "org", "example", "рф", "xn--p1ai", "co.uk", "io", "c", ""]),
) | st.sampled_from(["127.0.0.1", "[::1]", "[2001:db8::1]", "256.1.1.1", "1.2.3", "localhost"])
port = st.none() | st.integers(-1, 100_000).map(str) | st.sampled_from(["", "http", "80", "443"])
path = st.lists(st.sampled_from(SEGMENTS) | URL_CHARS, max_size=6).map("/".join)
query = st.lists(st.tuples(st.sampled_from(KEYS) | URL_CHARS, URL_CHARS), max_size=4)


@st.composite
def urls(draw: st.DrawFn, depth: int = 0) -> str:
    """A URL-ish string: scheme, user, host, port, path, query and fragment, each maybe odd."""
    text = draw(st.sampled_from(SCHEMES))
    if draw(st.booleans()):
        text += draw(st.sampled_from(["user:pw@", "@", "a@b@", ":@"]))
    text += draw(host)
    chosen = draw(port)
    if chosen is not None:
        text += ":" + chosen
    text += "/" + draw(path) if draw(st.booleans()) else ""
    pairs = draw(query)
    if depth < 2 and draw(st.integers(0, 4)) == 0:  # a redirector or AMP cache wrapping a link
        inner = draw(urls(depth + 1))
        wrapper = draw(st.sampled_from([
            "https://www.google.com/url?q=", "https://l.facebook.com/l.php?u=",
            "https://out.reddit.com/x?url=", "https://vk.com/away.php?to=",
            "https://example-com.cdn.ampproject.org/c/s/",
        ]))  # fmt: skip
        text = wrapper + (quote(inner, safe="") if draw(st.booleans()) else inner)
    elif pairs:
        text += "?" + "&".join(f"{k}={v}" if v else k for k, v in pairs)
    if draw(st.booleans()):
        text += "#" + draw(st.text(max_size=5))
    return text


SEED_URLS = [
    line
    for seed_file in corpus("links")
    for line in seed_file.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
link_text = st.sampled_from(SEED_URLS) | urls() | st.text(max_size=60)


def check_canonical(raw: str) -> None:
    """Only ValueError; idempotent; the canonical form has a key and a host."""
    try:
        canon = canonical_url(raw)
    except ValueError:
        return
    assert canonical_url(canon) == canon, f"not idempotent: {raw!r} -> {canon!r}"
    key = url_key(canon)
    assert canon.endswith(key)
    assert host_of(canon)


def check_found(pieces: list[str]) -> None:
    """``extract_urls`` never raises; spans are in the text and in order; urls are canonical."""
    text = " ".join(pieces)
    found = extract_urls(text)
    last = 0
    for link in found:
        assert last <= link.start < link.end <= len(text), (text, link)
        last = link.end
        assert canonical_url(link.url) == link.url, (text, link)


CANONICAL = Target("links.canonical_url", link_text, check_canonical, batch=200)
FOUND = Target(
    "links.extract_urls",
    st.lists(link_text | st.sampled_from([".", ",", "(", ")", "\n", "see"]), max_size=8),
    check_found,
)


def test_canonical_url_is_idempotent_and_raises_only_value_error() -> None:
    assert fuzz(CANONICAL) > 0


def test_extract_urls_spans_lie_in_the_text() -> None:
    assert fuzz(FOUND) > 0
