"""Insight figures from hand-built histories: every number worked out by hand in the comments."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from lok_desk.api import models
from lok_desk.core.insights import Boxes, InsightsIndex, Period, When, facts_of, percentile

H = timedelta(hours=1)
D = timedelta(days=1)
# Monday 2 March 2026, 00:00 UTC: the period is that Monday 00:00 to the next Monday 00:00 (168 h).
START = datetime(2026, 3, 2, tzinfo=UTC)
END = START + 7 * D
MEXICO = ZoneInfo("America/Mexico_City")   # UTC-6 all year


def reservation(rid: str, *events: tuple[str, datetime], size: str = "m", location: str = "loc-1",
                delivery_due: datetime | None = None, pickup_due: datetime | None = None,
                confirmed: bool = True) -> models.Reservation:
    return models.Reservation.model_validate({
        "id": rid, "location": location, "is_confirmed": confirmed,
        "locker": {"size": size},
        "delivery_due_date": delivery_due.isoformat() if delivery_due else None,
        "pickup_due_date": pickup_due.isoformat() if pickup_due else None,
        "event_history": [{"status": s, "date": d.isoformat()} for s, d in events],
    })


def week() -> list[models.Reservation]:
    t = START
    return [
        # Delivered Monday 10:00 UTC (04:00 Mexico), on time; picked up 4 h later, on time. Dwell 4 h.
        reservation("a", ("reserved", t), ("delivered", t + 10 * H), ("picked_up", t + 14 * H),
                    delivery_due=t + D, pickup_due=t + 3 * D),
        # Delivered late (due Monday 12:00, came Tuesday 00:00); picked up late, 50 h later. Dwell 50 h.
        reservation("b", ("reserved", t), ("delivered", t + D), ("picked_up", t + D + 50 * H),
                    delivery_due=t + 12 * H, pickup_due=t + 2 * D),
        # Delivered Wednesday 00:00, still in the locker and past pick-up at the end of the period.
        reservation("c", ("reserved", t + D), ("delivered", t + 2 * D), size="s",
                    delivery_due=t + 3 * D, pickup_due=t + 5 * D),
        # Never delivered: cancelled on Thursday.
        reservation("d", ("reserved", t), ("cancelled", t + 3 * D), delivery_due=t + 2 * D),
        # An unconfirmed pre-reservation Lok expired (cancelled 24 h after its delivery date).
        reservation("e", ("pending", t), ("cancelled", t + 2 * D + 1 * H), delivery_due=t + D,
                    confirmed=False),
        # Still waiting for a delivery whose deadline passed on Friday: late now.
        reservation("f", ("reserved", t + 3 * D), delivery_due=t + 4 * D),
        # Another location: left out of loc-1's figures.
        reservation("g", ("reserved", t), ("delivered", t + H), ("picked_up", t + 2 * H),
                    location="loc-2", delivery_due=t + D, pickup_due=t + D),
    ]


def index(reservations: list[models.Reservation]) -> InsightsIndex:
    built = InsightsIndex(lambda location: MEXICO if location == "loc-1" else UTC)
    built.put(reservations)
    built.set_period(Period.between(START, END))
    return built


def test_lateness_dwell_and_when_of_one_location() -> None:
    built = index(week())
    figures = built.figures(END.timestamp(), location="loc-1").current
    # Delivered in the period: a, b, c; b late.  Picked up: a, b; b late.  Finished: a, b, d, e;
    # never delivered: d, e (e expired).
    assert figures.deliveries == {"a", "b", "c"}
    assert figures.lateness.delivered_late.ids == {"b"}
    assert figures.lateness.delivered_late.ratio == 1 / 3
    assert (figures.lateness.picked_late.count, figures.lateness.picked_late.total) == (1, 2)
    assert figures.lateness.never_delivered.ids == {"d", "e"}
    assert figures.lateness.never_delivered.total == 4
    assert figures.lateness.expired == 1
    # Late now (Monday 9 March 00:00): c past pick-up (due Saturday), f past delivery (due Friday).
    assert figures.lateness.late_pickup_now == {"c"}
    assert figures.lateness.late_delivery_now == {"f"}
    # Dwell: 4 h and 50 h: median (nearest rank) 4 h, p90 50 h; bins < 6 h and 48-72 h.
    assert (figures.dwell.count, figures.dwell.median_hours, figures.dwell.p90_hours) == (2, 4.0, 50.0)
    assert {b.upper_hours: b.ids for b in figures.dwell.bins if b.count} == {6.0: {"a"}, 72.0: {"b"}}
    # When, in Mexico City time: a delivered Monday 04:00; b and c delivered 18:00 on Monday and
    # Tuesday (00:00 UTC the next day); a picked up Monday 08:00, b Wednesday 20:00.
    deliveries = {slot: n for slot, n in enumerate(figures.when.deliveries) if n}
    assert deliveries == {When.slot(0, 4): 1, When.slot(0, 18): 1, When.slot(1, 18): 1}
    pickups = {slot: n for slot, n in enumerate(figures.when.pickups) if n}
    assert pickups == {When.slot(0, 8): 1, When.slot(2, 20): 1}


def test_occupancy_hour_by_hour_and_share_full() -> None:
    built = index(week())
    boxes = {("loc-1", "m"): Boxes(total=2, occupied=1), ("loc-1", "s"): Boxes(total=1, occupied=1)}
    medium = built.figures(END.timestamp(), location="loc-1", size="m", boxes=boxes).current
    occupancy = medium.occupancy
    assert len(occupancy.hourly) == 168
    # Parcels in the medium boxes: a from 10:00 to 14:00 (samples 10..13), b from hour 24 to 74.
    assert occupancy.hourly[9] == 0 and occupancy.hourly[10] == 1 and occupancy.hourly[14] == 0
    assert occupancy.hourly[24] == 1 and occupancy.hourly[73] == 1 and occupancy.hourly[74] == 0
    assert occupancy.peak == 1
    assert occupancy.mean == (4 + 50) / 168
    # Boxes taken (2 medium boxes): a 0-14 h, b 0-74 h, d 0-72 h, e 0-49 h, f from 72 h on.
    # Both taken: hours 0-13 (a, b, d, e), 14-71 (b, d, e / b, d), 72-73 (b, f) -> 74 of 168 hours.
    assert occupancy.full_share == 74 / 168
    assert (occupancy.boxes, occupancy.in_use_now, occupancy.free_now) == (2, 1, 1)
    small = built.figures(END.timestamp(), location="loc-1", size="s", boxes=boxes).current
    assert small.occupancy.hourly[47] == 0 and small.occupancy.hourly[48] == 1 and small.occupancy.peak == 1


def test_trend_compares_with_the_week_before() -> None:
    earlier = reservation("old", ("reserved", START - 6 * D), ("delivered", START - 5 * D),
                          ("picked_up", START - 5 * D + 2 * H), delivery_due=START - 4 * D,
                          pickup_due=START - 2 * D)
    built = index([*week(), earlier])
    insights = built.figures(END.timestamp(), location="loc-1")
    assert insights.previous.deliveries == {"old"}
    trend = insights.trends["deliveries"]
    assert (trend.current, trend.previous, trend.change, trend.relative) == (3.0, 1.0, 2.0, 2.0)
    assert insights.trends["dwell_median"].previous == 2.0


def test_rows_per_location_and_size_and_the_employee_limit() -> None:
    built = index(week())
    insights = built.figures(END.timestamp())
    keys = [(row.location, row.size) for row in insights.rows]
    assert keys == [("loc-1", "s"), ("loc-1", "m"), ("loc-2", "m")]
    assert insights.current.deliveries == {"a", "b", "c", "g"}
    mine = built.figures(END.timestamp(), allowed=["loc-2"])
    assert [(row.location, row.size) for row in mine.rows] == [("loc-2", "m")]
    assert mine.current.deliveries == {"g"}
    assert insights.late_by_location() == {"loc-1": (1, 1)}
    assert insights.past_pickup_by_key() == {("loc-1", "s"): 1}
    assert mine.late_by_location() == {}
    assert [row.lateness.late_pickup_now for row in insights.rows] == [{"c"}, frozenset(), frozenset()]


def test_a_changed_reservation_moves_between_cells_without_a_recount() -> None:
    items = week()
    built = index(items)
    fresh = index([])
    # c gets picked up on Sunday: the incremental index must equal one built from scratch.
    picked = reservation("c", ("reserved", START + D), ("delivered", START + 2 * D),
                         ("picked_up", START + 6 * D), size="s", delivery_due=START + 3 * D,
                         pickup_due=START + 5 * D)
    assert built.put([picked]) == 1
    assert built.put([picked]) == 0
    fresh.put([*(r for r in items if r.id != "c"), picked])
    fresh.set_period(Period.between(START, END))
    now = END.timestamp()
    assert built.figures(now) == fresh.figures(now)
    assert built.figures(now).current.lateness.late_pickup_now == frozenset()
    built.drop(["a"])
    assert "a" not in built.figures(now).current.deliveries


def test_percentile_and_facts_edges() -> None:
    assert percentile([], 0.5) is None
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.9) == 4.0
    assert facts_of(models.Reservation.model_validate({"event_history": []})) is None
    bare = facts_of(models.Reservation.model_validate({"id": "x"}))
    assert bare is not None and bare.size == "?" and bare.held_from is None
