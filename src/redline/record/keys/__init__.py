"""API keys of the HTTP service: who may call it, in which role (``repository``, ``tables``).

Not to be confused with ``record.secrets``, the installation's keyed-hash secret.
"""

from redline.record.keys.repository import (
    PREFIX,
    ApiKey,
    Keys,
    NewKey,
    Role,
    parse_token,
    secret_hash,
)

__all__ = ["PREFIX", "ApiKey", "Keys", "NewKey", "Role", "parse_token", "secret_hash"]
