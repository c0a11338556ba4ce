"""Readable text out of HTML: what a person sees, without scripts, styles or markup.

A saved web page carries kilobytes of script and style around a few paragraphs; scanning those
would find "phone numbers" in minified code and miss nothing a reader sees. The tree is walked
with an explicit stack (a page nested a hundred thousand levels deep cannot exhaust recursion) and
refused past ``max_depth``. HTML has no entity declarations to expand; lxml is told not to touch
the network.
"""

from __future__ import annotations

import re
from typing import Any

from redline.errors import LimitExceeded
from redline.extract.limits import Deadline, DocumentLimits

__all__ = ["read_html"]

_DROPPED = {
    "script", "style", "noscript", "template", "iframe", "svg", "head", "object", "embed",
    "canvas", "math",
}  # fmt: skip
_BLOCKS = {
    "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "header", "footer", "blockquote", "pre", "table", "ul", "ol", "dd", "dt", "dl",
    "main", "nav", "aside", "figure", "figcaption", "address", "hr", "form", "fieldset",
}  # fmt: skip


def _text(root: Any, limits: DocumentLimits, deadline: Deadline) -> str:
    out: list[str] = []
    stack: list[tuple[Any, int, bool]] = [(root, 1, False)]
    steps = 0
    while stack:
        element, depth, closing = stack.pop()
        steps += 1
        if steps % 4096 == 0:
            deadline.check()
        tag = element.tag.lower() if isinstance(element.tag, str) else None
        if closing:
            if tag in _BLOCKS:
                out.append("\n")
            if element.tail and element is not root:
                out.append(element.tail)
            continue
        if depth > limits.max_depth:
            raise LimitExceeded(
                f"HTML nests elements over {limits.max_depth} deep (max_depth)",
                field="file",
                limit=limits.max_depth,
            )
        if tag is None or tag in _DROPPED:  # comments, processing instructions, scripts
            if element.tail and element is not root:
                out.append(element.tail)
            continue
        if tag in _BLOCKS:
            out.append("\n")
        if element.text:
            out.append(element.text)
        stack.append((element, depth, True))
        stack.extend((child, depth + 1, False) for child in reversed(element))
    return "".join(out)


def read_html(data: bytes, limits: DocumentLimits, deadline: Deadline | None = None) -> str:
    """The readable text of an HTML page, one block a line."""
    from lxml import etree, html

    deadline = deadline or Deadline(limits.max_seconds, "HTML")
    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError):
        return ""  # nothing a reader could see
    text = re.sub(r"[ \t\r\f\v\xa0]+", " ", _text(root, limits, deadline))
    return re.sub(r"\s*\n\s*", "\n", text).strip()
