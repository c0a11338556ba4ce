"""Signal exchange: share what to match with other platforms without passing the material on.

* ``format``: the exchange file (JSON Lines), its validation and its JSON Schema;
* ``export``: a bank's entries as signals (documents as keyed excerpt fingerprints);
* ``receive``: signals into a bank, idempotent, newer versions replacing older;
* ``hma``: the plain signal files python-threatexchange and HMA read and write.

docs/exchange.md has the format, the keys and the threat model.
"""
