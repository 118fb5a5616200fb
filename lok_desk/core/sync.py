"""Live sync: keeps a desk's `ReservationStore` in step with Lok without a key press (no Qt).

Designed for a real Lok server and many desks, so every desk costs the server little:

* **Incremental.** Each round reads the list sorted by ``-updated_at`` (newest change first) in small
  pages and stops once it meets reservations the store already holds unchanged (three in a row, as
  changes can share a millisecond stamp). Rows stamped ahead of the server's clock are passed over:
  they would sort on top for ever and hide the changes below them. With nothing changed that is one
  small request per round; at most `max_pages` per round, the rest waits for the next one.
* **A server that ignores ``sort``** (page 1 comes back not newest-first) is detected and answered with
  a cheaper full check at a longer interval: only the *active* list is read (finished reservations no
  longer change) plus one page of the newest created (one created and finished between two checks),
  and the few known-active reservations missing from the active list are read one by one (#15, no
  tokens) to learn how they finished.
* **One request in flight.** One loop does everything in order; `sync_now()` only wakes it, so an
  immediate sync after the desk's own action never overlaps a round already running.
* **Pace.** A few seconds between rounds while the window is active (`set_idle(False)`), longer while
  it is minimised or nobody touches it (`set_idle(True)`); after a failure the wait doubles up to a
  ceiling; a 429 waits at least what its ``Retry-After`` says when the error carries it (``retry_after``
  on the error or in its data).
* **Never fights a load the person started.** While `hold()` is entered (a list load under way) rounds
  are skipped; the load merges into the same store anyway.
* **Clock.** `read_clock`, when given (the embedded sandbox's GET /sandbox/clock), is called every
  `clock_every_s`; when it reports that the server clock moved, the next round is a full check, since
  a clock moved backwards can give fresh changes older stamps than the ones already known.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol, TypeVar

from lok_desk.api import LokError, models
from lok_desk.api import errors as api_errors
from lok_desk.api.paging import PageWalk
from lok_desk.core import rules
from lok_desk.core.store import Origin, ReservationStore, newer
from lok_desk.core.walks import reservation_walk

T = TypeVar("T")
log = logging.getLogger(__name__)

#: Stamps this far ahead of the server's clock are taken as skewed (see `_incremental`).
STAMP_MARGIN = timedelta(seconds=2)
#: A round stops after this many reservations in a row it already knows unchanged: one alone could
#: share its millisecond stamp with a change listed just after it.
STOP_AFTER_KNOWN = 3


class ReservationLister(Protocol):
    """What the engine needs from the service (lok_desk.core.service.DeskService has it)."""

    async def list_reservations(
        self, filters: models.ReservationFilters | None = None, *, page: int = 1, page_size: int = 15
    ) -> models.ReservationPage: ...

    async def list_location_reservations(
        self,
        location_id: str,
        filters: models.ReservationFilters | None = None,
        *,
        page: int = 1,
        page_size: int = 15,
    ) -> models.ReservationPage: ...

    async def get_reservation(
        self, reservation_id: str, *, include_tokens: bool = True
    ) -> models.ReservationWithTokens: ...


Caller = Callable[[Awaitable[Any]], Awaitable[Any]]


async def _direct(awaitable: Awaitable[T]) -> T:
    return await awaitable


@dataclass
class SyncSettings:
    """Timings; tests shorten them."""

    #: 5 s: a change shows within a few seconds and a quiet desk asks 12 times a minute.
    active_interval_s: float = 5.0
    idle_interval_s: float = 30.0
    #: Between full checks when the server ignores `sort` (each one reads the whole active list).
    full_check_interval_s: float = 30.0
    max_backoff_s: float = 60.0
    page_size: int = 20
    #: Most pages one incremental round reads; the rest waits for the next round.
    max_pages: int = 10
    clock_every_s: float = 30.0


@dataclass(frozen=True)
class SyncReport:
    """One round: how many requests it made and what it merged."""

    requests: int
    merged: int
    full_check: bool


def retry_after(error: LokError) -> float | None:
    """Seconds a 429 asks to wait, when the error carries them.

    The client reads `Retry-After` into ``retry_after_s`` (it waits out short ones itself and hands
    longer ones on); ``retry_after`` and the body's ``data`` are what other servers might use."""
    value = error.retry_after_s
    if value is None:
        value = getattr(error, "retry_after", None)
    if value is None:
        value = error.data.get("retry_after", error.data.get("Retry-After"))
    try:
        seconds = float(value) if value is not None else None
    except (TypeError, ValueError):
        return None
    return seconds if seconds is not None and seconds >= 0 else None


def _newest_first(reservations: list[models.Reservation]) -> bool:
    stamps = [r.updated_at for r in reservations if r.updated_at is not None]
    return all(a >= b for a, b in itertools.pairwise(stamps))


class SyncEngine:
    """Keeps `store` current from `service`; `location_id` limits it to one location (an employee)."""

    def __init__(
        self,
        service: ReservationLister,
        store: ReservationStore,
        *,
        location_id: str | None = None,
        call: Caller = _direct,
        read_clock: Callable[[], Awaitable[bool]] | None = None,
        settings: SyncSettings | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self._service = service
        self._store = store
        self._location_id = location_id
        self._call = call
        self._read_clock = read_clock
        self._now = now or (lambda: datetime.now(UTC))
        self.settings = settings or SyncSettings()
        self._idle = False
        self._holds = 0
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._failures = 0
        self._next_full_check = 0.0
        self._next_clock = 0.0
        self._full_check_due = False
        self._future_top = 0
        #: The server answered page 1 not newest-first: full checks from now on.
        self.sort_ignored = False
        #: Requests made so far (benchmarks print requests per minute).
        self.requests = 0
        self.rounds = 0
        self.last_success: datetime | None = None
        self.last_error: LokError | None = None
        #: Plain callbacks: after each round (report) and after each failure (error).
        self.on_synced: list[Callable[[SyncReport], None]] = []
        self.on_failed: list[Callable[[LokError], None]] = []

    def __repr__(self) -> str:
        return f"SyncEngine(rounds={self.rounds}, requests={self.requests}, sort_ignored={self.sort_ignored})"

    # ---- control --------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        if not self.running:
            self._task = asyncio.ensure_future(self._run())

    async def aclose(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def sync_now(self) -> None:
        """Run a round as soon as the one in flight (if any) is done: after the desk's own action."""
        self._failures = 0
        self._wake.set()

    def set_idle(self, idle: bool) -> None:
        """Minimised or untouched: rounds further apart. Back to active: a round at once."""
        was, self._idle = self._idle, idle
        if was and not idle:
            self._wake.set()

    def full_check_soon(self) -> None:
        """The next round reads the whole active list (e.g. the server clock moved)."""
        self._full_check_due = True
        self._wake.set()

    @contextlib.contextmanager
    def hold(self) -> Iterator[None]:
        """While a load the person started runs, rounds are skipped."""
        self._holds += 1
        try:
            yield
        finally:
            self._holds -= 1

    @property
    def interval(self) -> float:
        """Seconds until the next round, as things stand."""
        base = self.settings.idle_interval_s if self._idle else self.settings.active_interval_s
        if self._failures:
            return min(base * 2.0 ** self._failures, max(self.settings.max_backoff_s, base))
        return base

    # ---- the loop -------------------------------------------------------------------------------
    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        delay = 0.0
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=delay)
            self._wake.clear()
            if self._holds:
                delay = self.settings.active_interval_s
                continue
            try:
                await self._maybe_read_clock(loop.time())
                await self.sync_once()
            except api_errors.LokTransportError as error:
                delay = self._failed(error)
            except LokError as error:
                delay = self._failed(error)
                if error.status_code == 429:
                    delay = max(delay, retry_after(error) or 0.0)
            else:
                delay = self.interval

    def _failed(self, error: LokError) -> float:
        self._failures += 1
        self.last_error = error
        log.info("Sync round failed (%s); next try in %.0f s", error.type, self.interval)
        for callback in list(self.on_failed):
            callback(error)
        return self.interval

    async def _maybe_read_clock(self, now: float) -> None:
        if self._read_clock is None or now < self._next_clock:
            return
        self._next_clock = now + self.settings.clock_every_s
        if await self._read_clock():
            self._full_check_due = True

    async def _ask(self, awaitable: Awaitable[T]) -> T:
        self.requests += 1
        result: T = await self._call(awaitable)
        return result

    def _walk(self, filters: models.ReservationFilters, size: int) -> PageWalk[models.ReservationPage]:
        """The pages of this desk's reservations (one location's for an employee), each request counted
        and awaited through the session's call (lok_desk.core.walks: the one page loop)."""
        return reservation_walk(self._service, filters, location_id=self._location_id, page_size=size,
                                call=self._ask)

    def _page(self, filters: models.ReservationFilters, page: int, size: int
              ) -> Awaitable[models.ReservationPage]:
        if self._location_id is not None:
            return self._service.list_location_reservations(
                self._location_id, filters, page=page, page_size=size)
        return self._service.list_reservations(filters, page=page, page_size=size)

    async def sync_once(self) -> SyncReport:
        """One round now (incremental, or a full check when due); raises LokError on failure."""
        before = self.requests
        loop = asyncio.get_running_loop()
        full = self._full_check_due or (self.sort_ignored and loop.time() >= self._next_full_check)
        if self.sort_ignored and not full:
            report = SyncReport(0, 0, False)
        elif full:
            merged = await self._full_check()
            self._full_check_due = False
            self._next_full_check = loop.time() + self.settings.full_check_interval_s
            report = SyncReport(self.requests - before, merged, True)
        else:
            merged = await self._incremental()
            report = SyncReport(self.requests - before, merged, self.sort_ignored)
        self._failures = 0
        self.rounds += 1
        self.last_error = None
        self.last_success = datetime.now().astimezone()
        for callback in list(self.on_synced):
            callback(report)
        return report

    async def _incremental(self) -> int:
        store = self._store
        # A stamp ahead of the server's clock (skewed node, imported data) sorts on top whatever
        # changes below it, so such rows are passed over rather than taken as "known, stop here".
        future = self._now() + STAMP_MARGIN
        filters = models.ReservationFilters(only_active=False, sort="-updated_at")
        # Rows stamped in the future sit on top of every round: page 1 is made big enough to hold them
        # and the usual page behind them, so a quiet round stays one request.
        size = min(100, self.settings.page_size + self._future_top)
        merged = 0
        known_run = 0
        future_top = 0
        walk = self._walk(filters, size)
        async for result in walk:
            items = list(result.reservations)
            if walk.pages == 1 and len(items) >= 2 and not _newest_first(items):
                log.warning("The server ignores sort=-updated_at; checking the active list instead")
                self.sort_ignored = True
                return merged + await self._full_check()
            changed: list[models.Reservation] = []
            # An empty store: page 1 is enough (the person's load reads the list itself).
            stop = len(store) == 0
            for reservation in items:
                if not reservation.id:
                    continue
                known = store.get(reservation.id)
                if known is not None and newer(reservation, known) is not True:
                    stamp = reservation.updated_at
                    if stamp is not None and stamp > future:
                        future_top += 1
                        continue
                    known_run += 1
                    if known_run >= STOP_AFTER_KNOWN:
                        stop = True
                        break
                    continue
                known_run = 0
                changed.append(reservation)
            if changed:
                store.merge(changed, Origin.SYNC)
                merged += len(changed)
            if stop or walk.pages >= self.settings.max_pages:
                break
        self._future_top = future_top
        return merged

    async def _full_check(self) -> int:
        """Read the whole active list; learn how known-active reservations missing from it ended."""
        store = self._store
        filters = models.ReservationFilters(status="active")
        seen: set[str] = set()
        merged = 0
        async for result in self._walk(filters, 100):
            items = [r for r in result.reservations if r.id]
            seen.update(r.id for r in items if r.id)
            merged += len(store.merge(items, Origin.SYNC).updated)
        # Created and finished between two checks: in no active list, but first in the default order
        # (newest created first), which even a server that ignores `sort` keeps.
        newest = await self._ask(self._page(models.ReservationFilters(only_active=False), 1,
                                            self.settings.page_size))
        merged += len(store.merge([r for r in newest.reservations if r.id and r.id not in seen],
                                  Origin.SYNC).inserted)
        vanished = [r.id for r in store.active(self._location_id) if r.id and r.id not in seen]
        for reservation_id in vanished:
            try:
                fresh = await self._ask(self._service.get_reservation(reservation_id, include_tokens=False))
            except api_errors.NotFoundError:
                store.remove([reservation_id], Origin.SYNC)
                continue
            if rules.is_finished(str(fresh.reservation.current_status or "")):
                merged += len(store.merge([fresh.reservation], Origin.SYNC, authoritative=True).updated)
        return merged
