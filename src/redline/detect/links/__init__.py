"""Link rules: match links by exact URL, URL prefix or domain, after canonicalisation."""

from redline.detect.links.rules import KnownExpansions, LinkIndex, LinkMatch, rule_value

__all__ = ["KnownExpansions", "LinkIndex", "LinkMatch", "rule_value"]
