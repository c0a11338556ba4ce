"""Find links in text, including the disguised ones, and reduce each to one canonical form.

People who share blocked material disguise links (``hxxp://``, ``example[.]com``, a bare domain
without a scheme) and the same page travels under many spellings (tracking parameters, ``m.`` and
AMP variants, a redirector wrapper, upper-case hosts, punycode or Unicode hosts). Link rules are
only as good as this normalisation, so it lives in one place: ``canonical_url()``. Nothing here
touches the network; shortened links are expanded later from a table of known expansions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

import idna

__all__ = ["FoundUrl", "canonical_url", "extract_urls", "host_of", "url_key"]

_DOT = r"(?:\.|\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\s\[\.\]\s)"
_SCHEME = r"(?:(?:https?|hxxps?|hXXps?|h\*\*ps?|h\[tt\]ps?|ftp)(?::|\[:\])//|\[://\])"
_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"
_TLD = r"(?:xn--[a-z0-9-]{2,59}|[^\W\d_]{2,63})"
_IPV4 = r"(?:\d{1,3}" + _DOT + r"){3}\d{1,3}"
_PATH = r"(?:[/?#][^\s<>\"'`]*)?"
_URL = re.compile(
    rf"(?<![\w@.\-/])(?P<scheme>{_SCHEME})?(?P<host>(?:{_LABEL}{_DOT})+{_TLD}|{_IPV4})"
    rf"(?P<port>:\d{{1,5}})?(?![\w@])(?P<path>{_PATH})",
    re.IGNORECASE,
)

# TLDs accepted for a bare domain (no scheme). Without a list, "report.pdf" and "e.g" would be
# links; with one, a few real domains are missed, which the explicit-scheme form still catches.
_BARE_TLDS_TEXT = """
com net org info biz gov edu mil int io co ai app dev me tv cc ly gl gd news online site website
blog live today world space store shop tech xyz top club press media link click eu us uk ca au nz
de fr it es nl be ch at se no dk fi pl cz sk hu ro bg gr pt ie ru ua by kz cn jp kr in br mx ar cl
za ng ke il ir tr sa ae qa eg su to ws fm am
"""
_BARE_TLDS = frozenset(_BARE_TLDS_TEXT.split())

_TRACKING = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|igshid|"
    r"mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|li_fat_id|rb_clickid|srsltid|ocid|ncid|cmpid|"
    r"ref_src|ref_url|spm|si|s|feature|share|sr_share|__twitter_impression|oly_\w+|vero_\w+)$",
    re.IGNORECASE,
)
_AMP_PARAMS = frozenset({"amp", "amp_js_v", "amp_gsa", "usqp", "outputtype", "amp_ct"})
_DEFAULT_PORTS = {"http": 80, "https": 443, "ftp": 21}
_HOST_PREFIXES = ("www.", "m.", "mobile.", "amp.")
# Redirectors that carry the destination in a query parameter: (host, path) -> parameter.
_REDIRECTORS: dict[tuple[str, str], str] = {
    ("google.com", "/url"): "q",
    ("l.facebook.com", "/l.php"): "u",
    ("lm.facebook.com", "/l.php"): "u",
    ("l.instagram.com", ""): "u",
    ("out.reddit.com", ""): "url",
    ("youtube.com", "/redirect"): "q",
    ("vk.com", "/away.php"): "to",
    ("slack-redir.net", "/link"): "url",
    ("t.umblr.com", "/redirect"): "z",
}


@dataclass(frozen=True, slots=True)
class FoundUrl:
    """A link found in text: where it is, its canonical form, and whether it was disguised."""

    start: int
    end: int
    url: str
    obfuscated: bool


def _deobfuscate(raw: str) -> str:
    """Undo the common disguises: ``hxxp``, ``[.]``, ``(dot)``, ``[://]``."""
    s = re.sub(_DOT, ".", raw, flags=re.IGNORECASE)
    s = re.sub(r"^(?:hxxp|h\*\*p|h\[tt\]p)", "http", s, flags=re.IGNORECASE)
    s = re.sub(r"\[:\]//", "://", s)
    return re.sub(r"^\[://\]", "http://", s)


def _trim(raw: str) -> str:
    """Drop sentence punctuation after a link, and a closing bracket it did not open."""
    while raw and raw[-1] in ".,;:!?'\"»”’":
        raw = raw[:-1]
    for open_, close in ("()", "[]", "{}"):
        while raw.endswith(close) and raw.count(close) > raw.count(open_):
            raw = raw[:-1]
    return raw


def extract_urls(text: str) -> list[FoundUrl]:
    """Every link in ``text``, in order, canonicalised; disguised links are flagged."""
    found: list[FoundUrl] = []
    for m in _URL.finditer(text):
        raw = _trim(m.group())
        host = _deobfuscate(m.group("host")).lower().rstrip(".")
        if not m.group("scheme"):
            tld = host.rsplit(".", 1)[-1]
            if not (tld in _BARE_TLDS or tld.startswith("xn--") or not tld.isascii()):
                continue
        clean = _deobfuscate(raw)
        try:
            url = canonical_url(clean)
        except ValueError:
            continue
        found.append(FoundUrl(m.start(), m.start() + len(raw), url, obfuscated=clean != raw))
    return found


_HOST_NAME = re.compile(
    r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}|localhost|[0-9a-f]*:[0-9a-f:.]+|"
    r"(?:\d{1,3}\.){3}\d{1,3}"
)


def _idna_host(host: str) -> str:
    """The ASCII host name, or ValueError when it cannot be a host (spaces, no dot, bad IDNA)."""
    host = host.strip().rstrip(".").lower()
    if not (host.isascii() and not any(part.startswith("xn--") for part in host.split("."))):
        try:
            host = idna.encode(host, uts46=True).decode("ascii")
        except idna.IDNAError as exc:
            raise ValueError(f"invalid international host name ({exc.__class__.__name__})") from exc
    if not _HOST_NAME.fullmatch(host):
        raise ValueError("not a host name")
    return host


def _strip_host(host: str) -> str:
    """Remove ``www.``, mobile and AMP host prefixes, keeping at least a two-label domain."""
    changed = True
    while changed:
        changed = False
        for prefix in _HOST_PREFIXES:
            if host.startswith(prefix) and host.count(".") >= 2:
                host, changed = host[len(prefix) :], True
    return host


def _clean_path(path: str) -> str:
    """Normalise percent-escapes, dot segments, AMP path markers and the trailing slash.

    The result is its own canonical form (link rules and stored expansion keys are canonicalised
    again when they are read): a ``%`` that survives decoding is escaped as ``%25``, so a second
    pass cannot decode it into another character, and AMP markers are removed until none is left
    at either end (``/amp/amp/story`` and ``/story`` are one page).
    """
    path = quote(unquote(path), safe="/:@!$&'()*+,;=-._~")
    segments: list[str] = []
    for seg in path.split("/"):
        if seg in ("", "."):
            continue
        if seg == "..":
            if segments:
                segments.pop()
            continue
        segments.append(seg)
    while segments:
        if segments[-1].lower() == "amp":
            segments.pop()
        elif segments[0].lower() == "amp":
            segments.pop(0)
        elif segments[-1].lower().endswith(".amp"):
            segments[-1] = segments[-1][:-4]
            if not segments[-1]:
                segments.pop()
        else:
            break
    return "/" + "/".join(segments) if segments else ""


def _unwrap(host: str, path: str, query: str) -> str | None:
    """The destination of a known redirector or AMP cache link, or None."""
    bare = _strip_host(host)
    for (rhost, rpath), param in _REDIRECTORS.items():
        if bare == rhost and (not rpath or path == rpath):
            for key, value in parse_qsl(query):
                if key == param and value:
                    return value
    if host.endswith(".cdn.ampproject.org"):
        m = re.match(r"^/[a-z]/(?P<s>s/)?(?P<rest>.+)$", path)
        if m:
            return ("https://" if m.group("s") else "http://") + m.group("rest")
    return None


def canonical_url(url: str, *, _depth: int = 0) -> str:
    """The canonical form of a link: what link rules compare.

    Lower-case scheme and IDNA host; no user info, default port, fragment, trailing slash,
    tracking or AMP parameters; ``www.``/``m.``/``mobile.``/``amp.`` host prefixes and AMP path
    markers removed; remaining parameters sorted; known redirectors unwrapped. Raises ValueError
    for something that is not a link.
    """
    url = _deobfuscate(url.strip())
    if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", url):
        url = "http://" + url
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise ValueError("malformed URL") from exc
    if not parts.hostname:
        raise ValueError("URL has no host")
    scheme = parts.scheme.lower()
    host = _idna_host(parts.hostname)
    target = _unwrap(host, parts.path, parts.query)
    if target and _depth < 5:
        return canonical_url(target, _depth=_depth + 1)
    host = _strip_host(host)
    shown = f"[{host}]" if ":" in host else host
    netloc = shown if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{shown}:{port}"
    params = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING.match(k) and k.lower() not in _AMP_PARAMS
    ]
    query = urlencode(sorted(params), quote_via=quote)
    return urlunsplit((scheme, netloc, _clean_path(parts.path), query, ""))


def url_key(url: str) -> str:
    """A canonical URL without its scheme: ``http`` and ``https`` copies of a page compare equal."""
    canon = canonical_url(url)
    return canon.split("://", 1)[1]


def host_of(url: str) -> str:
    """The canonical host of a link (no port)."""
    return url_key(url).split("/", 1)[0].split("?", 1)[0].rsplit(":", 1)[0]
