"""DOCX redaction: each datum's characters replaced by its typed mask in the XML itself.

Word splits a paragraph into runs wherever formatting, spell-checking or editing history changes,
so "123-45-6789" may sit in three ``w:t`` elements. The paragraph model from ``extract.docx`` maps
every character of a paragraph to its element; a cut removes the characters from every element it
touches and puts the mask into the first, so the formatting of the text around it is kept.

Every part a reader could see is redacted (body, headers, footers, notes, comments, tracked
deletions, document properties). A datum can also sit outside text (a ``mailto:`` link target in
the relationships, an image's alt text attribute): after the paragraphs, every XML member is parsed
(safely, as extraction does) and its attributes and text swept for the removed values, which are
replaced by the mask too.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from redline.detect.finding import Signal
from redline.enforce.redaction.masks import Cut, plan_cuts
from redline.extract.docx import DocxParagraph, open_docx
from redline.extract.limits import Deadline, DocumentLimits
from redline.extract.xmlsafe import parse_xml

__all__ = ["DocxCut", "redact_docx"]

Finder = Callable[[str, str], list[Signal]]
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
MIN_SWEPT = 5


@dataclass(frozen=True, slots=True)
class DocxCut:
    """One datum taken out of a paragraph of one part."""

    member: str
    paragraph: int
    cut: Cut


def _cut_paragraph(paragraph: DocxParagraph, cuts: list[Cut]) -> None:
    """Apply cuts to the paragraph's text elements, last cut first so offsets stay valid."""
    for cut in sorted(cuts, key=lambda c: c.start, reverse=True):
        first = True
        for element, offset in paragraph.pieces:
            text = element.text or ""
            lo, hi = max(cut.start, offset), min(cut.end, offset + len(text))
            if lo >= hi:
                continue
            local_lo, local_hi = lo - offset, hi - offset
            mask = cut.mask if first else ""
            first = False
            element.text = text[:local_lo] + mask + text[local_hi:]
            element.set(_XML_SPACE, "preserve")


def _serialise(root: Any) -> bytes:
    from lxml import etree

    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def _sweep(root: Any, removed: dict[str, str]) -> int:
    """Replace removed values left in attributes and text anywhere in one XML tree.

    Values shorter than ``MIN_SWEPT`` are left to verification: a last-four "6789" would also
    match inside revision ids and numbers that are not the datum.
    """
    values = [(v, m) for v, m in removed.items() if len("".join(v.split())) >= MIN_SWEPT]
    count = 0
    for element in root.iter():
        for key, current in element.attrib.items():
            new = current
            for value, mask in values:
                if value in new:
                    count += new.count(value)
                    new = new.replace(value, mask)
            if new != current:
                element.set(key, new)
        for slot in ("text", "tail"):
            current = getattr(element, slot)
            if current and isinstance(element.tag, str):
                new = current
                for value, mask in values:
                    if value in new:
                        count += new.count(value)
                        new = new.replace(value, mask)
                if new != current:
                    setattr(element, slot, new)
    return count


def redact_docx(
    data: bytes,
    find: Finder,
    entities: Collection[str] | None,
    limits: DocumentLimits | None = None,
) -> tuple[bytes, list[DocxCut], list[str], list[str]]:
    """The redacted DOCX, what was cut where, notes, and the removed values (for verification).

    ``find(text, part)`` returns the signals in one paragraph's text.
    """
    limits = limits or DocumentLimits()
    package = open_docx(data, limits)
    cuts: list[DocxCut] = []
    removed: dict[str, str] = {}
    for paragraph in package.paragraphs:
        part = f"{paragraph.member}#{paragraph.index}"
        found = plan_cuts(find(paragraph.text, part), part, len(paragraph.text), entities)
        for cut in found:
            removed[paragraph.text[cut.start : cut.end]] = cut.mask
            cuts.append(DocxCut(paragraph.member, paragraph.index, cut))
        if found:
            _cut_paragraph(paragraph, found)
    deadline = Deadline(limits.max_seconds, "DOCX")
    trees = dict(package.trees)
    for name in package.order:
        if name not in trees and name.endswith((".xml", ".rels")):
            trees[name] = parse_xml(package.members[name], name, limits, deadline)
    swept = sum(_sweep(tree, removed) for tree in trees.values())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in package.order:
            zf.writestr(name, _serialise(trees[name]) if name in trees else package.members[name])
    notes = []
    if swept:
        notes.append(f"{swept} further occurrences outside paragraph text (link targets,"
                     " attributes) replaced by their masks")  # fmt: skip
    pictures = [n for n in package.order if n.startswith(("word/media/", "word/embeddings/"))]
    if pictures:
        notes.append(f"{len(pictures)} embedded pictures or objects were not read or redacted")
    return out.getvalue(), cuts, notes, list(removed)
