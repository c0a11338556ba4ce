from tests.store_fixtures import pg_url, settings

__all__ = ["pg_url", "settings"]
