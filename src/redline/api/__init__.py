"""The HTTP API: FastAPI routes over the same service layer as the CLI; no business logic here.

``create_app(settings)`` builds the app; ``gate`` admits requests (key, rate, role, body size),
``problems`` turns every error into RFC 9457 problem+json, ``routes/`` has one module per
resource. See docs/api.md.
"""

from redline.api.app import create_app

__all__ = ["create_app"]
