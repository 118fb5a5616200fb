"""Every list the desk walks loses and repeats nothing against a production-like Lok that caps its page
size without saying so, ignores `page`, or repeats a page: the sync engine, the token index, the Today
board, the reservations lists (company, location, pre-reservations, shipping), the owner's directories
and the session's locations all go through the one page loop (api/paging.PageWalk)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

import pytest

from lok_desk.api import Credentials, RetryPolicy, models
from lok_desk.core import rules
from lok_desk.core.owner.directories import DirectoriesPresenter
from lok_desk.core.reservations.listing import ListKind, ListQuery, ListState, ReservationList
from lok_desk.core.service import DeskService
from lok_desk.core.session import open_desk_session
from lok_desk.core.store import Origin, ReservationStore, StoreChange
from lok_desk.core.sync import SyncEngine
from lok_desk.core.today import load_board
from lok_desk.core.token_fill import TokenFill
from lok_desk.core.walks import reservation_walk

from .conftest import Clients, Waits, use
from .server import BASE_TIME, CLIENTS, ProductionServer

#: (paging, page_cap, ignore_page, repeat_pages): the ways a server pages that the walks must survive.
SERVERS = [
    pytest.param("silent_cap", 25, False, False, id="silent-cap-25"),
    pytest.param("capped", 20, False, False, id="capped-20"),
    pytest.param("contract", 100, True, False, id="ignores-page"),
    pytest.param("contract", 100, False, True, id="repeats-pages"),
    pytest.param("silent_cap", 25, False, True, id="silent-cap-and-repeats"),
    pytest.param("bare_list", 20, False, True, id="bare-list-and-repeats"),
]


class CountingStore(ReservationStore):
    """A store that remembers every reservation id handed to it, so a repeat cannot hide in a merge."""

    def __init__(self) -> None:
        super().__init__()
        self.handed: list[str] = []

    def merge(self, reservations: Iterable[models.Reservation], origin: Origin,
              authoritative: bool = False) -> StoreChange:
        listed = list(reservations)
        self.handed.extend(r.id for r in listed if r.id)
        return super().merge(listed, origin, authoritative=authoritative)


def _serve(production: ProductionServer, paging: str, cap: int, ignore: bool, repeat: bool) -> None:
    use(production, paging=paging, page_cap=cap, ignore_page=ignore, repeat_pages=repeat)
    production.lok.repeated.clear()


def _all_ids(production: ProductionServer, location: str | None = None, *,
             kind: ListKind = ListKind.RESERVATIONS) -> list[str]:
    """What the server holds for a list (#7: the unconfirmed; #18: those with a shipment)."""
    return sorted(r["id"] for r in production.lok.reservations
                  if location in (None, r["location"])
                  and not (kind is ListKind.PRE_RESERVATIONS and r["is_confirmed"])
                  and not (kind is ListKind.WITH_SHIPMENT and r["shipping"] is None))


async def _service(connect: Clients, store: ReservationStore | None = None) -> DeskService:
    client = await connect()
    return DeskService(client, store, role=rules.Role.OWNER)


@pytest.mark.parametrize(("paging", "cap", "ignore", "repeat"), SERVERS)
async def test_the_reservation_walk_of_the_company_and_of_a_location(
    paging: str, cap: int, ignore: bool, repeat: bool, production: ProductionServer, connect: Clients
) -> None:
    _serve(production, paging, cap, ignore, repeat)
    service = await _service(connect)
    everything = models.ReservationFilters(only_active=False)
    for location, size in ((None, 100), ("2", 15)):
        walk = reservation_walk(service, everything, location_id=location, page_size=size)
        ids = [r.id async for page in walk for r in page.reservations]
        assert sorted(ids) == _all_ids(production, location), (location, walk.problem)
        assert walk.complete is True and walk.problem is None


@pytest.mark.parametrize(("paging", "cap", "ignore", "repeat"), SERVERS)
async def test_the_sync_engine_reads_every_reservation_once(
    paging: str, cap: int, ignore: bool, repeat: bool, production: ProductionServer, connect: Clients
) -> None:
    _serve(production, paging, cap, ignore, repeat)
    store = CountingStore()
    engine = SyncEngine(await _service(connect, store), store)
    await engine.sync_once()   # the first round is a full check of the active list
    assert sorted(store.ids()) == _all_ids(production)
    counted = Counter(store.handed)
    assert set(counted.values()) == {1}, "a reservation was handed over twice"


@pytest.mark.parametrize(("paging", "cap", "ignore", "repeat"), SERVERS)
async def test_the_token_index_reads_the_recently_finished_once(
    paging: str, cap: int, ignore: bool, repeat: bool, production: ProductionServer, connect: Clients
) -> None:
    _serve(production, paging, cap, ignore, repeat)
    store = CountingStore()
    # "Now" just after the seed: every record the server sends is within the last seven days.
    fill = TokenFill(await _service(connect, store), store, now=lambda: BASE_TIME + timedelta(hours=1))
    await fill._read_recent_finished(None)
    assert sorted(store.handed) == _all_ids(production)


@pytest.mark.parametrize(("paging", "cap", "ignore", "repeat"), SERVERS)
async def test_the_today_board_loads_both_lists_whole(
    paging: str, cap: int, ignore: bool, repeat: bool, production: ProductionServer, connect: Clients
) -> None:
    _serve(production, paging, cap, ignore, repeat)
    store = CountingStore()
    await load_board(await _service(connect, store), store, now=BASE_TIME + timedelta(hours=1))
    # The server ignores the lists' filters: the active list and the finished one are both everything.
    assert sorted(store.ids()) == _all_ids(production)
    assert set(Counter(store.handed).values()) == {2}


@pytest.mark.parametrize(("paging", "cap", "ignore", "repeat"), SERVERS)
async def test_every_reservations_list_of_the_pane(
    paging: str, cap: int, ignore: bool, repeat: bool, production: ProductionServer, connect: Clients
) -> None:
    if not ignore:   # past 100 records a server that ignores `page` cannot be walked (tested below)
        production.lok.seed(reservations=900)   # 150 with a shipment: the shipping list spans pages too
    _serve(production, paging, cap, ignore, repeat)
    listing = ReservationList(await _service(connect))
    for kind, location in ((ListKind.RESERVATIONS, None), (ListKind.RESERVATIONS, "1"),
                           (ListKind.PRE_RESERVATIONS, None), (ListKind.WITH_SHIPMENT, None)):
        walk = listing.walk(ListQuery(ListState.ALL, kind, location))
        ids = [r.id async for page in walk for r in page.reservations]
        expected = _all_ids(production, location, kind=kind)
        assert sorted(ids) == expected, (kind, location, walk.problem)
        assert walk.complete is True


def _more_directories(production: ProductionServer, count: int) -> list[str]:
    first = production.lok.directories[0]
    production.lok.directories += [{**first, "id": f"D{n}", "name": f"Directorio {n}"}
                                   for n in range(2, count + 1)]
    return sorted(d["id"] for d in production.lok.directories)


@pytest.mark.parametrize(("paging", "cap", "ignore", "repeat"), SERVERS)
async def test_the_owners_directories(
    paging: str, cap: int, ignore: bool, repeat: bool, production: ProductionServer, connect: Clients
) -> None:
    expected = _more_directories(production, 60)
    _serve(production, paging, cap, ignore, repeat)
    presenter = DirectoriesPresenter(await _service(connect))
    assert await presenter.load_list() is None
    ids = [d.id for d in presenter.directories]
    assert sorted(ids) == expected and presenter.incomplete is None


@pytest.mark.parametrize(("paging", "cap", "ignore", "repeat"), SERVERS)
async def test_the_sessions_locations(
    paging: str, cap: int, ignore: bool, repeat: bool, production: ProductionServer, waits: Waits
) -> None:
    first = production.lok.locations[0]
    production.lok.locations += [{**first, "id": str(n), "internal_name": f"Casillero {n}"}
                                 for n in range(10, 70)]
    expected = sorted(str(loc["id"]) for loc in production.lok.locations)
    _serve(production, paging, min(cap, 25), ignore, repeat)
    secret = CLIENTS["prod-owner"][0]
    session = await open_desk_session(
        base_url=production.api_url, credentials=Credentials("prod-owner", secret), token_cache=None,
        environment="PRODUCTION", retry=RetryPolicy(attempts=3, sleep=waits))
    try:
        assert sorted(loc.id for loc in session.locations) == expected
    finally:
        await session.aclose()


async def test_a_server_that_ignores_page_past_one_full_page_is_reported_not_silent(
    production: ProductionServer, connect: Clients
) -> None:
    # 57 records, at most 25 a page, every page number answered with page 1: nothing can bring the
    # rest, so the walk ends incomplete and says why (never a silent short list, never a repeat).
    _serve(production, "silent_cap", 25, True, False)
    service = await _service(connect)
    walk = reservation_walk(service, models.ReservationFilters(only_active=False))
    ids = [r.id async for page in walk for r in page.reservations]
    assert len(ids) == len(set(ids)) == 25
    assert walk.complete is False and walk.problem is not None and "page number" in walk.problem


def test_the_variants_are_real(production: ProductionServer) -> None:
    # The fault knobs this file relies on exist on the production-variant server.
    fields: dict[str, Any] = vars(production.lok.variant)
    assert "ignore_page" in fields and "repeat_pages" in fields
