"""Reliability against the sandbox's fault routes: retries, a lost create that is not duplicated,
a garbled reply, and a server that is gone (then back)."""

from __future__ import annotations

import pytest

from lok_desk.api import (
    LokConnectionError,
    LokProtocolError,
    LokTransportError,
    models,
)
from lok_desk.sandbox import SandboxServer

from .conftest import FIRST_LOCATION, SECOND_LOCATION, Clients, SandboxControl, reservation_request

CREATE_PATH = r"/locations/[^/]+/reservations"


async def test_get_survives_two_503s(lok: Clients, control: SandboxControl) -> None:
    client = await lok("owner")
    await client.sign_in()
    await control.faults({"method": "GET", "path": r"^/company/locations/[^/]+$", "status": 503, "times": 2})

    location = await client.get_location(SECOND_LOCATION)
    assert location.id == SECOND_LOCATION

    tries = lok.log(client).starts("GET", f"/company/locations/{SECOND_LOCATION}")
    assert len(tries) == 3
    assert [e.status for e in lok.log(client).ends() if e.path.endswith(SECOND_LOCATION)] == [503, 503, 200]
    assert len(lok.waits.delays) == 2  # one backoff before each retry
    # The rule is used up: the next call goes straight through.
    await client.get_location(SECOND_LOCATION)
    assert len(lok.log(client).starts("GET", f"/company/locations/{SECOND_LOCATION}")) == 4


async def test_get_survives_a_dropped_connection(lok: Clients, control: SandboxControl) -> None:
    client = await lok("reporter")
    await client.sign_in()
    await control.faults({"method": "GET", "path": r"^/company/webhook$", "drop": True, "times": 1})
    settings = await client.get_webhook()
    assert settings.enabled is False
    ends = [e for e in lok.log(client).ends() if e.path == "/company/webhook"]
    assert [e.status for e in ends] == [None, 200]
    assert ends[0].error  # the activity indicator is told what went wrong


async def test_dropped_create_makes_exactly_one_reservation(lok: Clients, control: SandboxControl) -> None:
    """The sandbox drops the connection BEFORE the request reaches the route (fault middleware), so
    this is the reconcile path where nothing was created: look up the shipment id, find nothing,
    post again with the same shipment id."""
    client = await lok("owner")
    await client.sign_in()
    await control.faults({"method": "POST", "path": CREATE_PATH, "drop": True, "times": 1})

    request = reservation_request("m")
    created = await client.create_reservation(FIRST_LOCATION, request)
    assert created.reservation.shipment_id == request.shipment_id
    assert created.tokens.token("delivery")

    same = await client.list_reservations(
        models.ReservationFilters(shipment_id=request.shipment_id, only_active=False)
    )
    assert same.total == 1 and [r.id for r in same.reservations] == [created.reservation.id]

    log = lok.log(client)
    posts = log.starts("POST", CREATE_PATH)
    assert len(posts) == 2
    order = [(e.method, e.path) for e in log.starts() if e.path != "/oauth/token"]
    assert order[:3] == [
        ("POST", f"/locations/{FIRST_LOCATION}/reservations"),
        ("GET", "/company/reservations"),  # the shipment-id lookup between the two posts
        ("POST", f"/locations/{FIRST_LOCATION}/reservations"),
    ]


async def test_employee_create_after_a_502_is_not_duplicated(lok: Clients, control: SandboxControl) -> None:
    client = await lok("employee")
    await client.sign_in()
    await control.faults({"method": "POST", "path": CREATE_PATH, "status": 502, "times": 1})
    request = reservation_request("s")
    created = await client.create_reservation(FIRST_LOCATION, request)
    listed = await client.list_location_reservations(
        FIRST_LOCATION, models.ReservationFilters(shipment_id=request.shipment_id, only_active=False)
    )
    assert [r.id for r in listed.reservations] == [created.reservation.id]


async def test_malformed_reply_is_a_protocol_error_with_a_sentence(
    lok: Clients, control: SandboxControl
) -> None:
    client = await lok("owner")
    await client.sign_in()
    await control.faults({"method": "GET", "path": r"^/oauth/user$", "malformed": True, "times": 1})

    with pytest.raises(LokProtocolError) as caught:
        await client.get_user()
    text = caught.value.user_message
    assert text[0].isupper() and text.endswith(".") and " " in text
    assert "<html>" not in text and "Traceback" not in text
    assert client.server_label in text
    assert not isinstance(caught.value, LokTransportError)  # garbled is not "offline"
    assert (await client.get_user()).email == "owner@demo.lok.test"


async def test_stopped_server_is_offline_then_back(lok: Clients, sandbox: SandboxServer) -> None:
    client = await lok("owner")
    before = await client.list_locations()
    sandbox.stop()

    with pytest.raises(LokConnectionError) as caught:
        await client.list_locations()
    assert isinstance(caught.value, LokTransportError)
    assert client.server_label in caught.value.user_message
    assert len(lok.log(client).starts("GET", "/company/locations")) == 1 + 3  # every attempt was made

    sandbox.start()  # same port, same in-memory store
    after = await client.list_locations()
    assert [loc.id for loc in after.locations] == [loc.id for loc in before.locations]
