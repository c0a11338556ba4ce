"""One message through the same pipeline as ``redline moderate`` and the API: the synchronous part.

The worker's event loop hands each message's bytes here, in a thread, and acts on the answer:
acknowledge a decision (new or already stored), dead-letter a refusal at once (it would be
refused every time), or retry a failure. The decision is committed before this returns, so the
acknowledgement that follows can only ever confirm what the store already holds.

Reasons are built from error types, field names and limits, never from the message: a reason
ends up in a log and on the dead-letter subject, and the message may be the very data we protect.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from redline.content import Content
from redline.errors import RecordRefused, StoreError
from redline.pipeline import Moderator
from redline.review.cases import open_if_due_now
from redline.review.rulebook import Rulebook

# Turns a message's bytes into content, or raises RecordRefused naming the field (the CLI's
# JSONL reader supplies it, so a stream record is read exactly as a ``moderate`` line is).
Decoder = Callable[[bytes], Content]


@dataclass(frozen=True, slots=True)
class Handled:
    """What became of one message.

    ``outcome`` is ``decided`` (this call stored the decision), ``again`` (it was stored
    already: a redelivery or a duplicate), ``refused`` (malformed: dead-letter it), ``failed``
    (the pipeline raised: retry, then dead-letter) or ``unavailable`` (the store is down: retry
    without counting it against the message).
    """

    outcome: str
    content_id: str | None = None
    reason: str = ""
    violates: bool = False


@dataclass
class Handler:
    """Decodes, moderates, commits, and opens a review case when one is due."""

    moderator: Moderator
    rulebook: Rulebook
    decode: Decoder
    max_bytes: int

    def __call__(self, data: bytes) -> Handled:
        """Handle one message; never raises (every failure is an outcome with its reason)."""
        if len(data) > self.max_bytes:
            return Handled("refused", reason=f"over the size limit of {self.max_bytes} bytes")
        try:
            content = self.decode(data)
        except RecordRefused as refused:
            return Handled("refused", reason=str(refused))
        try:
            outcome = self.moderator.moderate(content)
            # After the commit, as `redline moderate` and the API do; done for a redelivered
            # record too, so a worker killed between the two still gets its case opened.
            open_if_due_now(self.moderator.store, outcome.record, rulebook=self.rulebook)
        except StoreError as error:
            return Handled("unavailable", content.id, reason=_reason(error))
        except Exception as error:  # a bug or a refusal by the database: retried, then parked
            return Handled("failed", content.id, reason=_reason(error))
        return Handled(
            "decided" if outcome.created else "again", content.id, violates=outcome.record.violates
        )


def _reason(error: Exception) -> str:
    """A reason that names the error's kind only (its message may quote the data)."""
    cause = error.__cause__
    named = type(error).__name__
    return f"{named} ({type(cause).__name__})" if cause is not None else named
