"""Redline: a trust & safety engine.

Content flows one way: extract -> detect -> decide -> enforce -> record -> review -> report.
See DESIGN.md for the vocabulary; each stage lives in the package of the same name.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
