"""Accounts: the author row, its strikes, its registered own data and newsworthiness grants.

``Accounts`` (``repository``) answers "what may deciding know about this author?" and caches the
standing the strikes imply; ``tables`` holds the rows.
"""

from redline.record.accounts.repository import Accounts, AccountView, strike_of

__all__ = ["AccountView", "Accounts", "strike_of"]
