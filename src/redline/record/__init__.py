"""Record: the system of record, and the only package that imports SQLAlchemy.

``Store.open(settings)`` connects and migrates; repositories (``Accounts``, ``Decisions``,
``Banks``) work inside one unit of work (``store.transaction()``) and never commit themselves;
``audit`` keeps the hash chain; ``BankSource`` is the store's banks as a signal source.
"""

from redline.record.accounts import Accounts, AccountView
from redline.record.audit import ChainReport, verify
from redline.record.bank_source import BankSource
from redline.record.banks import BankFile, Banks
from redline.record.decisions import Decisions, StoredContent, blank_out
from redline.record.keyfile import hash_key
from redline.record.store import Store, database_url

__all__ = [
    "AccountView",
    "Accounts",
    "BankFile",
    "BankSource",
    "Banks",
    "ChainReport",
    "Decisions",
    "Store",
    "StoredContent",
    "blank_out",
    "database_url",
    "hash_key",
    "verify",
]
