"""Thresholds tell a crossing once, re-arm when the level comes back, and survive bad saved settings."""

from __future__ import annotations

from lok_desk.core.insights import Boxes
from lok_desk.core.insights.thresholds import Limit, Threshold, ThresholdWatch, read_thresholds

FREE = Threshold("loc-1", "m", Limit.FREE_BELOW_PERCENT, 25)
LATE = Threshold("loc-1", None, Limit.PAST_PICKUP_ABOVE, 2)


def boxes(occupied: int) -> dict[tuple[str, str], Boxes]:
    return {("loc-1", "m"): Boxes(total=8, occupied=occupied), ("loc-2", "m"): Boxes(total=8, occupied=8)}


def test_free_boxes_under_a_share_notify_once_per_crossing() -> None:
    watch = ThresholdWatch([FREE])
    assert watch.check(boxes(5), {}) == []               # 3 of 8 free = 37.5 %
    crossed = watch.check(boxes(7), {})                  # 12.5 %: crossed
    assert [(c.threshold, c.level) for c in crossed] == [(FREE, 12.5)]
    assert watch.check(boxes(8), {}) == []               # still under: no second notice
    assert watch.check(boxes(6), {}) == []               # 25 %: back at the limit (not under)
    assert len(watch.check(boxes(7), {})) == 1           # crossed again


def test_parcels_past_pick_up_count_every_size_of_the_location() -> None:
    watch = ThresholdWatch([LATE])
    assert watch.check({}, {("loc-1", "s"): 1, ("loc-1", "m"): 1, ("loc-2", "m"): 9}) == []
    crossed = watch.check({}, {("loc-1", "s"): 2, ("loc-1", "m"): 1})
    assert [c.level for c in crossed] == [3.0]
    # Changing the list keeps the state of a threshold that stays, so it is not told again.
    watch.set_thresholds([LATE, FREE])
    assert watch.check(boxes(0), {("loc-1", "s"): 3}) == []
    assert watch.over() == {LATE}


def test_saved_thresholds_are_read_leniently() -> None:
    saved = [FREE.to_dict(), LATE.to_dict(), {"location": "x"},
             {"location": "x", "limit": "nope", "value": 1},
             {"location": "x", "limit": "free_below_percent", "value": 140}, "junk"]
    assert read_thresholds(saved) == [FREE, LATE]
    assert read_thresholds({"not": "a list"}) == []


def test_late_counts_per_location_follow_the_boards_rule() -> None:
    from datetime import UTC, datetime, timedelta

    from lok_desk.api import models
    from lok_desk.core.insights.late import LateCount, late_by_location

    now = datetime(2026, 3, 3, 12, tzinfo=UTC)
    day = timedelta(days=1)

    def one(rid: str, location: str, *statuses: str, delivery: datetime, pickup: datetime | None = None,
            confirmed: bool = True) -> models.Reservation:
        return models.Reservation.model_validate({
            "id": rid, "location": location, "is_confirmed": confirmed,
            "delivery_due_date": delivery.isoformat(),
            "pickup_due_date": pickup.isoformat() if pickup else None,
            "event_history": [{"status": s, "date": (now - 5 * day).isoformat()} for s in statuses]})

    items = [
        one("a", "loc-1", "reserved", delivery=now - day),                                    # late delivery
        one("b", "loc-1", "reserved", "delivered", delivery=now - 2 * day, pickup=now - day),  # past pick-up
        one("c", "loc-1", "reserved", "delivered", "picked_up", delivery=now - 2 * day, pickup=now - day),
        one("d", "loc-2", "pending", delivery=now - day, confirmed=False),                    # Lok expires it
        one("e", "loc-2", "reserved", delivery=now + day),                                    # not due yet
        one("f", "loc-2", "reserved", "delivered", delivery=now - day, pickup=now - day),
    ]
    assert late_by_location(items, now) == {"loc-1": LateCount(1, 1), "loc-2": LateCount(0, 1)}
