"""A searched text never leaves the desk: Ctrl+F and the code inspector read the company's recent
reservations into the local index and search there; what was typed goes into no URL and no log line,
so a reporter reading Lok's action log never sees a code (no Qt)."""

from __future__ import annotations

import logging

import pytest

from lok_desk.api import LokClient
from lok_desk.core.codes import Searched, look_up_code
from lok_desk.core.reservations.find import ReservationFinder
from tests.e2e.conftest import FIRST_LOCATION, Clients

from .conftest import ServiceFactory, direct_request

TYPO = "ZQ7-TYPO-4K2M"  # a customer's mistyped code, another company's code: nothing this desk knows


def _mentions(text: str, entries: list[str]) -> list[str]:
    return [entry for entry in entries if text.lower() in entry.lower()]


async def _reporters_view(lok: Clients) -> list[str]:
    reporter: LokClient = await lok("reporter")
    # Reads only: the seller's own create names its shipment id, as it should.
    return [f"{e.resource} {e.payload or ''}" for e in await reporter.get_action_logs()
            if (e.resource or "").startswith("GET")]


async def test_a_miss_sends_nothing_typed_to_lok_and_logs_nothing_even_verbose(
    desk: ServiceFactory, lok: Clients, caplog: pytest.LogCaptureFixture
) -> None:
    service = await desk("owner")
    with caplog.at_level(logging.DEBUG):  # what --verbose writes to the log file
        found = await ReservationFinder(service).find(TYPO)
        inspected = await look_up_code(TYPO, service.store, service)
    assert not found.found and found.error is None
    assert inspected.reservation is None and inspected.error is None
    assert _mentions(TYPO, await _reporters_view(lok)) == []
    assert TYPO.lower() not in caplog.text.lower()
    sent = [e.path for e in lok.log(service._client).starts()]
    assert _mentions(TYPO, sent) == []


async def test_a_recent_reservation_the_desk_had_not_loaded_is_found_locally_after_reading_the_recent_ones(
    desk: ServiceFactory, lok: Clients
) -> None:
    other = await desk("seller")
    made = await other.create_reservation(FIRST_LOCATION, direct_request("FIND-PRIVATE-1"))
    rid = made.reservation.id or ""
    service = await desk("owner")
    assert rid not in service.store
    finder = ReservationFinder(service)
    by_shipment = await finder.find("FIND-PRIVATE-1")
    assert by_shipment.reservation_id == rid and by_shipment.matched == "shipment_id"
    assert (await ReservationFinder(await desk("owner")).find(rid)).reservation_id == rid
    inspected = await look_up_code("FIND-PRIVATE-1", (fresh := await desk("owner")).store, fresh)
    assert inspected.reservation is not None and inspected.reservation.id == rid
    assert _mentions("FIND-PRIVATE-1", await _reporters_view(lok)) == []
    # The inspector says what was searched: the recent reservations read from Lok, for so many days.
    miss = await look_up_code(TYPO, fresh.store, fresh)
    places = dict(miss.searched)
    assert Searched.RECENT_ON_LOK in places and places[Searched.RECENT_ON_LOK] == 30
    assert finder.searched().recent_days == 30
