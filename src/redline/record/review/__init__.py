"""What the human workflow stores: cases, appeals, notices, external requests, re-enforcement.

Repositories only; the services that decide what a person may do live in ``redline.review``.

* ``tables``: cases, appeals, notices, external requests and what they concern;
* ``cases``, ``appeals``, ``notices``, ``requests``: one repository each;
* ``enforcement``: a decision with what is now in force, and writing a person's change to it.
"""
