"""Request paths as logs and problem documents show them: the route, with every id hashed.

An id in a path may be private data (an email used as an account id, a platform's post id), and
logs and error bodies travel further than the store. So nothing outside a route handler sees the
raw path: ``/v1/accounts/alice@example.com`` is shown as ``/v1/accounts/~3fa1b2c4d5e6``, the id
replaced by ``~`` and the start of its keyed hash (HMAC-SHA256 with the installation's hash key):
one id always gives the same mark, so an operator can follow it through the log, and the mark
tells nothing without the key. Query values are hashed the same way; a path no route matches is
hashed whole.

Used by the problem handlers (``instance``), the gate, and a filter on uvicorn's access logger,
so its lines carry the masked path too, whoever starts the server.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
from collections.abc import Sequence
from urllib.parse import parse_qsl, unquote

from starlette.routing import BaseRoute, Match, Route

ACCESS_LOGGER = "uvicorn.access"
_PARAM = re.compile(r"\{([^}:]+)(?::[^}]*)?\}")


class PathMasker:
    """Masks request paths against one app's routes with one key."""

    def __init__(self, routes: Sequence[BaseRoute], key: bytes) -> None:
        # plain routes only: what else an app lists (FastAPI's included routers) has no template
        self.routes = tuple(r for r in routes if isinstance(r, Route))
        self.key = key

    def mark(self, value: str) -> str:
        """``~`` and 12 hex digits of the keyed hash of ``value``."""
        return "~" + hmac.new(self.key, value.encode(), hashlib.sha256).hexdigest()[:12]

    def route_path(self, template: str, params: dict[str, object]) -> str:
        """A route's path with each parameter replaced by the mark of its value."""
        return _PARAM.sub(lambda m: self.mark(str(params.get(m.group(1), ""))), template)

    def mask(self, method: str, path: str, query: str = "") -> str:
        """The shown form of ``path`` (and ``query``, values hashed) for a request."""
        shown = "/" + self.mark(path)
        scope = {"type": "http", "method": method, "path": path, "root_path": "", "headers": []}
        for route in self.routes:
            try:
                match, child = route.matches(scope)
            except Exception:  # a route that cannot judge this scope simply does not match
                continue
            if match is not Match.NONE:
                template = route.path_format
                shown = self.route_path(template, dict(child.get("path_params", {})))
                break
        if query:
            pairs = parse_qsl(query, keep_blank_values=True)
            shown += "?" + "&".join(f"{_safe(name)}={self.mark(value)}" for name, value in pairs)
        return shown

    def mask_target(self, method: str, target: str) -> str:
        """``mask`` for a request target as uvicorn logs it (path and query in one string).

        uvicorn logs the raw path, percent-encoded as the client chose; it is decoded first, so
        an id gets the same mark in the access log as in a problem's ``instance`` (routes see the
        decoded path) however it was sent.
        """
        path, _, query = target.partition("?")
        return self.mask(method, unquote(path), query)


def _safe(name: str) -> str:
    """A query parameter's name as shown: ours are short words; anything else is not shown."""
    return name if re.fullmatch(r"[a-z_]{1,40}", name) else "~"


class AccessLogFilter(logging.Filter):
    """Rewrites the path in uvicorn's access log records (``'%s - "%s %s HTTP/%s" %d'``)."""

    def __init__(self, masker: PathMasker) -> None:
        super().__init__()
        self.masker = masker

    def filter(self, record: logging.LogRecord) -> bool:
        """Mask the record's path once (several apps in one process each add a filter)."""
        args = record.args
        if getattr(record, "redline_masked", False) or not isinstance(args, tuple):
            return True
        if len(args) == 5 and isinstance(args[1], str) and isinstance(args[2], str):
            record.args = (args[0], args[1], self.masker.mask_target(args[1], args[2]), *args[3:])
        else:  # not the line we know: say nothing rather than something raw
            record.msg, record.args = "access log line withheld (unknown format)", ()
        record.redline_masked = True
        return True


def install_access_filter(masker: PathMasker) -> AccessLogFilter:
    """Put a filter on uvicorn's access logger; the caller removes it when the app stops."""
    log_filter = AccessLogFilter(masker)
    logging.getLogger(ACCESS_LOGGER).addFilter(log_filter)
    return log_filter


def remove_access_filter(log_filter: AccessLogFilter) -> None:
    """Take the filter off again (the app has stopped)."""
    logging.getLogger(ACCESS_LOGGER).removeFilter(log_filter)
