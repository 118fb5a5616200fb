"""The embedded sandbox's own routes (its clock, its webhook delivery log), read through the one client.

They are not part of Lok: they sit beside /api/v2 on the sandbox the desk started. Reading them
through the `LokClient` (not a second HTTP client) keeps one transport, one timeout policy and one
error path: a failure is a `LokError` like any other, and the answer is checked before it is used.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from .client import LokClient
from .errors import LokProtocolError
from .transport import API_PREFIX

__all__ = ["read_sandbox_clock", "read_webhook_deliveries"]


def _root(client: LokClient) -> str:
    base = client.base_url
    return base[: -len(API_PREFIX)] if base.endswith(API_PREFIX) else base


async def _get_json(client: LokClient, path: str) -> Any:
    # An absolute URL: the sandbox routes live beside the API prefix, not under it. No token is sent.
    response = await client._send("GET", _root(client) + path, auth=False)
    try:
        return response.json()
    except ValueError:
        raise LokProtocolError(f"GET {path}: the answer is not JSON") from None


async def read_sandbox_clock(client: LokClient) -> timedelta:
    """How far the sandbox clock is ahead of real time (GET /sandbox/clock). Raises LokError."""
    body = await _get_json(client, "/sandbox/clock")
    try:
        return timedelta(seconds=float(body["offset_seconds"]))
    except (KeyError, TypeError, ValueError):
        raise LokProtocolError("GET /sandbox/clock: no offset_seconds in the answer") from None


async def read_webhook_deliveries(client: LokClient) -> list[dict[str, Any]]:
    """The sandbox's webhook delivery log (GET /sandbox/webhook/deliveries), newest last. Raises LokError."""
    body = await _get_json(client, "/sandbox/webhook/deliveries")
    items = body.get("deliveries") if isinstance(body, dict) else None
    if not isinstance(items, list):
        raise LokProtocolError("GET /sandbox/webhook/deliveries: no deliveries list in the answer")
    return [item for item in items if isinstance(item, dict)]
