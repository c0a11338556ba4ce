"""What the routes call: the store, the moderator, the policy and profile, limits and metrics.

Built once by ``create_app`` from settings; the routes hold no logic of their own and reach the
same repositories and pipeline as the CLI through this object.

Writes go through ``GroupCommitStore``: the server's threads queue on a lock in the process (not
on SQLite's busy timeout, which retries by sleeping) and share commits under load.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from redline.api.groupcommit import GroupCommitStore
from redline.api.metrics import Metrics
from redline.api.ratelimit import RateLimiter
from redline.content import Content
from redline.decide.policy import Policy, load_policy
from redline.enforce.profile import Profile, load_profile
from redline.pipeline import Moderator, Outcome, SignalSource, default_sources
from redline.record.keys import ApiKey, Keys
from redline.record.review.cases import CaseView
from redline.record.store import Store
from redline.review.cases import open_if_due_now
from redline.review.rulebook import Rulebook
from redline.settings import Settings

log = logging.getLogger(__name__)


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
        store = GroupCommitStore.open(settings)
        assert isinstance(store, GroupCommitStore)
        # As `redline moderate`: PII, plus the bank and link matcher when the store has banks.
        chosen = list(sources) if sources is not None else default_sources(settings, store)
        moderator = Moderator(
            store, policy, profile, chosen, retention=settings.retention, actor="api"
        )
        metrics = Metrics()
        metrics.watch_commits(lambda: store.commits, lambda: store.units)
        return cls(
            settings=settings,
            store=store,
            policy=policy,
            profile=profile,
            moderator=moderator,
            metrics=metrics,
            limiter=RateLimiter(settings.api_rate_per_second, settings.api_rate_burst),
        )

    @property
    def rulebook(self) -> Rulebook:
        """The service's policy, and the profile each stored decision was made under."""
        return Rulebook.serving(self.policy, self.profile)

    def moderate(self, content: Content) -> tuple[Outcome, CaseView | None]:
        """Moderate one content; a new decision the policy sends to people gets its case now.

        The same steps as an entry point's contract in ``review.cases.open_if_due``; the case is
        opened after the decision committed, so a failure there never loses the decision (and
        ``POST /v1/cases:sync`` opens any case missed).
        """
        outcome = self.moderator.moderate(content)
        case = None
        if outcome.created:
            self.metrics.decided(outcome.record)
            try:
                case = open_if_due_now(self.store, outcome.record, rulebook=self.rulebook)
            except Exception as error:  # the decision stands; sync opens the case later
                # named by the decision's id (ours), not the content's (the platform's, which
                # may be private data)
                decision_id = outcome.record.id
                log.warning("case for %s not opened: %s", decision_id, type(error).__name__)
        return outcome, case

    def reload_sources(self) -> None:
        """Rebuild the detectors after the banks changed; in-flight calls finish with the old."""
        self.moderator.sources = default_sources(self.settings, self.store)

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
