"""Background samples: the ordinary text an operator gives the leak matcher, stored as counts.

A background sample is text that is not leaked material but looks like it: the organisation's
published memos and press releases, a newsroom's own articles, a sample of the platform's posts.
The matcher counts what such text shares with a bank document as house style, not as evidence
(``detect.banks.specificity``). Each sample is kept as a count-min sketch of its k-grams
(``detect.banks.background``), so the store never holds the sample's text, and every snapshot
merges all samples into one model.

``BackgroundSamples(session)`` works inside the caller's unit of work and never commits; adding
or removing a sample appends an audit event in the same transaction, naming the sample and how
many texts it holds, never its text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.engine import Connection

from redline.detect.banks.background import BackgroundModel
from redline.detect.banks.fingerprint import FingerprintConfig
from redline.errors import Conflict, InputError, NotFound
from redline.record import audit
from redline.record.banks.tables import BANK_BACKGROUND

__all__ = ["BackgroundSample", "BackgroundSamples"]

_NAME_LIMIT = 128


@dataclass(frozen=True, slots=True)
class BackgroundSample:
    """One stored sample: its name, size and provenance (never its text)."""

    name: str
    texts: int
    fingerprint_version: str
    source: str | None
    added_by: str | None
    added_at: datetime
    note: str

    def to_dict(self) -> dict[str, Any]:
        """The sample as plain JSON data."""
        return {
            "name": self.name,
            "texts": self.texts,
            "fingerprint_version": self.fingerprint_version,
            "source": self.source,
            "added_by": self.added_by,
            "added_at": self.added_at.isoformat(),
            "note": self.note,
        }


class BackgroundSamples:
    """Add, list, remove and merge background samples, inside one unit of work."""

    def __init__(self, session: Connection, config: FingerprintConfig | None = None) -> None:
        self.session = session
        self.config = config or FingerprintConfig()

    def add(
        self,
        name: str,
        texts: Iterable[str],
        *,
        added_by: str | None = None,
        source: str | None = None,
        note: str = "",
        now: datetime | None = None,
    ) -> BackgroundSample:
        """Learn ``texts`` as one sample named ``name``; ``Conflict`` if the name is taken."""
        now = now or datetime.now(UTC)
        if not name or len(name) > _NAME_LIMIT or not name.isprintable():
            raise InputError(
                f"a background sample needs a name of 1-{_NAME_LIMIT} printable characters",
                field="name",
            )
        if self._row(name) is not None:
            raise Conflict(f"background sample {name!r} already exists")
        model = BackgroundModel(self.config)
        count = model.learn(texts)
        if count == 0:
            raise InputError("a background sample needs at least one text", field="texts")
        sample = BackgroundSample(name, count, self.config.version, source, added_by, now, note)
        self.session.execute(
            BANK_BACKGROUND.insert(),
            {
                "name": name,
                "texts": count,
                "fingerprint_version": self.config.version,
                "model": model.to_bytes(),
                "source": source,
                "added_by": added_by,
                "added_at": now,
                "note": note,
            },
        )
        self._audit("bank.background_added", sample, added_by, now)
        return sample

    def list(self) -> list[BackgroundSample]:
        """Every stored sample, oldest first."""
        columns = [c for c in BANK_BACKGROUND.c if c.name not in ("id", "model")]
        rows = self.session.execute(select(*columns).order_by(BANK_BACKGROUND.c.id)).mappings()
        return [BackgroundSample(**dict(r)) for r in rows]

    def remove(self, name: str, *, actor: str | None = None, now: datetime | None = None) -> None:
        """Remove one sample; ``NotFound`` if there is none of that name."""
        now = now or datetime.now(UTC)
        sample = next((s for s in self.list() if s.name == name), None)
        if sample is None:
            raise NotFound("background sample", field="name")
        self.session.execute(delete(BANK_BACKGROUND).where(BANK_BACKGROUND.c.name == name))
        self._audit("bank.background_removed", sample, actor, now)

    def model(self) -> BackgroundModel | None:
        """Every sample of this fingerprint configuration merged into one model, or None."""
        rows = self.session.execute(
            select(BANK_BACKGROUND.c.model).where(
                BANK_BACKGROUND.c.fingerprint_version == self.config.version
            )
        ).all()
        if not rows:
            return None
        merged = BackgroundModel(self.config)
        for (blob,) in rows:
            merged.merge(BackgroundModel.from_bytes(bytes(blob)))
        return merged

    def _row(self, name: str) -> Any:
        return self.session.execute(
            select(BANK_BACKGROUND.c.id).where(BANK_BACKGROUND.c.name == name)
        ).first()

    def _audit(self, kind: str, sample: BackgroundSample, actor: str | None, at: datetime) -> None:
        payload = {"name": sample.name, "texts": sample.texts, "source": sample.source}
        audit.append(
            self.session,
            [audit.Event(kind, f"background:{sample.name}", payload)],
            actor=actor or "unknown",
            at=at,
        )
