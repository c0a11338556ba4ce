"""What the routes call: the store, the moderator, the policy and profile, limits and metrics.

Built once by ``create_app`` from settings; the routes hold no logic of their own and reach the
same repositories and pipeline as the CLI through this object.

On SQLite, writes from the server's threads queue on a lock in the process instead of on the
database's busy timeout, which retries by sleeping and turns contention into latency spikes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from redline.api.metrics import Metrics
from redline.api.ratelimit import RateLimiter
from redline.decide.policy import Policy, load_policy
from redline.enforce.profile import Profile, load_profile
from redline.pipeline import Moderator, SignalSource, default_sources
from redline.record.keys import ApiKey, Keys
from redline.record.store import Store
from redline.settings import Settings


class ServiceStore(Store):
    """The store, with in-process queueing of SQLite writers."""

    def __init__(self, engine: Any) -> None:
        super().__init__(engine)
        self._writer = threading.RLock() if engine.dialect.name == "sqlite" else None

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """One unit of work; on SQLite, one at a time in this process."""
        if self._writer is None:
            with super().transaction() as connection:
                yield connection
            return
        with self._writer, super().transaction() as connection:
            yield connection


@dataclass
class Service:
    """Everything a request needs, shared by every request of one app."""

    settings: Settings
    store: Store
    policy: Policy
    profile: Profile
    moderator: Moderator
    metrics: Metrics
    limiter: RateLimiter

    @classmethod
    def open(cls, settings: Settings, sources: Sequence[SignalSource] | None = None) -> Service:
        """Load policy and profile (failing early on bad config), then open the store."""
        policy = load_policy(settings.api_policy)
        profile = load_profile(settings.api_profile)
        store = ServiceStore.open(settings)
        # As `redline moderate`: PII, plus the bank and link matcher when the store has banks.
        chosen = list(sources) if sources is not None else default_sources(settings, store)
        moderator = Moderator(
            store, policy, profile, chosen, retention=settings.retention, actor="api"
        )
        return cls(
            settings=settings,
            store=store,
            policy=policy,
            profile=profile,
            moderator=moderator,
            metrics=Metrics(),
            limiter=RateLimiter(settings.api_rate_per_second, settings.api_rate_burst),
        )

    def authenticate(self, token: str) -> ApiKey | None:
        """The active key a bearer token belongs to, if any."""
        with self.store.reading() as session:
            return Keys(session).authenticate(token)

    def ready(self) -> bool:
        """Whether the store answers."""
        try:
            with self.store.reading() as session:
                Keys(session).list(include_revoked=False)
        except Exception:
            return False
        return True

    def close(self) -> None:
        """Release the store's connections."""
        self.store.close()
