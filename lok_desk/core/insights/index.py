"""The figures of every location and box size, kept current as the store changes (no Qt, no I/O).

`InsightsIndex` keeps one `Facts` per reservation and, for the chosen period and the one before it,
one `Cell` per (location, size). `put` takes the changed reservations out of their old cells and into
their new ones, so a sync round that merges a few reservations costs a few updates, not a recount.
It is not thread-safe: the presenter calls it from one worker thread at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, tzinfo

from lok_desk.api import models
from lok_desk.core.insights.cells import Cell, Period, SlotOf, add, slot_function
from lok_desk.core.insights.facts import SIZES, UNKNOWN_SIZE, Facts, facts_of
from lok_desk.core.insights.figures import Figures, Trend, fold, trends

Key = tuple[str, str]   # (location id, size)


@dataclass(frozen=True)
class Boxes:
    """A location's box counts for one size, as the location reports them now."""

    total: int
    occupied: int

    @property
    def free_share(self) -> float | None:
        return max(0, self.total - self.occupied) / self.total if self.total else None


def box_counts(locations: Iterable[models.LocationDetail]) -> dict[Key, Boxes]:
    counts: dict[Key, Boxes] = {}
    for location in locations:
        for box in location.boxes:
            size = str(box.size or UNKNOWN_SIZE).lower()
            known = counts.get((location.id, size), Boxes(0, 0))
            counts[(location.id, size)] = Boxes(known.total + (box.total or 0),
                                                known.occupied + (box.occupied or 0))
    return counts


@dataclass(frozen=True)
class Insights:
    """One selection's figures now and in the previous period, and the per location × size rows."""

    current: Figures
    previous: Figures
    rows: tuple[Figures, ...]       # one per (location, size) the person sees, current period
    now: float
    #: Per (location, size) the person sees: (late for delivery, past pick-up) ids at `now`.
    late: Mapping[Key, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)

    def late_by_location(self) -> dict[str, tuple[int, int]]:
        return InsightsIndex.late_by_location(self.late)

    def past_pickup_by_key(self) -> dict[Key, int]:
        return InsightsIndex.past_pickup_by_key(self.late)

    @property
    def trends(self) -> dict[str, Trend]:
        return trends(self.current, self.previous)


class _PeriodCells:
    def __init__(self, period: Period, slot: SlotOf) -> None:
        self.period = period
        self.slot = slot
        self.cells: dict[Key, Cell] = {}

    def add(self, facts: Facts, sign: int) -> None:
        held_from = facts.held_from
        if held_from is None or held_from >= self.period.end:
            return      # nothing of it happened before the period's end (every event is >= held_from)
        finished = facts.finished
        if finished is not None and finished < self.period.start:
            return      # its box was free again before the period began
        key = (facts.location, facts.size)
        cell = self.cells.get(key)
        if cell is None:
            cell = self.cells[key] = Cell(self.period.hours, facts.location)
        add(cell, facts, self.period, sign)


class InsightsIndex:
    """See the module docstring. `zone_of(location_id)` gives a location's time zone."""

    def __init__(self, zone_of: Callable[[str], tzinfo] | None = None) -> None:
        self.facts: dict[str, Facts] = {}
        self._active: set[str] = set()      # not finished: the only ones that can be late now
        self._read: dict[str, models.Reservation] = {}   # the copy each facts entry was read from
        self._zone_of = zone_of or (lambda _location: UTC)
        self._current: _PeriodCells | None = None
        self._previous: _PeriodCells | None = None

    def __repr__(self) -> str:
        return f"InsightsIndex({len(self.facts)} reservations)"

    def __len__(self) -> int:
        return len(self.facts)

    @property
    def period(self) -> Period | None:
        return self._current.period if self._current is not None else None

    def set_zones(self, zone_of: Callable[[str], tzinfo]) -> None:
        """New time zones (the locations were read); the grids are recounted on the next period set."""
        self._zone_of = zone_of

    def set_period(self, period: Period) -> None:
        """Count every known reservation into the cells of `period` and the one before it."""
        slot = slot_function(self._zone_of)
        self._current = _PeriodCells(period, slot)
        self._previous = _PeriodCells(period.previous(), slot)
        current, previous = self._current, self._previous
        # Reservations whose box was freed before the previous period began count in neither.
        horizon = previous.period.start
        for facts in self.facts.values():
            finished = facts.finished
            if finished is not None and finished < horizon:
                continue
            current.add(facts, 1)
            previous.add(facts, 1)

    def _swap(self, old: Facts | None, new: Facts | None) -> None:
        for cells in (self._current, self._previous):
            if cells is None:
                continue
            if old is not None:
                cells.add(old, -1)
            if new is not None:
                cells.add(new, 1)

    def put(self, reservations: Iterable[models.Reservation]) -> int:
        """Take in new or changed reservations; returns how many changed the facts."""
        changed = 0
        read = self._read
        for reservation in reservations:
            if reservation.id is not None and read.get(reservation.id) is reservation:
                continue    # this very copy was read already (the store hands out the same object)
            new = facts_of(reservation)
            if new is None:
                continue
            read[new.id] = reservation
            old = self.facts.get(new.id)
            if old == new:
                continue
            self.facts[new.id] = new
            if new.finished is None:
                self._active.add(new.id)
            else:
                self._active.discard(new.id)
            self._swap(old, new)
            changed += 1
        return changed

    def drop(self, reservation_ids: Iterable[str]) -> int:
        dropped = 0
        for reservation_id in reservation_ids:
            old = self.facts.pop(reservation_id, None)
            self._active.discard(reservation_id)
            self._read.pop(reservation_id, None)
            if old is not None:
                self._swap(old, None)
                dropped += 1
        return dropped

    # ---- reading ------------------------------------------------------------------------------------
    def keys(self, allowed: Callable[[str], bool] = lambda _location: True) -> list[Key]:
        """Every (location, size) with reservations in the period, in location then size order."""
        seen = set(self._current.cells) if self._current is not None else set()
        order = {size: position for position, size in enumerate((*SIZES, UNKNOWN_SIZE))}
        return sorted((key for key in seen if allowed(key[0])),
                      key=lambda key: (key[0], order.get(key[1], len(order)), key[1]))

    def late_by_key(self, now: float) -> dict[Key, tuple[frozenset[str], frozenset[str]]]:
        """Per (location, size): (waiting past the delivery deadline, in the locker past pick-up) at
        `now`. One pass over the active reservations; every "late now" figure is read from it."""
        found: dict[Key, tuple[set[str], set[str]]] = {}
        facts_of_id = self.facts
        for rid in self._active:
            facts = facts_of_id[rid]
            late_delivery, late_pickup = facts.late_now(now)
            if late_delivery or late_pickup:
                sets = found.setdefault((facts.location, facts.size), (set(), set()))
                sets[0 if late_delivery else 1].add(rid)
        return {key: (frozenset(d), frozenset(p)) for key, (d, p) in found.items()}

    def figures(
        self,
        now: float,
        *,
        location: str | None = None,
        size: str | None = None,
        boxes: Mapping[Key, Boxes] | None = None,
        allowed: Sequence[str] | None = None,
        rows: bool = True,
    ) -> Insights:
        """The figures of one selection (None = all) over the period set, limited to `allowed` locations
        (the employee's own one) when given; `rows` adds one `Figures` per (location, size)."""
        if self._current is None or self._previous is None:
            raise RuntimeError("set_period() first")
        boxes = boxes or {}
        permitted = set(allowed) if allowed is not None else None
        late = {key: sets for key, sets in self.late_by_key(now).items()
                if permitted is None or key[0] in permitted}

        def wanted(key: Key) -> bool:
            return ((permitted is None or key[0] in permitted) and (location is None or key[0] == location)
                    and (size is None or key[1] == size))

        def late_of(keys: Iterable[Key]) -> tuple[frozenset[str], frozenset[str]]:
            chosen = [late[key] for key in keys if key in late]
            return (frozenset().union(*(d for d, _p in chosen)), frozenset().union(*(p for _d, p in chosen)))

        def select(cells: _PeriodCells, *, current: bool) -> Figures:
            chosen = [cell for key, cell in cells.cells.items() if wanted(key)]
            box_keys = [key for key in boxes if wanted(key)]
            nobody: frozenset[str] = frozenset()
            late_d, late_p = late_of(key for key in late if wanted(key)) if current else (nobody, nobody)
            return fold(cells.period, chosen, slot=cells.slot, location=location, size=size,
                        boxes=sum(boxes[key].total for key in box_keys),
                        in_use_now=sum(boxes[key].occupied for key in box_keys),
                        late_delivery_now=late_d, late_pickup_now=late_p, week=current)

        per_key: list[Figures] = []
        if rows:
            for key in self.keys(lambda lid: permitted is None or lid in permitted):
                if not wanted(key):
                    continue
                box = boxes.get(key, Boxes(0, 0))
                late_d, late_p = late_of([key])
                per_key.append(fold(self._current.period, [self._current.cells[key]],
                                    slot=self._current.slot, location=key[0], size=key[1],
                                    boxes=box.total, in_use_now=box.occupied, late_delivery_now=late_d,
                                    late_pickup_now=late_p, week=False))
        return Insights(select(self._current, current=True), select(self._previous, current=False),
                        tuple(per_key), now, late)

    @staticmethod
    def late_by_location(late: Mapping[Key, tuple[frozenset[str], frozenset[str]]]
                         ) -> dict[str, tuple[int, int]]:
        """Per location: (waiting past the delivery deadline, in the locker past pick-up) — the counts
        the Today board, the Locations tab and Free boxes show beside their own."""
        counts: dict[str, tuple[int, int]] = {}
        for (location, _size), (delivery, pickup) in late.items():
            known = counts.get(location, (0, 0))
            counts[location] = (known[0] + len(delivery), known[1] + len(pickup))
        return counts

    @staticmethod
    def past_pickup_by_key(late: Mapping[Key, tuple[frozenset[str], frozenset[str]]]) -> dict[Key, int]:
        """Parcels in the locker past their pick-up deadline, per (location, size) (the thresholds)."""
        return {key: len(pickup) for key, (_delivery, pickup) in late.items() if pickup}
