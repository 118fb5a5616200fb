"""Records in production-like forms read as the server holds them; unreadable ones are counted, not fatal."""

from __future__ import annotations

import json

from lok_desk.api import models

from .conftest import Clients, use
from .server import ProductionServer

EVERYTHING = models.ReservationFilters(only_active=False)


async def test_production_forms_read_as_the_records_the_server_holds(
    production: ProductionServer, connect: Clients
) -> None:
    use(production, records="production")
    client = await connect()
    walk = client.iter_reservations(EVERYTHING, page_size=25)
    read = {r.id: r async for r in walk}
    assert walk.complete and walk.unreadable == 0
    held = production.lok.reservations
    assert sorted(read) == sorted(record["id"] for record in held)
    for record in held:
        reservation = read[record["id"]]
        assert reservation.shipment_id == record["shipment_id"]  # a number on the wire, text here
        # Dates arrive as ISO, naive ISO, RFC 1123, epoch s, epoch ms and epoch-ms text, in turn.
        assert reservation.created_at == record["created_at"]
        assert reservation.delivery_due_date == record["delivery_due_date"]
        assert reservation.pickup_due_date == record["pickup_due_date"]
        assert [e.status for e in reservation.event_history] == [s for s, _d in record["event_history"]]
        assert [e.date for e in reservation.event_history] == [d for _s, d in record["event_history"]]
        assert reservation.additional == record["additional"]  # [] on the wire when empty
        if record["shipping"] is None:
            assert reservation.shipping is None  # [] or null on the wire
        else:
            assert reservation.shipping is not None
            assert reservation.shipping.fee == str(float(record["shipping"]["fee"]))
            assert reservation.shipping.tracking_id == record["shipping"]["tracking_id"]
        assert reservation.package_info is not None and reservation.package_info.weight == 1.5
        assert reservation.is_finished == (record["event_history"][-1][0] in ("picked_up", "cancelled"))
    assert client.oddities is not None
    kinds = {(o.kind, o.where) for o in client.oddities.oddities}
    assert ("format", "Reservation.created_at") in kinds
    assert ("field type", "Reservation.additional") in kinds
    assert not client.oddities.blocking


async def test_production_locations_directories_logs_and_user(
    production: ProductionServer, connect: Clients
) -> None:
    use(production, records="production")
    client = await connect()
    page = await client.list_locations(page_size=100)
    held = {loc["id"]: loc for loc in production.lok.locations}
    assert sorted(loc.id for loc in page.locations) == sorted(held)
    for location in page.locations:
        source = held[location.id]
        if location.coords is not None:  # {lat,lng}, {lat,long}, {latitude,longitude}, or null
            assert (location.coords.latitude, location.coords.longitude) == (
                source["coords"]["latitude"],
                source["coords"]["longitude"],
            )
        assert location.address is not None and location.address.zip_code == source["address"]["zip_code"]
        # Weekday as a capitalised name, as a number only, or as numeric text with an upper-case name.
        assert [day.string_weekday for day in location.service_days] == [
            d["string_weekday"] for d in source["service_days"]
        ]
    assert sum(location.coords is None for location in page.locations) == 1
    detail = await client.get_location("1")
    assert detail.id == "1" and detail.zone.key == "America/Mexico_City"

    directory = await client.get_directory("D1")
    assert [(c.name, c.gender, c.age) for c in directory.contacts] == [
        ("Ana", None, None),
        ("Luis", None, None),
    ]
    assert directory.locations == []  # {} on the wire

    logs = await client.get_action_logs()
    assert [entry.timestamp for entry in logs] == [r["timestamp"] for r in production.lok.action_logs]
    assert [json.loads(entry.payload or "") for entry in logs] == [
        json.loads(r["payload"]) for r in production.lok.action_logs
    ]
    # "200" as text reads as the number; other JSON kinds are kept as their text.
    assert [entry.status for entry in logs] == [200, "success", '{"code": 200}', None, 200]

    user = await client.get_user()
    assert user.scope is models.Scope.OWNER  # "OWNER" on the wire


async def test_unreadable_records_are_skipped_and_counted(
    production: ProductionServer, connect: Clients
) -> None:
    use(production, unreadable_per_page=3)
    client = await connect()
    walk = client.iter_reservations(EVERYTHING, page_size=20)
    ids = [r.id async for r in walk]
    assert sorted(ids) == sorted(r["id"] for r in production.lok.reservations)
    assert walk.pages.pages == 3 and walk.unreadable == 9  # three per page, every page
    assert walk.complete  # everything the server announced arrived, readable or not
    page = await client.list_reservations(EVERYTHING, page=1, page_size=20)
    assert len(page.reservations) == 20 and page.unreadable == 3
    assert client.oddities is not None
    assert [o.where for o in client.oddities.blocking] == ["ReservationPage.reservations"]
