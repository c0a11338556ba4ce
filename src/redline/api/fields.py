"""Domain fields -> JSON pointers (RFC 6901) into the request body, for problem details.

The core names the field it refuses in its own terms (``rules``, ``decisions``, ``bank``); a
client needs to know where that sits in what it sent. RFC 9457's ``pointer`` says it: ``#/rules``,
``#/items/3/text``; ``#`` is the whole body. A field the request body does not carry (a path
parameter, a setting) gets no pointer rather than a made-up one. This is the API's map; the CLI
keeps its own (``cli.fields``) to its flags.
"""

from __future__ import annotations

from collections.abc import Sequence

# domain field -> where the API's request bodies carry it
_POINTERS: dict[str, tuple[str | int, ...]] = {
    "asked": ("asked",),
    "bank": ("name",),
    "body": (),
    "claim": ("claim",),
    "content": ("content_ids",),
    "decisions": ("decision_ids",),
    "designation": ("designations",),
    "domain": ("domain",),
    "items": ("items",),
    "name": ("name",),
    "outcome": ("outcome",),
    "prefix": ("prefix",),
    "reach": ("reach",),
    "reason": ("reason",),
    "received_at": ("received_at",),
    "requester": ("requester",),
    "requester_type": ("requester_type",),
    "role": ("role",),
    "rules": ("rules",),
    "statement": ("statement",),
    "url": ("url",),
    "url_prefix": ("url",),
}

# body members holding lists whose items the core names by index (``files.3.data_base64``)
_LISTS = frozenset({"files", "items", "attachments"})


def pointer(path: Sequence[str | int]) -> str:
    """``("items", 3, "text")`` -> ``#/items/3/text``, escaped as RFC 6901 says."""
    escaped = (str(p).replace("~", "~0").replace("/", "~1") for p in path)
    return "#" + "".join("/" + p for p in escaped)


def pointer_for(field: str | None) -> str | None:
    """The pointer to a domain field in the request body, or None if the body has no such part."""
    if field is None:
        return None
    if field in _POINTERS:
        return pointer(_POINTERS[field])
    head, _, rest = field.partition(".")
    if head in _LISTS and rest:
        return pointer([head, *(int(p) if p.isdigit() else p for p in rest.split("."))])
    return None


def pointer_for_location(loc: Sequence[int | str]) -> str | None:
    """A validation error's location (``("body", "items", 3)``) as a pointer; body only."""
    if not loc or loc[0] != "body":
        return None
    return pointer(loc[1:])
