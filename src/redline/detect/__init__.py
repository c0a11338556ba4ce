"""Detect: parts of content in, signals out. Pure: no I/O, no clock, no randomness."""

from redline.detect.finding import DetectorFailure, Location, Signal, SignalKind

__all__ = ["DetectorFailure", "Location", "Signal", "SignalKind"]
