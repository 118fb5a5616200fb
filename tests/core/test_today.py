"""The Today board's buckets, on the locker's own calendar day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from lok_desk.api import models
from lok_desk.core.today import BoardRow, Bucket, board, cancellable_overdue, named_shipments, opening_bucket

MEXICO = ZoneInfo("America/Mexico_City")   # UTC-6, no daylight saving since 2022
# 20:00 in Mexico City on 2 March is 02:00 UTC on 3 March: "today" must be the locker's 2 March.
NOW = datetime(2026, 3, 3, 2, 0, tzinfo=UTC)


def reservation(rid: str, *events: tuple[str, datetime], delivery_due: datetime | None = None,
                pickup_due: datetime | None = None, confirmed: bool = True) -> models.Reservation:
    return models.Reservation.model_validate({
        "id": rid, "shipment_id": f"00{rid}", "location": "loc-1", "is_confirmed": confirmed,
        "delivery_due_date": delivery_due.isoformat() if delivery_due else None,
        "pickup_due_date": pickup_due.isoformat() if pickup_due else None,
        "event_history": [{"status": s, "date": d.isoformat()} for s, d in events],
    })


def ids(rows: list) -> list[str]:  # type: ignore[type-arg]
    return [row.reservation_id for row in rows]


def zone(_location: str | None) -> ZoneInfo:
    return MEXICO


def test_each_bucket_on_the_lockers_day() -> None:
    day = timedelta(days=1)
    hour = timedelta(hours=1)
    items = [
        reservation("arriving", ("reserved", NOW - day), delivery_due=NOW + 3 * hour),     # 23:00 local
        reservation("tomorrow", ("reserved", NOW - day), delivery_due=NOW + 6 * hour),     # 02:00 next day
        reservation("late", ("reserved", NOW - 9 * day), delivery_due=NOW - 5 * day - hour),
        reservation("waiting", ("reserved", NOW - 30 * day), ("delivered", NOW - 25 * day),
                    delivery_due=NOW - 26 * day, pickup_due=NOW - 20 * day - hour),
        reservation("expiring", ("pending", NOW - day), delivery_due=NOW - 10 * hour, confirmed=False),
        reservation("later-pre", ("pending", NOW - day), delivery_due=NOW + 2 * day, confirmed=False),
        reservation("in-today", ("reserved", NOW - day), ("delivered", NOW - 3 * hour),
                    delivery_due=NOW + day, pickup_due=NOW + 3 * day),
        reservation("out-today", ("reserved", NOW - 2 * day), ("delivered", NOW - day),
                    ("picked_up", NOW - 2 * hour), delivery_due=NOW, pickup_due=NOW + 2 * day),
        reservation("picked-late", ("reserved", NOW - 20 * day), ("delivered", NOW - 19 * day),
                    ("picked_up", NOW - 10 * day), delivery_due=NOW - 18 * day, pickup_due=NOW - 16 * day),
        reservation("picked-late-old", ("reserved", NOW - 90 * day), ("delivered", NOW - 89 * day),
                    ("picked_up", NOW - 40 * day), delivery_due=NOW - 88 * day, pickup_due=NOW - 86 * day),
        reservation("on-time", ("reserved", NOW - 5 * day), ("delivered", NOW - 4 * day),
                    ("picked_up", NOW - 4 * day + hour), delivery_due=NOW - 3 * day, pickup_due=NOW - day),
    ]
    buckets = board(items, NOW, zone)
    assert ids(buckets[Bucket.ARRIVING_TODAY]) == ["arriving"]
    assert ids(buckets[Bucket.OVERDUE_DELIVERY]) == ["late"]
    assert buckets[Bucket.OVERDUE_DELIVERY][0].days_late == 5
    assert ids(buckets[Bucket.WAITING_PAST_PICKUP]) == ["waiting"]
    assert buckets[Bucket.WAITING_PAST_PICKUP][0].days_late == 20
    assert ids(buckets[Bucket.EXPIRING_PRE]) == ["expiring"]
    assert buckets[Bucket.EXPIRING_PRE][0].when == NOW + 14 * hour
    assert ids(buckets[Bucket.DELIVERED_TODAY]) == ["in-today"]
    assert ids(buckets[Bucket.PICKED_UP_TODAY]) == ["out-today"]
    # Picked up after its pick-up deadline within 30 days: resolved; 40 days ago: gone; on time: never late.
    assert ids(buckets[Bucket.RESOLVED]) == ["picked-late"]
    assert ids(cancellable_overdue(buckets[Bucket.OVERDUE_DELIVERY])) == ["late"]
    assert cancellable_overdue(buckets[Bucket.WAITING_PAST_PICKUP]) == []


def test_a_row_that_leaves_the_board_stays_under_resolved_for_30_days() -> None:
    due = NOW - timedelta(days=2)
    seen: dict[str, datetime] = {}
    overdue = reservation("r", ("reserved", NOW - timedelta(days=5)), delivery_due=due)
    assert ids(board([overdue], NOW, zone, seen_on_board=seen)[Bucket.OVERDUE_DELIVERY]) == ["r"]
    delivered_late = reservation("r", ("reserved", NOW - timedelta(days=5)), ("delivered", NOW),
                                 delivery_due=due, pickup_due=NOW + timedelta(days=3))
    later = NOW + timedelta(hours=1)
    buckets = board([delivered_late], later, zone, seen_on_board=seen)
    assert buckets[Bucket.OVERDUE_DELIVERY] == []
    assert ids(buckets[Bucket.RESOLVED]) == ["r"] and buckets[Bucket.RESOLVED][0].when == NOW
    collected = reservation("r", ("reserved", NOW - timedelta(days=5)), ("delivered", NOW),
                            ("picked_up", later), delivery_due=due, pickup_due=NOW + timedelta(days=3))
    assert ids(board([collected], later, zone, seen_on_board=seen)[Bucket.RESOLVED]) == ["r"]
    gone = board([collected], later + timedelta(days=31), zone, seen_on_board=seen)
    assert gone[Bucket.RESOLVED] == [] and "r" not in seen


def test_the_board_opens_on_the_list_that_needs_action() -> None:
    """Issue 19 point 10: an empty "Arriving today" was shown while 8 were overdue."""
    assert opening_bucket({Bucket.ARRIVING_TODAY: 0, Bucket.OVERDUE_DELIVERY: 8,
                           Bucket.WAITING_PAST_PICKUP: 14}) is Bucket.OVERDUE_DELIVERY
    assert opening_bucket({Bucket.ARRIVING_TODAY: 2, Bucket.WAITING_PAST_PICKUP: 1}) \
        is Bucket.WAITING_PAST_PICKUP
    assert opening_bucket({Bucket.ARRIVING_TODAY: 2, Bucket.EXPIRING_PRE: 1}) is Bucket.EXPIRING_PRE
    assert opening_bucket({Bucket.DELIVERED_TODAY: 5}) is Bucket.ARRIVING_TODAY


def test_bulk_cancel_names_a_few_shipments_then_counts_the_rest() -> None:
    rows = [BoardRow(reservation(f"r{i}", ("reserved", NOW)), Bucket.OVERDUE_DELIVERY) for i in range(5)]
    assert named_shipments(rows) == (["00r0", "00r1", "00r2"], 2)
    assert named_shipments(rows[:2]) == (["00r0", "00r1"], 0)
    no_shipment = BoardRow(models.Reservation.model_validate({"id": "rsv-9"}), Bucket.OVERDUE_DELIVERY)
    assert named_shipments([no_shipment]) == (["rsv-9"], 0)
