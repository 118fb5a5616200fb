"""Per location and box size, one period's tallies, kept up to date one reservation at a time (no Qt).

A `Cell` holds what the figures of one (location, size) need for one period: two hourly difference
arrays (parcels in the locker, boxes taken), the ids behind every count, the dwell times, and the
weekday × hour grids in the location's own time. `add(facts, +1)` and `add(facts, -1)` are exact
inverses, so when sync merges a newer copy of a reservation the old copy is taken out and the new one
put in, and nothing is recounted from scratch.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from lok_desk.core.insights.facts import Facts

HOUR = 3600.0
WEEK_SLOTS = 7 * 24


@dataclass(frozen=True)
class Period:
    """[start, end) in epoch seconds; the hourly samples are start, start + 1 h, … before end."""

    start: float
    end: float

    @classmethod
    def last_days(cls, days: int, now: datetime) -> Period:
        """The last `days` days up to the end of the current hour: what happens later this hour still
        counts without a recount; the presenter moves the period on once the hour is over."""
        end = math.ceil(now.timestamp() / HOUR) * HOUR
        if end == now.timestamp():
            end += HOUR
        return cls(end - days * 86400.0, end)

    @classmethod
    def between(cls, start: datetime, end: datetime) -> Period:
        first, last = start.timestamp(), end.timestamp()
        return cls(min(first, last), max(first, last))

    @property
    def length(self) -> float:
        return self.end - self.start

    @functools.cached_property
    def first_hour(self) -> int:
        """The epoch hour of the first sample (the first whole hour at or after `start`)."""
        return math.ceil(self.start / HOUR)

    @property
    def hours(self) -> int:
        """How many hourly samples: whole hours h with start <= h < end."""
        return max(0, math.ceil(self.end / HOUR) - self.first_hour)

    @property
    def days(self) -> float:
        return self.length / 86400.0

    def previous(self) -> Period:
        """The period of the same length just before this one (what the trend compares with)."""
        return Period(self.start - self.length, self.start)

    def clipped(self, now: float) -> Period:
        """Not past `now`: the future has no history yet."""
        return Period(min(self.start, now), min(self.end, now))

    def contains(self, instant: float | None) -> bool:
        return instant is not None and self.start <= instant < self.end

    def start_datetime(self) -> datetime:
        return datetime.fromtimestamp(self.start, UTC)

    def end_datetime(self) -> datetime:
        return datetime.fromtimestamp(self.end, UTC)


class Cell:
    """One (location, size) over one period; see the module docstring."""

    __slots__ = (
        "closed", "delivered", "delivered_late", "dwell", "expired", "held", "in_locker", "location",
        "never_delivered", "picked", "picked_late", "when_delivered", "when_picked",
    )

    def __init__(self, hours: int, location: str = "") -> None:
        self.location = location
        self.in_locker = [0] * (hours + 1)
        self.held = [0] * (hours + 1)
        self.delivered: set[str] = set()
        self.delivered_late: set[str] = set()
        self.picked: set[str] = set()
        self.picked_late: set[str] = set()
        self.closed: set[str] = set()
        self.never_delivered: set[str] = set()
        self.expired: set[str] = set()
        self.dwell: dict[str, float] = {}
        # Counts by UTC epoch hour; turned into local weekday × hour when folded (a few thousand
        # distinct hours instead of one time-zone conversion per reservation).
        self.when_delivered: dict[int, int] = {}
        self.when_picked: dict[int, int] = {}

    def __repr__(self) -> str:
        return f"Cell({len(self.delivered)} delivered, {len(self.picked)} picked up)"


SlotOf = Callable[[str, float], int]


def slot_function(zone_of: Callable[[str], tzinfo]) -> SlotOf:
    """`slot(location, instant)`: weekday × 24 + hour of `instant` in the location's local time.

    Offsets are cached per location and UTC hour: a zone changes its offset on whole hours here (every
    IANA zone the locations use), and 100,000 conversions through zoneinfo would dominate the tally."""
    cache: dict[tuple[str, int], int] = {}

    def slot(location: str, instant: float) -> int:
        hour = int(instant // HOUR)
        key = (location, hour)
        found = cache.get(key)
        if found is None:
            local = datetime.fromtimestamp(hour * HOUR, zone_of(location))
            found = cache[key] = local.weekday() * 24 + local.hour
            offset_minutes = local.utcoffset() or timedelta(0)
            if offset_minutes.total_seconds() % HOUR:
                # A half- or quarter-hour zone: the cached hour start is not the local hour start.
                del cache[key]
                exact = datetime.fromtimestamp(instant, zone_of(location))
                return exact.weekday() * 24 + exact.hour
        return found

    return slot


def add(cell: Cell, facts: Facts, period: Period, sign: int) -> None:
    """Count `facts` into `cell` (sign +1) or take it out again (sign -1).

    Written out flat on purpose: it runs for every reservation twice (period and previous period)
    whenever the period changes, and a helper call per span doubled its cost."""
    rid = facts.id
    first_hour = period.first_hour
    in_locker = cell.in_locker
    hours = len(in_locker) - 1
    since = facts.delivered_h
    if since is not None:
        first = since - first_hour
        until = facts.picked_h
        last = hours if until is None else min(hours, until - first_hour)
        if first < 0:
            first = 0
        if first < last:
            in_locker[first] += sign
            in_locker[last] -= sign
    since = facts.held_h
    if since is not None:
        first = since - first_hour
        until = facts.finished_h
        last = hours if until is None else min(hours, until - first_hour)
        if first < 0:
            first = 0
        if first < last:
            held = cell.held
            held[first] += sign
            held[last] -= sign
    start, end = period.start, period.end
    delivered = facts.delivered
    if delivered is not None and start <= delivered < end:
        late = facts.delivery_due is not None and delivered > facts.delivery_due
        if sign > 0:
            cell.delivered.add(rid)
            if late:
                cell.delivered_late.add(rid)
        else:
            cell.delivered.discard(rid)
            cell.delivered_late.discard(rid)
        hour = int(delivered // HOUR)
        cell.when_delivered[hour] = cell.when_delivered.get(hour, 0) + sign
    picked = facts.picked
    if picked is not None and start <= picked < end:
        late = facts.pickup_due is not None and picked > facts.pickup_due
        if sign > 0:
            cell.picked.add(rid)
            if late:
                cell.picked_late.add(rid)
            if delivered is not None:
                cell.dwell[rid] = max(0.0, picked - delivered) / HOUR
        else:
            cell.picked.discard(rid)
            cell.picked_late.discard(rid)
            cell.dwell.pop(rid, None)
        hour = int(picked // HOUR)
        cell.when_picked[hour] = cell.when_picked.get(hour, 0) + sign
    finished = facts.finished
    if finished is not None and start <= finished < end:
        if sign > 0:
            cell.closed.add(rid)
            if facts.never_delivered:
                cell.never_delivered.add(rid)
                if facts.expired:
                    cell.expired.add(rid)
        else:
            cell.closed.discard(rid)
            cell.never_delivered.discard(rid)
            cell.expired.discard(rid)
