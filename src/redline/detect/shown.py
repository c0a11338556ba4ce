"""Findings shown: at most so many per part of a content, the rest counted, not listed.

A megabyte of dense values is tens of thousands of findings; listing each in an API response or
a CLI line made answers about 24 bytes per input character. What a reader needs is the first
findings of each part and how many more there are, so outputs list at most ``limit`` per part
and say, per part, how many they left out. Stored evidence keeps every finding (its count is
bounded by the detection budget): replay and review re-planning need them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def cap_per_part(
    items: Iterable[T], part_of: Callable[[T], str], limit: int
) -> tuple[list[T], dict[str, int]]:
    """The first ``limit`` items of each part, in their order, and the count left out per part.

    Returns:
        The kept items, and a part name to number of items left out (only parts that lost some).
    """
    kept: list[T] = []
    shown: dict[str, int] = {}
    omitted: dict[str, int] = {}
    for item in items:
        part = part_of(item)
        if shown.get(part, 0) < limit:
            kept.append(item)
            shown[part] = shown.get(part, 0) + 1
        else:
            omitted[part] = omitted.get(part, 0) + 1
    return kept, omitted
