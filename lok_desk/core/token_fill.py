"""Fills the token index in the background so Ctrl+F finds reservations never opened (no Qt).

Lok has no search by token, and a customer reads out the pick-up code of a reservation nobody opened
at this desk. So after the list is in, the desk reads each reservation of the shown location(s) once
with ``include_tokens=true``: the active ones and those finished in the last 7 days (read newest-changed
first, stopping at the 7-day mark). Reads run a few at a time (`concurrency`) so the server and the
desk's own work keep their pace; the service merges each reply into the store, which keeps only the
token text, in memory. Reservations that reach the store later through sync are added as they come
(`add`). Only people who may see tokens get an index (lok_desk.core.rules.tokens_visible_to).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

from lok_desk.api import LokError, models
from lok_desk.core.service import DeskService
from lok_desk.core.store import Origin, ReservationStore
from lok_desk.core.walks import reservation_walk

log = logging.getLogger(__name__)

Caller = Callable[[Awaitable[Any]], Awaitable[Any]]

#: Finished reservations younger than this are indexed too (a customer may ask about yesterday's).
FINISHED_WINDOW = timedelta(days=7)
#: At most this many pages of finished reservations are read (100 per page).
MAX_FINISHED_PAGES = 100


async def _direct(awaitable: Awaitable[Any]) -> Any:
    return await awaitable


class TokenFill:
    """Reads tokens of reservations the index does not know yet, `concurrency` at a time."""

    def __init__(
        self,
        service: DeskService,
        store: ReservationStore,
        *,
        now: Callable[[], datetime],
        call: Caller = _direct,
        concurrency: int = 4,
        location_id: str | None = None,
    ) -> None:
        self._service = service
        self._store = store
        self._now = now
        self._call = call
        self._concurrency = max(1, concurrency)
        #: The employee's own location: the lists read are that location's.
        self._location_id = location_id
        self._queue: asyncio.Queue[str] = asyncio.Queue()
        self._queued: set[str] = set()
        self._workers: list[asyncio.Task[None]] = []
        self._finished_read: set[str | None] = set()
        self._fills: list[asyncio.Task[None]] = []
        self._closed = False
        self.done = 0
        self.total = 0
        self.failed = 0
        #: Plain callbacks (done, total) after each reservation read and when new work is queued.
        self.on_progress: list[Callable[[int, int], None]] = []

    def __repr__(self) -> str:
        return f"TokenFill({self.done} of {self.total})"

    @property
    def busy(self) -> bool:
        return self.done + self.failed < self.total

    def _report(self) -> None:
        for callback in list(self.on_progress):
            callback(self.done, self.total)

    def add(self, reservation_ids: list[str]) -> None:
        """Queue reservations whose tokens are not known yet (e.g. new ones that came with a sync)."""
        if self._closed or not self._service.may_see_tokens_at_all:
            return
        added = 0
        for reservation_id in reservation_ids:
            reservation = self._store.get(reservation_id)
            if (reservation is None or reservation_id in self._queued
                    or self._store.tokens.knows(reservation_id)
                    or not self._service.may_see_tokens(reservation)):
                continue
            self._queued.add(reservation_id)
            self._queue.put_nowait(reservation_id)
            added += 1
        if added:
            self.total += added
            self._start_workers()
            self._report()

    def start(self, location_id: str | None) -> None:
        """`fill` in the background; `aclose` stops it (sign-out must not leave reads behind)."""
        if self._closed:
            return
        self._fills = [task for task in self._fills if not task.done()]
        self._fills.append(asyncio.ensure_future(self.fill(location_id)))

    async def fill(self, location_id: str | None) -> None:
        """Index the shown location(s) (None: every location this person sees): the active reservations
        already in the store, and those finished in the last 7 days (read here)."""
        if not self._service.may_see_tokens_at_all:
            return
        if location_id not in self._finished_read:
            self._finished_read.add(location_id)
            await self._read_recent_finished(location_id)
        cutoff = self._now() - FINISHED_WINDOW
        wanted = [r.id for r in self._store.active(location_id) if r.id]
        wanted += [r.id for r in self._store.finished(location_id)
                   if r.id and r.updated_at is not None and r.updated_at >= cutoff]
        self.add(wanted)

    async def _read_recent_finished(self, location_id: str | None) -> None:
        cutoff = self._now() - FINISHED_WINDOW
        filters = models.ReservationFilters(status="finished", sort="-updated_at")
        where = location_id or self._location_id
        walk = reservation_walk(self._service, filters, location_id=where, call=self._call)
        try:
            async for result in walk:
                recent = [r for r in result.reservations if r.updated_at is None or r.updated_at >= cutoff]
                self._store.merge(recent, Origin.LOAD)
                # Newest first: a page that reaches past the window is the last one needed.
                if len(recent) < len(result.reservations) or walk.pages >= MAX_FINISHED_PAGES:
                    break
        except LokError as error:
            log.info("Could not read recently finished reservations: %s", error.type)

    def _start_workers(self) -> None:
        self._workers = [task for task in self._workers if not task.done()]
        while len(self._workers) < self._concurrency:
            self._workers.append(asyncio.ensure_future(self._work()))

    async def _work(self) -> None:
        while not self._queue.empty():
            reservation_id = self._queue.get_nowait()
            try:
                await self._call(self._service.get_reservation(reservation_id, include_tokens=True))
                self.done += 1
            except LokError as error:
                # Offline or refused: this one is asked again next time it is queued.
                self.failed += 1
                log.info("Could not read the tokens of one reservation: %s", error.type)
            finally:
                self._queued.discard(reservation_id)
            self._report()

    async def aclose(self) -> None:
        self._closed = True
        workers, self._workers = [*self._workers, *self._fills], []
        self._fills = []
        for task in workers:
            task.cancel()
        for task in workers:
            with contextlib.suppress(asyncio.CancelledError):
                await task
