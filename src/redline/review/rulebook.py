"""The policy and profiles a person's review re-runs enforcement with.

A decision records the policy and profile it was made under (``id@version``). Re-running
enforcement must use the same ones, so a review refuses to proceed under a different policy
version rather than silently mixing two rulebooks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from redline.decide.policy import Policy, load_policy
from redline.enforce.profile import SHIPPED_PROFILES, Profile, load_profile
from redline.errors import ConfigError, Conflict


def shipped_profile(ref: str) -> Profile:
    """The shipped profile a reference like ``strict@1`` names.

    Raises:
        ConfigError: the reference names no shipped profile, or another version of it.
    """
    name, _, version = ref.partition("@")
    if name not in SHIPPED_PROFILES:
        raise ConfigError(f"decision was made under profile {ref}, which is not shipped")
    profile = load_profile(name)
    if version and profile.version != version:
        raise ConfigError(f"decision was made under profile {ref}; shipped is {profile.ref}")
    return profile


@dataclass
class Rulebook:
    """A policy pack and a way to find the profile a decision was made under."""

    policy: Policy = field(default_factory=load_policy)
    profile_for: Callable[[str], Profile] = shipped_profile

    @classmethod
    def serving(cls, policy: Policy, profile: Profile) -> Rulebook:
        """The rulebook of an entry point deciding under ``profile`` (the CLI run, the service).

        That profile may be a custom file the shipped set does not hold; decisions made under
        any other profile are re-run with the shipped one their reference names.
        """

        def profile_for(ref: str) -> Profile:
            return profile if ref == profile.ref else shipped_profile(ref)

        return cls(policy, profile_for)

    def check(self, policy_ref: str) -> Policy:
        """The policy, after checking a decision was made under this very version.

        Raises:
            Conflict: the decision was made under another policy version.
        """
        if policy_ref != self.policy.ref:
            raise Conflict(
                f"decision was made under policy {policy_ref}; load that pack (got "
                f"{self.policy.ref})"
            )
        return self.policy
