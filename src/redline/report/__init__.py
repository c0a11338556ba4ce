"""Report: what the records say, for regulators, the public and the platform itself.

The service layer the CLI and the HTTP API call (each takes an open ``Store``):

* ``replay.replay``: re-decide stored content under another policy; acts on nothing
* ``statements.export`` / ``statements.write``: DSA statements of reasons, validated by
  ``dsa.Statement``, in batches of at most 100
* ``transparency.figures`` / ``transparency.write_report``: the transparency report's figures,
  as JSON and as an HTML page with inline SVG charts (``html.render``)
* ``neutrality.audit`` / ``neutrality.counterfactual`` / ``neutrality.load_attributes``: the
  neutrality audit
"""
