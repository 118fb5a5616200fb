"""The figures of every location and box size, kept current as the store changes (no Qt, no I/O).

`InsightsIndex` keeps one `Facts` per reservation and, for the chosen period and the one before it,
one `Cell` per (location, size). `put` takes the changed reservations out of their old cells and into
their new ones, so a sync round that merges a few reservations costs a few updates, not a recount.
It is not thread-safe: the presenter calls it from one worker thread at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
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

    @property
    def trends(self) -> dict[str, Trend]:
        return trends(self.current, self.previous)


class _PeriodCells:
    def __init__(self, period: Period, slot: SlotOf) -> None:
        self.period = period
        self.slot = slot
        self.cells: dict[Key, Cell] = {}

    def add(self, facts: Facts, sign: int) -> None:
        key = (facts.location, facts.size)
        cell = self.cells.get(key)
        if cell is None:
            cell = self.cells[key] = Cell(self.period.hours, facts.location)
        add(cell, facts, self.period, sign)


class InsightsIndex:
    """See the module docstring. `zone_of(location_id)` gives a location's time zone."""

    def __init__(self, zone_of: Callable[[str], tzinfo] | None = None) -> None:
        self.facts: dict[str, Facts] = {}
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
        for reservation in reservations:
            new = facts_of(reservation)
            if new is None:
                continue
            old = self.facts.get(new.id)
            if old == new:
                continue
            self.facts[new.id] = new
            self._swap(old, new)
            changed += 1
        return changed

    def drop(self, reservation_ids: Iterable[str]) -> int:
        dropped = 0
        for reservation_id in reservation_ids:
            old = self.facts.pop(reservation_id, None)
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

    def late_now(self, now: float, matches: Callable[[Facts], bool]) -> tuple[frozenset[str], frozenset[str]]:
        """(waiting past the delivery deadline, in the locker past pick-up) among `matches` at `now`."""
        delivery: set[str] = set()
        pickup: set[str] = set()
        for facts in self.facts.values():
            if facts.finished is not None or not matches(facts):
                continue
            late_delivery, late_pickup = facts.late_now(now)
            if late_delivery:
                delivery.add(facts.id)
            elif late_pickup:
                pickup.add(facts.id)
        return frozenset(delivery), frozenset(pickup)

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

        def wanted(key: Key) -> bool:
            return ((permitted is None or key[0] in permitted) and (location is None or key[0] == location)
                    and (size is None or key[1] == size))

        def select(cells: _PeriodCells, keys: Iterable[Key], *, late: bool) -> Figures:
            chosen = [key for key in keys if wanted(key)]
            box_keys = [key for key in boxes if wanted(key)]
            total = sum(boxes[key].total for key in box_keys)
            in_use = sum(boxes[key].occupied for key in box_keys)
            late_d, late_p = (self.late_now(now, lambda f: wanted((f.location, f.size)))
                              if late else (frozenset(), frozenset()))
            return fold(cells.period, [cells.cells[key] for key in chosen if key in cells.cells],
                        slot=cells.slot, location=location, size=size, boxes=total, in_use_now=in_use,
                        late_delivery_now=late_d, late_pickup_now=late_p)

        current = select(self._current, self._current.cells, late=True)
        previous = select(self._previous, self._previous.cells, late=False)
        per_key: list[Figures] = []
        if rows:
            late_d, late_p = self.late_now(now, lambda f: permitted is None or f.location in permitted)
            late_by_key: dict[Key, tuple[set[str], set[str]]] = {}
            for ids, which in ((late_d, 0), (late_p, 1)):
                for rid in ids:
                    key_of = self._key_of(rid)
                    if key_of is not None:
                        late_by_key.setdefault(key_of, (set(), set()))[which].add(rid)
            for key in self.keys(lambda lid: permitted is None or lid in permitted):
                if (location is not None and key[0] != location) or (size is not None and key[1] != size):
                    continue
                box = boxes.get(key, Boxes(0, 0))
                key_late = late_by_key.get(key, (set(), set()))
                per_key.append(fold(self._current.period, [self._current.cells[key]],
                                    slot=self._current.slot, location=key[0],
                                    size=key[1], boxes=box.total, in_use_now=box.occupied,
                                    late_delivery_now=frozenset(key_late[0]),
                                    late_pickup_now=frozenset(key_late[1])))
        return Insights(current, previous, tuple(per_key), now)

    def _key_of(self, reservation_id: str) -> Key | None:
        facts = self.facts.get(reservation_id)
        return (facts.location, facts.size) if facts is not None else None

    def late_by_location(self, now: float) -> dict[str, tuple[int, int]]:
        """Per location: (waiting past the delivery deadline, in the locker past pick-up) at `now` — the
        counts the Today board, the Locations tab and Free boxes show beside their own."""
        counts: dict[str, tuple[int, int]] = {}
        for facts in self.facts.values():
            if facts.finished is not None:
                continue
            late_delivery, late_pickup = facts.late_now(now)
            if late_delivery or late_pickup:
                known = counts.get(facts.location, (0, 0))
                counts[facts.location] = (known[0] + late_delivery, known[1] + late_pickup)
        return counts

    def past_pickup_by_key(self, now: float) -> dict[Key, int]:
        """Parcels in the locker past their pick-up deadline, per (location, size) (the thresholds)."""
        counts: dict[Key, int] = {}
        for facts in self.facts.values():
            if facts.finished is None and facts.late_now(now)[1]:
                key = (facts.location, facts.size)
                counts[key] = counts.get(key, 0) + 1
        return counts
