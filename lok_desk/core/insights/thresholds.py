"""Limits an owner sets per location and box size, and when a level crosses one (no Qt).

Two kinds: "free boxes under N %" (the location's own box counts) and "more than N parcels past
pick-up" (the reservations the desk knows). `ThresholdWatch.check` returns a `Crossing` only when a
level goes over its limit, once: it fires again only after the level came back within the limit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from lok_desk.core.insights.index import Boxes, Key


class Limit(StrEnum):
    FREE_BELOW_PERCENT = "free_below_percent"
    PAST_PICKUP_ABOVE = "past_pickup_above"


@dataclass(frozen=True)
class Threshold:
    """`size` None: every size of the location together."""

    location: str
    size: str | None
    limit: Limit
    value: float

    def to_dict(self) -> dict[str, Any]:
        return {"location": self.location, "size": self.size, "limit": self.limit.value, "value": self.value}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Threshold | None:
        """A threshold from saved settings; None for anything unreadable (never an exception)."""
        try:
            location = str(data["location"])
            size = data.get("size")
            limit = Limit(str(data["limit"]))
            value = float(data["value"])
        except (KeyError, TypeError, ValueError):
            return None
        if not location or value < 0 or (limit is Limit.FREE_BELOW_PERCENT and value > 100):
            return None
        return cls(location, str(size).lower() if size else None, limit, value)


def read_thresholds(saved: object) -> list[Threshold]:
    """The thresholds of a saved list of dicts, skipping what cannot be read."""
    if not isinstance(saved, list):
        return []
    read = (Threshold.from_dict(item) for item in saved if isinstance(item, Mapping))
    return [threshold for threshold in read if threshold is not None]


@dataclass(frozen=True)
class Crossing:
    """A level that went over its limit: `level` is the free share in % or the parcel count."""

    threshold: Threshold
    level: float


def level_of(
    threshold: Threshold, boxes: Mapping[Key, Boxes], past_pickup: Mapping[Key, int]
) -> float | None:
    """The threshold's current level; None when it cannot be known (a location without boxes)."""
    def matches(key: Key) -> bool:
        return key[0] == threshold.location and (threshold.size is None or key[1] == threshold.size)

    if threshold.limit is Limit.FREE_BELOW_PERCENT:
        chosen = [count for key, count in boxes.items() if matches(key)]
        total = sum(count.total for count in chosen)
        if not total:
            return None
        free = sum(max(0, count.total - count.occupied) for count in chosen)
        return 100.0 * free / total
    return float(sum(count for key, count in past_pickup.items() if matches(key)))


def is_over(threshold: Threshold, level: float) -> bool:
    if threshold.limit is Limit.FREE_BELOW_PERCENT:
        return level < threshold.value
    return level > threshold.value


class ThresholdWatch:
    """Remembers which thresholds are over their limit, so each crossing is told once."""

    def __init__(self, thresholds: Iterable[Threshold] = ()) -> None:
        self.thresholds: tuple[Threshold, ...] = tuple(thresholds)
        self._over: set[Threshold] = set()

    def __repr__(self) -> str:
        return f"ThresholdWatch({len(self.thresholds)} thresholds, {len(self._over)} over)"

    def set_thresholds(self, thresholds: Sequence[Threshold]) -> None:
        """New limits; one that stays unchanged keeps its state (no second notice for the same crossing)."""
        self.thresholds = tuple(dict.fromkeys(thresholds))
        self._over &= set(self.thresholds)

    def over(self) -> frozenset[Threshold]:
        return frozenset(self._over)

    def check(self, boxes: Mapping[Key, Boxes], past_pickup: Mapping[Key, int]) -> list[Crossing]:
        """The thresholds that crossed since the last check."""
        crossings: list[Crossing] = []
        for threshold in self.thresholds:
            level = level_of(threshold, boxes, past_pickup)
            if level is None:
                continue
            if is_over(threshold, level):
                if threshold not in self._over:
                    self._over.add(threshold)
                    crossings.append(Crossing(threshold, level))
            else:
                self._over.discard(threshold)
        return crossings
