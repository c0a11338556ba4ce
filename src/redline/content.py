"""What comes in: a piece of content and the parts it is made of."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file attached to content: its bytes and declared media type."""

    data: bytes
    media_type: str
    filename: str | None = None


@dataclass(frozen=True, slots=True)
class Content:
    """One item a platform asks Redline to moderate.

    Only ``id`` and ``text`` are required; everything else is optional so a bare text scan and a
    full moderation share one type.
    """

    id: str
    text: str
    author_id: str | None = None
    urls: tuple[str, ...] = ()
    attachments: tuple[Attachment, ...] = field(default=(), repr=False)
    created_at: datetime | None = None
    surface: str | None = None
