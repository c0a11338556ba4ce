"""Every table of the store in one ``MetaData``: what Alembic and the schema test compare against.

Each part of the record declares its tables on ``record.base.Base`` in its own ``tables.py``;
importing them here is what puts them all in the one metadata (a part's repository imports only
its own tables).
"""

from __future__ import annotations

from sqlalchemy import MetaData

from redline.record.accounts import tables as _accounts
from redline.record.audit import tables as _audit
from redline.record.banks import tables as _banks
from redline.record.base import Base
from redline.record.decisions import tables as _decisions
from redline.record.keys import tables as _keys
from redline.record.outbox import tables as _outbox
from redline.record.review import tables as _review

__all__ = ["METADATA"]

PARTS = (_accounts, _audit, _banks, _decisions, _keys, _outbox, _review)
METADATA: MetaData = Base.metadata
