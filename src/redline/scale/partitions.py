"""Which partition carries an author's posts: a stable hash of the author id, modulo the count.

Strikes depend on the order of one account's posts, so all of them must travel one ordered lane.
The lane is a subject, ``<stream>.p.<k>``, with ``k`` from SHA-256 of the author id (not
Python's ``hash``, which is salted per process: the publisher and every worker must agree). A
post without an author has no strikes to order and is spread by its own content id.

The partition count is fixed when the stream is created and written into the stream's
description, so a publisher or worker started later reads it rather than guessing; changing it
would move authors between lanes while their old posts may still be pending, so it is refused.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from redline.errors import ConfigError

DEFAULT_PARTITIONS = 16
MAX_PARTITIONS = 1024
_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_DESCRIPTION = re.compile(r"\bpartitions=(\d+)\b")


def partition_of(key: str, partitions: int) -> int:
    """The partition for an author id (or a content id when there is no author)."""
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big") % partitions


@dataclass(frozen=True, slots=True)
class Layout:
    """The names one content stream uses: its subjects, consumers and dead-letter subject."""

    stream: str
    partitions: int = DEFAULT_PARTITIONS

    def __post_init__(self) -> None:
        if not _NAME.match(self.stream):
            raise ConfigError(f"--stream {self.stream!r}: use 1 to 64 letters, digits, '-' or '_'")
        if not 1 <= self.partitions <= MAX_PARTITIONS:
            raise ConfigError(f"--partitions must be between 1 and {MAX_PARTITIONS}")

    def subject(self, partition: int) -> str:
        """The subject carrying one partition's content records."""
        return f"{self.stream}.p.{partition}"

    def subject_for(self, author_id: str | None, content_id: str) -> str:
        """The subject a record goes to: its author's partition, else its own id's."""
        key = author_id if author_id is not None else f"content:{content_id}"
        return self.subject(partition_of(key, self.partitions))

    @property
    def subjects(self) -> list[str]:
        """Every subject the stream holds: the partitions and the dead letters."""
        return [f"{self.stream}.p.*", self.dead_letters]

    @property
    def dead_letters(self) -> str:
        """Where a message goes after it was refused or failed every try, with the reason."""
        return f"{self.stream}.dead"

    def consumer(self, partition: int) -> str:
        """The durable consumer of one partition, shared by every worker."""
        return f"{self.stream}-p{partition}"

    @property
    def description(self) -> str:
        """The stream's description, which records the partition count for later readers."""
        return f"Redline content records; partitions={self.partitions}"


def partitions_in(description: str | None) -> int | None:
    """The partition count an existing stream's description records, if it is ours."""
    found = _DESCRIPTION.search(description or "")
    return int(found.group(1)) if found else None
