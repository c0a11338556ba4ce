"""The ``redline`` command line: Typer commands over the same core as the API."""
