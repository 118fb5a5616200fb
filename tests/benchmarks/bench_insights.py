"""Benchmark: insight figures over 100,000 reservations, computed off the event loop, then kept current.

A script that prints figures (not a timed test):

    .venv/bin/python tests/benchmarks/bench_insights.py [--reservations 100000] [--changes 500]

100,000 reservations over five locations in different time zones, spread over 200 days with
realistic histories (reserved → delivered → picked up, some late, some cancelled), are merged into a
`ReservationStore`; the `InsightsPresenter` computes on its worker thread while an asyncio ticker on
the calling loop records the longest stall (the Qt thread's loop in the desk). Printed:

- the load: pages of 100 merged as the page walk hands them over; the presenter reads each page's
  histories (facts) on its worker meanwhile;
- first figures after the load: the 90-day period and the one before, tallied, + the figures;
- period change (90 → 30 days): the tallies again from the kept facts, + the figures;
- selection change (one location): only the fold;
- sync merge: `--changes` reservations gain an event (as a sync round merges them), and the figures
  follow incrementally (no recount);
- the longest stall of the loop during all of it.
Aim: each computation ≤ 1 s on the 2-core machine.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import random
import sys
import time
import timeit
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from lok_desk.api import models
from lok_desk.core.insights.presenter import InsightsPresenter
from lok_desk.core.store import Origin, ReservationStore

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
ZONES = {"loc-a": "America/Mexico_City", "loc-b": "America/Tijuana", "loc-c": "America/Cancun",
         "loc-d": "America/Bogota", "loc-e": "America/Monterrey"}


def location(location_id: str, zone: str) -> models.LocationDetail:
    return models.LocationDetail.model_validate({
        "id": location_id, "internal_name": location_id, "timezone": zone,
        "boxes": [{"size": size, "total": 40, "occupied": 20} for size in ("s", "m", "l", "xl")]})


def history(rng: random.Random, index: int) -> dict[str, Any]:
    created = NOW - timedelta(hours=rng.uniform(0, 24 * 200))
    events = [{"status": "reserved", "date": created.isoformat()}]
    delivery_due = created + timedelta(days=3)
    pickup_due = None
    roll = rng.random()
    if roll < 0.85:
        delivered = created + timedelta(hours=rng.uniform(1, 90))
        if delivered < NOW:
            events.append({"status": "delivered", "date": delivered.isoformat()})
            pickup_due = delivered + timedelta(days=3)
            picked = delivered + timedelta(hours=rng.expovariate(1 / 30))
            if picked < NOW:
                events.append({"status": "picked_up", "date": picked.isoformat()})
    elif roll < 0.95:
        cancelled = created + timedelta(hours=rng.uniform(1, 50))
        if cancelled < NOW:
            events.append({"status": "cancelled", "date": cancelled.isoformat()})
    return {"id": f"rsv-{index:06d}", "location": rng.choice(list(ZONES)),
            "locker": {"size": rng.choice(("s", "m", "l", "xl"))}, "event_history": events,
            "delivery_due_date": delivery_due.isoformat(),
            "pickup_due_date": pickup_due.isoformat() if pickup_due else None,
            "created_at": created.isoformat(), "updated_at": events[-1]["date"]}


class Lister:
    async def list_reservations(self, filters: Any = None, *, page: int = 1, page_size: int = 15) -> Any:
        raise AssertionError("the benchmark computes from the store; nothing is read")


class StallMeter:
    """Ticks every 5 ms on the loop; the longest gap between ticks is the longest stall."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.005)
            now = time.perf_counter()
            self.longest = max(self.longest, now - last - 0.005)
            last = now

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run())

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()


METER = StallMeter()


async def timed(label: str, work: Any) -> float:
    METER.longest = 0.0
    started = time.perf_counter()
    await work
    took = time.perf_counter() - started
    print(f"{label:<58} {took * 1000:8.0f} ms  (loop stall ≤ {METER.longest * 1000:.0f} ms)")
    return took


async def run(count: int, changes: int) -> dict[str, float]:
    rng = random.Random(23)
    started = time.perf_counter()
    bodies = [history(rng, index) for index in range(count)]
    reservations = [models.Reservation.model_validate(body) for body in bodies]
    store = ReservationStore()
    store.set_locations([location(lid, zone) for lid, zone in ZONES.items()])
    print(f"set-up: {count:,} reservations built in {time.perf_counter() - started:.1f} s")
    # As the desk does once its first window shows its data (window/shell.py freeze_start_up_heap): a
    # full pass of the cyclic GC over 100,000 reservations' objects holds the GIL for hundreds of ms,
    # wherever it happens to start, which is not the figures' cost.
    gc.freeze()
    presenter = InsightsPresenter(Lister(), store, now=lambda: NOW)
    meter = METER
    meter.start()
    # The load: pages of 100 merged into the store as the page walk hands them over, a few ms apart
    # (the server's answer time); the presenter reads each page's histories on its worker meanwhile.
    METER.longest = 0.0
    started = time.perf_counter()
    for first in range(0, count, 100):
        store.merge(reservations[first:first + 100], Origin.LOAD)
        await asyncio.sleep(0.005)
    while presenter._warming is not None and not presenter._warming.done():
        await asyncio.sleep(0.005)
    print(f"{'load: ' + format(count, ',') + ' reservations in pages of 100, facts read meanwhile':<58} "
          f"{(time.perf_counter() - started) * 1000:8.0f} ms  (loop stall ≤ {METER.longest * 1000:.0f} ms)")
    figures: dict[str, float] = {}
    try:
        figures["first"] = await timed("first figures after the load (90 days and the 90 before)",
                                       presenter.choose_days(90))
        figures["period"] = await timed("period change to 30 days (recount from kept facts)",
                                        presenter.choose_days(30))
        figures["selection"] = await timed("selection change (one location, all sizes)",
                                           presenter.choose("loc-a", None))
        picked_later = []
        for reservation in rng.sample(reservations, changes):
            body = reservation.model_dump(mode="json", by_alias=True)
            stamp = (NOW - timedelta(minutes=1)).isoformat()
            body["event_history"].append({"status": "cancelled" if not reservation.is_delivered
                                          else "picked_up", "date": stamp})
            body["updated_at"] = stamp
            picked_later.append(models.Reservation.model_validate(body))
        store.merge(picked_later, Origin.SYNC)
        figures["sync"] = await timed(f"sync merge of {changes} changed reservations (incremental)",
                                      presenter.apply_pending())
        insights = presenter.insights
        assert insights is not None
        current = insights.current
        print(f"figures: {len(current.deliveries):,} deliveries, dwell median "
              f"{current.dwell.median_hours or 0:.1f} h / p90 {current.dwell.p90_hours or 0:.1f} h, "
              f"{len(insights.rows)} location × size rows")
    finally:
        meter.stop()
        presenter.close()
    return figures


def calibrate() -> float:
    """How fast this machine runs plain Python right now (sum(range(10**6)) in ms; ~15-20 ms idle)."""
    best = min(timeit.repeat("sum(range(10**6))", number=1, repeat=5))
    return best * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reservations", type=int, default=100_000)
    parser.add_argument("--changes", type=int, default=500)
    args = parser.parse_args(argv)
    print(f"machine: sum(range(10**6)) takes {calibrate():.0f} ms now (the load of other work shows here)")
    asyncio.run(run(args.reservations, args.changes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
