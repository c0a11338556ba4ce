"""The core decision record: each moderated content, its decision, actions, strike and standing.

* ``tables``: contents, decisions, actions;
* ``record``: ``DecisionRecord``, the stored decision as one typed, frozen value;
* ``document``: the record to and from its JSON document (the store's column, the edges);
* ``repository``: ``Decisions``, which writes one decision as one unit of work and reads it back;
* ``reports``: decisions with their content's times, page by page, for the reports;
* ``reveal``: the audited read of raw evidence.
"""

from redline.record.decisions.document import document_of, record_of, signal_of
from redline.record.decisions.record import DecisionRecord, record_of_decision, shown
from redline.record.decisions.repository import (
    Decisions,
    Retention,
    StoredContent,
    blank_out,
    evidence_of,
    kept_text,
)

__all__ = [
    "DecisionRecord",
    "Decisions",
    "Retention",
    "StoredContent",
    "blank_out",
    "document_of",
    "evidence_of",
    "kept_text",
    "record_of",
    "record_of_decision",
    "shown",
    "signal_of",
]
