"""One rooted error tree for callers of Redline.

Inside the pipeline, failures are values (a detector that raises becomes a recorded failure);
exceptions are for callers, and each edge maps them once: the CLI to a ``ReturnCode``, the HTTP
API to an RFC 9457 problem.

* RedlineError
  x InputError              the caller sent something we refuse; nothing was written
    + RecordRefused         one input record (a JSONL line, a request body) is malformed
    + LimitExceeded         a size, count or depth limit was crossed
    + NotReadable           valid, but this installation cannot read it (an image, no OCR)
  x ConfigError             a policy, profile or setting is invalid
  x NotFound                a named thing (bank, decision, account) does not exist;
                            the message names its kind, never its id
  x Conflict                the write contradicts what is stored
    + StoreConflict         the database refused a write against its constraints (another
                            writer got there first)
  x StoreError              the system of record failed or is unreachable

Messages never carry raw private data: callers build them from field names, limits and masked
forms only.
"""

from __future__ import annotations


class RedlineError(Exception):
    """Root of every error Redline raises on purpose."""


class InputError(RedlineError):
    """Refused input; the message names the field and the reason."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class RecordRefused(InputError):
    """One input record could not be accepted."""


class LimitExceeded(InputError):
    """A configured limit was crossed; the message names the limit."""

    def __init__(self, message: str, *, field: str | None = None, limit: int | None = None):
        super().__init__(message, field=field)
        self.limit = limit


class NotReadable(InputError):
    """Input that is not refused but cannot be read here (a scan with no OCR installed).

    Callers report it as not read, never as clean and never as hostile.
    """


class ConfigError(RedlineError):
    """A policy pack, profile or setting is invalid."""


class NotFound(RedlineError):
    """A named object does not exist.

    The message names the kind of thing (``no such account``) and ``field`` the name of the id
    that was asked for (``account_id``), never the id itself: an id may be private data (an email
    used as an account id), and errors end up in logs and in answers to callers.
    """

    def __init__(self, kind: str, *, field: str | None = None) -> None:
        super().__init__(f"no such {kind}")
        self.kind = kind
        self.field = field


class Conflict(RedlineError):
    """The requested change contradicts stored state."""


class StoreConflict(Conflict):
    """The database refused a write as contradicting stored rows (a unique or foreign key).

    Raised by ``record`` in place of the driver's integrity error, so callers above it (the
    pipeline's race between two writers of one content id) never see SQLAlchemy. The message
    names no value: the database's own text quotes the row.
    """


class StoreError(RedlineError):
    """The system of record failed or cannot be reached."""
