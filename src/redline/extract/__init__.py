"""Extract: content in, text with span maps out. Pure: no I/O, no clock, no randomness.

``normalize`` makes matching forms of text with offset maps back to the source, ``links`` finds
and canonicalises URLs, ``documents`` reads text out of files under hostile-file limits (with
``pdf``, ``docx``, ``html`` and ``ocr`` as its readers, ``limits`` and ``xmlsafe`` as its guards),
and ``parts`` turns a content into named parts: its text, URLs and attachments.
"""
