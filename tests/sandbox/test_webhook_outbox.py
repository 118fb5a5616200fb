"""Webhook outbox of issue 10: queued deliveries follow the current URL and secret, pause while the
webhook is disabled, and one company's hanging receiver never holds up another company's events."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from lok_desk.sandbox import DEMO_CLIENTS, OTHER_CLIENTS, SandboxServer
from lok_desk.sandbox.webhooks import SENDERS_PER_COMPANY
from tests.sandbox.conftest import OTHER_LOCATION, Session, new_reservation
from tests.sandbox.receiver import WebhookReceiver
from tests.sandbox.test_webhooks import deliveries, for_reservation, subscribe, wait_for


class HangingReceiver:
    """Accepts connections and reads the request, never answers: a receiver that hangs."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0), backlog=64)
        self.lock = threading.Lock()
        self.open_now = 0
        self.most_open = 0
        self.accepted = 0
        self.connections: list[socket.socket] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/hang"

    def _serve(self) -> None:
        self.sock.settimeout(0.05)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                self._reap()
                continue
            except OSError:
                return
            conn.setblocking(False)
            with self.lock:
                self.connections.append(conn)
                self.accepted += 1
            self._reap()

    def _reap(self) -> None:
        # A connection the sandbox gave up on (its timeout) reads as closed: count what is open.
        alive = []
        for conn in self.connections:
            try:
                if conn.recv(65536, socket.MSG_PEEK) == b"":
                    conn.close()
                    continue
                conn.recv(65536)
            except BlockingIOError:
                pass
            except OSError:
                conn.close()
                continue
            alive.append(conn)
        with self.lock:
            self.connections = alive
            self.open_now = len(alive)
            self.most_open = max(self.most_open, self.open_now)

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=5)
        for conn in self.connections:
            conn.close()
        self.sock.close()


@pytest.fixture
def receivers() -> Iterator[tuple[WebhookReceiver, WebhookReceiver]]:
    first, second = WebhookReceiver(), WebhookReceiver()
    yield first, second
    first.close()
    second.close()


def test_queued_retries_follow_the_new_url_and_secret(
    sandbox: SandboxServer, receivers: tuple[WebhookReceiver, WebhookReceiver]
) -> None:
    old, new = receivers
    old.status = 500  # the old receiver always fails: the delivery stays queued for retry
    owner = Session(sandbox, *DEMO_CLIENTS["owner"])
    subscribe(owner, old, ["reserved"])
    rid = new_reservation(owner, shipment_id="MOVE-1")["reservation"]["id"]
    wait_for(lambda: any(d["status"] == "failed" for d in for_reservation(sandbox, rid)), "a failed try")
    tries_at_old = len(old.received)

    new.secret = old.secret
    moved = owner.put("/company/webhook", json={"url": new.url, "events": ["reserved"]})
    assert moved.status_code == 200, moved.text
    # The retry goes out now to the current URL (no need to wait out the back-off of the old one).
    wait_for(lambda: new.successes(), "the queued delivery at the new URL")
    row = wait_for(
        lambda: [d for d in for_reservation(sandbox, rid) if d["status"] == "delivered"], "delivered"
    )[0]
    assert row["url"] == new.url
    assert new.bad_signatures == 0
    assert new.successes()[0].payload["reservation_id"] == rid
    assert len(old.received) == tries_at_old
    owner.close()


def test_queued_deliveries_are_signed_with_the_current_secret(
    sandbox: SandboxServer, receivers: tuple[WebhookReceiver, WebhookReceiver]
) -> None:
    hook, _ = receivers
    owner = Session(sandbox, *DEMO_CLIENTS["owner"])
    subscribe(owner, hook, ["reserved"])
    assert owner.put("/company/webhook/status", json={"enabled": False}).status_code == 200
    assert owner.put("/company/webhook/status", json={"enabled": True}).status_code == 200
    # The secret is kept across updates; what counts is that the signature checks with what #9 shows.
    hook.secret = owner.get("/company/webhook").json()["webhook"]["secret"]
    rid = new_reservation(owner)["reservation"]["id"]
    wait_for(lambda: hook.successes(), "a delivery")
    assert hook.bad_signatures == 0
    assert hook.successes()[0].payload["reservation_id"] == rid
    owner.close()


def test_disabling_pauses_queued_deliveries_and_enabling_resumes_them(
    sandbox: SandboxServer, receivers: tuple[WebhookReceiver, WebhookReceiver]
) -> None:
    hook, _ = receivers
    hook.status = 500
    owner = Session(sandbox, *DEMO_CLIENTS["owner"])
    subscribe(owner, hook, ["reserved"])
    rid = new_reservation(owner)["reservation"]["id"]
    wait_for(lambda: any(d["status"] == "failed" for d in for_reservation(sandbox, rid)), "a failed try")
    assert owner.put("/company/webhook/status", json={"enabled": False}).status_code == 200
    tries = len(hook.received)
    hook.status = None
    owner.advance(3 * 3600)  # every retry is due many times over
    # Proof of the pause that needs no timer: a marker delivery of the other company goes out meanwhile.
    other = Session(sandbox, *OTHER_CLIENTS["owner"])
    marker = WebhookReceiver()
    try:
        subscribe(other, marker, ["reserved"])
        new_reservation(other, OTHER_LOCATION)
        wait_for(lambda: marker.successes(), "the other company's delivery")
        assert len(hook.received) == tries
        assert [d["status"] for d in for_reservation(sandbox, rid)] == ["failed"]
        assert owner.put("/company/webhook/status", json={"enabled": True}).status_code == 200
        wait_for(lambda: hook.successes(), "the resumed delivery")
    finally:
        marker.close()
        other.close()
        owner.close()


def test_a_hanging_receiver_does_not_delay_another_company(sandbox: SandboxServer) -> None:
    hanging = HangingReceiver()
    good = WebhookReceiver()
    owner = Session(sandbox, *DEMO_CLIENTS["owner"])
    other = Session(sandbox, *OTHER_CLIENTS["owner"])
    try:
        hook = owner.put("/company/webhook", json={"url": hanging.url, "events": ["reserved"]})
        assert hook.status_code == 200, hook.text
        stuck = [new_reservation(owner, shipment_id=f"HANG-{i}")["reservation"]["id"] for i in range(6)]
        wait_for(lambda: hanging.accepted >= SENDERS_PER_COMPANY, "the hanging receiver's connections")
        subscribe(other, good, ["reserved"])
        rid = new_reservation(other, OTHER_LOCATION)["reservation"]["id"]
        wait_for(lambda: good.successes(), "the other company's event")
        # It went out while every delivery to the hanging receiver was still waiting for an answer:
        # none of them had finished a single attempt.
        attempts = [d["attempts"] for d in deliveries(sandbox) if d["payload"]["reservation_id"] in stuck]
        assert attempts == [0] * 6
        assert good.successes()[0].payload["reservation_id"] == rid
        # One receiver never holds more than its share of the senders.
        assert hanging.most_open <= SENDERS_PER_COMPANY
        assert hanging.accepted <= SENDERS_PER_COMPANY
    finally:
        owner.close()
        other.close()
        good.close()
        hanging.close()
