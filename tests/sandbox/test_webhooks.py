"""Webhook delivery end to end: a real receiver, signatures, retries on the sandbox clock, restarts."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from lok_desk.sandbox import DEMO_CLIENTS, SandboxServer
from lok_desk.sandbox.webhooks import sign
from tests.sandbox.conftest import Session, new_reservation
from tests.sandbox.receiver import WebhookReceiver

# Generous: only a failing test waits this long, and a busy 2-core machine sends ~50 deliveries a second.
DEADLINE_S = 60.0


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    hook = WebhookReceiver()
    yield hook
    hook.close()


def deliveries(server: SandboxServer) -> list[dict[str, Any]]:
    return list(httpx.get(server.base_url + "/sandbox/webhook/deliveries").json()["deliveries"])


def wait_for(condition: Callable[[], Any], what: str) -> Any:
    """Poll `condition` until it returns something truthy; fail with `what` after the deadline."""
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def subscribe(session: Session, receiver: WebhookReceiver, events: list[str] | None = None) -> None:
    body: dict[str, Any] = {"url": receiver.url}
    if events is not None:
        body["events"] = events
    hook = session.put("/company/webhook", json=body).json()["webhook"]
    receiver.secret = hook["secret"]


def for_reservation(server: SandboxServer, reservation_id: str) -> list[dict[str, Any]]:
    return [d for d in deliveries(server) if d["payload"]["reservation_id"] == reservation_id]


def test_signature_helper_matches_the_documented_formula() -> None:
    body = b'{"reservation_id":"r","t":1}'
    expected = base64.b64encode(hmac.new(b"whsec_x", body, hashlib.sha256).digest()).decode()
    assert sign("whsec_x", body) == expected
    assert sign("whsec_y", body) != expected


def test_events_are_delivered_signed_and_filtered(sandbox: SandboxServer, receiver: WebhookReceiver) -> None:
    owner = Session(sandbox, *DEMO_CLIENTS["owner"])
    subscribe(owner, receiver, ["reserved", "delivered"])
    created = new_reservation(owner, shipment_id="HOOK-1")
    rid = created["reservation"]["id"]
    owner.kiosk(created["tokens"]["delivery_token"])
    owner.kiosk(created["tokens"]["pickup_token"])  # picked_up: not subscribed
    rows = wait_for(
        lambda: (
            [d for d in for_reservation(sandbox, rid) if d["status"] == "delivered"]
            if len([d for d in for_reservation(sandbox, rid) if d["status"] == "delivered"]) == 2
            else None
        ),
        "two deliveries",
    )
    assert [r["event"] for r in rows] == ["reserved", "delivered"]
    assert all(r["attempts"] == 1 and r["last_status_code"] == 200 and r["delivered_at"] for r in rows)
    got = [r for r in receiver.successes() if r.payload["reservation_id"] == rid]
    assert [r.payload["status"] for r in got] == ["reserved", "delivered"]
    assert receiver.bad_signatures == 0
    payload = got[0].payload
    assert set(payload) == {"reservation_id", "shipment_id", "status", "status_message", "t"}
    assert payload["shipment_id"] == "HOOK-1" and payload["status_message"]
    # The body is compact JSON in this field order, exactly the bytes that were signed.
    assert got[0].body == json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    assert list(payload) == ["reservation_id", "shipment_id", "status", "status_message", "t"]
    now_ms = int(time.time() * 1000)
    assert abs(payload["t"] - now_ms) < 60_000
    assert len(for_reservation(sandbox, rid)) == 2  # picked_up never entered the outbox
    owner.close()


def test_fails_three_times_then_succeeds_once(
    sandbox_factory: Callable[..., SandboxServer], receiver: WebhookReceiver
) -> None:
    server = sandbox_factory(webhook_retry_base=0.05)
    owner = Session(server, *DEMO_CLIENTS["owner"])
    subscribe(owner, receiver, ["reserved"])
    receiver.fail_first = 3
    rid = new_reservation(owner)["reservation"]["id"]
    row = wait_for(
        lambda: next((d for d in for_reservation(server, rid) if d["status"] == "delivered"), None),
        "the delivery to succeed",
    )
    assert row["attempts"] == 4 and row["last_status_code"] == 200 and row["last_error"] is None
    assert len(for_reservation(server, rid)) == 1
    mine = [r for r in receiver.received if r.payload["reservation_id"] == rid]
    assert [r.answered for r in mine] == [500, 500, 500, 200]
    assert len({r.body for r in mine}) == 1  # every retry sends the same bytes
    assert receiver.bad_signatures == 0
    owner.close()


def test_retries_follow_the_sandbox_clock(sandbox: SandboxServer, receiver: WebhookReceiver) -> None:
    owner = Session(sandbox, *DEMO_CLIENTS["owner"])
    subscribe(owner, receiver, ["reserved"])
    receiver.status = 503
    rid = new_reservation(owner)["reservation"]["id"]
    failed = wait_for(
        lambda: next((d for d in for_reservation(sandbox, rid) if d["status"] == "failed"), None),
        "the first failure",
    )
    assert failed["attempts"] == 1 and failed["last_status_code"] == 503 and failed["next_attempt_at"]
    clock_now = httpx.get(sandbox.base_url + "/sandbox/clock").json()["now"]
    assert failed["next_attempt_at"] > clock_now  # 10 s later on the sandbox clock
    receiver.status = None
    owner.advance(11)
    row = wait_for(
        lambda: next((d for d in for_reservation(sandbox, rid) if d["status"] == "delivered"), None),
        "the retry after advancing the clock",
    )
    assert row["attempts"] == 2
    owner.close()


def test_gives_up_after_fifty_attempts(
    sandbox_factory: Callable[..., SandboxServer], receiver: WebhookReceiver
) -> None:
    server = sandbox_factory(webhook_retry_base=0.01)
    owner = Session(server, *DEMO_CLIENTS["owner"])
    subscribe(owner, receiver, ["reserved"])
    receiver.status = 500
    rid = new_reservation(owner)["reservation"]["id"]

    def row() -> dict[str, Any]:
        return for_reservation(server, rid)[0]

    deadline = time.monotonic() + 60
    while row()["status"] != "given_up" and time.monotonic() < deadline:
        attempts = row()["attempts"]
        owner.advance(3600)  # the interval is capped at one hour
        wait_for(lambda a=attempts: row()["attempts"] > a or row()["status"] == "given_up", "another attempt")
    final = row()
    assert final["status"] == "given_up" and final["attempts"] == 50 and final["next_attempt_at"] is None
    assert len([r for r in receiver.received if r.payload["reservation_id"] == rid]) == 50
    owner.close()


def test_nothing_is_queued_while_disabled(sandbox: SandboxServer, receiver: WebhookReceiver) -> None:
    owner = Session(sandbox, *DEMO_CLIENTS["owner"])
    subscribe(owner, receiver)
    owner.put("/company/webhook/status", json={"enabled": False})
    rid = new_reservation(owner)["reservation"]["id"]
    owner.put("/company/webhook/status", json={"enabled": True})
    second = new_reservation(owner)["reservation"]["id"]
    wait_for(
        lambda: [d for d in for_reservation(sandbox, second) if d["status"] == "delivered"], "the second"
    )
    assert for_reservation(sandbox, rid) == []
    owner.close()


def test_daily_undelivered_and_unpicked_follow_the_clock(
    sandbox: SandboxServer, receiver: WebhookReceiver
) -> None:
    owner = Session(sandbox, *DEMO_CLIENTS["owner"])
    subscribe(owner, receiver, ["undelivered", "unpicked"])
    waiting = new_reservation(owner)
    in_locker = new_reservation(owner)
    owner.kiosk(in_locker["tokens"]["delivery_token"])
    owner.advance(3 * 86_400 + 3600)  # both deadlines (3 days) have passed

    def events(rid: str) -> list[str]:
        return [d["event"] for d in for_reservation(sandbox, rid)]

    assert events(waiting["reservation"]["id"]) == ["undelivered"]
    assert events(in_locker["reservation"]["id"]) == ["unpicked"]
    owner.advance(3600)  # same day: no repeat
    assert events(waiting["reservation"]["id"]) == ["undelivered"]
    owner.advance(86_400)
    assert events(waiting["reservation"]["id"]) == ["undelivered", "undelivered"]
    owner.kiosk(in_locker["tokens"]["pickup_token"])
    owner.advance(2 * 86_400)
    assert events(in_locker["reservation"]["id"]) == ["unpicked", "unpicked"]  # picked up: no more
    wait_for(
        lambda: all(
            d["status"] == "delivered" for d in for_reservation(sandbox, waiting["reservation"]["id"])
        ),
        "reminders delivered",
    )
    owner.close()


def test_pending_outbox_rows_survive_a_restart(tmp_path: Path, receiver: WebhookReceiver) -> None:
    db = tmp_path / "sandbox.sqlite3"
    server = SandboxServer(db_path=db, webhook_retry_base=30)
    server.start()
    owner = Session(server, *DEMO_CLIENTS["owner"])
    subscribe(owner, receiver, ["reserved"])
    receiver.status = 500
    rid = new_reservation(owner)["reservation"]["id"]
    wait_for(
        lambda: [d for d in for_reservation(server, rid) if d["status"] == "failed"], "the first failure"
    )
    owner.close()
    server.close()
    receiver.status = None
    again = SandboxServer(db_path=db, webhook_retry_base=30)
    again.start()
    try:
        rows = for_reservation(again, rid)
        assert rows[0]["status"] == "failed" and rows[0]["attempts"] == 1
        httpx.post(again.base_url + "/sandbox/clock", json={"advance_seconds": 31})
        row = wait_for(
            lambda: next((d for d in for_reservation(again, rid) if d["status"] == "delivered"), None),
            "the resumed delivery",
        )
        assert row["attempts"] == 2
    finally:
        again.close()


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_retry_interval_doubles_from_the_base_and_stops_at_an_hour(
    sandbox_factory: Callable[..., SandboxServer], receiver: WebhookReceiver
) -> None:
    server = sandbox_factory(webhook_retry_base=1000)
    owner = Session(server, *DEMO_CLIENTS["owner"])
    subscribe(owner, receiver, ["reserved"])
    receiver.status = 503
    rid = new_reservation(owner)["reservation"]["id"]
    gaps = []
    for attempt in range(1, 6):
        row = wait_for(
            lambda a=attempt: next((d for d in for_reservation(server, rid) if d["attempts"] == a), None),
            f"attempt {attempt}",
        )
        now = _instant(httpx.get(server.base_url + "/sandbox/clock").json()["now"])
        gap = (_instant(row["next_attempt_at"]) - now).total_seconds()
        gaps.append(gap)
        owner.advance(gap + 1)
    expected = [1000, 2000, 3600, 3600, 3600]
    assert all(abs(g - e) < 5 for g, e in zip(gaps, expected, strict=True)), gaps
    owner.close()


@pytest.mark.parametrize("answer", [201, 204, 302])
def test_only_200_counts_as_delivered(sandbox: SandboxServer, receiver: WebhookReceiver, answer: int) -> None:
    owner = Session(sandbox, *DEMO_CLIENTS["owner"])
    subscribe(owner, receiver, ["reserved"])
    receiver.status = answer
    rid = new_reservation(owner)["reservation"]["id"]
    row = wait_for(
        lambda: next((d for d in for_reservation(sandbox, rid) if d["attempts"] == 1), None), "one attempt"
    )
    assert row["status"] == "failed" and row["last_status_code"] == answer and row["delivered_at"] is None
    owner.close()
