"""The core decision record: each moderated content, its decision, actions, strike and standing.

* ``tables``: contents, decisions, actions;
* ``repository``: ``Decisions``, which writes one decision as one unit of work and reads it back;
* ``reports``: decisions with their content's times, page by page, for the reports;
* ``reveal``: the audited read of raw evidence.
"""

from redline.record.decisions.repository import (
    Decisions,
    Retention,
    StoredContent,
    blank_out,
    evidence_of,
    kept_text,
    signal_of,
)

__all__ = [
    "Decisions",
    "Retention",
    "StoredContent",
    "blank_out",
    "evidence_of",
    "kept_text",
    "signal_of",
]
