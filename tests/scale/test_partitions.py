from __future__ import annotations

import pytest

from redline.errors import ConfigError
from redline.scale.partitions import Layout, partition_of, partitions_in


def test_an_author_always_lands_on_the_same_partition() -> None:
    # SHA-256, not Python's per-process salted hash: publisher and workers must agree
    assert partition_of("alice", 16) == partition_of("alice", 16) == 15
    assert Layout("s", 16).subject_for("alice", "post-1") == Layout("s", 16).subject_for(
        "alice", "post-2"
    )


def test_authors_spread_over_the_partitions() -> None:
    counts = [0] * 8
    for n in range(8000):
        counts[partition_of(f"user-{n}", 8)] += 1
    assert min(counts) > 850 and max(counts) < 1150


def test_a_post_without_author_is_spread_by_its_own_id() -> None:
    layout = Layout("s", 64)
    subjects = {layout.subject_for(None, f"c{n}") for n in range(200)}
    assert len(subjects) > 40


def test_the_stream_description_records_the_partition_count() -> None:
    assert partitions_in(Layout("s", 12).description) == 12
    assert partitions_in("someone else's stream") is None


@pytest.mark.parametrize("name", ["", "a.b", "a b", "a*", "x" * 65])
def test_bad_stream_names_are_refused(name: str) -> None:
    with pytest.raises(ConfigError, match="--stream"):
        Layout(name)


def test_partition_count_is_bounded() -> None:
    with pytest.raises(ConfigError, match="--partitions"):
        Layout("s", 0)
