"""Every one of the 35 Lok endpoints, called through its LokClient method by a role that may call it,
against a real sandbox; each test declares (with `covers`) which endpoints it must really have hit."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import httpx
import pytest

from lok_desk.api import ENDPOINTS, InvalidReservationError, models

from .conftest import (
    FIRST_LOCATION,
    OTHER_COMPANY_LOCATION,
    PUBLIC_LOCATION,
    SECOND_LOCATION,
    Clients,
    SandboxControl,
    ids_of,
    pickup_contact,
    pickup_origin,
    reservation_request,
    shipment_id,
    soon,
)

F = TypeVar("F", bound=Callable[..., Any])

PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8"
PDF = b"%PDF"


def covers(*numbers: int) -> Callable[[F], F]:
    """Declare the endpoints a test exercises (docs/decisions.md, Endpoint numbers); the
    `_endpoints_were_called` check enforces it."""

    def mark(test: F) -> F:
        test.__lok_endpoints__ = frozenset(numbers)  # type: ignore[attr-defined]
        return test

    return mark


@pytest.fixture(autouse=True)
def _endpoints_were_called(request: pytest.FixtureRequest, covered: set[int]) -> Iterator[None]:
    yield
    declared: frozenset[int] = getattr(request.function, "__lok_endpoints__", frozenset())
    missing = sorted(declared - covered)
    assert not missing, f"declared but never called through LokClient: {missing}"


def test_every_endpoint_has_an_end_to_end_test() -> None:
    module = sys.modules[__name__]
    declared: set[int] = set()
    for name in dir(module):
        declared |= getattr(getattr(module, name), "__lok_endpoints__", frozenset())
    assert declared == set(ENDPOINTS) == set(range(1, 36))


# --- auth (#11–#14) ------------------------------------------------------------------------------


@covers(11, 12, 13, 14)
async def test_auth_endpoints_as_the_employee(lok: Clients, demo_clients: dict[str, tuple[str, str]]) -> None:
    client = await lok("employee")
    issued = await client.authenticate()
    assert issued.scope == models.Scope.EMPLOYEE
    assert issued.expires_at is not None and client.token_expires_at == issued.expires_at

    validated = await client.validate_token()
    assert validated.access_token == issued.access_token
    assert validated.expires_at == issued.expires_at

    user = await client.get_user()
    assert user.scope == models.Scope.EMPLOYEE
    assert user.location == FIRST_LOCATION
    assert user.company is not None and user.company.id
    assert user.email and user.email.endswith("@demo.lok.test")

    await client.sign_out()
    assert client.token_expires_at is None
    async with httpx.AsyncClient(base_url=client.base_url) as raw:
        check = await raw.get("oauth/token", headers={"Authorization": f"Bearer {issued.access_token}"})
    assert check.status_code == 401
    assert check.json()["type"] == "INVALID_TOKEN"
    assert demo_clients["employee"][0] == client.client_id


# --- locations (#4, #22, #28) --------------------------------------------------------------------


@covers(4, 22)
async def test_locations_as_the_reporter(lok: Clients) -> None:
    client = await lok("reporter")
    page = await client.list_locations(page_size=100)
    ids = [location.id for location in page.locations]
    assert FIRST_LOCATION in ids and SECOND_LOCATION in ids
    assert PUBLIC_LOCATION not in ids  # public network: sellers only
    assert page.total == len(ids) >= 4
    assert len({location.timezone for location in page.locations}) >= 4

    found = await client.list_locations(internal_name="antara")
    assert [location.id for location in found.locations] == [FIRST_LOCATION]

    detail = await client.get_location(FIRST_LOCATION)
    assert detail.internal_name == "Antara Polanco"
    assert detail.timezone == "America/Mexico_City"
    assert {str(box.size) for box in detail.boxes} == {"s", "m", "l", "xl"}
    assert all(box.total and box.free is not None for box in detail.boxes)
    assert detail.local_now().utcoffset() is not None
    assert len(detail.service_days) == 7


@covers(4)
async def test_employee_sees_only_their_location(lok: Clients) -> None:
    client = await lok("employee")
    page = await client.list_locations(page_size=100)
    assert [location.id for location in page.locations] == [FIRST_LOCATION]


@covers(28)
async def test_seller_search_reaches_the_public_network(lok: Clients) -> None:
    client = await lok("seller")
    search = models.AvailabilitySearch(
        coords=models.SearchCoords(longitude=-99.18, latitude=19.39), max_distance=30_000, limit=10, size="s"
    )
    result = await client.search_available_locations(search)
    ids = [location.id for location in result.locations]
    assert PUBLIC_LOCATION in ids and FIRST_LOCATION in ids
    assert result.grant
    distances = [location.distance for location in result.locations if location.distance is not None]
    assert len(distances) == len(ids)
    assert distances == sorted(distances)
    assert all(d <= 30_000 for d in distances)


@covers(28, 30, 15)
async def test_seller_pre_reserves_in_the_public_network(lok: Clients) -> None:
    client = await lok("seller")
    search = models.AvailabilitySearch(
        coords=models.SearchCoords(longitude=-99.1617, latitude=19.3467),
        max_distance=2_000,
        limit=3,
        size="s",
    )
    result = await client.search_available_locations(search)
    assert [location.id for location in result.locations] == [PUBLIC_LOCATION]
    assert result.grant
    request = models.PreReservationRequest(size="s", shipment_id=shipment_id("red"))
    pre = await client.create_pre_reservation(PUBLIC_LOCATION, result.grant, request)
    assert pre.reservation.location_id == PUBLIC_LOCATION
    assert pre.reservation.locker is not None and pre.reservation.locker.is_public is True
    assert pre.reservation.id is not None
    fetched = await client.get_reservation(pre.reservation.id)
    assert fetched.reservation.shipment_id == request.shipment_id


@covers(4, 8, 15)
async def test_admin_reads_across_companies(lok: Clients) -> None:
    admin = await lok("admin")
    locations = {location.id for location in (await admin.list_locations(page_size=100)).locations}
    assert {FIRST_LOCATION, OTHER_COMPANY_LOCATION} <= locations
    stranger = await lok("other-owner")
    theirs = (await stranger.list_reservations()).reservations
    assert theirs and theirs[0].id is not None
    seen = await admin.get_reservation(theirs[0].id)
    assert seen.reservation.location_id == theirs[0].location_id
    everything = models.ReservationFilters(only_active=False)
    assert (await admin.list_reservations(everything, page_size=1)).total == (
        (await (await lok("owner")).list_reservations(everything, page_size=1)).total or 0
    ) + ((await stranger.list_reservations(everything, page_size=1)).total or 0)


# --- reservations (#8, #15, #17, #24, #25, #26) --------------------------------------------------


@covers(25, 8, 24, 15)
async def test_created_reservation_is_found_everywhere(lok: Clients) -> None:
    client = await lok("owner")
    request = reservation_request("m")
    created = await client.create_reservation(SECOND_LOCATION, request)
    reservation = created.reservation
    assert reservation.id and reservation.shipment_id == request.shipment_id
    assert reservation.location_id == SECOND_LOCATION
    assert reservation.current_status == models.EventStatus.RESERVED and reservation.is_confirmed
    assert reservation.locker is not None and reservation.locker.size == "m"
    assert reservation.additional == {"pedido": "A-1001"}  # `lok…` keys belong to Lok
    assert created.confirmation_code

    by_shipment = models.ReservationFilters(shipment_id=request.shipment_id)
    company = await client.list_reservations(by_shipment)
    assert ids_of(company.reservations) == [reservation.id]
    assert company.total == 1
    assert company.reservations[0].location_id == SECOND_LOCATION  # variant A embeds the location

    at_location = await client.list_location_reservations(SECOND_LOCATION, by_shipment)
    assert ids_of(at_location.reservations) == [reservation.id]

    fetched = await client.get_reservation(reservation.id)
    assert fetched.reservation.shipment_id == request.shipment_id
    assert fetched.confirmation_code == created.confirmation_code
    for name in models.TOKEN_NAMES:
        assert fetched.tokens.token(name) == created.tokens.token(name)
        png = fetched.tokens.qr_png(name)
        assert png is not None and png.startswith(PNG), name

    bare = await client.get_reservation(reservation.id, include_tokens=False)
    assert bare.tokens.token("pickup") is None


@covers(25, 17, 24)
async def test_employee_creates_and_cancels_at_their_location(lok: Clients) -> None:
    client = await lok("employee")
    created = await client.create_reservation(FIRST_LOCATION, reservation_request("s"))
    assert created.reservation.id is not None
    cancelled = await client.cancel_reservation(created.reservation.id)
    assert cancelled.id == created.reservation.id
    assert cancelled.current_status == models.EventStatus.CANCELLED and cancelled.is_finished

    finished = models.ReservationFilters(status="finished", shipment_id=created.reservation.shipment_id)
    page = await client.list_location_reservations(FIRST_LOCATION, finished)
    assert ids_of(page.reservations) == [created.reservation.id]
    still_active = models.ReservationFilters(shipment_id=created.reservation.shipment_id)
    assert (await client.list_location_reservations(FIRST_LOCATION, still_active)).reservations == []


@covers(18, 26)
async def test_reporter_reads_a_seeded_shipping_label(lok: Clients) -> None:
    client = await lok("reporter")
    page = await client.list_shipping_reservations(models.ReservationFilters(only_active=False))
    assert page.reservations and page.total
    shipped = page.reservations[0]
    assert shipped.shipping is not None and shipped.shipping.tracking_id
    assert shipped.id is not None
    label = await client.get_label(shipped.id)
    assert label.jpeg_bytes().startswith(JPEG)
    assert label.pdf_bytes().startswith(PDF)


# --- pre-reservation and courier shipping (#7, #16, #18, #26, #28, #30, #32, #33) ----------------


@covers(28, 30, 7, 16, 33, 32, 18, 26)
async def test_pre_reservation_to_shipment(lok: Clients) -> None:
    client = await lok("owner")
    search = models.AvailabilitySearch(
        coords=models.SearchCoords(longitude=-99.2036, latitude=19.4397),
        max_distance=5_000,
        limit=5,
        size="m",
    )
    found = await client.search_available_locations(search)
    assert [location.id for location in found.locations] == [FIRST_LOCATION]
    assert found.grant

    request = models.PreReservationRequest(
        size="m",
        shipment_id=shipment_id("pre"),
        delivery_date=soon(1),
        package_info=models.ReservationPackageInfo(weight=2.0, value=800.0, description="Ropa"),
        contact_info=models.ContactInfo(name="Camila Ruiz", email="camila@example.test"),
    )
    pre = await client.create_pre_reservation(FIRST_LOCATION, found.grant, request)
    assert pre.reservation.id is not None
    pre_id = pre.reservation.id
    assert pre.reservation.current_status == models.EventStatus.PENDING
    assert pre.reservation.is_confirmed is False

    listed = await client.list_pre_reservations(models.ReservationFilters(shipment_id=request.shipment_id))
    assert ids_of(listed.reservations) == [pre_id]

    later = soon(3)
    updated = await client.update_pre_reservation(
        pre_id,
        models.PreReservationUpdate(
            delivery_date=later, package_info=models.ReservationPackageInfo(description="Ropa, Zapatos")
        ),
    )
    assert updated.reservation.delivery_due_date == later
    assert updated.reservation.package_info is not None
    assert updated.reservation.package_info.description == "Ropa, Zapatos"
    assert updated.reservation.package_info.weight == 2.0  # untouched fields kept

    shipment = models.ShipmentRequest(origin=pickup_origin(), contact=pickup_contact())
    quote = await client.quote_shipment(pre_id, shipment)
    assert quote.carrier and quote.fee and float(quote.fee) > 0
    assert quote.origin is not None and "Insurgentes Sur" in quote.origin

    shipped = await client.request_shipment(pre_id, shipment)
    assert shipped.reservation.id == pre_id
    assert shipped.reservation.is_confirmed is True
    assert shipped.reservation.current_status == models.EventStatus.RESERVED
    assert shipped.reservation.shipping is not None
    assert shipped.reservation.shipping.fee == quote.fee
    tracking = shipped.reservation.shipping.tracking_id
    assert tracking
    assert shipped.tokens.qr_png("delivery") is not None

    with_shipping = await client.list_shipping_reservations(
        models.ReservationFilters(shipment_id=request.shipment_id)
    )
    assert ids_of(with_shipping.reservations) == [pre_id]
    assert with_shipping.reservations[0].shipping is not None
    assert with_shipping.reservations[0].shipping.tracking_id == tracking

    label = await client.get_label(pre_id)
    assert label.jpeg_bytes().startswith(JPEG) and label.pdf_bytes().startswith(PDF)

    # Confirmed: no longer a pre-reservation that can be changed (docs/decisions.md, Pre-reservations: 410).
    with pytest.raises(InvalidReservationError) as gone:
        await client.update_pre_reservation(pre_id, models.PreReservationUpdate(delivery_date=soon(4)))
    assert gone.value.status_code == 410


@covers(31, 15, 26)
async def test_location_shipping_creates_a_reservation_with_a_label(lok: Clients) -> None:
    client = await lok("owner")
    request = models.LocationShippingRequest(
        size=models.PackageDimensions(width=15, height=30, length=50),
        shipment_id=shipment_id("ship"),
        package_info=models.LocationShippingPackageInfo(weight=3.0, value=1200.0, description="Electrónica"),
        pickup_date=soon(1).isoformat().replace("+00:00", "Z"),
        origin=pickup_origin(),
        contact=pickup_contact(),
    )
    result = await client.create_location_shipping(FIRST_LOCATION, request)
    assert result.shipment_id == request.shipment_id
    assert result.carrier and result.fee and result.tracking_id
    label = result.label_bytes()
    assert label is not None and label.startswith(PDF)
    assert result.reservation_id

    reservation = (await client.get_reservation(result.reservation_id)).reservation
    assert reservation.shipment_id == request.shipment_id
    assert reservation.locker is not None and reservation.locker.size == "m"  # 15 cm wide needs an m box
    assert (await client.get_label(result.reservation_id)).pdf_bytes().startswith(PDF)


@covers(27)
async def test_shipping_order_returns_a_label(lok: Clients) -> None:
    client = await lok("seller")
    contact = models.ShippingContact(phone="+52 33 1111 2222", email="bodega@example.test", name="Bodega")
    order = models.ShippingOrderRequest(
        preferred="Lok Express",
        package_info=models.ShippingOrderPackageInfo(
            width=10,
            height=20,
            length=30,
            weight=2.5,
            description="Refacciones",
            items=[models.ShippingItem(units_weight="XBX", product_service="25171500", is_dangerous=False)],
        ),
        location_id=FIRST_LOCATION,
        origin=models.ShippingAddress(
            contact=contact, street="Av. Vallarta", number="3233", town="Vallarta Poniente", zip_code="44110"
        ),
    )
    label = await client.create_shipping_order(order)
    assert label.jpeg_bytes().startswith(JPEG)
    assert label.pdf_bytes().startswith(PDF)


# --- company: logs and reports (#1, #19, #23) ----------------------------------------------------


@covers(1, 12)
async def test_action_logs_record_calls_without_secrets(lok: Clients) -> None:
    owner = await lok("owner")
    token = await owner.authenticate()
    await owner.get_location(SECOND_LOCATION)
    reporter = await lok("reporter")
    logs = await reporter.get_action_logs()
    resources = [entry.resource or "" for entry in logs]
    assert any(f"/company/locations/{SECOND_LOCATION}" in r for r in resources)
    assert any("/oauth/token" in r for r in resources)
    assert any(entry.user_email == "owner@demo.lok.test" for entry in logs)
    assert all(entry.status for entry in logs)

    everything = " ".join(entry.model_dump_json() for entry in logs)
    for role_secret in ("demo-owner-secret", "demo-reporter-secret"):
        assert role_secret not in everything
    assert token.access_token not in everything
    reporter_token = await reporter.sign_in()
    assert reporter_token.access_token not in everything


@covers(19)
async def test_action_log_report_is_acknowledged(lok: Clients) -> None:
    client = await lok("reporter")
    message = await client.request_action_log_report()
    assert message.message and "admin@demo.lok.test" in message.message
    ranged = await client.request_action_log_report(from_=soon(-10), until=soon(-1))
    assert ranged.message and ranged.message != message.message


@covers(23, 25, 17)
async def test_recent_activity_csv_lists_new_reservations(lok: Clients, control: SandboxControl) -> None:
    owner = await lok("owner")
    kept = await owner.create_reservation(SECOND_LOCATION, reservation_request("l"))
    dropped = await owner.create_reservation(SECOND_LOCATION, reservation_request("s"))
    assert dropped.reservation.id is not None
    await owner.cancel_reservation(dropped.reservation.id)

    reporter = await lok("reporter")
    text = await reporter.get_recent_activity_csv()
    header = next(csv.reader(io.StringIO(text), skipinitialspace=True))
    assert header == [
        "Id de pedido",
        "Locker",
        "Huso horario",
        "Torre",
        "Casillero",
        "Reservación",
        "Depósito",
        "Recolección",
        "Cancelación",
    ]
    assert text.splitlines()[0].startswith('"Id de pedido", "Locker"')
    rows = {row.order_id: row for row in models.parse_recent_activity(text)}
    mine = rows[kept.reservation.shipment_id or ""]
    assert mine.locker == "Plaza Río Tijuana" and mine.timezone == "America/Tijuana"
    assert mine.reserved_at is not None and mine.cancelled_at is None
    assert kept.reservation.locker is not None and mine.box == kept.reservation.locker.uuid
    gone = rows[dropped.reservation.shipment_id or ""]
    assert gone.cancelled_at is not None


# --- company: notification e-mails and webhook (#5, #6, #9, #10, #34) ----------------------------


@covers(5, 6)
async def test_notification_emails_round_trip(lok: Clients) -> None:
    owner = await lok("owner")
    before = await owner.get_notification_emails()
    assert before.operator == "operaciones@demo.lok.test"
    changed = await owner.update_notification_emails(operator="turno-noche@demo.lok.test")
    assert changed.operator == "turno-noche@demo.lok.test"
    assert changed.administrator == before.administrator  # omitted key is kept

    reporter = await lok("reporter")
    assert (await reporter.get_notification_emails()).operator == "turno-noche@demo.lok.test"


@covers(9, 10, 34)
async def test_webhook_settings_round_trip_keeps_the_secret(lok: Clients) -> None:
    owner = await lok("owner")
    created = await owner.update_webhook("https://hooks.example.test/lok")
    assert created.url == "https://hooks.example.test/lok"
    assert created.secret
    assert {str(e) for e in created.events or []} == {str(e) for e in models.WebhookEvent}

    changed = await owner.update_webhook(
        "https://hooks.example.test/v2", [models.WebhookEvent.DELIVERED, models.WebhookEvent.PICKED_UP]
    )
    assert changed.secret == created.secret  # generated once, kept on update
    assert [str(e) for e in changed.events or []] == ["delivered", "picked_up"]

    disabled = await owner.set_webhook_enabled(False)
    assert disabled.message
    read = await (await lok("reporter")).get_webhook()
    assert read.url == "https://hooks.example.test/v2"
    assert read.secret is None  # issue 10: only owner and seller see the secret
    assert read.enabled is False
    assert (await owner.get_webhook()).secret == created.secret
    await owner.set_webhook_enabled(True)
    assert (await owner.get_webhook()).enabled is True


# --- company: directories (#2, #3, #20, #21, #29, #35) -------------------------------------------


@covers(2, 3, 20, 21, 35, 29)
async def test_directories_lifecycle(lok: Clients) -> None:
    owner = await lok("owner")
    seeded = await owner.list_directories()
    assert seeded.total and seeded.total >= 1

    created = await owner.create_directory("Mostrador norte e2e")
    assert created.name == "Mostrador norte e2e" and created.is_active and created.contacts == []
    fetched = await owner.get_directory(created.id)
    assert fetched.id == created.id and fetched.name == created.name

    updated = await owner.update_directory(
        created.id, name="Clientes VIP", is_active=False, locations=[FIRST_LOCATION, SECOND_LOCATION]
    )
    assert updated.name == "Clientes VIP" and updated.is_active is False
    assert [location.id for location in updated.locations] == [FIRST_LOCATION, SECOND_LOCATION]

    contacts = [
        models.DirectoryContact(
            name="Sofía",
            last_name="Torres",
            email="sofia@example.test",
            gender="female",
            age=34,
            phones=["+52 55 1111 0000"],
            address=models.ContactAddress(street="Reforma", number="222", town="Juárez", zip_code="06600"),
        ),
        models.DirectoryContact(name="Iván", last_name="Cruz", gender="male", age=41),
    ]
    stored = await owner.replace_directory_contacts(created.id, contacts)
    assert [(c.name, c.last_name) for c in stored] == [("Sofía", "Torres"), ("Iván", "Cruz")]
    assert all(c.directory == created.id and c.created_at is not None for c in stored)

    csv_text = (
        "name,last_name,email,gender,age,phones\n"
        "Daniela,Ortiz,daniela@example.test,female,29,+52 81 2222 3333;+52 81 4444 5555\n"
    )
    assert await owner.import_directory_csv(csv_text, [created.id]) is None  # 204 No Content
    imported = await owner.get_directory(created.id)
    assert [(c.name, c.email) for c in imported.contacts] == [("Daniela", "daniela@example.test")]
    assert imported.contacts[0].phones == ["+52 81 2222 3333", "+52 81 4444 5555"]

    await owner.import_directory_csv(csv_text)  # no ids: a new directory holds the contacts
    listed = await owner.list_directories(page_size=100)
    assert listed.total == seeded.total + 2
    assert created.id in {d.id for d in listed.directories}

    employee_view = await (await lok("employee")).get_directory(created.id)
    assert employee_view.name == "Clientes VIP"
