"""The Today board's buckets: what needs the desk today, from the reservations the store holds (no Qt).

"Today" is the locker's own calendar day (its IANA zone), since that is the day the courier and the
recipient live in. Buckets:

- arriving today: waiting for delivery (reserved) with the delivery deadline later today;
- overdue for delivery: reserved and past the delivery deadline, never delivered (days late);
- waiting past pick-up: in the locker past the pick-up deadline (days late);
- pre-reservations about to expire: unconfirmed, and Lok cancels them within `EXPIRING_WITHIN`
  (24 h after their delivery date);
- delivered today, picked up today: what already happened today (for the end-of-day look);
- resolved: rows that left the attention buckets in the last `RESOLVED_FOR` (30 days), so a
  reservation that was overdue and then got delivered, picked up, cancelled or expired stays findable
  instead of vanishing. Without having seen it on the board, a finished reservation counts as resolved
  when its history shows it was late (picked up after its pick-up deadline, cancelled or expired after
  missing its delivery deadline).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from enum import StrEnum

from lok_desk.api import models
from lok_desk.core.codes import PRE_RESERVATION_GRACE, status_of, was_expired
from lok_desk.core.csv_export import ident
from lok_desk.core.store import Origin, ReservationStore
from lok_desk.core.walks import Call, ReservationLister, reservation_walk

#: The board reads at most this many pages (of 100) of each list it loads.
BOARD_PAGES = 20
EXPIRING_WITHIN = timedelta(hours=24)
RESOLVED_FOR = timedelta(days=30)
_IN_LOCKER = frozenset({"delivered", "reopened", "reopened2"})


class Bucket(StrEnum):
    ARRIVING_TODAY = "arriving_today"
    OVERDUE_DELIVERY = "overdue_delivery"
    WAITING_PAST_PICKUP = "waiting_past_pickup"
    EXPIRING_PRE = "expiring_pre"
    DELIVERED_TODAY = "delivered_today"
    PICKED_UP_TODAY = "picked_up_today"
    RESOLVED = "resolved"


#: Buckets that ask for action; leaving one of them is what "resolved" means.
ATTENTION = (Bucket.ARRIVING_TODAY, Bucket.OVERDUE_DELIVERY, Bucket.WAITING_PAST_PICKUP, Bucket.EXPIRING_PRE)


@dataclass(frozen=True)
class BoardRow:
    """One line of the board: the reservation, and the date the bucket is about."""

    reservation: models.Reservation
    bucket: Bucket
    when: datetime | None = None     # the deadline, or when it was delivered / picked up / resolved
    days_late: int | None = None     # whole days past the deadline (overdue and past pick-up)

    @property
    def reservation_id(self) -> str:
        return self.reservation.id or ""

    @property
    def never_delivered(self) -> bool:
        return not self.reservation.is_delivered


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _same_local_day(a: datetime, b: datetime, zone: tzinfo) -> bool:
    return _aware(a).astimezone(zone).date() == _aware(b).astimezone(zone).date()


def _days_late(deadline: datetime, now: datetime) -> int:
    return max(0, (now - _aware(deadline)).days)


def _last_event(reservation: models.Reservation) -> datetime | None:
    dates = [event.date for event in reservation.event_history if event.date is not None]
    return max(dates) if dates else None


def attention_bucket(reservation: models.Reservation, now: datetime, zone: tzinfo,
                     expiring_within: timedelta = EXPIRING_WITHIN) -> BoardRow | None:
    """The attention bucket an active reservation is in now, if any."""
    status = status_of(reservation)
    delivery_due = reservation.delivery_due_date
    if status == "pending" and not reservation.is_confirmed and delivery_due is not None:
        expires = _aware(delivery_due) + PRE_RESERVATION_GRACE
        if now < expires <= now + expiring_within:
            return BoardRow(reservation, Bucket.EXPIRING_PRE, expires)
        return None
    if status == "reserved" and delivery_due is not None:
        if _aware(delivery_due) < now:
            return BoardRow(reservation, Bucket.OVERDUE_DELIVERY, delivery_due, _days_late(delivery_due, now))
        if _same_local_day(delivery_due, now, zone):
            return BoardRow(reservation, Bucket.ARRIVING_TODAY, delivery_due)
        return None
    pickup_due = reservation.pickup_due_date
    if status in _IN_LOCKER and pickup_due is not None and _aware(pickup_due) < now:
        return BoardRow(reservation, Bucket.WAITING_PAST_PICKUP, pickup_due, _days_late(pickup_due, now))
    return None


def _was_late(reservation: models.Reservation) -> bool:
    """A finished reservation whose history shows it spent time on the board's attention lists."""
    status = status_of(reservation)
    finished_at = _last_event(reservation)
    if finished_at is None:
        return False
    if status == "picked_up":
        due = reservation.pickup_due_date
        return due is not None and finished_at > _aware(due)
    if status == "cancelled":
        if was_expired(reservation):
            return True
        due = reservation.delivery_due_date
        return not reservation.is_delivered and due is not None and finished_at > _aware(due)
    return False


def board(
    reservations: Iterable[models.Reservation],
    now: datetime,
    zone_of: Callable[[str | None], tzinfo],
    *,
    seen_on_board: dict[str, datetime] | None = None,
    expiring_within: timedelta = EXPIRING_WITHIN,
    resolved_for: timedelta = RESOLVED_FOR,
) -> dict[Bucket, list[BoardRow]]:
    """Every bucket's rows, each bucket sorted by its date. `seen_on_board` (id → when it was last in
    an attention bucket) is kept by the caller between calls and updated here, so a row that leaves
    the attention buckets moves to Resolved with the time it left."""
    now = _aware(now)
    buckets: dict[Bucket, list[BoardRow]] = {bucket: [] for bucket in Bucket}
    seen = seen_on_board if seen_on_board is not None else {}
    for reservation in reservations:
        if not reservation.id:
            continue
        zone = zone_of(reservation.location_id)
        row = attention_bucket(reservation, now, zone, expiring_within)
        if row is not None:
            buckets[row.bucket].append(row)
            seen[reservation.id] = now
        delivered = reservation.status_date("delivered")
        if delivered is not None and _same_local_day(delivered, now, zone):
            buckets[Bucket.DELIVERED_TODAY].append(BoardRow(reservation, Bucket.DELIVERED_TODAY, delivered))
        picked = reservation.status_date("picked_up")
        if picked is not None and _same_local_day(picked, now, zone):
            buckets[Bucket.PICKED_UP_TODAY].append(BoardRow(reservation, Bucket.PICKED_UP_TODAY, picked))
        if row is None:
            left = _last_event(reservation)
            if reservation.id in seen or _was_late(reservation):
                when = left if left is not None else seen.get(reservation.id, now)
                if now - _aware(when) <= resolved_for:
                    buckets[Bucket.RESOLVED].append(BoardRow(reservation, Bucket.RESOLVED, when))
                else:
                    seen.pop(reservation.id, None)
    far = datetime.max.replace(tzinfo=UTC)
    for bucket, rows in buckets.items():
        newest_first = bucket in (Bucket.DELIVERED_TODAY, Bucket.PICKED_UP_TODAY, Bucket.RESOLVED)
        rows.sort(key=lambda r: _aware(r.when) if r.when is not None else far, reverse=newest_first)
    return buckets


def counts(buckets: dict[Bucket, list[BoardRow]]) -> dict[Bucket, int]:
    return {bucket: len(rows) for bucket, rows in buckets.items()}


#: The order a person works the board in: what is late, then what expires, then today's plan.
NEEDS_ACTION_FIRST = (Bucket.OVERDUE_DELIVERY, Bucket.WAITING_PAST_PICKUP, Bucket.EXPIRING_PRE,
                      Bucket.ARRIVING_TODAY)


def opening_bucket(counted: dict[Bucket, int]) -> Bucket:
    """The list the board opens on: the first that needs action and has rows (an empty "Arriving
    today" in front of 8 overdue hid them), else "Arriving today"."""
    return next((bucket for bucket in NEEDS_ACTION_FIRST if counted.get(bucket)), Bucket.ARRIVING_TODAY)


def named_shipments(rows: Iterable[BoardRow], few: int = 3) -> tuple[list[str], int]:
    """The first `few` shipments a bulk action names (the shipment id, else the reservation id) and
    how many more it does not name, so the question says which parcels it is about."""
    names = [row.reservation.shipment_id or row.reservation_id for row in rows]
    return names[:few], max(0, len(names) - few)


def cancellable_overdue(rows: Iterable[BoardRow]) -> list[BoardRow]:
    """The rows bulk cancel may act on: overdue for delivery and never delivered (Lok cancels only
    before delivery; anything else would be refused)."""
    return [row for row in rows if row.bucket is Bucket.OVERDUE_DELIVERY and row.never_delivered
            and status_of(row.reservation) in ("pending", "reserved")]


#: The columns of the board's CSV export (lok_desk/core/csv_export.py writes it).
EXPORT_COLUMNS = ("reservation_id", "shipment_id", "location_id", "location", "status", "when", "days_late",
                  "result")


def export_records(rows: Iterable[BoardRow], location_name: Callable[[str | None], str],
                   result_of: Callable[[str], str] = lambda _rid: "") -> list[list[object]]:
    """The rows as the export writes them: raw values, ids as text (`ident`)."""
    return [[ident(row.reservation_id), ident(row.reservation.shipment_id),
             ident(row.reservation.location_id), location_name(row.reservation.location_id),
             str(row.reservation.current_status or ""), row.when, row.days_late,
             result_of(row.reservation_id)] for row in rows]


async def load_board(lister: ReservationLister, store: ReservationStore, *, now: datetime,
                     location_id: str | None = None, call: Call | None = None) -> None:
    """Read what the board needs into `store` (origin LOAD): the active reservations by delivery date,
    and those finished within `RESOLVED_FOR`, newest first (the walk stops at the first page that
    reaches past it). Every page goes through the one page loop (lok_desk.core.walks). Raises LokError."""
    active = models.ReservationFilters(only_active=True, sort="delivery_due_date")
    finished = models.ReservationFilters(status="finished", sort="-updated_at")
    since = now - RESOLVED_FOR
    for filters, stop_before in ((active, None), (finished, since)):
        walk = reservation_walk(lister, filters, location_id=location_id, call=call)
        async for page in walk:
            store.merge(page.reservations, Origin.LOAD)
            oldest = [r.updated_at for r in page.reservations if r.updated_at is not None]
            past = stop_before is not None and bool(oldest) and min(oldest) < stop_before
            if past or walk.pages >= BOARD_PAGES:
                break
