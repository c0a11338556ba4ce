"""Review: humans in the loop. The service layer the CLI and the HTTP API call.

Every function takes an open ``Store`` (and ``now`` for tests), runs one unit of work, and
returns plain views with ``to_document()``; errors come from ``redline.errors``.

* ``queue``: ``review_reasons``, ``queue``, ``take_next``, ``assign``
* ``cases``: ``open_case``, ``open_if_due``, ``sync_cases``, ``decide_case`` (confirm,
  overturn, modify, newsworthy), ``show_case``
* ``appeals``: ``file_appeal``, ``assign_appeal``, ``decide_appeal``, ``show_appeal``,
  ``pending_appeals``
* ``requests``: ``record_request``, ``set_request_outcome``, ``show_request``,
  ``list_requests``, ``requests_about``
* ``rulebook.Rulebook``: the policy and profiles enforcement is re-run with
"""
