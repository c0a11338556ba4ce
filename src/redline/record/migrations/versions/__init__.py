"""One Alembic revision per feature; never edit a revision that has shipped."""
