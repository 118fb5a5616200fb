"""Retry rules: idempotent calls retry with capped backoff, POSTs never retry blindly, no duplicates."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from lok_desk.api import (
    LokClient,
    LokConnectionError,
    LokError,
    LokProtocolError,
    RequestTimeoutError,
    RetryPolicy,
    UniqueShipmentError,
    models,
)

from .conftest import ScriptedLok, Sleeps, body_of, fails, lok_error, ok, raises

LOCATION = {"location": {"id": "L1", "internal_name": "Antara", "timezone": "America/Mexico_City"}}


def unavailable(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        503, text="<html><body>Service Unavailable</body></html>", headers={"content-type": "text/html"}
    )


async def test_get_is_retried_on_503_until_it_works(
    lok: ScriptedLok, make_client: Callable[..., LokClient], sleeps: Sleeps
) -> None:
    lok.on("GET", "/company/locations/L1", unavailable, unavailable, ok(LOCATION))
    async with make_client() as client:
        location = await client.get_location("L1")
    assert location.internal_name == "Antara"
    assert len(lok.calls("GET", "/company/locations/L1")) == 3
    assert len(sleeps.delays) == 2


async def test_get_gives_up_after_the_limit_with_the_last_error(
    lok: ScriptedLok, make_client: Callable[..., LokClient], sleeps: Sleeps
) -> None:
    lok.on("GET", "/company/locations/L1", unavailable)
    async with make_client() as client:
        with pytest.raises(LokProtocolError) as caught:
            await client.get_location("L1")
    assert caught.value.status_code == 503
    assert len(lok.calls("GET", "/company/locations/L1")) == 3
    assert len(sleeps.delays) == 2


async def test_get_is_retried_on_connection_errors(
    lok: ScriptedLok, make_client: Callable[..., LokClient], sleeps: Sleeps
) -> None:
    lok.on("GET", "/company/locations/L1", raises(httpx.ConnectError), raises(httpx.ReadError), ok(LOCATION))
    async with make_client() as client:
        assert (await client.get_location("L1")).id == "L1"
    assert len(lok.calls("GET", "/company/locations/L1")) == 3


async def test_connection_errors_exhaust_to_a_lok_connection_error(
    lok: ScriptedLok, make_client: Callable[..., LokClient], sleeps: Sleeps
) -> None:
    lok.on("GET", "/company/locations/L1", raises(httpx.ConnectError))
    async with make_client(retry=RetryPolicy(attempts=5, sleep=sleeps)) as client:
        with pytest.raises(LokConnectionError):
            await client.get_location("L1")
    assert len(lok.calls("GET", "/company/locations/L1")) == 5  # the limit is configurable


async def test_request_timeout_type_is_retried_for_get(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    lok.on("GET", "/company/locations/L1", fails(408, "REQUEST_TIMEOUT", "locker did not sync"), ok(LOCATION))
    async with make_client() as client:
        assert (await client.get_location("L1")).id == "L1"
    assert len(lok.calls("GET", "/company/locations/L1")) == 2


@pytest.mark.parametrize("status", [400, 404, 409, 500])
async def test_other_errors_are_not_retried(
    status: int, lok: ScriptedLok, make_client: Callable[..., LokClient], sleeps: Sleeps
) -> None:
    lok.on("GET", "/company/locations/L1", fails(status, "WHATEVER", "no"))
    async with make_client() as client:
        with pytest.raises(LokError):
            await client.get_location("L1")
    assert len(lok.calls("GET", "/company/locations/L1")) == 1
    assert sleeps.delays == []


async def test_put_and_delete_are_retried(lok: ScriptedLok, make_client: Callable[..., LokClient]) -> None:
    lok.on("PUT", "/company/webhook/status", unavailable, ok({"message": "enabled"}))
    lok.on(
        "DELETE",
        "/reservations/R1",
        raises(httpx.ReadError),
        ok({"reservation": {"id": "R1", "event_history": [{"status": "cancelled"}]}}),
    )
    async with make_client() as client:
        assert (await client.set_webhook_enabled(True)).message == "enabled"
        assert (await client.cancel_reservation("R1")).is_finished
    assert len(lok.calls("PUT", "/company/webhook/status")) == 2
    assert len(lok.calls("DELETE", "/reservations/R1")) == 2
    assert body_of(lok.calls("PUT", "/company/webhook/status")[1]) == {"enabled": True}


@pytest.mark.parametrize(
    "responder",
    [
        unavailable,
        raises(httpx.ReadError),
        raises(httpx.ConnectError),
        lambda request: lok_error(408, "REQUEST_TIMEOUT", "sync"),
    ],
    ids=["503", "read-error", "connect-error", "request-timeout"],
)
async def test_post_is_never_retried(
    responder: Callable[[httpx.Request], httpx.Response],
    lok: ScriptedLok,
    make_client: Callable[..., LokClient],
    sleeps: Sleeps,
) -> None:
    lok.on("POST", "/company/directories", responder)
    async with make_client() as client:
        with pytest.raises(LokError):
            await client.create_directory("Vecinos")
    assert len(lok.calls("POST", "/company/directories")) == 1
    assert sleeps.delays == []


def test_backoff_grows_exponentially_is_capped_and_jittered() -> None:
    top = RetryPolicy(base_delay=0.25, max_delay=4.0, rng=lambda: 1.0)
    bottom = RetryPolicy(base_delay=0.25, max_delay=4.0, rng=lambda: 0.0)
    assert [top.delay(n) for n in range(1, 8)] == [0.25, 0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    assert [bottom.delay(n) for n in range(1, 4)] == [0.125, 0.25, 0.5]
    with pytest.raises(ValueError):
        RetryPolicy(attempts=0)


async def test_retry_waits_use_the_injected_sleep(
    lok: ScriptedLok, make_client: Callable[..., LokClient], sleeps: Sleeps
) -> None:
    lok.on("GET", "/company/locations/L1", unavailable)
    policy = RetryPolicy(attempts=4, base_delay=1.0, max_delay=2.0, sleep=sleeps, rng=lambda: 1.0)
    async with make_client(retry=policy) as client:
        with pytest.raises(LokError):
            await client.get_location("L1")
    assert sleeps.delays == [1.0, 2.0, 2.0]


# --- creating a reservation without duplicates ------------------------------------------------


def reservation_json(reservation_id: str, shipment_id: str) -> dict[str, object]:
    return {
        "id": reservation_id,
        "shipment_id": shipment_id,
        "location": "L1",
        "event_history": [{"status": "reserved", "date": "2024-05-01T10:00:00Z"}],
    }


class FlakyLok:
    """Records creates in a store like a real server, but can lose the reply of the first ones."""

    def __init__(
        self, lok: ScriptedLok, lose_replies: int, failure: type[Exception] = httpx.ReadError
    ) -> None:
        self.created: list[dict[str, object]] = []
        self.lose_replies = lose_replies
        self.failure = failure
        lok.on("POST", "/locations/L1/reservations", self.create)
        lok.on("GET", "/company/reservations", self.list)
        lok.on("GET", "/reservations/R1", self.get)

    def create(self, request: httpx.Request) -> httpx.Response:
        shipment_id = body_of(request)["shipment_id"]
        if any(r["shipment_id"] == shipment_id for r in self.created):
            return lok_error(409, "UNIQUE_SHIPMENT", "Shipment id already used")
        reservation = reservation_json(f"R{len(self.created) + 1}", shipment_id)
        self.created.append(reservation)
        if self.lose_replies > 0:
            self.lose_replies -= 1
            raise self.failure("connection lost after the server acted", request=request)  # type: ignore[call-arg]
        return httpx.Response(
            201,
            json={"reservation": reservation, "tokens": {"pickup_token": "P-1"}, "confirmation_code": "C-1"},
        )

    def list(self, request: httpx.Request) -> httpx.Response:
        assert request.url.params["only_active"] == "false"
        wanted = request.url.params["shipment_id"]
        found = [r for r in self.created if r["shipment_id"] == wanted]
        return httpx.Response(
            200,
            json={"reservations": found, "total": len(found), "page": 1, "page_size": 100, "total_pages": 1},
        )

    def get(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200,
            json={
                "reservation": self.created[0],
                "tokens": {"pickup_token": "P-1"},
                "confirmation_code": "C-1",
            },
        )


@pytest.mark.parametrize("failure", [httpx.ReadError, httpx.RemoteProtocolError, httpx.ReadTimeout])
async def test_create_reservation_is_not_duplicated_when_the_reply_is_lost(
    failure: type[Exception], lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    server = FlakyLok(lok, lose_replies=1, failure=failure)
    request = models.ReservationRequest(size=models.BoxSize.M, shipment_id="ORDER-77")
    async with make_client() as client:
        created = await client.create_reservation("L1", request)
    assert len(server.created) == 1
    assert len(lok.calls("POST", "/locations/L1/reservations")) == 1
    assert created.reservation.id == "R1"
    assert created.reservation.shipment_id == "ORDER-77"
    assert created.tokens.token("pickup") == "P-1"
    assert created.confirmation_code == "C-1"


async def test_a_shipment_id_is_generated_and_used_to_reconcile(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    server = FlakyLok(lok, lose_replies=1)
    async with make_client() as client:
        created = await client.create_reservation("L1", models.ReservationRequest(size="s"))
    (post,) = lok.calls("POST", "/locations/L1/reservations")
    generated = body_of(post)["shipment_id"]
    assert generated.startswith("lokdesk-") and len(generated) > 20
    assert created.reservation.shipment_id == generated
    assert len(server.created) == 1


async def test_unique_shipment_on_the_second_post_means_already_created(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    # The lookup runs before the server has stored the first create (still in flight), so the
    # client posts again; Lok answers UNIQUE_SHIPMENT, and the client fetches what exists.
    server = FlakyLok(lok, lose_replies=1)
    in_flight = {"hidden": True}

    def list_late(request: httpx.Request) -> httpx.Response:
        if in_flight.pop("hidden", False):
            return httpx.Response(200, json={"reservations": [], "total": 0, "total_pages": 0})
        return server.list(request)

    lok.on("GET", "/company/reservations", list_late)
    async with make_client() as client:
        created = await client.create_reservation(
            "L1", models.ReservationRequest(size="m", shipment_id="S-9")
        )
    assert created.reservation.id == "R1"
    assert len(server.created) == 1
    assert len(lok.calls("POST", "/locations/L1/reservations")) == 2
    assert len(lok.calls("GET", "/company/reservations")) == 2


async def test_lost_reply_of_a_create_that_never_happened_posts_once_more(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    attempts = {"n": 0}

    def create(request: httpx.Request) -> httpx.Response:
        attempts["n"] += 1
        if attempts["n"] == 1:
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(
            201, json={"reservation": reservation_json("R5", body_of(request)["shipment_id"]), "tokens": {}}
        )

    lok.on("POST", "/locations/L1/reservations", create)
    lok.on("GET", "/company/reservations", ok({"reservations": [], "total": 0}))
    async with make_client() as client:
        created = await client.create_reservation(
            "L1", models.ReservationRequest(size="l", shipment_id="S-1")
        )
    assert created.reservation.id == "R5"
    posts = lok.calls("POST", "/locations/L1/reservations")
    assert [body_of(p)["shipment_id"] for p in posts] == ["S-1", "S-1"]


async def test_unique_shipment_on_the_first_post_is_the_callers_problem(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    lok.on("POST", "/locations/L1/reservations", fails(409, "UNIQUE_SHIPMENT", "Shipment id already used"))
    async with make_client() as client:
        with pytest.raises(UniqueShipmentError):
            await client.create_reservation("L1", models.ReservationRequest(size="s", shipment_id="DUP"))
    assert lok.calls("GET", "/company/reservations") == []


async def test_reconcile_gives_up_with_the_lost_error_when_lok_stays_unreachable(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    lok.on("POST", "/locations/L1/reservations", raises(httpx.ReadError))
    lok.on("GET", "/company/reservations", raises(httpx.ConnectError))
    async with make_client() as client:
        with pytest.raises(LokConnectionError):
            await client.create_reservation("L1", models.ReservationRequest(size="s", shipment_id="S-2"))
    assert len(lok.calls("POST", "/locations/L1/reservations")) == 1  # never posted blind


async def test_reconcile_falls_back_to_the_location_list_for_an_employee(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    server = FlakyLok(lok, lose_replies=1)
    lok.on("GET", "/company/reservations", fails(403, "INSUFFICIENT_SCOPE", "employees see one location"))
    lok.on("GET", "/locations/L1/reservations", server.list)
    async with make_client() as client:
        created = await client.create_reservation(
            "L1", models.ReservationRequest(size="s", shipment_id="E-1")
        )
    assert created.reservation.id == "R1"
    assert len(server.created) == 1


async def test_business_errors_of_a_create_are_raised_without_reconciling(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    lok.on("POST", "/locations/L1/reservations", fails(422, "NO_CAPACITY", "No box"))
    async with make_client() as client:
        with pytest.raises(LokError) as caught:
            await client.create_reservation("L1", models.ReservationRequest(size="xl"))
    assert caught.value.type == "NO_CAPACITY"
    assert lok.calls("GET", "/company/reservations") == []


async def test_request_timeout_on_create_is_reconciled(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    server = FlakyLok(lok, lose_replies=0)

    def create_then_timeout(request: httpx.Request) -> httpx.Response:
        server.create(request)
        return lok_error(408, "REQUEST_TIMEOUT", "locker did not confirm in time")

    lok.on("POST", "/locations/L1/reservations", create_then_timeout)
    async with make_client() as client:
        created = await client.create_reservation(
            "L1", models.ReservationRequest(size="s", shipment_id="T-1")
        )
    assert created.reservation.id == "R1"
    assert len(server.created) == 1
    assert isinstance(RequestTimeoutError("x"), LokError)
