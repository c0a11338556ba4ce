"""Link rules: does a link point at banked material, by exact URL, URL prefix or domain?

Every link and every rule value goes through ``canonical_url`` first, so rules are written once
and match every spelling of the same page. Scheme is ignored (``http`` and ``https`` copies of a
page are the same page). A domain rule covers the domain and all its subdomains. A prefix rule
covers whole path segments: ``leak.example/docs`` matches ``leak.example/docs/a.pdf`` and
``leak.example/docs?page=2`` but not ``leak.example/docs2``.

Shortened links are resolved only from a table of known expansions that the platform maintains
(or its store fills in from earlier resolutions); deciding never makes a network call, so the same
post always gets the same answer and a hostile shortener cannot stall or probe the system.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from redline.detect.banks.bank import BankEntry, EntryKind
from redline.extract.links import host_of, url_key

__all__ = ["KnownExpansions", "LinkIndex", "LinkMatch", "rule_value"]

_MAX_HOPS = 5


def rule_value(kind: EntryKind, value: str) -> str:
    """The canonical value a link rule stores: a URL key, a URL-key prefix or a host."""
    if kind is EntryKind.DOMAIN:
        return host_of(value)
    if kind in (EntryKind.URL, EntryKind.URL_PREFIX):
        return url_key(value)
    raise ValueError(f"not a link rule kind: {kind}")


class KnownExpansions:
    """Short link -> destination, from a table; no network."""

    def __init__(self, table: Mapping[str, str] | None = None) -> None:
        self._table: dict[str, str] = {}
        for short, target in (table or {}).items():
            self.add(short, target)

    def add(self, short: str, target: str) -> None:
        """Record that ``short`` redirects to ``target``."""
        self._table[url_key(short)] = target

    def chain(self, url: str) -> list[str]:
        """The URL keys a link leads to, itself first, following known expansions (cycle-safe)."""
        keys = [url_key(url)]
        while len(keys) <= _MAX_HOPS and keys[-1] in self._table:
            nxt = url_key(self._table[keys[-1]])
            if nxt in keys:
                break
            keys.append(nxt)
        return keys


@dataclass(frozen=True, slots=True)
class LinkMatch:
    """A link that hit a rule: which entry, by which rule, through which expansions."""

    entry: BankEntry
    rule: str
    url: str
    via: tuple[str, ...] = ()

    def explain(self) -> str:
        """One line a moderator can read."""
        path = " -> ".join((*self.via, self.url)) if self.via else self.url
        return f"bank {self.entry.bank!r} entry {self.entry.name!r} by {self.rule}: {path}"


def _prefix_covers(prefix: str, key: str) -> bool:
    if not key.startswith(prefix):
        return False
    rest = key[len(prefix) :]
    return not rest or prefix.endswith("/") or rest[0] in "/?"


class LinkIndex:
    """Exact, prefix and domain rules over canonical URL keys."""

    def __init__(self, expansions: KnownExpansions | None = None) -> None:
        self.expansions = expansions or KnownExpansions()
        self._entries: list[BankEntry] = []
        self._exact: defaultdict[str, list[int]] = defaultdict(list)
        self._prefix: defaultdict[str, list[tuple[str, int]]] = defaultdict(list)
        self._domain: defaultdict[str, list[int]] = defaultdict(list)

    @classmethod
    def build(
        cls, entries: Iterable[BankEntry], expansions: KnownExpansions | None = None
    ) -> LinkIndex:
        """Index every link entry (other kinds are ignored)."""
        index = cls(expansions)
        for entry in entries:
            if entry.kind in (EntryKind.URL, EntryKind.URL_PREFIX, EntryKind.DOMAIN):
                index.add(entry)
        return index

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, entry: BankEntry) -> None:
        """Add a URL, URL-prefix or domain entry; its ``value`` is canonicalised here."""
        if not entry.value:
            raise ValueError(f"link entry {entry.name!r} has no value")
        value = rule_value(entry.kind, entry.value)
        self._entries.append(entry)
        i = len(self._entries) - 1
        if entry.kind is EntryKind.URL:
            self._exact[value].append(i)
        elif entry.kind is EntryKind.URL_PREFIX:
            self._prefix[host_of(value)].append((value, i))
        else:
            self._domain[value].append(i)

    def _match_key(self, key: str) -> list[tuple[int, str]]:
        hits = [(i, "exact_url") for i in self._exact.get(key, ())]
        host = key.split("/", 1)[0].split("?", 1)[0].rsplit(":", 1)[0]
        hits += [(i, "url_prefix") for p, i in self._prefix.get(host, ()) if _prefix_covers(p, key)]
        labels = host.split(".")
        for n in range(len(labels)):
            hits += [(i, "domain") for i in self._domain.get(".".join(labels[n:]), ())]
        return hits

    def query(self, url: str) -> list[LinkMatch]:
        """Rules the link hits, directly or through known expansions; one match per entry."""
        try:
            chain = self.expansions.chain(url)
        except ValueError:
            return []
        seen: set[int] = set()
        out: list[LinkMatch] = []
        for hop, key in enumerate(chain):
            for i, rule in self._match_key(key):
                if i not in seen:
                    seen.add(i)
                    out.append(LinkMatch(self._entries[i], rule, key, tuple(chain[:hop])))
        return out
