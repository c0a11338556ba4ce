"""Parse XML from untrusted files: no DTDs, no entities, bounded depth, bounded time.

Office files are zips of XML, and XML can be built to hurt a parser: entity expansion ("billion
laughs") turns a few hundred bytes into gigabytes, external entities read local files, and deep
nesting exhausts recursion in whatever walks the tree. Every document is therefore first streamed
through defusedxml, which refuses any DTD or entity declaration, while its depth is counted; only
a document that passed is parsed again by lxml (entities off, network off, huge trees off) for the
tree callers edit and serialise, since lxml keeps namespace prefixes exactly as Word wrote them.
"""

from __future__ import annotations

import io
from typing import Any

from redline.errors import InputError, LimitExceeded
from redline.extract.limits import Deadline, DocumentLimits

__all__ = ["check_xml", "parse_xml"]


def check_xml(data: bytes, name: str, limits: DocumentLimits, deadline: Deadline) -> None:
    """Refuse ``data`` if it declares a DTD or entities, nests too deep, or is not XML."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, iterparse

    depth = 0
    try:
        events = iterparse(
            io.BytesIO(data),
            events=("start", "end"),
            forbid_dtd=True,
            forbid_entities=True,
            forbid_external=True,
        )
        for n, (event, _) in enumerate(events):
            depth += 1 if event == "start" else -1
            if depth > limits.max_depth:
                raise LimitExceeded(
                    f"{name} nests elements over {limits.max_depth} deep (max_depth)",
                    field="file",
                    limit=limits.max_depth,
                )
            if n % 2048 == 0:
                deadline.check()
    except DefusedXmlException as exc:
        raise InputError(
            f"{name} refused: its XML declares a DTD or entities ({exc.__class__.__name__})",
            field="file",
        ) from exc
    except ParseError as exc:
        raise InputError(f"{name} refused: not well-formed XML", field="file") from exc


def parse_xml(data: bytes, name: str, limits: DocumentLimits, deadline: Deadline) -> Any:
    """The lxml tree of ``data`` after ``check_xml`` passed."""
    from lxml import etree

    check_xml(data, name, limits, deadline)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
    )
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{name} refused: not well-formed XML", field="file") from exc
