"""The reservations list presenter against a real sandbox (and a production-like Lok): every page walked
once, counts, refresh in place, stop, a failed load keeping the list, and the store's changes (no Qt)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from lok_desk.api import Credentials, LokClient, models
from lok_desk.core import rules
from lok_desk.core.reservations.listing import ListKind, ListState, ReservationList
from lok_desk.core.service import DeskService
from tests.e2e.conftest import FIRST_LOCATION, SandboxControl
from tests.production.server import CLIENTS, ProductionLok, ProductionServer, Variant

from .conftest import ServiceFactory, direct_request


class Screen:
    """What a view bound to the presenter would show: the ids of its rows, in order."""

    def __init__(self, listing: ReservationList) -> None:
        self.rows: dict[str, models.Reservation] = {}
        self.cleared = 0
        self.first_pages = 0
        listing.on_clear = self.clear
        listing.on_rows = lambda rows: self.rows.update((r.id or "", r) for r in rows)
        listing.on_remove = lambda ids: [self.rows.pop(rid, None) for rid in ids]
        listing.on_first_page = self.first_page

    def clear(self) -> None:
        self.cleared += 1
        self.rows.clear()

    def first_page(self) -> None:
        self.first_pages += 1


async def test_the_active_list_walks_every_page_into_the_store_and_counts(desk: ServiceFactory) -> None:
    service = await desk("owner")
    listing = ReservationList(service, page_size=25)
    screen = Screen(listing)
    await listing.refresh()
    assert not listing.loading and listing.complete is True and not listing.failed
    assert len(screen.rows) == listing.read == len(listing) > 25   # more than one page
    assert listing.total == listing.read and listing.unreadable == 0
    assert screen.first_pages == 1
    assert set(screen.rows) <= set(service.store.ids())
    assert all(not rules.is_finished(str(r.current_status)) for r in screen.rows.values())


async def test_an_employee_lists_only_their_location_and_each_filter_asks_lok(desk: ServiceFactory) -> None:
    service = await desk("employee")
    listing = ReservationList(service, location_id=FIRST_LOCATION)
    screen = Screen(listing)
    await listing.refresh()
    assert screen.rows and {r.location_id for r in screen.rows.values()} == {FIRST_LOCATION}
    listing.state = ListState.FINISHED
    await listing.refresh()
    assert screen.cleared == 2   # another query: a new list
    assert screen.rows and all(rules.is_finished(str(r.current_status)) for r in screen.rows.values())


async def test_refresh_in_place_keeps_rows_and_drops_what_left_only_at_the_end(
    desk: ServiceFactory, lok: object
) -> None:
    service = await desk("owner")
    other = await desk("seller")
    created = await other.create_reservation(FIRST_LOCATION, direct_request("INPLACE-1"))
    listing = ReservationList(service)
    screen = Screen(listing)
    await listing.refresh()
    rid = created.reservation.id or ""
    assert rid in screen.rows
    await other.cancel_reservation(rid)
    await listing.refresh()
    assert screen.cleared == 1, "the same query refreshes in place"
    assert rid not in screen.rows and rid not in listing


async def test_the_selected_row_stays_until_the_person_moves_on(desk: ServiceFactory) -> None:
    service = await desk("owner")
    listing = ReservationList(service)
    screen = Screen(listing)
    await listing.refresh()
    unsubscribe = service.store.subscribe(listing.follow)
    # The desk's own write joins the list at once (the store tells the presenter).
    created = await service.create_reservation(FIRST_LOCATION, direct_request("FOLLOW-1"))
    rid = created.reservation.id or ""
    assert rid in screen.rows
    listing.selected_id = rid
    await service.cancel_reservation(rid)   # merged as OWN: the row shows "cancelled" while selected
    assert rid in screen.rows and str(screen.rows[rid].current_status) == "cancelled"
    listing.selected_id = None
    listing.leave_if_left(rid)
    assert rid not in screen.rows
    unsubscribe()


async def test_stop_keeps_what_arrived(desk: ServiceFactory) -> None:
    service = await desk("owner")
    listing = ReservationList(service, page_size=10)
    screen = Screen(listing)
    listing.on_first_page = listing.stop
    await listing.refresh()
    assert listing.stopped and not listing.loading and listing.complete is None
    assert len(screen.rows) == listing.read == 10


async def test_a_failed_load_keeps_the_list_and_says_why(
    desk: ServiceFactory, control: SandboxControl
) -> None:
    service = await desk("owner")
    listing = ReservationList(service)
    screen = Screen(listing)
    await listing.refresh()
    before = dict(screen.rows)
    await control.faults({"method": "GET", "path": ".*/reservations.*", "status": 500, "times": 20})
    await listing.refresh()
    assert listing.failed and listing.error is not None and not listing.loading
    assert screen.rows.keys() == before.keys()
    await control.clear_faults()
    await listing.refresh()
    assert not listing.failed


async def test_pre_reservations_and_shipments_are_their_own_lists(desk: ServiceFactory) -> None:
    service = await desk("owner")
    listing = ReservationList(service)
    screen = Screen(listing)
    listing.kind = ListKind.WITH_SHIPMENT
    listing.state = ListState.ALL
    await listing.refresh()
    assert screen.rows and all(r.shipping is not None for r in screen.rows.values())


@pytest.fixture
def production() -> Iterator[ProductionServer]:
    server = ProductionServer(ProductionLok()).start()
    try:
        yield server
    finally:
        server.close()


async def _production_list(production: ProductionServer) -> tuple[ReservationList, Screen]:
    client = LokClient(production.api_url, credentials=Credentials("prod-owner", CLIENTS["prod-owner"][0]))
    await client.open()
    try:
        listing = ReservationList(DeskService(client, role=rules.Role.OWNER))
        screen = Screen(listing)
        await listing.refresh()
    finally:
        await client.aclose()
    return listing, screen


async def test_records_lok_sent_but_the_desk_cannot_read_are_counted(production: ProductionServer) -> None:
    production.lok.variant = Variant(unreadable_per_page=2)
    listing, screen = await _production_list(production)
    assert screen.rows
    assert listing.unreadable >= 2 and listing.unreadable % 2 == 0   # two a page, every page counted


@pytest.mark.parametrize("paging", ["silent_cap", "bare_list"])
async def test_a_page_size_capped_without_a_word_loses_no_reservation(
    paging: str, production: ProductionServer
) -> None:
    _, expected = await _production_list(production)
    assert len(expected.rows) > 20
    production.lok.variant = Variant(paging=paging, page_cap=20)
    listing, shown = await _production_list(production)
    assert sorted(shown.rows) == sorted(expected.rows)
    assert listing.read == len(shown.rows), "a record read twice"
