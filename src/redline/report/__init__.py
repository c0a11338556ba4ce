"""Report: read the record back out: replay under another policy (more reports to come)."""
