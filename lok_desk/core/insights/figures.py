"""The insight figures of one selection (a location or all, a box size or all) over one period (no Qt).

Every count keeps the ids behind it, so a person can open exactly those reservations and check the
number. Definitions (also in docs/decisions.md):

- occupancy: `hourly` = parcels in the locker at each whole hour of the period (delivered, not yet
  picked up); `held_hourly` = boxes taken (from the reservation's first event until it finishes);
  `full_share` = share of those hours in which every box of the selection was taken, against the box
  counts the locations report now; `in_use_now` / `boxes` = the locations' own counts now;
- dwell: hours from delivery to pick-up of the parcels picked up in the period (median, 90th
  percentile by nearest rank, and a distribution);
- lateness: of the parcels delivered in the period, those delivered after their delivery deadline; of
  those picked up in the period, those picked up after their pick-up deadline; of the reservations
  that finished in the period, those that never reached the locker (cancelled or expired); and, at the
  moment of the figures, the reservations late now (waiting past the delivery deadline, in the locker
  past the pick-up deadline);
- when: deliveries and pick-ups of the period by weekday (Monday first) × hour, in the location's time.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from lok_desk.core.insights.cells import HOUR, WEEK_SLOTS, Cell, Period, SlotOf

#: Upper edges (hours) of the dwell-time distribution; the last bin is open.
DWELL_EDGES: tuple[float, ...] = (1.0, 6.0, 12.0, 24.0, 48.0, 72.0, 120.0, math.inf)


@dataclass(frozen=True)
class Share:
    """`count` out of `total`, with the ids behind `count`."""

    count: int
    total: int
    ids: frozenset[str] = frozenset()

    @property
    def ratio(self) -> float | None:
        return self.count / self.total if self.total else None


@dataclass(frozen=True)
class Occupancy:
    boxes: int                      # boxes of the selection (the locations' counts now)
    in_use_now: int                 # boxes taken now (the locations' counts)
    start: float                    # epoch seconds of the first hourly sample
    hourly: tuple[int, ...]         # parcels in the locker at each hour
    held_hourly: tuple[int, ...]    # boxes taken at each hour (as far as the desk's history tells)
    full_share: float | None        # share of hours with every box taken; None without boxes

    @property
    def peak(self) -> int:
        return max(self.hourly, default=0)

    @property
    def mean(self) -> float:
        return sum(self.hourly) / len(self.hourly) if self.hourly else 0.0

    @property
    def free_now(self) -> int:
        return max(0, self.boxes - self.in_use_now)


@dataclass(frozen=True)
class DwellBin:
    upper_hours: float              # inf for the last bin
    count: int
    ids: frozenset[str]


@dataclass(frozen=True)
class Dwell:
    count: int
    median_hours: float | None
    p90_hours: float | None
    bins: tuple[DwellBin, ...]
    ids: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lateness:
    delivered_late: Share           # of the parcels delivered in the period
    picked_late: Share              # of the parcels picked up in the period
    never_delivered: Share          # of the reservations that finished in the period
    expired: int                    # of never_delivered, those Lok expired (unconfirmed pre-reservations)
    late_delivery_now: frozenset[str]
    late_pickup_now: frozenset[str]


@dataclass(frozen=True)
class When:
    """168 counts each, Monday 00:00 first, in the location's local time."""

    deliveries: tuple[int, ...]
    pickups: tuple[int, ...]

    @staticmethod
    def slot(weekday: int, hour: int) -> int:
        return weekday * 24 + hour


@dataclass(frozen=True)
class Figures:
    period: Period
    location: str | None            # None: every location the person sees
    size: str | None                # None: every size
    occupancy: Occupancy
    dwell: Dwell
    lateness: Lateness
    when: When
    deliveries: frozenset[str] = field(default_factory=frozenset)
    pickups: frozenset[str] = field(default_factory=frozenset)


def percentile(values: Sequence[float], fraction: float) -> float | None:
    """Nearest-rank percentile of sorted `values` (None when empty)."""
    if not values:
        return None
    rank = max(1, math.ceil(fraction * len(values)))
    return values[min(rank, len(values)) - 1]


def _prefix(diff: Sequence[int], hours: int) -> tuple[int, ...]:
    return tuple(itertools.accumulate(diff[:hours]))


def _column_sums(arrays: Sequence[Sequence[int]], length: int) -> list[int]:
    if not arrays:
        return [0] * length
    if len(arrays) == 1:
        return list(arrays[0][:length])
    return [sum(column) for column in zip(*arrays, strict=True)][:length]


def _week(cells: Sequence[Cell], attribute: str, slot: SlotOf) -> tuple[int, ...]:
    """Per-hour counts (epoch hours) of every cell, as local weekday × hour slots."""
    week = [0] * WEEK_SLOTS
    for cell in cells:
        counts: dict[int, int] = getattr(cell, attribute)
        location = cell.location
        for hour, count in counts.items():
            if count:
                week[slot(location, hour * HOUR)] += count
    return tuple(week)


def _union(sets: Iterable[set[str]]) -> frozenset[str]:
    merged: set[str] = set()
    for part in sets:
        merged |= part
    return frozenset(merged)


def _dwell(cells: Sequence[Cell]) -> Dwell:
    pairs = sorted((hours, rid) for cell in cells for rid, hours in cell.dwell.items())
    values = [hours for hours, _rid in pairs]
    bins: list[DwellBin] = []
    index = 0
    for edge in DWELL_EDGES:
        ids: set[str] = set()
        while index < len(pairs) and (pairs[index][0] < edge or edge == math.inf):
            ids.add(pairs[index][1])
            index += 1
        bins.append(DwellBin(edge, len(ids), frozenset(ids)))
    return Dwell(len(values), percentile(values, 0.5), percentile(values, 0.9), tuple(bins),
                 frozenset(rid for _hours, rid in pairs))


def fold(
    period: Period,
    cells: Sequence[Cell],
    *,
    slot: SlotOf,
    location: str | None,
    size: str | None,
    boxes: int,
    in_use_now: int,
    late_delivery_now: frozenset[str] = frozenset(),
    late_pickup_now: frozenset[str] = frozenset(),
    week: bool = True,
) -> Figures:
    """The figures of the cells of one selection (their sum) over `period`; `week=False` leaves the
    weekday × hour grids empty (the table rows and the previous period do not show them)."""
    hours = period.hours
    in_locker = _column_sums([cell.in_locker for cell in cells], hours)
    held = _column_sums([cell.held for cell in cells], hours)
    held_hourly = _prefix(held, hours)
    full = (sum(1 for value in held_hourly if value >= boxes) / len(held_hourly)
            if boxes > 0 and held_hourly else None)
    occupancy = Occupancy(boxes, in_use_now, period.first_hour * 3600.0, _prefix(in_locker, hours),
                          held_hourly, full)
    delivered = _union(cell.delivered for cell in cells)
    picked = _union(cell.picked for cell in cells)
    closed = sum(len(cell.closed) for cell in cells)
    lateness = Lateness(
        delivered_late=Share(sum(len(c.delivered_late) for c in cells), len(delivered),
                             _union(c.delivered_late for c in cells)),
        picked_late=Share(sum(len(c.picked_late) for c in cells), len(picked),
                          _union(c.picked_late for c in cells)),
        never_delivered=Share(sum(len(c.never_delivered) for c in cells), closed,
                              _union(c.never_delivered for c in cells)),
        expired=sum(len(c.expired) for c in cells),
        late_delivery_now=late_delivery_now,
        late_pickup_now=late_pickup_now,
    )
    return Figures(period, location, size, occupancy, _dwell(cells), lateness,
                   When(_week(cells, "when_delivered", slot), _week(cells, "when_picked", slot)) if week
                   else When((0,) * WEEK_SLOTS, (0,) * WEEK_SLOTS),
                   delivered, picked)


@dataclass(frozen=True)
class Trend:
    """A figure now and in the previous period of the same length."""

    current: float | None
    previous: float | None

    @property
    def change(self) -> float | None:
        if self.current is None or self.previous is None:
            return None
        return self.current - self.previous

    @property
    def relative(self) -> float | None:
        """Change as a fraction of the previous value (None when that was 0 or unknown)."""
        change = self.change
        if change is None or not self.previous:
            return None
        return change / abs(self.previous)


def trends(current: Figures, previous: Figures) -> dict[str, Trend]:
    """The headline figures against the previous period, by a stable key the views word."""
    def pair(get: object) -> Trend:
        assert callable(get)
        return Trend(get(current), get(previous))

    return {
        "deliveries": pair(lambda f: float(len(f.deliveries))),
        "pickups": pair(lambda f: float(len(f.pickups))),
        "mean_in_locker": pair(lambda f: f.occupancy.mean),
        "peak_in_locker": pair(lambda f: float(f.occupancy.peak)),
        "full_share": pair(lambda f: f.occupancy.full_share),
        "dwell_median": pair(lambda f: f.dwell.median_hours),
        "dwell_p90": pair(lambda f: f.dwell.p90_hours),
        "delivered_late": pair(lambda f: f.lateness.delivered_late.ratio),
        "picked_late": pair(lambda f: f.lateness.picked_late.ratio),
        "never_delivered": pair(lambda f: f.lateness.never_delivered.ratio),
    }
