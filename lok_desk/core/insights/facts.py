"""What the insight figures read from one reservation: its history boiled down to a few instants (no Qt).

Building these from the pydantic models is the expensive part of the figures (dates parsed, history
scanned), so it happens once per reservation version and is kept; the figures then only compare floats.
Times are epoch seconds (UTC).
"""

from __future__ import annotations

import math
from typing import NamedTuple

from lok_desk.api import models
from lok_desk.core.codes import PRE_RESERVATION_GRACE

#: The box sizes in their natural order; a reservation without a known size counts under "?".
SIZES: tuple[str, ...] = ("s", "m", "l", "xl")
UNKNOWN_SIZE = "?"
IN_LOCKER = frozenset({"delivered", "reopened", "reopened2"})
FINISHED = frozenset({"picked_up", "cancelled"})
_GRACE_S = PRE_RESERVATION_GRACE.total_seconds()


class Facts(NamedTuple):
    """One reservation as the figures see it (a tuple: it is built for every reservation version, and a
    frozen dataclass's field-by-field set-up doubled the cost).

    `held_from` is when its box was taken (the first event, else `created`): a box stays taken until
    the reservation finishes, whether or not the parcel is in it yet."""

    id: str
    location: str
    size: str
    status: str
    held_from: float | None
    delivered: float | None     # first time in the locker
    picked: float | None        # picked up
    cancelled: float | None
    delivery_due: float | None
    pickup_due: float | None
    expired: bool               # an unconfirmed pre-reservation Lok cancelled itself
    finished: float | None      # picked up or cancelled, whichever came
    never_delivered: bool       # finished without the parcel ever reaching the locker
    # The same instants as whole hours rounded up (epoch hours): the first hourly sample at or after
    # each, so the hour-by-hour tallies do integer sums only.
    held_h: int | None = None
    delivered_h: int | None = None
    picked_h: int | None = None
    finished_h: int | None = None

    def late_now(self, now: float) -> tuple[bool, bool]:
        """(waiting for delivery past its deadline, in the locker past its pick-up deadline) at `now`.

        As the Today board counts (lok_desk.core.today): a pending pre-reservation is not late for
        delivery (Lok expires it instead)."""
        if self.status == "reserved":
            return (self.delivery_due is not None and self.delivery_due < now, False)
        if self.status in IN_LOCKER:
            return (False, self.pickup_due is not None and self.pickup_due < now)
        return (False, False)


def _hour(instant: float | None) -> int | None:
    return None if instant is None else math.ceil(instant / 3600.0)


def _stamp(value: object) -> float | None:
    timestamp = getattr(value, "timestamp", None)
    return float(timestamp()) if timestamp is not None else None


def facts_of(reservation: models.Reservation) -> Facts | None:
    """The facts of one reservation as Lok sent it; None when it has no id."""
    if not reservation.id:
        return None
    first: float | None = None
    delivered = picked = cancelled = None
    reserved_seen = False
    # The current status: the latest dated event (ties: the later entry), as Reservation.current_status
    # decides, without building the list it builds.
    status: object = None
    status_when = -math.inf
    undated_last: object = None
    all_dated = True
    for event in reservation.event_history:
        event_status = event.status
        if event_status is None:
            continue
        date = event.date
        when = date.timestamp() if date is not None else None
        undated_last = event_status
        if when is None:
            all_dated = False
        else:
            if when >= status_when:
                status, status_when = event_status, when
            if first is None or when < first:
                first = when
        if event_status == "reserved":
            reserved_seen = True
        elif event_status in IN_LOCKER:
            if when is not None and (delivered is None or when < delivered):
                delivered = when
        elif event_status == "picked_up":
            picked = when if picked is None else picked
        elif event_status == "cancelled":
            cancelled = when if cancelled is None else cancelled
    if not all_dated:
        status = undated_last
    delivery_due = _stamp(reservation.delivery_due_date)
    expired = (cancelled is not None and not reserved_seen and not reservation.is_confirmed
               and delivery_due is not None and cancelled >= delivery_due + _GRACE_S)
    held_from = first if first is not None else _stamp(reservation.created_at)
    finished = picked if picked is not None else cancelled
    size = (reservation.locker.size if reservation.locker is not None else None) or UNKNOWN_SIZE
    return Facts(
        reservation.id, reservation.location_id or "", str(size).lower(), str(status or ""), held_from,
        delivered, picked, cancelled, delivery_due, _stamp(reservation.pickup_due_date), expired,
        finished, cancelled is not None and delivered is None,
        _hour(held_from), _hour(delivered), _hour(picked), _hour(finished),
    )
