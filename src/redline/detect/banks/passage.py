"""Passages and document matches: what the excerpt index found, and the evidence for it."""

from __future__ import annotations

from dataclasses import dataclass

from redline.detect.banks.bank import BankEntry

__all__ = ["DocumentMatch", "Passage"]


@dataclass(frozen=True, slots=True)
class Passage:
    """A passage a post shares with a bank document, located in both, with its evidence.

    ``post_start``/``post_end`` are offsets into the post's text, covering the whole aligned
    passage. ``doc_start``/``doc_end`` are offsets into the document's extracted text covering
    the passage's shared fingerprints (the index keeps no full offset map of bank documents, to
    stay small); ``doc_compact`` is the exact passage in the document's compact form, which a
    caller holding the document maps with ``compact(text).to_source(*doc_compact)``. ``length`` is
    in compact characters; ``identity`` is the share of compared characters that agree.

    The evidence: ``doc_chars`` is how many characters of document text the passage covers (words
    the post blacked out included, the document's boilerplate excluded); ``specific`` is how many
    of its letters that agree are specific to this document (not house style, not ordinary
    text); ``redacted`` is how many of its letters the post blacked out.
    """

    post_start: int
    post_end: int
    doc_start: int
    doc_end: int
    length: int
    seeds: int
    identity: float
    doc_compact: tuple[int, int] = (0, 0)
    doc_chars: int = 0
    specific: int = 0
    redacted: int = 0


@dataclass(frozen=True, slots=True)
class DocumentMatch:
    """A bank document found in a post, with the evidence that explains it.

    ``rule`` names what fired: ``exact_bytes``, ``exact_text`` or ``excerpt``. ``distance`` is
    1 - identity of the best passage (0 for exact matches). ``score`` is calibrated: among the
    excerpt matches of the tuning corpus that scored about s, a share of about s were right
    (docs/banks.md says how it was measured).
    """

    entry: BankEntry
    rule: str
    score: float
    distance: float
    passages: tuple[Passage, ...]

    @property
    def passage(self) -> Passage | None:
        """The longest shared passage, if the match has a location."""
        return self.passages[0] if self.passages else None

    def explain(self) -> str:
        """One line a moderator can read: bank, entry, rule, where, how close, how specific."""
        head = f"bank {self.entry.bank!r} entry {self.entry.name!r} by {self.rule}"
        p = self.passage
        if p is None:
            return f"{head} (whole content, distance 0)"
        line = (
            f"{head}: post[{p.post_start}:{p.post_end}] ~ document[{p.doc_start}:{p.doc_end}],"
            f" {p.length} letters, identity {p.identity:.2f}, {p.seeds} shared fingerprints"
        )
        if self.rule != "excerpt":
            return line
        more = f" in {len(self.passages)} passages" if len(self.passages) > 1 else ""
        return (
            f"{line}; {sum(q.doc_chars for q in self.passages)} characters of document text"
            f"{more}, {sum(q.specific for q in self.passages)} letters specific to it,"
            f" score {self.score:.2f}"
        )
