"""Ctrl+F as a presenter: a token, confirmation code, shipment id or reservation id to its reservation,
from the store, widened by the recent reservations read from Lok; what a miss searched; what the store
shows before Lok answers (no Qt)."""

from __future__ import annotations

from lok_desk.core.reservations.find import ReservationFinder, remembered
from tests.e2e.conftest import FIRST_LOCATION, SECOND_LOCATION, Clients, SandboxControl

from .conftest import ServiceFactory, direct_request


async def test_tokens_and_confirmation_codes_are_found_in_the_store_without_asking_lok(
    desk: ServiceFactory, lok: Clients
) -> None:
    service = await desk("owner")
    created = await service.create_reservation(FIRST_LOCATION, direct_request("FIND-TOKEN-1"))
    rid = created.reservation.id
    finder = ReservationFinder(service)
    log = lok.log(service._client)
    log.clear()
    for text in (f"  {created.tokens.pickup_token}\n", (created.tokens.delivery_token or "").lower(),
                 created.confirmation_code or "", "FIND-TOKEN-1", rid or ""):
        found = await finder.find(text)
        assert found.found and found.reservation_id == rid and found.result is None, text
    assert log.starts() == [], "the store answered every one"


async def test_what_the_store_does_not_know_is_found_after_reading_the_recent_reservations(
    desk: ServiceFactory
) -> None:
    # The text itself is never sent to Lok (test_find_discloses_nothing.py): the recent reservations
    # are read into the store and the store answers.
    other = await desk("seller")
    made = await other.create_reservation(FIRST_LOCATION, direct_request("FIND-ELSEWHERE-1"))
    service = await desk("owner")
    finder = ReservationFinder(service)
    by_shipment = await finder.find("FIND-ELSEWHERE-1")
    assert by_shipment.reservation_id == made.reservation.id and by_shipment.matched == "shipment_id"
    fresh = await desk("owner")
    by_id = await ReservationFinder(fresh).find(made.reservation.id or "")
    assert by_id.matched == "id" and by_id.result is None
    assert made.reservation.id in fresh.store   # read by the walk: merged


async def test_a_miss_says_what_was_searched(desk: ServiceFactory) -> None:
    service = await desk("owner")
    finder = ReservationFinder(service)
    assert not (await finder.find("NO-SUCH-THING-42")).found
    assert not (await finder.find("   ")).found
    searched = finder.searched()
    assert searched.tokens_visible and searched.reservations == len(service.store)
    reporter = ReservationFinder(await desk("reporter")).searched()
    assert not reporter.tokens_visible


async def test_an_employee_is_searched_at_their_own_location(desk: ServiceFactory) -> None:
    other = await desk("owner")
    await other.create_reservation(SECOND_LOCATION, direct_request("FIND-OTHER-LOC"))
    employee = await desk("employee")
    finder = ReservationFinder(employee, own_location=FIRST_LOCATION)
    assert not (await finder.find("FIND-OTHER-LOC")).found


async def test_lok_unreachable_is_an_error_not_a_miss(desk: ServiceFactory, control: SandboxControl) -> None:
    service = await desk("owner")
    await control.faults({"path": ".*/reservations.*", "status": 503, "times": 50})
    found = await ReservationFinder(service).find("FIND-DOWN-1")
    assert not found.found and found.error is not None


async def test_the_store_shows_a_known_reservation_with_its_tokens_at_once(desk: ServiceFactory) -> None:
    service = await desk("owner")
    created = await service.create_reservation(FIRST_LOCATION, direct_request("FIND-MEMORY-1"))
    shown = remembered(service, created.reservation.id or "")
    assert shown is not None and shown.tokens.pickup_token == created.tokens.pickup_token
    assert remembered(service, "rsv-unknown") is None
