"""Curate: the services that keep the store's known material (banks), over ``record``.

The CLI (``redline bank``) and the HTTP API (``/v1/banks``) call ``curate.banks.Banks``; the rows
and audit events are ``record.banks``'; matching is ``detect.banks``'.
"""
