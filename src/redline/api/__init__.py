"""The HTTP API (planned, issue 5): FastAPI routes over the same service layer as the CLI."""
