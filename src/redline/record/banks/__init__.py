"""Banks of known material as the store keeps them, and as a signal source for moderation.

* ``tables``: banks, entries, short-link expansions, flood history, background samples;
* ``repository``: ``Banks``; ``views``: what listings show; ``background``: background samples;
* ``flood``: the flood guard's ledger (counts per window, holds, releases);
* ``source``: ``BankSource``, the store's banks as a signal source for the pipeline.
"""

from redline.record.banks.repository import BankFile, Banks

__all__ = ["BankFile", "Banks"]
