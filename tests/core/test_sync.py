"""The sync engine against a real sandbox: incremental rounds, a finish between two rounds, a server
that ignores sort, clock jumps, 429 and offline back-off, and recovery (no Qt)."""

from __future__ import annotations

from typing import Any

from lok_desk.api import LokClient, LokError, models
from lok_desk.core.service import DeskService
from lok_desk.core.store import Origin, ReservationStore, StoreChange
from lok_desk.core.sync import SyncEngine, SyncSettings, retry_after
from tests.e2e.conftest import FIRST_LOCATION, Clients, SandboxControl, reservation_request


async def _loaded(client: LokClient, location_id: str | None = None) -> tuple[DeskService, ReservationStore]:
    """A store filled as the pane fills it: the active list, every page."""
    service = DeskService(client)
    filters = models.ReservationFilters(status="active")
    page = 1
    while True:
        if location_id is None:
            result = await service.list_reservations(filters, page=page, page_size=100)
        else:
            result = await service.list_location_reservations(location_id, filters, page=page, page_size=100)
        service.store.merge(result.reservations, Origin.LOAD)
        if result.is_last(page, 100):
            return service, service.store
        page += 1


async def _create(client: LokClient, location_id: str = FIRST_LOCATION) -> models.ReservationCreated:
    return await client.create_reservation(location_id, reservation_request())


def _heard(store: ReservationStore) -> list[StoreChange]:
    heard: list[StoreChange] = []
    store.subscribe(heard.append)
    return heard


async def test_a_round_with_nothing_changed_is_one_small_request(lok: Clients) -> None:
    client = await lok("owner")
    service, store = await _loaded(client)
    engine = SyncEngine(service, store)
    heard = _heard(store)
    first = await engine.sync_once()
    # Finished reservations changed recently are newer than the active list's newest stamp: read once.
    second = await engine.sync_once()
    assert second.requests == 1 and second.merged == 0 and first.requests <= 2
    assert all(change.origin is Origin.SYNC for change in heard)


async def test_a_kiosk_delivery_and_a_new_reservation_arrive_by_the_next_round(
    lok: Clients, control: SandboxControl
) -> None:
    owner = await lok("owner")
    other_desk = await lok("employee")
    created = await _create(other_desk)
    service, store = await _loaded(owner)
    engine = SyncEngine(service, store)
    await engine.sync_once()
    assert store.status(created.reservation.id or "") == "reserved"
    heard = _heard(store)

    delivered = await control.kiosk(created.tokens.delivery_token or "")
    assert delivered.status_code == 200
    fresh = await _create(other_desk)
    report = await engine.sync_once()

    assert report.requests == 1
    assert store.status(created.reservation.id or "") == "delivered"
    assert fresh.reservation.id in store
    moved = {(s.reservation_id, s.before, s.after) for change in heard for s in change.statuses}
    assert (created.reservation.id, "reserved", "delivered") in moved


async def test_a_reservation_finishing_between_two_rounds_leaves_the_active_view(lok: Clients) -> None:
    owner = await lok("owner")
    other_program = await lok("seller")
    created = await _create(other_program)
    service, store = await _loaded(owner)
    engine = SyncEngine(service, store)
    await engine.sync_once()
    reservation_id = created.reservation.id or ""
    assert reservation_id in {r.id for r in store.active()}
    heard = _heard(store)

    await other_program.cancel_reservation(reservation_id)
    await engine.sync_once()

    assert store.status(reservation_id) == "cancelled"
    assert reservation_id not in {r.id for r in store.active()}
    assert reservation_id in {r.id for r in store.finished()}
    assert any(reservation_id in change.finished for change in heard)


class _IgnoresSort:
    """The real service, asked the way a server that ignores `sort` answers: without it (Lok's default
    order, newest created first)."""

    def __init__(self, service: DeskService) -> None:
        self.service = service
        self.sorted_asks = 0

    def _unsorted(self, filters: models.ReservationFilters | None) -> models.ReservationFilters | None:
        if filters is not None and filters.sort:
            self.sorted_asks += 1
            return filters.model_copy(update={"sort": None})
        return filters

    async def list_reservations(self, filters: models.ReservationFilters | None = None, **kw: Any
                                ) -> models.ReservationPage:
        return await self.service.list_reservations(self._unsorted(filters), **kw)

    async def list_location_reservations(
        self, location_id: str, filters: models.ReservationFilters | None = None, **kw: Any
    ) -> models.ReservationPage:
        return await self.service.list_location_reservations(location_id, self._unsorted(filters), **kw)

    async def get_reservation(self, reservation_id: str, *, include_tokens: bool = True
                              ) -> models.ReservationWithTokens:
        return await self.service.get_reservation(reservation_id, include_tokens=include_tokens)


async def test_a_server_that_ignores_sort_gets_a_full_check_of_the_active_list(
    lok: Clients, control: SandboxControl
) -> None:
    owner = await lok("owner")
    other_desk = await lok("employee")
    older = await _create(other_desk)
    await _create(other_desk)   # a newer creation sorts above the older one's later change
    service, store = await _loaded(owner)
    ignoring = _IgnoresSort(service)
    engine = SyncEngine(ignoring, store, settings=SyncSettings(full_check_interval_s=0.0))
    first = await engine.sync_once()
    # The seed's default order (newest created first) is not newest-changed first: seen at once.
    assert engine.sort_ignored and first.full_check

    await control.kiosk(older.tokens.delivery_token or "")
    picked = await _create(other_desk)
    await control.kiosk(picked.tokens.delivery_token or "")
    await control.kiosk(picked.tokens.pickup_token or "")   # finished: gone from the active list
    report = await engine.sync_once()

    assert engine.sort_ignored and report.full_check
    assert store.status(older.reservation.id or "") == "delivered"
    assert store.status(picked.reservation.id or "") == "picked_up"
    asks = ignoring.sorted_asks
    await engine.sync_once()
    assert ignoring.sorted_asks == asks   # no more sorted asks once the server is known to ignore them


async def test_a_clock_jump_forward_expires_pre_reservations_seen_by_the_next_round(
    lok: Clients, control: SandboxControl
) -> None:
    owner = await lok("owner")
    service, store = await _loaded(owner)
    pending = [r.id for r in store.active() if store.status(r.id or "") == "pending"]
    assert pending, "the seed has unconfirmed pre-reservations"
    engine = SyncEngine(service, store, settings=SyncSettings(max_pages=50))
    await engine.sync_once()
    await control.advance(10 * 24 * 3600)
    await service.list_reservations(page_size=1)   # any list call lets the sandbox expire what is due
    await engine.sync_once()
    assert {store.status(rid or "") for rid in pending} == {"cancelled"}


async def test_a_clock_moved_back_is_caught_by_a_full_check(lok: Clients, control: SandboxControl) -> None:
    owner = await lok("owner")
    other_desk = await lok("employee")
    created = await _create(other_desk)
    service, store = await _loaded(owner)
    moved = {"flag": False}

    async def read_clock() -> bool:
        flag, moved["flag"] = moved["flag"], False
        return flag

    engine = SyncEngine(service, store, read_clock=read_clock, settings=SyncSettings(clock_every_s=0.0))
    await engine.sync_once()
    await control.advance(-6 * 3600)
    await control.kiosk(created.tokens.delivery_token or "")   # stamped six hours "earlier"
    await engine.sync_once()
    assert store.status(created.reservation.id or "") == "reserved"   # incremental cannot see it
    moved["flag"] = True
    engine.full_check_soon()
    report = await engine.sync_once()
    assert report.full_check
    record = store.get(created.reservation.id or "")
    # The delivery is merged (longer history wins). Its event is dated before the first one, and
    # models.Reservation.current_status trusts dates over order, so the status read stays "reserved".
    assert record is not None and [e.status for e in record.event_history] == ["reserved", "delivered"]


async def test_429_and_offline_back_off_and_recover(lok: Clients, control: SandboxControl) -> None:
    owner = await lok("owner")
    service, store = await _loaded(owner)
    settings = SyncSettings(active_interval_s=2.0, max_backoff_s=16.0)
    engine = SyncEngine(service, store, settings=settings)
    failures: list[LokError] = []
    engine.on_failed.append(failures.append)
    # The client itself retries a 429 on a GET (its RetryPolicy), so the fault outlasts its attempts.
    await control.faults({"method": "GET", "path": "/api/v2/company/reservations", "status": 429,
                          "times": 10})
    try:
        await engine.sync_once()
    except LokError as error:
        engine._failed(error)
    assert failures and failures[0].status_code == 429 and engine.interval == 4.0

    await control.faults({"method": "GET", "path": "/api/v2/company/reservations", "drop": True, "times": 50})
    try:
        await engine.sync_once()
    except LokError as error:
        engine._failed(error)
    assert engine.interval == 8.0   # doubled again, capped at max_backoff_s later
    for _ in range(3):
        engine._failed(failures[-1])
    assert engine.interval == 16.0

    await control.clear_faults()
    created = await _create(await lok("seller"))
    await engine.sync_once()          # the server answers: back to the normal pace, no key press
    assert engine.interval == 2.0 and created.reservation.id in store


def test_retry_after_is_read_from_the_error_when_it_carries_it() -> None:
    assert retry_after(LokError("slow down", status_code=429, data={"retry_after": "7"})) == 7.0
    assert retry_after(LokError("slow down", status_code=429)) is None
    carried = LokError("slow down", status_code=429)
    carried.retry_after_s = 3.0   # what lok_desk.api sets from the Retry-After header
    assert retry_after(carried) == 3.0


async def test_an_employee_desk_syncs_only_its_location(lok: Clients) -> None:
    employee = await lok("employee")
    service, store = await _loaded(employee, FIRST_LOCATION)
    engine = SyncEngine(service, store, location_id=FIRST_LOCATION)
    created = await _create(employee)
    await engine.sync_once()
    assert created.reservation.id in store
    assert {r.location_id for r in store} == {FIRST_LOCATION}
