"""The webhook workbench's reading of what arrives (no Qt): a `Lok-Signature` checked with the reason it
fails, a request the local receiver got read as a Lok notification, the sandbox's delivery log as rows."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol
from urllib.parse import urlsplit

from lok_desk.api import models, webhook
from lok_desk.api.transport import is_loopback_host
from lok_desk.core.problems import QT_TRANSLATE_NOOP
from lok_desk.core.text import Text

__all__ = ["Delivery", "ReceivedEvent", "explain_signature", "is_loopback_url", "read_event"]

CONTEXT = "WebhookWorkbenchPane"
PASTE_HEADER = QT_TRANSLATE_NOOP("WebhookWorkbenchPane", "Paste the value of the Lok-Signature header.")
ENTER_SECRET = QT_TRANSLATE_NOOP(
    "WebhookWorkbenchPane", "Enter the webhook secret (Notifications → Webhook → Secret → Copy).")
NOT_BASE64 = QT_TRANSLATE_NOOP(
    "WebhookWorkbenchPane", "Header is not valid base64: it may be cut off, or it has extra "
                            "characters (quotes, the header name, spaces inside).")
WRONG_LENGTH = QT_TRANSLATE_NOOP(
    "WebhookWorkbenchPane", "Header decodes to {n} bytes, but an HMAC-SHA256 signature has 32: "
                            "it is probably cut off or not a Lok-Signature.")
VALID = QT_TRANSLATE_NOOP("WebhookWorkbenchPane", "Valid: Lok signed exactly this body with this secret.")
STRIPPED = QT_TRANSLATE_NOOP("WebhookWorkbenchPane", "without the whitespace at its start or end")
UNIX = QT_TRANSLATE_NOOP("WebhookWorkbenchPane", "with Unix line endings")
WINDOWS = QT_TRANSLATE_NOOP("WebhookWorkbenchPane", "with Windows line endings")
COPY_CHANGED = QT_TRANSLATE_NOOP(
    "WebhookWorkbenchPane", "Signature does not match this body, but it matches the body "
                            "{what}: your copy changed the bytes — verify the raw body exactly "
                            "as received.")
NO_MATCH = QT_TRANSLATE_NOOP(
    "WebhookWorkbenchPane", "Signature does not match: the body may have been changed — even "
                            "whitespace counts — or the secret is not this webhook's current secret.")


def explain_signature(secret: str, body: bytes, header: str) -> tuple[bool, Text]:
    """(valid, why) for a `Lok-Signature` value, in words that say what to look at next."""
    text = header.strip()
    if not text:
        return False, Text.of(CONTEXT, PASTE_HEADER)
    if not secret:
        return False, Text.of(CONTEXT, ENTER_SECRET)
    try:
        digest = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return False, Text.of(CONTEXT, NOT_BASE64)
    if len(digest) != 32:
        return False, Text.of(CONTEXT, WRONG_LENGTH, n=len(digest))
    if webhook.verify(secret, body, text):
        return True, Text.of(CONTEXT, VALID)
    for variant, what in ((body.strip(), STRIPPED), (body.replace(b"\r\n", b"\n"), UNIX),
                          (body.replace(b"\n", b"\r\n"), WINDOWS)):
        if variant != body and webhook.verify(secret, variant, text):
            return False, Text.of(CONTEXT, COPY_CHANGED, what=Text.of(CONTEXT, what))
    return False, Text.of(CONTEXT, NO_MATCH)


class Request(Protocol):
    """What the local receiver got: the raw body and its headers."""

    @property
    def body(self) -> bytes: ...

    @property
    def received_at(self) -> datetime: ...

    def header(self, name: str) -> str | None: ...


@dataclass(frozen=True)
class ReceivedEvent:
    """A request the local receiver got, read as a Lok notification."""

    request: Request
    status: str
    shipment_id: str
    reservation_id: str
    signature_ok: bool
    why: Text


def read_event(request: Request, secret: str) -> ReceivedEvent:
    header = request.header(webhook.SIGNATURE_HEADER) or ""
    ok, why = explain_signature(secret, request.body, header)
    try:
        payload = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        payload = None
    if not isinstance(payload, dict):
        payload = {}
    return ReceivedEvent(request, str(payload.get("status") or "?"), str(payload.get("shipment_id") or ""),
                         str(payload.get("reservation_id") or ""), ok, why)


@dataclass(frozen=True)
class Delivery:
    """One row of the sandbox's delivery log (GET /sandbox/webhook/deliveries)."""

    id: int
    event: str
    url: str
    status: str
    attempts: int
    last_status_code: int | None
    last_error: str
    next_attempt_at: datetime | None
    delivered_at: datetime | None
    shipment_id: str
    reservation_id: str

    @classmethod
    def from_json(cls, item: dict[str, Any]) -> Delivery:
        payload = item.get("payload") if isinstance(item.get("payload"), dict) else {}
        assert isinstance(payload, dict)
        code = item.get("last_status_code")
        return cls(
            id=int(item.get("id") or 0),
            event=str(item.get("event") or ""),
            url=str(item.get("url") or ""),
            status=str(item.get("status") or ""),
            attempts=int(item.get("attempts") or 0),
            last_status_code=int(code) if isinstance(code, int) else None,
            last_error=str(item.get("last_error") or ""),
            next_attempt_at=models.parse_datetime(item.get("next_attempt_at")),
            delivered_at=models.parse_datetime(item.get("delivered_at")),
            shipment_id=str(payload.get("shipment_id") or ""),
            reservation_id=str(payload.get("reservation_id") or ""),
        )


def is_loopback_url(url: str) -> bool:
    """Whether a webhook address points at this computer (the workbench's own receiver)."""
    try:
        return is_loopback_host(urlsplit(url).hostname or "")
    except ValueError:
        return False
