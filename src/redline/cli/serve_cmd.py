"""``redline serve``: the HTTP decision service (FastAPI on uvicorn) over the configured store.

Settings come from ``REDLINE_*`` variables and, optionally, a TOML file (``redline --config``, or
``REDLINE_CONFIG``), read by ``cli.config`` as for every command; a variable set in the
environment wins over the file, and ``--host`` and ``--port`` win over both. uvicorn builds the
app from its import string (``factory=True``), so the CLI and the API stay sibling layers that
never import each other. One process serves: the per-key rate limit is kept in its memory.
"""

from __future__ import annotations

import os
from typing import Annotated

import typer

from redline.cli import config
from redline.settings import CONFIG_VARIABLE

# The API with the moderators' console mounted at /console (redline.console.app).
APP_FACTORY = "redline.console.app:from_environment"


def serve(
    # The defaults are settings, so Typer shows their names (escaped for Rich; a "[default: ...]"
    # written into the help text itself is read as a markup tag and vanishes).
    host: Annotated[
        str | None, typer.Option(help="Address to listen on.", show_default="REDLINE_API_HOST")
    ] = None,
    port: Annotated[
        int | None,
        typer.Option(min=0, max=65535, help="Port to listen on.", show_default="REDLINE_API_PORT"),
    ] = None,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
) -> None:
    """Run the HTTP decision service until interrupted."""
    import uvicorn

    settings = config.settings()  # fails here, with a clear message, on a bad file or value
    path = config.chosen()
    if path is not None:  # the app factory reads the same file
        os.environ[CONFIG_VARIABLE] = str(path.resolve())
    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=host or settings.api_host,
        port=settings.api_port if port is None else port,
        log_level=log_level,
        proxy_headers=False,
        server_header=False,
    )
