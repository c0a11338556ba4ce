"""The installation's secret for keyed hashes of private values (``keyfile``).

Not to be confused with ``record.keys``, the API keys of the HTTP service.
"""

from redline.record.secrets.keyfile import hash_key

__all__ = ["hash_key"]
