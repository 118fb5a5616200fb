"""Insight figures of reservations with known histories, made at the sandbox's locker on its clock."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from lok_desk.api import models
from lok_desk.core.insights import Insights, InsightsIndex, Period, When
from lok_desk.core.insights.presenter import InsightsPresenter
from lok_desk.core.insights.thresholds import Limit, Threshold
from lok_desk.core.store import ReservationStore
from tests.e2e.conftest import FIRST_LOCATION, reservation_request

HOUR = 3600.0


async def test_figures_of_known_histories_made_through_the_kiosk_and_the_clock(lok, control) -> None:
    owner = await lok("owner")
    t0 = await control.now()

    async def create(size: str) -> models.ReservationCreated:
        return await owner.create_reservation(FIRST_LOCATION, reservation_request(size))

    a, b, c = await create("s"), await create("s"), await create("s")
    assert (await control.advance(2 * HOUR)) >= t0
    assert (await control.kiosk(a.tokens.delivery_token or "")).status_code == 200      # t0 + 2 h
    await control.advance(HOUR)
    assert (await control.kiosk(c.tokens.cancel_token or "")).status_code == 200        # t0 + 3 h
    await control.advance(3 * 24 * HOUR)                                                 # t0 + 3 d 3 h
    assert (await control.kiosk(b.tokens.delivery_token or "")).status_code == 200      # 3 h late
    await control.advance(5 * HOUR)
    assert (await control.kiosk(a.tokens.pickup_token or "")).status_code == 200        # 78 h, late
    await control.advance(HOUR)
    assert (await control.kiosk(b.tokens.pickup_token or "")).status_code == 200        # 6 h, on time
    d = await create("s")                                                                # never comes
    now = await control.advance(4 * 24 * HOUR)

    store = ReservationStore()
    store.set_locations([location async for page in owner.iter_pages(owner.list_locations)
                         for location in page.items])
    ready = asyncio.Event()
    shown: list[Insights] = []
    presenter = InsightsPresenter(owner, store, now=lambda: now,
                                  on_figures=lambda insights: (shown.append(insights), ready.set()))
    try:
        outcome = await presenter.load(days=30)
        assert outcome is not None and outcome.complete
        assert shown and ready.is_set()
        mine = {r.reservation.id for r in (a, b, c, d)}
        everything = shown[-1].current
        # Among the company's figures, the known reservations land where their histories say.
        assert a.reservation.id in everything.lateness.picked_late.ids
        assert b.reservation.id in everything.lateness.delivered_late.ids
        assert c.reservation.id in everything.lateness.never_delivered.ids
        assert d.reservation.id in everything.lateness.late_delivery_now
        assert not mine & everything.lateness.late_pickup_now

        # Exactly, over the four alone, as Lok returned them (dates set by the sandbox clock).
        only = InsightsIndex(lambda _location: store.location(FIRST_LOCATION).zone)  # type: ignore[union-attr]
        only.put([r for r in store if r.id in mine])
        only.set_period(Period.last_days(30, now))
        figures = only.figures(now.timestamp(), location=FIRST_LOCATION, size="s").current
        assert figures.deliveries == {a.reservation.id, b.reservation.id}
        assert figures.lateness.delivered_late.ids == {b.reservation.id}
        assert figures.lateness.picked_late.ids == {a.reservation.id}
        assert figures.lateness.never_delivered.ids == {c.reservation.id}
        assert figures.lateness.never_delivered.total == 3
        assert figures.lateness.late_delivery_now == {d.reservation.id}
        assert figures.dwell.count == 2
        assert abs((figures.dwell.median_hours or 0) - 6.0) < 0.01
        assert abs((figures.dwell.p90_hours or 0) - 78.0) < 0.01
        zone = ZoneInfo(store.location(FIRST_LOCATION).timezone or "UTC")  # type: ignore[union-attr]

        def slot(when: datetime) -> int:
            local = when.astimezone(zone)
            return When.slot(local.weekday(), local.hour)

        expected = [0] * 168
        for delivered in (t0 + timedelta(hours=2), t0 + timedelta(days=3, hours=3)):
            expected[slot(delivered)] += 1
        assert list(figures.when.deliveries) == expected
        # a was in the locker 78 h, b 6 h, both together for the 5 h between b's delivery and a's pick-up.
        assert sum(figures.occupancy.hourly) == 84
        assert figures.occupancy.hourly.count(2) == 5 and figures.occupancy.peak == 2
    finally:
        presenter.close()


async def test_sync_changes_update_the_figures_and_a_threshold_notifies_once(lok, control) -> None:
    owner = await lok("owner")
    now = await control.now()
    clock = {"now": now}
    store = ReservationStore()
    store.set_locations([location async for page in owner.iter_pages(owner.list_locations)
                         for location in page.items])
    updates: list[Insights] = []
    crossings: list[list[object]] = []
    changed = asyncio.Event()

    def figures(insights: Insights) -> None:
        updates.append(insights)
        changed.set()

    presenter = InsightsPresenter(owner, store, now=lambda: clock["now"], on_figures=figures,
                                  on_crossings=crossings.append)
    try:
        await presenter.load(days=7)
        before = updates[-1]
        # "More than N parcels past pick-up" with N = how many the seed has there now: not crossed yet.
        assert presenter.insights is not None
        level = presenter.insights.past_pickup_by_key().get((FIRST_LOCATION, "xl"), 0)
        presenter.set_thresholds([Threshold(FIRST_LOCATION, "xl", Limit.PAST_PICKUP_ABOVE, level)])
        made = await owner.create_reservation(FIRST_LOCATION, reservation_request("xl"))
        await control.kiosk(made.tokens.delivery_token or "")
        changed.clear()
        store.merge_detail(await owner.get_reservation(made.reservation.id or ""))
        await asyncio.wait_for(changed.wait(), 20)
        assert made.reservation.id in updates[-1].current.deliveries
        assert len(updates[-1].current.deliveries) == len(before.current.deliveries) + 1
        assert crossings == []
        # Four days on, the parcel is past its pick-up deadline: the limit is crossed, and told once.
        clock["now"] = await control.advance(4 * 24 * HOUR)
        await presenter.choose_days(7)
        await presenter.choose(FIRST_LOCATION, "xl")
        assert len(crossings) == 1 and crossings[0][0].level > level  # type: ignore[attr-defined]
        assert made.reservation.id in updates[-1].current.lateness.late_pickup_now
        await control.kiosk(made.tokens.pickup_token or "")
        changed.clear()
        store.merge_detail(await owner.get_reservation(made.reservation.id or ""))
        await asyncio.wait_for(changed.wait(), 20)
        assert made.reservation.id in updates[-1].current.lateness.picked_late.ids
        assert len(crossings) == 1
    finally:
        presenter.close()
