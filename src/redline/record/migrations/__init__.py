"""Alembic migrations of the store, shipped inside the package so ``pip install`` carries them."""
