"""How many reservations are late right now at each location (no Qt): the counts the Today board, the
Locations tab and Free boxes show beside their own. The Today board's rule (lok_desk.core.today), also
the Insights pane's: reserved past the delivery deadline, in the locker past the pick-up deadline. A
pending pre-reservation past its date is not counted: Lok expires it rather than waiting for it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from lok_desk.api import models
from lok_desk.core import rules


@dataclass(frozen=True)
class LateCount:
    delivery: int = 0     # waiting for delivery past its deadline
    pickup: int = 0       # in the locker past its pick-up deadline

    @property
    def total(self) -> int:
        return self.delivery + self.pickup


def late_by_location(reservations: Iterable[models.Reservation], now: datetime) -> dict[str, LateCount]:
    """Per location id, the reservations late at `now` (the server's clock); locations with none are left
    out."""
    instant = now.timestamp()
    counts: dict[str, list[int]] = {}
    for reservation in reservations:
        status = str(reservation.current_status or "")
        if status == "reserved":
            due, which = reservation.delivery_due_date, 0
        elif status in rules.IN_LOCKER:
            due, which = reservation.pickup_due_date, 1
        else:
            continue
        if due is None or due.timestamp() >= instant:
            continue
        counts.setdefault(reservation.location_id or "", [0, 0])[which] += 1
    return {location: LateCount(*pair) for location, pair in counts.items()}
