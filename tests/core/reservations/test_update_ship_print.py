"""Changing and shipping an unconfirmed pre-reservation as presenters, and which slip is offered for it
before and after it is confirmed (no Qt)."""

from __future__ import annotations

from lok_desk.api import models
from lok_desk.core.codes import SlipKind
from lok_desk.core.reservations.printing import slip_offer
from lok_desk.core.reservations.shipment import ShipmentPresenter
from lok_desk.core.reservations.update import UpdatePresenter
from lok_desk.core.service import DeskService
from tests.e2e.conftest import FIRST_LOCATION, shipment_id, soon

from .conftest import ServiceFactory, direct_request


async def _pre_reservation(service: DeskService) -> models.ReservationCreated:
    found = await service.search_available_locations(models.AvailabilitySearch(
        coords=models.SearchCoords(longitude=-99.2036, latitude=19.4397), max_distance=5_000, limit=5,
        size="m"))
    request = models.PreReservationRequest(
        size="m", shipment_id=shipment_id("pre"), delivery_date=soon(1),
        package_info=models.ReservationPackageInfo(weight=2.0, value=800.0, description="Ropa"),
        contact_info=models.ContactInfo(name="Camila Ruiz", email="camila@example.test"))
    return await service.create_pre_reservation(FIRST_LOCATION, found.grant or "", request)


async def test_update_starts_from_the_reservation_checks_and_sends_what_changed(desk: ServiceFactory) -> None:
    service = await desk("owner")
    pre = await _pre_reservation(service)
    update = UpdatePresenter(service, pre.reservation.id or "")
    assert update.values["weight"] == "2" and update.values["contact_name"] == "Camila Ruiz"
    update.values["contact_email"], update.values["weight"] = "camila@", "dos"
    checked = await update.submit()
    assert checked is not None and set(checked.messages) == {"weight", "contact_email"}
    assert update.result is None and update.values["contact_email"] == "camila@"
    update.values["contact_email"], update.values["weight"] = "camila@example.test", "3"
    update.values["description"] = "Ropa, Zapatos"
    update.delivery_date = soon(3)
    checked = await update.submit()
    assert checked is not None and checked.ok and update.result is not None
    stored = service.store.get(pre.reservation.id or "")
    assert stored is not None and stored.package_info is not None
    assert stored.package_info.description == "Ropa, Zapatos" and stored.delivery_due_date == soon(3)


async def test_a_past_delivery_date_is_refused_at_its_field(desk: ServiceFactory) -> None:
    service = await desk("owner")
    pre = await _pre_reservation(service)
    update = UpdatePresenter(service, pre.reservation.id or "")
    update.delivery_date = soon(-2)
    checked = await update.submit()
    assert checked is not None and list(checked.messages) == ["delivery_date"]
    assert checked.messages["delivery_date"].english() == "Pick a delivery date in the future."


async def test_shipment_needs_a_quote_a_change_voids_it_and_the_request_confirms(
    desk: ServiceFactory,
) -> None:
    service = await desk("owner")
    pre = await _pre_reservation(service)
    rid = pre.reservation.id or ""
    ship = ShipmentPresenter(service, rid)
    checked = await ship.quote()
    assert set(checked.messages) == {"street", "number", "town", "zip_code", "phone"}
    for key, text in {"street": "Insurgentes Sur", "number": "1602", "town": "Crédito Constructor",
                      "zip_code": "03100", "phone": "+52 55 9876 5432"}.items():
        ship.edit(key, text)
    submitted = await ship.submit()
    assert not submitted.ok and submitted.general is not None and submitted.messages == {}
    assert (await ship.quote()).ok and ship.quoted is not None and ship.quoted.fee
    assert ship.edit("number", "1603") and ship.quoted is None   # the address changed: quote again
    assert (await ship.quote()).ok
    assert (await ship.submit()).ok and ship.result is not None
    assert service.store.status(rid) == "reserved"


async def test_no_courier_slip_for_a_pending_pre_reservation_until_it_is_confirmed(
    desk: ServiceFactory
) -> None:
    service = await desk("owner")
    pre = await _pre_reservation(service)
    offer = slip_offer(pre.reservation, pre.tokens)
    assert SlipKind.COURIER not in offer.slips and offer.fitting is None
    assert offer.why_not is not None and "not confirmed yet" in offer.why_not.english()
    created = await service.create_reservation(FIRST_LOCATION, direct_request("SLIP-OFFER-1"))
    offer = slip_offer(created.reservation, created.tokens)
    assert offer.slips[0] is SlipKind.COURIER and offer.fitting is SlipKind.COURIER and offer.why_not is None
    assert slip_offer(created.reservation, None).slips == ()
