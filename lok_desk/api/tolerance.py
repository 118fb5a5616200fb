"""What the client had to tolerate in a server's replies: one note per kind of deviation.

Real Lok may differ from its reference (docs/decisions.md, Tolerant client, exact sandbox). The models read
what they can and, for every deviation they smooth over (a number where text is documented, a date in RFC
1123 form, a record that could not be read...), call `note`. A note names the model field and the kind of
deviation, never a value: replies carry tokens, codes and personal data.

Only what a server sent is noted: the client reads replies inside `reading_reply()`; the same models
built from the desk's own values (request bodies) or from local files (tokens.json) note nothing.
Each distinct note is logged once per process (a list of 10,000 reservations with the same odd date
format logs one line, not 10,000). A `LokClient` collects the notes of its own replies in an
`OddityLog` (`LokClient.oddities`), which `lok-desk-check` prints as its report.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field

log = logging.getLogger("lok_desk.api.tolerance")

#: Kinds of notes; `lok-desk-check` groups its report by them.
FIELD_TYPE = "field type"
FIELD_NAME = "field name"
FORMAT = "format"
ENVELOPE = "envelope"
STATUS = "status code"
UNREADABLE = "unreadable"
PAGING = "paging"
AUTH = "authentication"
REDIRECT = "redirect"
RATE_LIMIT = "rate limit"


@dataclass(frozen=True, order=True)
class Oddity:
    """One kind of deviation, e.g. (`format`, `Reservation.created_at`, `RFC 1123 date`)."""

    kind: str
    where: str
    detail: str
    #: True when the desk cannot work with it (a record skipped, a list incomplete, sign-in unusable).
    blocking: bool = False

    def __str__(self) -> str:
        return f"{self.where}: {self.detail}"


@dataclass
class OddityLog:
    """The distinct oddities seen, with how often each was seen."""

    counts: dict[Oddity, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, oddity: Oddity) -> None:
        with self._lock:
            self.counts[oddity] = self.counts.get(oddity, 0) + 1

    @property
    def oddities(self) -> list[Oddity]:
        with self._lock:
            return sorted(self.counts)

    @property
    def blocking(self) -> list[Oddity]:
        return [oddity for oddity in self.oddities if oddity.blocking]

    def __len__(self) -> int:
        return len(self.counts)

    def __bool__(self) -> bool:
        return bool(self.counts)

    def clear(self) -> None:
        with self._lock:
            self.counts.clear()


_current: ContextVar[OddityLog | None] = ContextVar("lok_desk_oddities", default=None)
# True while the client reads what a server sent. Models are also built from the desk's own values
# (request bodies) and from local files (tokens.json, snapshots): their quirks are no Lok reply.
_reading: ContextVar[bool] = ContextVar("lok_desk_reading_reply", default=False)
_logged: set[Oddity] = set()
_logged_lock = threading.Lock()


def note(kind: str, where: str, detail: str, *, blocking: bool = False) -> None:
    """Record one deviation: logged once per process, and counted in the active `OddityLog`.

    `where` and `detail` must never contain a value from the reply, only names and kinds.
    """
    if not _reading.get():
        return  # not something a server sent (module docstring)
    oddity = Oddity(kind, where, detail, blocking)
    collector = _current.get()
    if collector is not None:
        collector.add(oddity)
    with _logged_lock:
        if oddity in _logged:
            return
        _logged.add(oddity)
    log.warning("Lok reply tolerated (%s): %s: %s", kind, where, detail)


@contextlib.contextmanager
def collecting(into: OddityLog) -> Iterator[OddityLog]:
    """Send the notes made inside the block (this thread/task) to `into` as well."""
    token = _current.set(into)
    try:
        yield into
    finally:
        _current.reset(token)


@contextlib.contextmanager
def reading_reply() -> Iterator[None]:
    """Notes made inside the block are about a server's reply: logged and collected. Outside, none are."""
    token = _reading.set(True)
    try:
        yield
    finally:
        _reading.reset(token)


def collecting_now() -> bool:
    """Whether an `OddityLog` is collecting in this context (then every object is fully checked)."""
    return _current.get() is not None


def forget_logged() -> None:
    """Log every note again on its next sighting (tests: "logged once per process" hides repeats)."""
    with _logged_lock:
        _logged.clear()
