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
