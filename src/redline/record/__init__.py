"""Record: the system of record, and the only package that imports SQLAlchemy.

Its parts, each with its tables and its repository (docs/architecture.md draws them):

* ``store``: ``Store.open(settings)`` connects and migrates; ``store.transaction()`` is one unit
  of work, which repositories work inside and never commit themselves;
* ``decisions``: the core decision record (content, decision, actions), written once per content;
* ``accounts``: authors, strikes, registered own data, newsworthiness grants;
* ``review``: cases, appeals, notices, external requests (their services are ``redline.review``);
* ``banks``: banks of known material, the flood guard's ledger, ``BankSource`` (their service
  is ``redline.curate.banks``);
* ``keys``: API keys; ``secrets``: the keyed-hash secret; ``audit``: the hash chain and its
  signed checkpoints; ``integrity``: the chain checked with the rows it covers;
* ``base`` and ``schema``: the declarative base, and every table in one metadata for Alembic.
"""

from redline.record.accounts import Accounts, AccountView
from redline.record.audit import ChainReport
from redline.record.banks import BankRepository
from redline.record.banks.source import BankSource
from redline.record.decisions import Decisions, StoredContent, blank_out
from redline.record.integrity import AuditReport, verify
from redline.record.secrets import hash_key
from redline.record.store import Store, database_url

__all__ = [
    "AccountView",
    "Accounts",
    "AuditReport",
    "BankRepository",
    "BankSource",
    "ChainReport",
    "Decisions",
    "Store",
    "StoredContent",
    "blank_out",
    "database_url",
    "hash_key",
    "verify",
]
