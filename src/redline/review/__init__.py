"""Humans in the loop (planned, issue 6): review queue, appeals, external requests."""
