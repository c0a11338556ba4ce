"""Group commit: concurrent units of work share commits, each still all or nothing."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import httpx
import pytest

from redline.api.groupcommit import GroupCommitStore
from redline.record.audit import verify
from redline.record.keys import Keys
from redline.settings import Settings
from tests.api.conftest import DOXX, Api, start_api

NOW = datetime(2026, 11, 26, tzinfo=UTC)


def in_threads(count: int, work: Callable[[int], None]) -> list[BaseException]:
    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def run(i: int) -> None:
        start.wait()
        try:
            work(i)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return errors


def test_concurrent_units_all_commit_and_a_failing_one_alone_rolls_back(
    settings: Settings,
) -> None:
    store = GroupCommitStore.open(settings)
    try:

        def work(i: int) -> None:
            with store.transaction() as session:
                Keys(session).create("auditor", name=f"k{i}", actor="t", now=NOW)
                if i % 7 == 3:
                    raise ValueError("this unit fails after writing")

        errors = in_threads(30, work)
        kept = [i for i in range(30) if i % 7 != 3]
        assert len(errors) == 30 - len(kept)
        assert all(isinstance(e, ValueError) for e in errors)
        with store.reading() as session:
            names = sorted(k.name for k in Keys(session).list())
            chain = verify(session)
        assert names == sorted(f"k{i}" for i in kept)
        assert chain.ok and chain.events == len(kept)
        assert store.units == len(kept)
        assert 1 <= store.commits <= len(kept)
    finally:
        store.close()


def test_nested_units_share_the_outer_one(settings: Settings) -> None:
    store = GroupCommitStore.open(settings)
    try:
        with store.transaction() as session:
            Keys(session).create("admin", name="outer", actor="t", now=NOW)
            with pytest.raises(ValueError), store.transaction() as inner:
                Keys(inner).create("admin", name="inner", actor="t", now=NOW)
                raise ValueError("inner fails")
        with store.reading() as session:
            assert [k.name for k in Keys(session).list()] == ["outer"]
    finally:
        store.close()


@pytest.fixture
def unbounded(settings: Settings) -> Iterator[Api]:
    """The service with load shedding off: 40 posts at once must all be worked on together."""
    with start_api(settings, api_max_in_flight=0) as started:
        yield started


def test_concurrent_posts_over_http(unbounded: Api) -> None:
    api = unbounded
    statuses: list[int] = []

    def post(i: int) -> None:
        response = httpx.post(
            f"{api.url}/v1/content",
            json={"id": f"c{i}", "author_id": f"u{i % 3}", "text": DOXX},
            headers=api.auth("ingest"),
            timeout=60,
        )
        statuses.append(response.status_code)

    before = api.counts()
    assert in_threads(40, post) == []
    assert statuses == [201] * 40
    after = api.counts()
    assert after["decisions"] == before["decisions"] + 40
    with api.store.reading() as session:
        assert verify(session).ok
    # One author's strikes were counted one at a time: three authors, a strike per decision.
    for author in ("u0", "u1", "u2"):
        account = api.client.get(f"/v1/accounts/{author}", headers=api.auth("moderator")).json()
        assert len(account["strikes"]) == sum(1 for i in range(40) if i % 3 == int(author[1]))
