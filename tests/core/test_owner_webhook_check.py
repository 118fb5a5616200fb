"""The workbench's reading of a Lok-Signature and of what the local receiver got (no Qt)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

from lok_desk.api import webhook
from lok_desk.core.owner.webhook_check import Delivery, explain_signature, is_loopback_url, read_event


@dataclass
class Got:
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    received_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


def test_explain_signature_spots_copy_damage() -> None:
    secret, body = "s3cret", b'{"a": 1}\n'
    header = webhook.sign(secret, body)
    assert explain_signature(secret, body, header)[0]
    ok, why = explain_signature(secret, body.strip(), header)
    assert not ok and "whitespace" in why.english()
    ok, why = explain_signature(secret, body, header[:20])
    assert not ok and "bytes" in why.english()
    ok, why = explain_signature("", body, header)
    assert not ok and "secret" in why.english()
    assert "base64" in explain_signature(secret, body, "Lok-Signature: x")[1].english()


def test_a_received_request_reads_as_a_notification() -> None:
    body = json.dumps({"status": "delivered", "shipment_id": "=HYPERLINK(1)",
                       "reservation_id": "r1"}).encode()
    event = read_event(Got(body, {webhook.SIGNATURE_HEADER.lower(): webhook.sign("k", body)}), "k")
    assert (event.status, event.shipment_id, event.signature_ok) == ("delivered", "=HYPERLINK(1)", True)
    junk = read_event(Got(b"\xff not json"), "k")
    assert junk.status == "?" and not junk.signature_ok


def test_delivery_rows_and_the_loopback_rule() -> None:
    row = Delivery.from_json({"id": 3, "status": "failed", "attempts": "2", "last_status_code": 500,
                              "payload": {"shipment_id": "S1"}, "next_attempt_at": "2026-03-02T10:00:00Z"})
    assert (row.id, row.attempts, row.last_status_code, row.shipment_id) == (3, 2, 500, "S1")
    assert row.next_attempt_at is not None and row.delivered_at is None
    assert is_loopback_url("http://127.0.0.1:8799/hook") and not is_loopback_url("https://example.com")
    assert not is_loopback_url("http://[::1")
