"""Prometheus metrics: requests by route and status with latencies, decisions by rule and action.

Each app has its own registry (no module-level globals), so two apps in one process, as in the
tests, never share counters. Routes are labelled by their template (``/v1/decisions/{id}``), not
the path, so ids never become label values.
"""

from __future__ import annotations

from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.exposition import CONTENT_TYPE_LATEST, generate_latest

from redline.record.decisions import DecisionRecord

_BUCKETS = (0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    """The service's counters and histograms, in one registry."""

    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "redline_http_requests",
            "HTTP requests answered, by method, route template and status.",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "redline_http_request_duration_seconds",
            "Time to answer an HTTP request, by method and route template.",
            ["method", "route"],
            buckets=_BUCKETS,
            registry=self.registry,
        )
        self.decisions = Counter(
            "redline_decisions",
            "New decisions, by rule and action (rule and action 'none' for a clean decision;"
            " a violation without action counts under action 'none').",
            ["rule", "action"],
            registry=self.registry,
        )

    def watch_commits(self, commits: Callable[[], float], units: Callable[[], float]) -> None:
        """Publish the store's group commits: how many commits carried how many units of work."""
        Gauge(
            "redline_store_commits", "Database commits of units of work.", registry=self.registry
        ).set_function(commits)
        Gauge(
            "redline_store_units",
            "Units of work committed (decisions, key changes, reveals).",
            registry=self.registry,
        ).set_function(units)

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        """Count one answered request."""
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route).observe(seconds)

    def decided(self, decision: DecisionRecord) -> None:
        """Count one new decision under each (rule, action) pair it holds."""
        pairs: set[tuple[str, str]] = set()
        acted: set[str] = set()
        for action in decision.actions:
            for rule in action.rules:
                pairs.add((rule, action.type.value))
                acted.add(rule)
        for violation in decision.violations:
            if violation.rule not in acted:
                pairs.add((violation.rule, "none"))
        for rule, taken in sorted(pairs or {("none", "none")}):
            self.decisions.labels(rule, taken).inc()

    def exposition(self) -> bytes:
        """The Prometheus text format."""
        return generate_latest(self.registry)
