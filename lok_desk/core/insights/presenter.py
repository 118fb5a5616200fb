"""The Insights flow: load the period's reservations through the one page loop, compute off the caller's
thread, keep the figures current as the store changes, and tell when a threshold is crossed (no Qt).

The view calls `load()`, `choose_period()`, `choose()` and reads results through plain callbacks. All
work on the `InsightsIndex` runs on one worker thread, one job after another, so a store change that
arrives while figures are being computed is applied after them, never at the same time.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Protocol, TypeVar
from zoneinfo import ZoneInfo

from lok_desk.api import models
from lok_desk.api.paging import iter_pages
from lok_desk.core.insights.cells import Period
from lok_desk.core.insights.index import Insights, InsightsIndex, box_counts
from lok_desk.core.insights.thresholds import Crossing, Threshold, ThresholdWatch
from lok_desk.core.problems import Problem, problem_from
from lok_desk.core.store import Origin, ReservationStore, StoreChange

log = logging.getLogger(__name__)
T = TypeVar("T")

#: The periods a person picks from, in days.
PERIOD_DAYS: tuple[int, ...] = (7, 30, 90)
#: Reservations created this long before the previous period still count when their box was taken
#: into it; older ones that are still active are read by the second (active-only) walk.
LOOKBACK = timedelta(days=30)


class ReservationLister(Protocol):
    """What the presenter needs from the service (lok_desk.core.service.DeskService has it)."""

    async def list_reservations(
        self, filters: models.ReservationFilters | None = None, *, page: int = 1, page_size: int = 15
    ) -> models.ReservationPage: ...


@dataclass(frozen=True)
class Selection:
    """What the pane shows: a period, and one location and size or all (None)."""

    period: Period
    location: str | None = None
    size: str | None = None
    days: int | None = None     # a rolling "last N days" period (moves on with the clock)


@dataclass(frozen=True)
class LoadOutcome:
    records: int
    complete: bool
    problem: str | None     # the page loop's own sentence when the server did not send everything


class InsightsPresenter:
    """See the module docstring. `allowed` limits the figures to those locations (an employee's own)."""

    def __init__(
        self,
        lister: ReservationLister,
        store: ReservationStore,
        *,
        now: Callable[[], datetime],
        allowed: Iterable[str] | None = None,
        on_figures: Callable[[Insights], None] = lambda _insights: None,
        on_problem: Callable[[Problem], None] = lambda _problem: None,
        on_busy: Callable[[bool], None] = lambda _busy: None,
        on_late: Callable[[dict[str, tuple[int, int]]], None] = lambda _counts: None,
        on_crossings: Callable[[list[Crossing]], None] = lambda _crossings: None,
        thresholds: Iterable[Threshold] = (),
    ) -> None:
        self._lister = lister
        self._store = store
        self._now = now
        self._allowed = tuple(allowed) if allowed is not None else None
        self.on_figures = on_figures
        self.on_problem = on_problem
        self.on_busy = on_busy
        self.on_late = on_late
        self.on_crossings = on_crossings
        self.index = InsightsIndex(self._zone_of)
        self.watch = ThresholdWatch(thresholds)
        self.selection = Selection(Period.last_days(PERIOD_DAYS[0], now()), days=PERIOD_DAYS[0])
        self.insights: Insights | None = None
        self.last_load: LoadOutcome | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="insights")
        self._pending: set[str] = set()
        self._refresh: asyncio.Task[None] | None = None
        self._warming: asyncio.Task[None] | None = None
        self._primed = False      # the index holds every reservation of the store (after the first count)
        self._loading = False
        self._unsubscribe = store.subscribe(self._on_store_change)

    def __repr__(self) -> str:
        return f"InsightsPresenter({self.index!r}, {self.selection!r})"

    # ---- plumbing -----------------------------------------------------------------------------------
    def _zone_of(self, location_id: str) -> tzinfo:
        location = self._store.location(location_id)
        return location.zone if location is not None else ZoneInfo("UTC")

    async def _work(self, job: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._executor, job)

    def close(self) -> None:
        """Stop listening to the store and let the worker finish (sign-out, pane closed)."""
        self._unsubscribe()
        for task in (self._refresh, self._warming):
            if task is not None:
                task.cancel()
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _visible(self, location_id: str | None) -> bool:
        return self._allowed is None or (location_id or "") in self._allowed

    # ---- loading ------------------------------------------------------------------------------------
    async def _walk(self, filters: models.ReservationFilters) -> tuple[int, bool, str | None]:
        walk = iter_pages(self._lister.list_reservations, filters, page_size=100)
        async for page in walk:
            self._store.merge(page.items, Origin.LOAD)
        return walk.records, bool(walk.complete), walk.problem

    async def load(self, period: Period | None = None, *, days: int | None = None) -> LoadOutcome | None:
        """Read the reservations the period needs (and the active ones) into the store, then compute.

        Failures reach `on_problem` (the one Problem path); what was read stays in the store."""
        self.on_busy(True)
        self._loading = True
        try:
            if period is None and days is not None:
                period = Period.last_days(days, self._now())
            elif period is None:
                period, days = self.selection.period, self.selection.days
            since = period.previous().start_datetime() - LOOKBACK
            try:
                records, complete, problem = await self._walk(
                    models.ReservationFilters(only_active=False, from_=since))
                active, active_complete, active_problem = await self._walk(
                    models.ReservationFilters(only_active=True))
            except Exception as error:  # every failure goes through the one Problem path
                log.info("Insights could not read the reservations: %s", type(error).__name__)
                self.on_problem(problem_from(error))
                return None
            outcome = LoadOutcome(records + active, complete and active_complete, problem or active_problem)
            self.last_load = outcome
            await self.choose_period(period, days=days)
            return outcome
        finally:
            self._loading = False
            self.on_busy(False)

    # ---- choosing -----------------------------------------------------------------------------------
    async def choose_period(self, period: Period, *, days: int | None = None) -> Insights:
        """Recount every reservation the store holds for `period` (and the one before) off the thread.

        `days`: the period is the rolling "last N days" (`Period.last_days`), else fixed dates, which
        stop at the present."""
        now = self._now().timestamp()
        clipped = period if days is not None else period.clipped(now)
        self.selection = Selection(clipped, self.selection.location, self.selection.size, days)
        if self._primed:
            present, gone = self._take_pending()
        else:
            # The first count reads every reservation; after it, only the ones the store changed.
            self._pending.clear()
            present, gone = [r for r in self._store if self._visible(r.location_id)], []
            self._primed = True

        def job() -> None:
            self.index.set_zones(self._zone_of)
            self.index.put(present)
            self.index.drop(gone)
            self.index.set_period(clipped)

        await self._work(job)
        return await self._publish()

    async def choose_days(self, days: int) -> Insights:
        return await self.choose_period(Period.last_days(days, self._now()), days=days)

    async def choose(self, location: str | None, size: str | None) -> Insights:
        """Show one location and size (None: all); the counts are already there, only folded again."""
        self.selection = Selection(self.selection.period, location, size, self.selection.days)
        return await self._publish()

    async def _publish(self) -> Insights:
        selection = self.selection
        now = self._now().timestamp()
        if selection.days is not None and now >= selection.period.end:
            # The hour the rolling period ended on is over: move the period on (one recount an hour).
            return await self.choose_days(selection.days)
        boxes = box_counts(location for location in self._store.locations() if self._visible(location.id))
        allowed = list(self._allowed) if self._allowed is not None else None

        def job() -> Insights:
            return self.index.figures(now, location=selection.location, size=selection.size,
                                      boxes=boxes, allowed=allowed)

        insights = await self._work(job)
        self.insights = insights
        self.on_figures(insights)
        self.on_late(insights.late_by_location())
        crossings = self.watch.check(boxes, insights.past_pickup_by_key())
        if crossings:
            self.on_crossings(crossings)
        return insights

    def set_thresholds(self, thresholds: Iterable[Threshold]) -> None:
        self.watch.set_thresholds(list(thresholds))

    # ---- following the store ------------------------------------------------------------------------
    def _on_store_change(self, change: StoreChange) -> None:
        self._pending.update(change.inserted, change.updated, change.removed)
        if not self._primed:
            self._warm_soon()
        elif not self._loading and (change.locations or self._pending):
            self._schedule()

    def _warm_soon(self) -> None:
        """Before the first count, read the facts of what arrives (a load's pages) on the worker while
        the next page is on its way, so the first figures only tally (the expensive part is reading
        100,000 reservations' histories, not counting them)."""
        if self._warming is not None and not self._warming.done():
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        self._warming = loop.create_task(self._warm())

    async def _warm(self) -> None:
        await asyncio.sleep(0)
        while self._pending and not self._primed:
            await self._work(functools.partial(self._apply, *self._take_pending()))

    def _schedule(self) -> None:
        if self._refresh is not None and not self._refresh.done():
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # merged outside a loop (a script): the next load or choice recounts anyway
        self._refresh = loop.create_task(self._apply_pending())

    async def _apply_pending(self) -> None:
        # Let the rest of this merge (and the same round's others) arrive before recounting once.
        await asyncio.sleep(0)
        await self.apply_pending()

    def _apply(self, present: list[models.Reservation], gone: list[str]) -> None:
        """On the worker: new facts for what changed, none for what left the store."""
        self.index.put(present)
        self.index.drop(gone)

    def _take_pending(self) -> tuple[list[models.Reservation], list[str]]:
        ids, self._pending = self._pending, set()
        known = [r for rid in ids if (r := self._store.get(rid)) is not None]
        present = [r for r in known if self._visible(r.location_id)]
        return present, [rid for rid in ids if self._store.get(rid) is None]

    async def apply_pending(self) -> Insights | None:
        """Move the reservations the store changed into their new cells, then publish the figures."""
        present, gone = self._take_pending()
        try:
            await self._work(functools.partial(self._apply, present, gone))
            return await self._publish()
        except Exception as error:  # a bug here must not break the store's other listeners
            log.exception("Insights could not follow a store change")
            self.on_problem(problem_from(error))
            return None

