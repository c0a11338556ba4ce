"""One answer to "does a person look at this decision?": the stored flag and the case queue.

They used to differ: the flag (``Decision.needs_review``) counted low confidence and detector
failures only, while the queue (``review.queue.review_reasons``) also sent a confirmed violation at
the pack's ``review_at_severity`` to a person, so a decision the queue opened a case for was stored
as not needing review. Both now ask ``decide.review.review_reasons``.
"""

from __future__ import annotations

from datetime import timedelta

from redline.record.decisions import Decisions
from redline.review import cases as case_service
from redline.review import queue
from tests.review.conftest import LOW_ADDRESS, T0, moderate, post


def test_the_stored_flag_and_the_queue_agree(store, rulebook) -> None:
    documents = [
        moderate(store, post("low", "u2", LOW_ADDRESS), T0),
        moderate(store, post("ssn", "u3", "Found SSN 078-05-1120 here"), T0 + timedelta(1)),
        moderate(store, post("ref", "u1"), T0 + timedelta(2)),
        moderate(store, post("clean", "u4", "Polls open at 7am."), T0),
    ]
    with store.reading() as session:
        low, ssn, ref, clean = (Decisions(session).get(d["decision_id"]) for d in documents)
    # the case where the two answers used to disagree: confirmed, critical, nothing pending
    assert not any(v.needs_review for v in ssn.violations) and not ssn.reviews
    assert queue.review_reasons(ssn, rulebook.policy) == ["high_severity"]
    assert ssn.needs_review
    for record in (low, ssn, ref, clean):
        sent = bool(queue.review_reasons(record, rulebook.policy))
        assert record.needs_review == sent, record.content_id
    opened = {c.decision_id for c in case_service.sync_cases(store, rulebook=rulebook)}
    assert opened == {r.id for r in (low, ssn, ref, clean) if r.needs_review}
    assert not clean.needs_review
