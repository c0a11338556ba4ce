"""Leak matching judged by its decisions: same-house posts are not punished, excerpts are.

The bank holds organisation memos from the house-style corpus (``bench/banks/house.py``, test
split: house styles the matcher was never tuned on). 500+ posts are written in the same houses'
style (same letterheads, stock sentences with other names, sign-offs, public statements) and 300
quote the memos. Under the strict profile, with the houses' ordinary writing added as a
background sample (what an operator adds with ``redline bank background add``), at most 0.5% of
the same-house posts get ``hacked.material`` (struck or sent to review), none is struck and no
author is suspended for it; the same holds with no background at all (the bank's own documents
are then the only model of the house style). Either way at least 97% of the quotes get it,
naming the memo they quote. Runs the whole pipeline on SQLite and PostgreSQL, with the store's
banks as the real signal source.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from typing import Any

import pytest
from bench.banks.house import house_corpus

from redline.content import Content
from redline.decide import load_policy
from redline.enforce import load_profile
from redline.pipeline import Moderator, default_sources
from redline.record import Store
from redline.record.banks import BankFile, Banks
from redline.record.banks.background import BackgroundSamples
from redline.record.decisions import document_of
from redline.settings import Settings
from tests.store_fixtures import pg_url, settings

__all__ = ["pg_url", "settings"]

T0 = datetime(2026, 12, 1, 9, tzinfo=UTC)
RULE = "hacked.material"


def hacked(document: dict[str, Any]) -> bool:
    return any(v["rule"] == RULE for v in document["violations"])


def suspended_for_leak(document: dict[str, Any]) -> bool:
    return any(a["type"] in ("suspend", "ban") and RULE in a["rules"] for a in document["actions"])


@pytest.mark.slow
@pytest.mark.parametrize("background", [True, False], ids=["background", "no-background"])
def test_same_house_posts_are_not_struck_and_excerpts_are(
    settings: Settings, background: bool
) -> None:
    corpus = house_corpus("test", n_orgs=6, memos_per_org=6, n_posts=2600, screenshots=False)
    negatives = [p for p in corpus.posts if p.variant == "same_house"][:520]
    positives = [p for p in corpus.posts if p.source is not None][:300]
    assert len(negatives) >= 500 and len(positives) == 300
    store = Store.open(settings)
    try:
        with store.transaction() as session:
            banks = Banks(session)
            banks.create_bank("house-leak", ["hacked_material"], added_by="analyst", now=T0)
            files = [BankFile(f"memo-{i}.txt", m.text.encode()) for i, m in enumerate(corpus.memos)]
            banks.add_files("house-leak", files, added_by="analyst", now=T0)
            if background:
                BackgroundSamples(session).add(
                    "houses-published", corpus.background, added_by="analyst", now=T0
                )
        moderator = Moderator(
            store,
            load_policy(),
            load_profile("strict"),
            default_sources(settings, store),
            clock=lambda: T0,
        )
        # Each house's staff post several times: strikes would add up to a suspension.
        outcomes = {
            kind: [
                document_of(
                    moderator.moderate(
                        Content(f"{kind}-{i}", post.text, author_id=f"{kind}-author-{i // 10}")
                    ).record
                )
                for i, post in enumerate(posts)
            ]
            for kind, posts in (("negative", negatives), ("positive", positives))
        }
    finally:
        store.close()
    flagged = [d for d in outcomes["negative"] if hacked(d)]
    # Confirmed, it would act and strike; pending review, it waits for a person.
    struck = [
        d
        for d in flagged
        if any(v["rule"] == RULE and not v["needs_review"] for v in d["violations"])
    ]
    assert len(flagged) <= 0.005 * len(negatives), len(flagged)
    assert struck == [], [d["content_id"] for d in struck]
    assert not any(suspended_for_leak(d) for d in outcomes["negative"])
    found = Counter(hacked(d) for d in outcomes["positive"])
    assert found[True] >= 0.97 * len(positives), found
    # And the excerpts name the memo they quote.
    right = sum(
        any(
            s["kind"] == "bank_match" and s["masked"] == f"house-leak/memo-{post.source}"
            for v in d["violations"]
            if v["rule"] == RULE
            for s in v["signals"]
        )
        for post, d in zip(positives, outcomes["positive"], strict=True)
    )
    assert right >= 0.97 * len(positives)
