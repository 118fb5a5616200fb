"""Documented Lok errors, provoked for real in the sandbox, reach the caller as the right LokError."""

from __future__ import annotations

import pytest

from lok_desk.api import (
    BoxIncompatibleError,
    EntityNotFoundError,
    ForbiddenLocationError,
    GrantTokenError,
    InsufficientScopeError,
    InvalidClientError,
    InvalidRequestError,
    InvalidReservationError,
    LokError,
    NoCapacityError,
    UniqueShipmentError,
    models,
)

from .conftest import (
    FIRST_LOCATION,
    OTHER_COMPANY_LOCATION,
    SECOND_LOCATION,
    Clients,
    SandboxControl,
    reservation_request,
    shipment_id,
)


def assert_readable(error: LokError) -> None:
    """The desk shows `user_message` as is: a sentence, not a traceback or a bare code."""
    text = error.user_message
    assert text and text[0].isupper() and text.rstrip().endswith((".", ")")), text
    assert "Traceback" not in text


async def test_unique_shipment(lok: Clients) -> None:
    client = await lok("owner")
    first = reservation_request("s")
    await client.create_reservation(FIRST_LOCATION, first)
    with pytest.raises(UniqueShipmentError) as caught:
        await client.create_reservation(
            SECOND_LOCATION, reservation_request("s", shipment_id=first.shipment_id)
        )
    assert caught.value.status_code == 409 and caught.value.type == "UNIQUE_SHIPMENT"
    assert_readable(caught.value)
    same = await client.list_reservations(models.ReservationFilters(shipment_id=first.shipment_id))
    assert same.total == 1


async def test_no_capacity_once_a_size_is_full(lok: Clients) -> None:
    client = await lok("owner")
    xl = (await client.get_location(SECOND_LOCATION)).box("xl")
    assert xl is not None and xl.free
    for _ in range(xl.free):
        await client.create_reservation(SECOND_LOCATION, reservation_request("xl"))
    full = (await client.get_location(SECOND_LOCATION)).box("xl")
    assert full is not None and full.free == 0 and full.available is False

    with pytest.raises(NoCapacityError) as caught:
        await client.create_reservation(SECOND_LOCATION, reservation_request("xl"))
    assert caught.value.status_code == 422 and caught.value.type == "NO_CAPACITY"
    assert_readable(caught.value)
    # Other sizes are unaffected.
    assert (await client.create_reservation(SECOND_LOCATION, reservation_request("s"))).reservation.id


async def test_box_incompatible_over_25_kg(lok: Clients) -> None:
    client = await lok("owner")
    heavy = reservation_request("xl", package_info={"weight": 30.0, "description": "Pesas"})
    with pytest.raises(BoxIncompatibleError) as caught:
        await client.create_reservation(FIRST_LOCATION, heavy)
    assert caught.value.status_code == 422 and caught.value.type == "BOX_INCOMPATIBLE"
    assert "package_info.weight" in caught.value.keys
    assert_readable(caught.value)
    nothing = await client.list_reservations(models.ReservationFilters(shipment_id=heavy.shipment_id))
    assert nothing.reservations == []


async def test_reporter_may_not_create(lok: Clients) -> None:
    client = await lok("reporter")
    request = reservation_request("s")
    with pytest.raises(InsufficientScopeError) as caught:
        await client.create_reservation(FIRST_LOCATION, request)
    assert caught.value.status_code == 403 and caught.value.type == "INSUFFICIENT_SCOPE"
    assert_readable(caught.value)
    assert (
        await client.list_reservations(models.ReservationFilters(shipment_id=request.shipment_id))
    ).total == 0


async def test_employee_is_kept_to_their_location(lok: Clients) -> None:
    client = await lok("employee")
    with pytest.raises(ForbiddenLocationError) as caught:
        await client.create_reservation(SECOND_LOCATION, reservation_request("s"))
    assert caught.value.status_code == 403 and caught.value.type == "FORBIDDEN_LOCATION"
    assert_readable(caught.value)
    with pytest.raises(ForbiddenLocationError):
        await client.list_location_reservations(SECOND_LOCATION)


async def test_owner_is_kept_out_of_the_other_company(lok: Clients) -> None:
    owner = await lok("owner")
    with pytest.raises(ForbiddenLocationError) as caught:
        await owner.create_reservation(OTHER_COMPANY_LOCATION, reservation_request("s"))
    assert caught.value.status_code == 403
    assert_readable(caught.value)

    # And the other company cannot even see that the first company's reservation exists.
    mine = await owner.create_reservation(FIRST_LOCATION, reservation_request("s"))
    assert mine.reservation.id is not None
    stranger = await lok("other-owner")
    with pytest.raises(EntityNotFoundError) as hidden:
        await stranger.get_reservation(mine.reservation.id)
    assert hidden.value.status_code == 404


async def test_cancel_after_kiosk_delivery_is_refused(lok: Clients, control: SandboxControl) -> None:
    client = await lok("owner")
    created = await client.create_reservation(FIRST_LOCATION, reservation_request("m"))
    reservation_id = created.reservation.id
    assert reservation_id is not None
    delivery = created.tokens.token("delivery")
    assert delivery
    at_locker = await control.kiosk(delivery)
    assert at_locker.status_code == 200, at_locker.text

    with pytest.raises(InvalidReservationError) as caught:
        await client.cancel_reservation(reservation_id)
    assert caught.value.status_code == 409 and caught.value.type == "INVALID_RESERVATION"
    assert_readable(caught.value)
    after = (await client.get_reservation(reservation_id)).reservation
    assert after.current_status == models.EventStatus.DELIVERED
    assert after.is_delivered and after.pickup_due_date is not None


async def test_bad_grant_is_refused(lok: Clients) -> None:
    client = await lok("owner")
    request = models.PreReservationRequest(size="s", shipment_id=shipment_id("pre"))
    with pytest.raises(GrantTokenError) as caught:
        await client.create_pre_reservation(FIRST_LOCATION, "grt_not-a-real-grant", request)
    assert caught.value.type == "GRANT_TOKEN" and caught.value.status_code in (401, 403)
    assert_readable(caught.value)
    # A real grant for one location does not open another one.
    search = models.AvailabilitySearch(
        coords=models.SearchCoords(longitude=-99.2036, latitude=19.4397), max_distance=1000
    )
    grant = (await client.search_available_locations(search)).grant
    assert grant
    with pytest.raises(GrantTokenError):
        await client.create_pre_reservation(SECOND_LOCATION, grant, request)
    assert (
        await client.list_pre_reservations(models.ReservationFilters(shipment_id=request.shipment_id))
    ).total == 0


async def test_page_size_out_of_range_names_the_field(lok: Clients) -> None:
    client = await lok("owner")
    with pytest.raises(InvalidRequestError) as caught:
        await client.list_reservations(page_size=500)
    assert caught.value.status_code == 400 and caught.value.type == "INVALID_REQUEST"
    assert caught.value.keys == ["page_size"]
    assert "page_size" in caught.value.user_message
    assert_readable(caught.value)


async def test_wrong_secret_is_an_invalid_client(lok: Clients) -> None:
    wrong = "definitely-not-the-secret"
    client = await lok("owner", secret=wrong)
    with pytest.raises(InvalidClientError) as caught:
        await client.sign_in()
    error = caught.value
    assert error.status_code == 401 and error.type == "INVALID_CLIENT"
    assert_readable(error)
    for text in (str(error), repr(error), error.user_message, repr(client)):
        assert wrong not in text
    # Every later call fails the same way, and nothing was cached as a token.
    with pytest.raises(InvalidClientError):
        await client.list_locations()
    assert client.token_expires_at is None
