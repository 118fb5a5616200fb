"""Webhook end to end: the sandbox POSTs to a real local receiver; the client's `webhook.verify`
checks every `Lok-Signature` with the secret read through the API."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from lok_desk.api import models, webhook

from .conftest import FIRST_LOCATION, Clients, SandboxControl, reservation_request


@dataclass(frozen=True)
class Delivery:
    body: bytes
    signature: str | None
    content_type: str | None

    @property
    def payload(self) -> dict[str, Any]:
        data = json.loads(self.body)
        assert isinstance(data, dict)
        return data


class Receiver:
    """A real HTTP endpoint on 127.0.0.1:0 that answers 200 and hands each POST to the test's loop."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.received: asyncio.Queue[Delivery] = asyncio.Queue()
        queue = self.received

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                delivery = Delivery(body, self.headers.get("Lok-Signature"), self.headers.get("Content-Type"))
                loop.call_soon_threadsafe(queue.put_nowait, delivery)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, name="webhook-receiver", daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}/lok/events"

    async def until(self, reservation_id: str, statuses: set[str], timeout: float = 15.0) -> list[Delivery]:
        """Deliveries for one reservation, waited for until every status in `statuses` arrived."""
        got: list[Delivery] = []
        async with asyncio.timeout(timeout):
            while not statuses <= {d.payload["status"] for d in got}:
                delivery = await self.received.get()
                if delivery.payload.get("reservation_id") == reservation_id:
                    got.append(delivery)
        return got


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    rx = Receiver(asyncio.get_running_loop())
    rx.thread.start()
    try:
        yield rx
    finally:
        rx.server.shutdown()
        rx.server.server_close()
        rx.thread.join(timeout=5)


async def test_reserved_and_cancelled_events_are_signed(
    lok: Clients, control: SandboxControl, receiver: Receiver
) -> None:
    owner = await lok("owner")
    settings = await owner.update_webhook(receiver.url)
    assert settings.secret
    await owner.set_webhook_enabled(True)
    secret = (await owner.get_webhook()).secret
    assert secret == settings.secret

    started = await control.now()
    request = reservation_request("s")
    created = await owner.create_reservation(FIRST_LOCATION, request)
    reservation_id = created.reservation.id
    assert reservation_id is not None
    await owner.cancel_reservation(reservation_id)
    finished = await control.now()

    deliveries = await receiver.until(reservation_id, {"reserved", "cancelled"})
    by_status = {d.payload["status"]: d for d in deliveries}
    assert set(by_status) == {"reserved", "cancelled"}
    for status, delivery in by_status.items():
        assert webhook.verify(secret, delivery.body, delivery.signature), status
        assert not webhook.verify(secret + "x", delivery.body, delivery.signature)
        assert not webhook.verify(secret, delivery.body + b" ", delivery.signature)
        assert delivery.content_type is not None and delivery.content_type.startswith("application/json")
        payload = delivery.payload
        assert payload["reservation_id"] == reservation_id
        assert payload["shipment_id"] == request.shipment_id
        assert isinstance(payload["status_message"], str) and payload["status_message"].strip()
        t = payload["t"]
        assert isinstance(t, int)  # epoch milliseconds, on the sandbox clock
        assert started.timestamp() * 1000 - 1000 <= t <= finished.timestamp() * 1000 + 1000
    assert by_status["reserved"].payload["t"] <= by_status["cancelled"].payload["t"]
    assert by_status["reserved"].payload["status_message"] != by_status["cancelled"].payload["status_message"]


async def test_events_follow_the_subscription_and_the_switch(
    lok: Clients, control: SandboxControl, receiver: Receiver
) -> None:
    owner = await lok("owner")
    settings = await owner.update_webhook(receiver.url, [models.WebhookEvent.CANCELLED])
    assert settings.secret
    await owner.set_webhook_enabled(True)

    created = await owner.create_reservation(FIRST_LOCATION, reservation_request("s"))
    reservation_id = created.reservation.id
    assert reservation_id is not None
    await owner.cancel_reservation(reservation_id)
    deliveries = await receiver.until(reservation_id, {"cancelled"})
    assert [d.payload["status"] for d in deliveries] == ["cancelled"]  # `reserved` was not subscribed
    assert webhook.verify(settings.secret, deliveries[0].body, deliveries[0].signature)

    await owner.set_webhook_enabled(False)
    quiet = await owner.create_reservation(FIRST_LOCATION, reservation_request("s"))
    assert quiet.reservation.id is not None
    await owner.cancel_reservation(quiet.reservation.id)
    # Events are queued inside the request's transaction, so the log is already final here.
    logged = [d["payload"]["reservation_id"] for d in await control.deliveries()]
    assert reservation_id in logged
    assert quiet.reservation.id not in logged
