"""Banks of known material as the store keeps them, and as a signal source for moderation.

* ``tables``: banks, entries, short-link expansions, flood history, background samples;
* ``repository``: ``BankRepository``, the rows and their audit events (the service that decides
  what may be banked is ``redline.curate.banks``); ``views``: what listings show;
  ``background``: background samples;
* ``flood``: the flood guard's ledger (counts per window, holds, releases);
* ``source``: ``BankSource``, the store's banks as a signal source for the pipeline.
"""

from redline.record.banks.repository import BankRepository

__all__ = ["BankRepository"]
