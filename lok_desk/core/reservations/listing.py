"""The reservations list as the desk keeps it: the query, the walk through Lok's pages, the counts, the
selection, and how the store's changes move rows in and out (no Qt; lok_desk/desk/reservations binds it).

One presenter per list on screen. The view gives it plain callbacks and shows what it says:

* `on_clear()` before a load that starts a new list, `on_rows(reservations)` with rows to add or update
  (in batches, a few times a second while pages arrive), `on_remove(ids)` for rows that leave,
  `on_progress()` after every batch and `on_first_page()` / `on_finished()`.
* `load()` walks every page through `lok_desk.api.paging.PageWalk` (the one page loop: capped pages, a
  server that ignores `page`, records it cannot read) and merges each page into the store (`Origin.LOAD`).
  The same query again refreshes in place: rows stay and are updated, and rows gone from the list leave
  only once every page is in, so a server that cannot be reached leaves the list as it was (issue 9).
* `follow(change)` turns a `StoreChange` (a sync, the desk's own writes) into the same callbacks.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Iterable
from contextlib import AbstractContextManager
from enum import Enum
from typing import Any, NamedTuple, TypeVar

from lok_desk.api import LokError, models
from lok_desk.api.paging import PageWalk, iter_pages
from lok_desk.core import rules
from lok_desk.core.service import DeskService
from lok_desk.core.store import Origin, StoreChange
from lok_desk.core.walks import reservation_walk

T = TypeVar("T")

PAGE_SIZE = 100
# Longest time loaded rows wait before they are shown (a batch is one insert and one repaint).
FLUSH_INTERVAL_S = 0.25
# Most rows handed to the view in one event-loop turn. Placing a row in a sorted, filtered Qt proxy
# costs ~40 µs of Python, so a 1,000-row batch blocked the loop for 50–110 ms; 200 rows keep each turn
# near 10 ms and cost nothing in total time.
INSERT_CHUNK_ROWS = 200


class ListState(Enum):
    ACTIVE = "active"
    FINISHED = "finished"
    ALL = "all"


class ListKind(Enum):
    RESERVATIONS = "reservations"
    PRE_RESERVATIONS = "pre_reservations"  # #7
    WITH_SHIPMENT = "with_shipment"  # #18


class ListQuery(NamedTuple):
    state: ListState
    kind: ListKind
    location_id: str | None


def filters_for(state: ListState) -> models.ReservationFilters:
    """What Lok is asked for each state (finished = picked up or cancelled; docs/decisions.md)."""
    if state is ListState.ACTIVE:
        return models.ReservationFilters(status="active")
    if state is ListState.FINISHED:
        return models.ReservationFilters(status="finished")
    return models.ReservationFilters(only_active=False)


def belongs(query: ListQuery, reservation: models.Reservation, *, new: bool) -> bool:
    """Whether a reservation belongs in the list of `query` (a new one only when that can be told from
    the record: a pre-reservation list is the server's to decide)."""
    status = str(reservation.current_status or "")
    if query.state is ListState.ACTIVE and rules.is_finished(status):
        return False
    if query.state is ListState.FINISHED and not rules.is_finished(status):
        return False
    if query.location_id is not None and reservation.location_id != query.location_id:
        return False
    if not new:
        return True
    if query.kind is ListKind.PRE_RESERVATIONS:
        return False
    if query.kind is ListKind.WITH_SHIPMENT:
        return reservation.shipping is not None
    return True


def _direct(awaitable: Awaitable[T]) -> Awaitable[T]:
    return awaitable


def _cancelling() -> bool:
    """Whether the running task itself is being cancelled (not just something it awaited)."""
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


class ReservationList:
    """The state of one reservations list (see the module docstring)."""

    def __init__(
        self,
        service: DeskService,
        *,
        location_id: str | None = None,
        call: Callable[[Awaitable[Any]], Awaitable[Any]] = _direct,
        hold: Callable[[], AbstractContextManager[None]] | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        self._service = service
        self._call = call
        self._hold = hold or contextlib.nullcontext
        self.page_size = page_size
        self.state = ListState.ACTIVE
        self.kind = ListKind.RESERVATIONS
        self.location_id = location_id
        # The query whose rows are listed (a refresh of the same query updates them in place).
        self.shown_query: ListQuery | None = None
        # Ids listed now, in the order they arrived (the view's rows mirror them).
        self._listed: dict[str, None] = {}
        # The row the person is on: it stays while they are on it, whatever happens to it.
        self.selected_id: str | None = None
        self.loading = False
        self.stopped = False
        # Records read by this load (the list may hold more: an in-place refresh), records Lok sent that
        # could not be read (shown beside the row count, never dropped silently: issue 11), the total Lok
        # announced, and whether every announced record arrived (None while loading or when stopped).
        self.read = 0
        self.unreadable = 0
        self.total: int | None = None
        self.complete: bool | None = None
        # Why the last load failed (the list is kept; the next load that works clears it).
        self.error: LokError | None = None
        # Loads that ran to their end (not replaced or stopped), failed ones included.
        self.loads = 0
        self.on_clear: Callable[[], None] = lambda: None
        self.on_rows: Callable[[list[models.Reservation]], None] = lambda _rows: None
        self.on_remove: Callable[[list[str]], None] = lambda _ids: None
        self.on_progress: Callable[[], None] = lambda: None
        self.on_first_page: Callable[[], None] = lambda: None
        self._task: asyncio.Task[None] | None = None

    # --- the query ----------------------------------------------------------------------------
    @property
    def query(self) -> ListQuery:
        return ListQuery(self.state, self.kind, self.location_id)

    @property
    def failed(self) -> bool:
        return self.error is not None

    def ids(self) -> list[str]:
        return list(self._listed)

    def __contains__(self, reservation_id: object) -> bool:
        return reservation_id in self._listed

    def __len__(self) -> int:
        return len(self._listed)

    def walk(self, query: ListQuery | None = None) -> PageWalk[models.ReservationPage]:
        """The page walk of `query` (default: the current one), for a caller that reads pages itself."""
        query = query or self.query
        filters = filters_for(query.state)
        if query.kind is ListKind.RESERVATIONS:
            # #8, or #24 for the employee's list and an owner's one-location view (the server filters).
            return reservation_walk(self._service, filters, location_id=query.location_id,
                                    page_size=self.page_size, call=self._call)
        method = (self._service.list_pre_reservations if query.kind is ListKind.PRE_RESERVATIONS
                  else self._service.list_shipping_reservations)

        async def fetch(*_args: Any, page: int, page_size: int) -> models.ReservationPage:
            result: models.ReservationPage = await self._call(method(filters, page=page, page_size=page_size))
            return result

        return iter_pages(fetch, page_size=self.page_size)

    # --- showing rows that did not come from a load -------------------------------------------
    def adopt(self, ids: Iterable[str], query: ListQuery | None = None) -> None:
        """Rows the view put up itself (the saved list at start) belong to `query`'s list."""
        for reservation_id in ids:
            self._listed[reservation_id] = None
        self.shown_query = query or self.query

    def put(self, reservation: models.Reservation) -> None:
        """A reservation the person opened or created: listed (and shown) now, whatever the query. The
        row shows the store's copy when it has one (the service merged the reply there)."""
        if reservation.id:
            self._listed[reservation.id] = None
            reservation = self._service.store.get(reservation.id) or reservation
        self.on_rows([reservation])

    def drop(self, ids: Iterable[str]) -> None:
        gone = [rid for rid in ids if rid in self._listed]
        for rid in gone:
            del self._listed[rid]
        if gone:
            self.on_remove(gone)

    def leave_if_left(self, reservation_id: str) -> None:
        """The person moved off a row kept for them (it finished meanwhile): it leaves now."""
        reservation = self._service.store.get(reservation_id)
        if (reservation is not None and reservation_id != self.selected_id and reservation_id in self
                and not belongs(self.shown_query or self.query, reservation, new=False)):
            self.drop([reservation_id])

    # --- loading ------------------------------------------------------------------------------
    async def refresh(self, before_rows: Callable[[], Awaitable[None]] | None = None) -> None:
        """Load the list again from the first page; a load under way is cancelled first. Returns once
        every page is in (or the load was stopped or replaced). `before_rows` runs beside the first
        request and is awaited before its rows are shown (the desk reads the sandbox clock there)."""
        previous = self._task
        if previous is not None and not previous.done():
            previous.cancel()
            try:
                await previous
            except asyncio.CancelledError:
                if _cancelling():
                    raise
        task = asyncio.ensure_future(self._load(self.query, before_rows))
        self._task = task
        try:
            await task
        except asyncio.CancelledError:
            # Replaced by a newer refresh or stopped: not an error for whoever awaited us.
            if _cancelling():
                raise

    def stop(self) -> None:
        """Keep what is loaded, stop asking for more pages."""
        task = self._task
        if task is not None and not task.done():
            self.stopped = True
            task.cancel()

    def _begin(self, query: ListQuery) -> bool:
        in_place = query == self.shown_query and bool(self._listed)
        if not in_place:
            self._listed.clear()
            self.on_clear()
        self.shown_query = query
        self.total = None
        self.complete = None
        self.read = 0
        self.unreadable = 0
        self.error = None
        self.stopped = False
        self.loading = True
        self.on_progress()
        return in_place

    async def _load(self, query: ListQuery, before_rows: Callable[[], Awaitable[None]] | None) -> None:
        in_place = self._begin(query)
        clock = asyncio.ensure_future(before_rows()) if before_rows is not None else None
        seen: set[str] = set()
        batch = _Batch(self)
        walk = self.walk(query)
        try:
            with self._hold():   # the live sync waits while the person's load runs
                async for page in walk:
                    if clock is not None:
                        await clock
                        clock = None
                    # Rows already read (a server that repeats part of a page) are not read twice.
                    fresh = [r for r in page.reservations if r.id and r.id not in seen]
                    self._service.store.merge(fresh, Origin.LOAD)
                    seen.update(r.id for r in fresh if r.id)
                    self.read += len(fresh)
                    self.unreadable += page.unreadable
                    self.total = walk.total
                    await batch.add(fresh, first=walk.pages == 1)
                    if walk.pages == 1:
                        self.on_first_page()
                    await asyncio.sleep(0)   # a turn for the view between pages
        except asyncio.CancelledError:
            if clock is not None:
                clock.cancel()
            if self.stopped:   # Stop: what arrived stays in the list
                batch.flush_now()
            self._end()
            raise
        except LokError as error:
            batch.flush_now()
            self.error = error
        else:
            await batch.flush()
            self.complete = walk.complete
            if in_place:
                self.drop([rid for rid in self._listed if rid not in seen and rid != self.selected_id])
        self.loads += 1
        self._end()

    def _end(self) -> None:
        self.loading = False
        self.on_progress()

    # --- following the store ------------------------------------------------------------------
    def follow(self, change: StoreChange) -> None:
        """A change merged into the store (a sync, the desk's own write, a detail read): rows that
        changed are updated, rows that no longer belong leave (except the selected one, which shows its
        new state until the person moves on), and new ones that belong join (syncs and own writes)."""
        if change.origin in (Origin.LOAD, Origin.SNAPSHOT):
            return   # loads put their rows in themselves
        store = self._service.store
        query = self.shown_query or self.query
        self.drop([rid for rid in change.removed if rid != self.selected_id])
        changed: list[models.Reservation] = []
        leaving: list[str] = []
        for reservation_id in (*change.inserted, *change.updated):
            reservation = store.get(reservation_id)
            if reservation is None:
                continue
            if reservation_id in self._listed:
                if belongs(query, reservation, new=False) or reservation_id == self.selected_id:
                    changed.append(reservation)
                else:
                    leaving.append(reservation_id)
            elif change.origin in (Origin.SYNC, Origin.OWN) and self.shown_query is not None \
                    and belongs(query, reservation, new=True):
                self._listed[reservation_id] = None
                changed.append(reservation)
        self.drop(leaving)
        if changed:
            self.on_rows(changed)


class _Batch:
    """Pages that arrive close together go to the view as one batch (one insert, one repaint), in
    chunks of INSERT_CHUNK_ROWS with a turn for the view between them."""

    def __init__(self, owner: ReservationList) -> None:
        self._owner = owner
        self._rows: list[models.Reservation] = []
        loop = asyncio.get_running_loop()
        self._time = loop.time
        self._last = self._time()

    async def add(self, rows: list[models.Reservation], *, first: bool) -> None:
        self._rows.extend(rows)
        if first or self._time() - self._last >= FLUSH_INTERVAL_S:
            await self.flush()

    async def flush(self) -> None:
        # `_rows` keeps what is not handed over yet, so a Stop in between still hands over the rest.
        while self._rows:
            chunk, self._rows = self._rows[:INSERT_CHUNK_ROWS], self._rows[INSERT_CHUNK_ROWS:]
            self._hand(chunk)
            if self._rows:
                await asyncio.sleep(0)
        self._last = self._time()
        self._owner.on_progress()

    def flush_now(self) -> None:
        rows, self._rows = self._rows, []
        if rows:
            self._hand(rows)

    def _hand(self, rows: list[models.Reservation]) -> None:
        for reservation in rows:
            if reservation.id:
                self._owner._listed[reservation.id] = None
        self._owner.on_rows(rows)
