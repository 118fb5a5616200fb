"""What one signed-in desk knows about reservations and locations, and how it learns more (no Qt).

One `ReservationStore` per session. Everything the desk reads from Lok (list pages, a detail, the reply
to its own create/cancel/update, the sync engine's polls) is merged here; panes, the Today board and
the code inspector read from here and subscribe to `StoreChange` events instead of asking the server.

Merge rule (issue 9): an incoming copy replaces the known one when its event history is longer, or, at
equal history, when its `updated_at` is newer. History decides first because it only grows: after the
server clock moved back (the sandbox clock can be moved) or on a server that does not bump
`updated_at`, a reservation that gained an event is never overwritten by an older copy. A copy with
the same version changes nothing, except a reply read with `authoritative=True` (a #15 detail, the
answer to our own write), which may fill in fields a list variant left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from lok_desk.api import models
from lok_desk.core import rules
from lok_desk.core.token_index import TokenIndex, normalise


class Origin(Enum):
    """Where a change came from: notices are for what happened elsewhere, not for the desk's own act."""

    LOAD = "load"        # a list the person asked for (first load, F5, switching lists)
    SYNC = "sync"        # the live sync engine
    DETAIL = "detail"    # a reservation opened (#15)
    OWN = "own"          # the reply to this desk's own create/cancel/update/ship
    SNAPSHOT = "snapshot"  # the offline snapshot read at start


@dataclass(frozen=True)
class StatusChange:
    """A reservation's current status moved (`before` is None when the store did not know it)."""

    reservation_id: str
    before: str | None
    after: str

    @property
    def finished(self) -> bool:
        """It left the active views in this change."""
        return rules.is_finished(self.after) and not rules.is_finished(self.before)


@dataclass(frozen=True)
class StoreChange:
    """One merge's effect, as ids: listeners look the records up in the store."""

    origin: Origin
    inserted: tuple[str, ...] = ()     # reservations new to the store
    updated: tuple[str, ...] = ()      # known reservations whose record changed
    removed: tuple[str, ...] = ()      # reservations the store dropped
    statuses: tuple[StatusChange, ...] = ()
    locations: tuple[str, ...] = ()    # locations added or changed (e.g. free-box counts)

    def __bool__(self) -> bool:
        return bool(self.inserted or self.updated or self.removed or self.locations)

    @property
    def finished(self) -> tuple[str, ...]:
        """Ids that moved from active to finished."""
        return tuple(change.reservation_id for change in self.statuses if change.finished)


Listener = Callable[[StoreChange], None]


def newer(incoming: models.Reservation, known: models.Reservation) -> bool | None:
    """True: `incoming` is a later version; False: an older one; None: the same version.

    History only grows, so it decides first (a longer one wins, a shorter one is stale whatever its
    stamp says); at equal length (#16 changes fields, not history) the newer `updated_at` wins."""
    longer = len(incoming.event_history) - len(known.event_history)
    if longer:
        return longer > 0
    a, b = incoming.updated_at, known.updated_at
    if a is not None and b is not None and a != b:
        return a > b
    return None


def status_of(reservation: models.Reservation) -> str:
    return str(reservation.current_status or "")


@dataclass
class _Indexes:
    by_shipment: dict[str, str] = field(default_factory=dict)   # normalised shipment id -> id
    by_id: dict[str, str] = field(default_factory=dict)         # normalised reservation id -> id


class ReservationStore:
    """Reservations and locations by id, indexed by shipment id, reservation id, confirmation code and
    every known token; merges copies by the rule above and tells listeners what changed."""

    def __init__(self) -> None:
        self._reservations: dict[str, models.Reservation] = {}
        self._status: dict[str, str] = {}
        # Deadlines as epoch seconds (delivery, pick-up): overdue checks over 10,000 reservations must
        # not build a datetime per reservation on the Qt thread.
        self._due: dict[str, tuple[float | None, float | None]] = {}
        self._locations: dict[str, models.LocationDetail] = {}
        self._indexes = _Indexes()
        self.tokens = TokenIndex()
        self._listeners: list[Listener] = []
        #: Newest `updated_at` merged so far (the sync engine stops at it).
        self.newest_update: datetime | None = None

    def __repr__(self) -> str:
        return f"ReservationStore({len(self._reservations)} reservations, {len(self._locations)} locations)"

    # ---- listening ------------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(change)` after every merge that changed something; returns the unsubscribe."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _publish(self, change: StoreChange) -> StoreChange:
        if change:
            for listener in list(self._listeners):
                listener(change)
        return change

    # ---- reading --------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._reservations)

    def __contains__(self, reservation_id: object) -> bool:
        return reservation_id in self._reservations

    def __iter__(self) -> Iterator[models.Reservation]:
        return iter(list(self._reservations.values()))

    def get(self, reservation_id: str) -> models.Reservation | None:
        return self._reservations.get(reservation_id)

    def status(self, reservation_id: str) -> str | None:
        """The current status as last merged (None when unknown)."""
        return self._status.get(reservation_id)

    def ids(self) -> list[str]:
        return list(self._reservations)

    def active(self, location_id: str | None = None) -> list[models.Reservation]:
        """Reservations still in progress (optionally of one location)."""
        return [r for rid, r in self._reservations.items()
                if not rules.is_finished(self._status[rid])
                and (location_id is None or r.location_id == location_id)]

    def finished(self, location_id: str | None = None) -> list[models.Reservation]:
        """Picked up or cancelled reservations (optionally of one location)."""
        return [r for rid, r in self._reservations.items()
                if rules.is_finished(self._status[rid])
                and (location_id is None or r.location_id == location_id)]

    def overdue_ids(self, now: datetime) -> set[str]:
        """Active reservations past the deadline that applies (by `now`, the server's clock)."""
        instant = now.timestamp()
        status = self._status
        return {rid for rid, (delivery, pickup) in self._due.items()
                if rules.overdue_kind(status.get(rid, ""), delivery, pickup, instant) is not rules.Overdue.NO}

    def by_shipment_id(self, shipment_id: str) -> models.Reservation | None:
        found = self._indexes.by_shipment.get(normalise(shipment_id))
        return self._reservations.get(found) if found is not None else None

    def by_code(self, code: str) -> tuple[models.Reservation, str] | None:
        """(reservation, token kind) for a box-opening token or confirmation code the store knows."""
        hit = self.tokens.lookup(code)
        if hit is None or hit[0] not in self._reservations:
            return None
        return self._reservations[hit[0]], hit[1]

    def find(self, text: str) -> tuple[models.Reservation, str] | None:
        """What a customer or courier reads out: reservation id, shipment id, token or confirmation
        code. Returns (reservation, what matched: "id", "shipment_id" or the token kind)."""
        needle = text.strip()
        if not needle:
            return None
        direct = self._reservations.get(needle)
        if direct is not None:
            return direct, "id"
        folded = self._indexes.by_id.get(normalise(needle))
        if folded is not None:
            return self._reservations[folded], "id"
        by_shipment = self.by_shipment_id(needle)
        if by_shipment is not None:
            return by_shipment, "shipment_id"
        return self.by_code(needle)

    # ---- locations ------------------------------------------------------------------------------
    def location(self, location_id: str | None) -> models.LocationDetail | None:
        return self._locations.get(location_id or "")

    def locations(self) -> list[models.LocationDetail]:
        return list(self._locations.values())

    def set_locations(self, locations: Iterable[models.LocationDetail], origin: Origin = Origin.LOAD
                      ) -> StoreChange:
        """Replace the known locations (a full list was read)."""
        fresh = {location.id: location for location in locations}
        changed = tuple(lid for lid, location in fresh.items() if self._locations.get(lid) != location)
        gone = tuple(lid for lid in self._locations if lid not in fresh)
        self._locations = fresh
        return self._publish(StoreChange(origin, locations=changed + gone))

    def merge_location(self, location: models.LocationDetail, origin: Origin = Origin.SYNC) -> StoreChange:
        """One location read again (fresh free-box counts)."""
        if self._locations.get(location.id) == location:
            return StoreChange(origin)
        self._locations[location.id] = location
        return self._publish(StoreChange(origin, locations=(location.id,)))

    # ---- merging --------------------------------------------------------------------------------
    def merge(
        self, reservations: Iterable[models.Reservation], origin: Origin, *, authoritative: bool = False
    ) -> StoreChange:
        """Merge copies read from Lok; returns (and publishes) what changed."""
        inserted: list[str] = []
        updated: list[str] = []
        statuses: list[StatusChange] = []
        for incoming in reservations:
            reservation_id = incoming.id
            if not reservation_id:
                continue
            known = self._reservations.get(reservation_id)
            if known is not None:
                verdict = newer(incoming, known)
                if verdict is False or (verdict is None and (not authoritative or incoming == known)):
                    continue
            self._put(incoming)
            before = self._status.get(reservation_id)
            after = status_of(incoming)
            self._status[reservation_id] = after
            if known is None:
                inserted.append(reservation_id)
            else:
                updated.append(reservation_id)
            if before != after:
                statuses.append(StatusChange(reservation_id, before, after))
        return self._publish(StoreChange(origin, tuple(inserted), tuple(updated), statuses=tuple(statuses)))

    def merge_detail(
        self,
        result: models.ReservationWithTokens | models.ShipmentRequested | models.ReservationCancelled,
        origin: Origin = Origin.DETAIL,
        *,
        keep_tokens: bool = True,
    ) -> StoreChange:
        """A reply that carries one full reservation (and maybe its tokens): merge it, index its tokens
        (memory only) when `keep_tokens` (the person may see them)."""
        reservation = result.reservation
        tokens = getattr(result, "tokens", None)
        code = getattr(result, "confirmation_code", None)
        if keep_tokens and reservation.id and (tokens is not None or code):
            if tokens is not None and not any(tokens.token(kind) for kind in models.TOKEN_NAMES) and not code:
                pass  # the server sent none (include_tokens=false): keep what we knew
            else:
                self.tokens.put(reservation.id, tokens, code)
        return self.merge([reservation], origin, authoritative=True)

    def _put(self, reservation: models.Reservation) -> None:
        reservation_id = reservation.id or ""
        old = self._reservations.get(reservation_id)
        if old is not None and old.shipment_id and old.shipment_id != reservation.shipment_id:
            self._indexes.by_shipment.pop(normalise(old.shipment_id), None)
        self._reservations[reservation_id] = reservation
        self._due[reservation_id] = (
            reservation.delivery_due_date.timestamp() if reservation.delivery_due_date else None,
            reservation.pickup_due_date.timestamp() if reservation.pickup_due_date else None)
        self._indexes.by_id[normalise(reservation_id)] = reservation_id
        if reservation.shipment_id:
            self._indexes.by_shipment[normalise(reservation.shipment_id)] = reservation_id
        stamp = reservation.updated_at
        if stamp is not None and (self.newest_update is None or stamp > self.newest_update):
            self.newest_update = stamp

    def remove(self, reservation_ids: Iterable[str], origin: Origin = Origin.SYNC) -> StoreChange:
        """Drop reservations (gone from the server, or out of what this desk keeps)."""
        removed: list[str] = []
        for reservation_id in reservation_ids:
            reservation = self._reservations.pop(reservation_id, None)
            if reservation is None:
                continue
            self._status.pop(reservation_id, None)
            self._due.pop(reservation_id, None)
            self._indexes.by_id.pop(normalise(reservation_id), None)
            if reservation.shipment_id:
                self._indexes.by_shipment.pop(normalise(reservation.shipment_id), None)
            self.tokens.forget(reservation_id)
            removed.append(reservation_id)
        return self._publish(StoreChange(origin, removed=tuple(removed)))

    def clear(self) -> None:
        """Forget everything (sign-out); listeners hear the removals."""
        self.remove(list(self._reservations), Origin.LOAD)
        self._locations.clear()
        self.tokens.clear()
        self.newest_update = None
