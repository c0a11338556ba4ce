"""Domain fields -> the CLI's flags and arguments, so an error names what the user typed.

The core names the field it refuses in its own terms (``rules``, ``attributes``, ``name``): it
serves the CLI, the HTTP API and the workers alike and knows none of their spellings. Each edge
maps those names once; this is the CLI's map (``api.fields`` is the API's, to JSON pointers).
"""

from __future__ import annotations

from redline.errors import InputError

# domain field -> the option or argument that carries it (as ``--help`` shows it)
FLAGS: dict[str, str] = {
    "asked": "--asked",
    "attributes": "--attributes",
    "bank": "NAME",
    "claim": "--claim",
    "content": "--content",
    "decisions": "DECISION...",
    "designation": "--designation",
    "domain": "--domain",
    "entities": "--entities",
    "file": "FILE",
    "format": "--format",
    "input": "INPUT",
    "name": "--name",
    "outcome": "--outcome",
    "output": "--output",
    "prefix": "--prefix",
    "reach": "--reach",
    "reason": "--reason",
    "received_at": "--received",
    "requester": "--from",
    "requester_type": "--type",
    "role": "--role",
    "rules": "--rule",
    "sample": "--sample",
    "statement": "--statement",
    "territory": "--territory",
    "texts": "FILE...",
    "url": "--url",
    "url_prefix": "--url",
}


def flag_for(field: str | None) -> str | None:
    """The flag or argument that carries ``field``; CLI-raised errors already name theirs."""
    if field is None:
        return None
    if field in FLAGS:
        return FLAGS[field]
    return field if field.startswith("-") or field.isupper() else None


def describe(error: Exception) -> str:
    """The one-line message for ``error``, naming the flag it is about when the core did not."""
    message = str(error)
    flag = flag_for(error.field) if isinstance(error, InputError) else None
    if flag is None or flag in message:
        return message
    return f"{message} ({flag})"
