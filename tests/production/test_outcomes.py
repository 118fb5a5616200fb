"""Honest outcomes: Retry-After is honoured, creates reconcile, lost cancels and empty writes count as done,
redirects keep the token on its own origin."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from lok_desk.api import (
    LokError,
    LokRateLimitedError,
    LokRedirectError,
    RetryPolicy,
    models,
)

from .conftest import Clients, Waits, use
from .server import ProductionServer, Throttle, http_date

EVERYTHING = models.ReservationFilters(only_active=False)


def _count(server: ProductionServer, method: str, path: str) -> int:
    return sum(1 for s in server.lok.seen if s.method == method and s.path == path)


async def test_429_and_503_wait_what_retry_after_says(
    production: ProductionServer, connect: Clients, waits: Waits
) -> None:
    client = await connect()
    await client.get_user()
    later = http_date(datetime.now(UTC) + timedelta(seconds=12))
    production.lok.throttles[("GET", "/company/locations")] = Throttle([(429, "2"), (503, later)])
    page = await client.list_locations()
    assert len(page.locations) == len(production.lok.locations)
    assert waits.delays[0] == 2.0
    assert 9.0 <= waits.delays[1] <= 12.0  # an HTTP date, counted from the client's clock
    assert _count(production, "GET", "/company/locations") == 3


async def test_a_long_retry_after_is_handed_to_the_person(
    production: ProductionServer, connect: Clients, waits: Waits
) -> None:
    client = await connect(retry=RetryPolicy(attempts=3, sleep=waits, max_retry_after=30.0))
    production.lok.throttles[("GET", "/company/locations")] = Throttle([(429, "120")])
    with pytest.raises(LokRateLimitedError) as caught:
        await client.list_locations()
    assert caught.value.retry_after_s == 120.0 and caught.value.status_code == 429
    assert "Lok asked us to wait 120 s" in caught.value.user_message
    assert waits.delays == [] and _count(production, "GET", "/company/locations") == 1


async def test_throttling_without_retry_after_backs_off_then_reports(
    production: ProductionServer, connect: Clients, waits: Waits
) -> None:
    client = await connect()
    production.lok.throttles[("GET", "/company/locations")] = Throttle([(429, None)] * 3)
    with pytest.raises(LokRateLimitedError) as caught:
        await client.list_locations()
    assert caught.value.retry_after_s is None
    assert len(waits.delays) == 2 and all(0 < d <= 4.0 for d in waits.delays)


@pytest.mark.parametrize("created_anyway", [False, True])
async def test_a_create_that_meets_429_is_reconciled_by_shipment_id(
    created_anyway: bool, production: ProductionServer, connect: Clients, waits: Waits
) -> None:
    client = await connect()
    path = "/locations/1/reservations"
    production.lok.throttles[("POST", path)] = Throttle([(429, "3")], perform_first=created_anyway)
    request = models.ReservationRequest(size="m", shipment_id="ship-429-" + str(created_anyway))
    created = await client.create_reservation("1", request)
    assert created.reservation.shipment_id == request.shipment_id
    held = [r for r in production.lok.reservations if r["shipment_id"] == request.shipment_id]
    assert len(held) == 1 and created.reservation.id == held[0]["id"]
    assert waits.delays[0] == 3.0  # the pause Lok asked for, before looking up
    # Looked up first; posted again only when nothing had been created.
    assert _count(production, "POST", path) == (1 if created_anyway else 2)
    assert _count(production, "GET", "/company/reservations") >= 1


async def test_a_lost_cancel_whose_retry_meets_409_is_reported_done(
    production: ProductionServer, connect: Clients
) -> None:
    client = await connect()
    production.lok.lose_reply_once.add(("DELETE", "/reservations/1000"))
    cancelled = await client.cancel_reservation("1000")
    assert cancelled.id == "1000" and cancelled.current_status == models.EventStatus.CANCELLED
    assert _count(production, "DELETE", "/reservations/1000") == 2
    assert _count(production, "GET", "/reservations/1000") == 1


async def test_a_409_without_a_lost_reply_stays_a_refusal(
    production: ProductionServer, connect: Clients
) -> None:
    client = await connect()
    with pytest.raises(LokError) as caught:
        await client.cancel_reservation("1003")  # already cancelled before we asked
    assert caught.value.type == "INVALID_RESERVATION"
    assert _count(production, "GET", "/reservations/1003") == 0


async def test_empty_204_on_writes_counts_as_done(production: ProductionServer, connect: Clients) -> None:
    use(production, empty_writes=True)
    client = await connect()
    webhook = await client.update_webhook("https://hooks.example.test/lok", ["delivered"])
    assert webhook.url == "https://hooks.example.test/lok" and webhook.events == [
        models.WebhookEvent.DELIVERED
    ]
    status = await client.set_webhook_enabled(True)
    assert status.status_code == 204 and production.lok.webhook["enabled"] is True
    emails = await client.update_notification_emails(
        operator="desk@example.test", administrator="boss@example.test"
    )
    assert (emails.operator, emails.administrator) == ("desk@example.test", "boss@example.test")
    assert client.oddities is not None
    assert {o.kind for o in client.oddities.oddities} == {"status code"}


async def test_an_empty_204_to_a_pre_reservation_update_reads_it_back(
    production: ProductionServer, connect: Clients
) -> None:
    use(production, empty_writes=True)
    client = await connect()
    pending = next(r for r in production.lok.reservations if not r["is_confirmed"])
    when = datetime(2026, 12, 24, 10, 0, tzinfo=UTC)
    updated = await client.update_pre_reservation(
        pending["id"], models.PreReservationUpdate(delivery_date=when)
    )
    assert updated.reservation.id == pending["id"] and updated.reservation.delivery_due_date == when


async def test_same_origin_redirects_are_followed_with_the_token(
    production: ProductionServer, connect: Clients
) -> None:
    use(production, redirect="same_origin")
    client = await connect()
    page = await client.list_locations(page_size=2)
    assert [loc.id for loc in page.locations] == ["1", "2"]
    moved = [s for s in production.lok.seen if s.path == "/moved/company/locations"]
    assert len(moved) == 1 and moved[0].authorized


async def test_a_redirect_to_another_origin_never_carries_the_token(
    production: ProductionServer, second_production: ProductionServer, connect: Clients
) -> None:
    use(production, redirect="cross_origin", redirect_target=second_production.base_url)
    client = await connect()
    with pytest.raises(LokRedirectError) as caught:
        await client.list_locations()
    assert "127.0.0.1" in caught.value.user_message and "not sent" in caught.value.user_message
    assert second_production.lok.seen == []  # not followed at all, so nothing reached it
    assert client.oddities is not None and [o.kind for o in client.oddities.blocking] == ["redirect"]
