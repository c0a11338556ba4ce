from tests.review.conftest import rulebook, store
from tests.store_fixtures import pg_url, settings

__all__ = ["pg_url", "rulebook", "settings", "store"]
