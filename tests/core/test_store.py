"""The reservation store: merge rule, indexes, active/finished views and change events (no Qt)."""

from __future__ import annotations

from datetime import UTC, datetime

from lok_desk.api import models
from lok_desk.core.store import Origin, ReservationStore, StoreChange
from tests.core.factories import reservation, with_tokens


def _listening(store: ReservationStore) -> list[StoreChange]:
    heard: list[StoreChange] = []
    store.subscribe(heard.append)
    return heard


def test_a_first_merge_inserts_and_says_so() -> None:
    store = ReservationStore()
    heard = _listening(store)
    change = store.merge([reservation("r1"), reservation("r2", shipment_id="LOK-2")], Origin.LOAD)
    assert change.inserted == ("r1", "r2") and change.updated == () and change.removed == ()
    assert heard == [change]
    assert [s.before for s in change.statuses] == [None, None]
    assert len(store) == 2 and "r1" in store and store.status("r1") == "reserved"


def test_newer_updated_at_wins_and_older_copy_is_ignored() -> None:
    store = ReservationStore()
    store.merge([reservation("r1", updated_at="2026-12-01T10:00:00.000Z", recipient_info={"name": "Ana"})],
                Origin.LOAD)
    heard = _listening(store)
    newer = reservation("r1", updated_at="2026-12-01T10:05:00.000Z", recipient_info={"name": "Ana María"})
    assert store.merge([newer], Origin.SYNC).updated == ("r1",)
    older = reservation("r1", updated_at="2026-12-01T10:01:00.000Z", recipient_info={"name": "stale"})
    assert not store.merge([older], Origin.SYNC)
    record = store.get("r1")
    assert record is not None and record.recipient_info is not None
    assert record.recipient_info.name == "Ana María"
    assert len(heard) == 1   # the ignored copy told nobody


def test_a_longer_history_wins_even_with_an_older_stamp() -> None:
    # The server clock moved back (sandbox clock), or the server did not bump updated_at.
    store = ReservationStore()
    first = reservation("r1", statuses=("reserved",), updated_at="2026-12-01T10:00:00.000Z")
    store.merge([first], Origin.LOAD)
    delivered = reservation("r1", statuses=("reserved", "delivered"), updated_at="2026-12-01T09:30:00.000Z")
    change = store.merge([delivered], Origin.SYNC)
    assert change.updated == ("r1",)
    assert [(s.before, s.after) for s in change.statuses] == [("reserved", "delivered")]
    # ... and a copy with a shorter history never undoes it, whatever its stamp says.
    stale = reservation("r1", statuses=("reserved",), updated_at="2026-12-01T11:00:00.000Z")
    assert not store.merge([stale], Origin.SYNC)
    assert store.status("r1") == "delivered"


def test_the_same_version_changes_nothing_unless_authoritative() -> None:
    store = ReservationStore()
    store.merge([reservation("r1")], Origin.LOAD)
    assert not store.merge([reservation("r1")], Origin.SYNC)
    fuller = reservation("r1", recipient_info={"name": "Ana"})
    assert not store.merge([fuller], Origin.SYNC)            # a list copy of the same version
    assert store.merge([fuller], Origin.DETAIL, authoritative=True).updated == ("r1",)


def test_finishing_moves_a_reservation_from_active_to_finished() -> None:
    store = ReservationStore()
    store.merge([reservation("r1"), reservation("r2", shipment_id="LOK-2", location="loc-2")], Origin.LOAD)
    assert [r.id for r in store.active()] == ["r1", "r2"] and store.finished() == []
    picked = reservation("r1", statuses=("reserved", "delivered", "picked_up"),
                         updated_at="2026-12-01T10:09:00.000Z")
    change = store.merge([picked], Origin.SYNC)
    assert change.finished == ("r1",)
    assert [r.id for r in store.active()] == ["r2"]
    assert [r.id for r in store.finished()] == ["r1"]
    assert [r.id for r in store.active("loc-2")] == ["r2"] and store.active("loc-1") == []


def test_indexes_find_by_id_shipment_token_and_confirmation_code() -> None:
    store = ReservationStore()
    store.merge([reservation("Res-1", shipment_id="LOK-ABC")], Origin.LOAD)
    store.merge_detail(with_tokens(reservation("Res-1", shipment_id="LOK-ABC"),
                                   pickup="PK123456", delivery="DL654321", confirmation_code="004211"))
    by_id = store.find("res-1")
    assert by_id is not None and by_id[1] == "id"
    found = store.find(" lok-abc ")
    assert found is not None and found[0].id == "Res-1" and found[1] == "shipment_id"
    token = store.find("pk123456")
    assert token is not None and token[1] == "pickup"
    assert store.find("DL65 4321") is not None          # a scanner's space does not matter
    code = store.find("004211")
    assert code is not None and code[1] == "confirmation_code"
    assert store.find("nothing-like-it") is None and store.find("  ") is None


def test_a_detail_without_tokens_keeps_the_known_ones() -> None:
    store = ReservationStore()
    store.merge_detail(with_tokens(reservation("r1"), pickup="PK1111"))
    later = reservation("r1", statuses=("reserved", "delivered"), updated_at="2026-12-01T10:03:00.000Z")
    store.merge_detail(models.ReservationWithTokens(reservation=later))   # include_tokens=false
    assert store.find("PK1111") is not None and store.status("r1") == "delivered"


def test_a_changed_shipment_id_is_reindexed() -> None:
    store = ReservationStore()
    store.merge([reservation("r1", shipment_id="OLD-1")], Origin.LOAD)
    store.merge([reservation("r1", shipment_id="NEW-1", updated_at="2026-12-01T10:10:00.000Z")], Origin.SYNC)
    assert store.by_shipment_id("OLD-1") is None
    assert store.by_shipment_id("new-1") is not None


def test_remove_and_clear_forget_records_indexes_and_tokens() -> None:
    store = ReservationStore()
    store.merge_detail(with_tokens(reservation("r1"), pickup="PK1111"))
    store.merge([reservation("r2", shipment_id="LOK-2")], Origin.LOAD)
    heard = _listening(store)
    assert store.remove(["r1", "missing"]).removed == ("r1",)
    assert store.find("PK1111") is None and store.find("LOK-1") is None and len(store.tokens) == 0
    store.clear()
    assert len(store) == 0 and heard[-1].removed == ("r2",) and store.newest_update is None


def test_newest_update_follows_the_latest_stamp_merged() -> None:
    store = ReservationStore()
    store.merge([reservation("r1", updated_at="2026-12-01T10:00:00.000Z"),
                 reservation("r2", shipment_id="LOK-2", updated_at="2026-12-01T12:00:00.000Z")], Origin.LOAD)
    assert store.newest_update is not None and store.newest_update.hour == 12


def test_locations_report_what_changed() -> None:
    store = ReservationStore()
    first = models.LocationDetail.model_validate(
        {"id": "loc-1", "internal_name": "Centro", "boxes": [{"size": "s", "total": 4, "occupied": 1}]})
    assert store.set_locations([first]).locations == ("loc-1",)
    assert not store.set_locations([first])
    fuller = first.model_copy(update={"boxes": [models.BoxAvailability(size="s", total=4, occupied=2)]})
    assert store.merge_location(fuller).locations == ("loc-1",)
    location = store.location("loc-1")
    assert location is not None and location.boxes[0].free == 2


def test_repr_names_counts_not_contents() -> None:
    store = ReservationStore()
    store.merge_detail(with_tokens(reservation("r1", recipient_info={"name": "Ana"}), pickup="PK987654"))
    text = repr(store) + repr(store.tokens)
    assert "PK987654" not in text and "Ana" not in text and "1 reservations" in text


def test_an_unsubscribed_listener_hears_nothing_more() -> None:
    store = ReservationStore()
    heard: list[StoreChange] = []
    unsubscribe = store.subscribe(heard.append)
    store.merge([reservation("r1")], Origin.LOAD)
    unsubscribe()
    store.merge([reservation("r2", shipment_id="LOK-2")], Origin.LOAD)
    assert len(heard) == 1


def test_overdue_ids_follow_the_deadline_that_applies() -> None:
    store = ReservationStore()
    store.merge([reservation("late", shipment_id="A"),                      # delivery due 3 Dec 09:00
                 reservation("in-locker", shipment_id="B", statuses=("reserved", "delivered"),
                             pickup_due_date="2026-12-05T09:00:00.000Z"),
                 reservation("done", shipment_id="C", statuses=("reserved", "cancelled"))], Origin.LOAD)
    assert store.overdue_ids(datetime(2026, 12, 2, tzinfo=UTC)) == set()
    assert store.overdue_ids(datetime(2026, 12, 4, tzinfo=UTC)) == {"late"}
    assert store.overdue_ids(datetime(2026, 12, 6, tzinfo=UTC)) == {"late", "in-locker"}
