"""Webhook outbox: events are written in the request's transaction and POSTed by a background worker."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import hmac
import ipaddress
import logging
import secrets
import time
from typing import Any
from urllib.parse import urlsplit

import httpx

from lok_desk.sandbox.clock import iso
from lok_desk.sandbox.errors import invalid
from lok_desk.sandbox.state import SandboxState
from lok_desk.sandbox.store import dumps, loads

log = logging.getLogger("lok_desk.sandbox.webhooks")

ACTION_LOG_KEEP = 200_000
ALL_EVENTS = (
    "reserved",
    "delivered",
    "reopened",
    "reopened2",
    "picked_up",
    "cancelled",
    "undelivered",
    "unpicked",
)
STATUS_MESSAGES = {
    "reserved": "Locker reserved",
    "delivered": "Package received in the locker",
    "reopened": "Package altered in the locker",
    "reopened2": "Package altered in the locker a second time",
    "picked_up": "Package picked up",
    "cancelled": "Reservation cancelled",
    "undelivered": "Package still waiting to be delivered",
    "unpicked": "Package still waiting to be picked up",
}


def sign(secret: str, body: bytes) -> str:
    """`Lok-Signature`: base64(HMAC-SHA256(key=secret, message=exact body bytes))."""
    digest = hmac.new(secret.encode(), body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(24)


def is_loopback_host(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str) -> None:
    """https anywhere; plain http only to loopback hosts."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        _ = parts.port
    except ValueError:
        raise invalid("The webhook url is not a valid URL", ["url"]) from None
    if not host or parts.scheme not in ("https", "http"):
        raise invalid("The webhook url must be an https:// URL", ["url"])
    if parts.scheme == "http" and not is_loopback_host(host):
        raise invalid("Plain http webhooks are accepted only on loopback hosts; use https", ["url"])


def enqueue_event(state: SandboxState, company_id: str, doc: dict[str, Any], event: str, now_ms: int) -> None:
    """Write a delivery for `event` when the company's webhook is enabled and subscribed to it."""
    conn = state.store.conn
    hook = conn.execute(
        "SELECT url, events, enabled FROM webhooks WHERE company_id = ?", (company_id,)
    ).fetchone()
    if hook is None or not hook["enabled"] or event not in loads(hook["events"]):
        return
    payload = {
        "reservation_id": doc["id"],
        "shipment_id": doc.get("shipment_id") or "",
        "status": event,
        "status_message": STATUS_MESSAGES.get(event, event),
        "t": now_ms,
    }
    conn.execute(
        "INSERT INTO outbox (company_id, event, url, payload, status, attempts, next_attempt_ms, created_ms) "
        "VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)",
        (company_id, event, hook["url"], dumps(payload), now_ms, now_ms),
    )
    state.poke_worker()


def delivery_json(row: Any) -> dict[str, Any]:
    return {
        "id": int(row["id"]),
        "event": row["event"],
        "url": row["url"],
        "status": row["status"],
        "attempts": int(row["attempts"]),
        "last_status_code": row["last_status_code"],
        "last_error": row["last_error"],
        "next_attempt_at": None if row["next_attempt_ms"] is None else iso(int(row["next_attempt_ms"])),
        "delivered_at": None if row["delivered_ms"] is None else iso(int(row["delivered_ms"])),
        "payload": loads(row["payload"]),
    }


# At most this many deliveries of one company are in flight at once: a receiver that hangs holds
# only these, and every other company's events go out at once meanwhile.
SENDERS_PER_COMPANY = 4


class WebhookWorker:
    """Delivers due outbox rows and runs housekeeping (expiry, daily events) on the sandbox clock.

    Each delivery is its own task: the worker never waits for a batch, so a slow receiver only
    delays its own company's deliveries, of which at most SENDERS_PER_COMPANY are in flight. The
    URL and the secret are read when the delivery is sent, so a queued retry goes to the webhook as
    it is now; a disabled webhook's deliveries wait (they are neither sent nor dropped)."""

    def __init__(self, state: SandboxState) -> None:
        self.state = state
        self._task: asyncio.Task[None] | None = None
        self._client: httpx.AsyncClient | None = None
        self._inflight: dict[int, str] = {}  # outbox id -> company id
        self._senders: set[asyncio.Task[None]] = set()

    def start(self) -> None:
        self.state.wake = asyncio.Event()
        self._task = asyncio.create_task(self._run(), name="lok-sandbox-webhooks")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        for sender in list(self._senders):
            sender.cancel()
        if self._senders:
            await asyncio.gather(*self._senders, return_exceptions=True)
        self._senders.clear()
        self._inflight.clear()
        if self._client is not None:
            await self._client.aclose()
            self._client = None
        self.state.wake = None

    async def _run(self) -> None:
        next_housekeeping = 0.0
        while True:
            try:
                if time.monotonic() >= next_housekeeping:
                    self.housekeeping()
                    next_housekeeping = time.monotonic() + self.state.settings.housekeeping_interval
                wait = self._dispatch_due()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("webhook worker step failed")
                wait = 1.0
            wake = self.state.wake
            assert wake is not None
            wake.clear()
            wait = min(wait, max(0.0, next_housekeeping - time.monotonic()))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake.wait(), timeout=max(wait, 0.005))

    def housekeeping(self) -> None:
        from lok_desk.sandbox.reservations import daily_reminders, expire_due

        now = self.state.clock.now_ms()
        with self.state.store.transaction() as conn:
            expire_due(self.state, now)
            daily_reminders(self.state, now)
            # The log only ever shows the newest 1000 per company; keep a generous tail, not forever.
            conn.execute(
                "DELETE FROM action_logs WHERE id <= (SELECT MAX(id) FROM action_logs) - ?",
                (ACTION_LOG_KEEP,),
            )

    def _dispatch_due(self) -> float:
        """Start a sender for each due row within its company's share; return real seconds until
        the next row not yet in flight is due."""
        conn = self.state.store.conn
        now = self.state.clock.now_ms()
        companies = conn.execute(
            "SELECT DISTINCT o.company_id FROM outbox o JOIN webhooks w ON w.company_id = o.company_id "
            "WHERE o.status IN ('pending', 'failed') AND w.enabled = 1 AND o.next_attempt_ms <= ?",
            (now,),
        ).fetchall()
        for (company_id,) in companies:
            busy = [i for i, c in self._inflight.items() if c == company_id]
            free = SENDERS_PER_COMPANY - len(busy)
            if free <= 0:
                continue
            rows = conn.execute(
                "SELECT id FROM outbox WHERE company_id = ? AND status IN ('pending', 'failed') "
                "AND next_attempt_ms <= ? ORDER BY next_attempt_ms, id LIMIT ?",
                (company_id, now, free + len(busy)),
            ).fetchall()
            for (row_id,) in [r for r in rows if int(r[0]) not in self._inflight][:free]:
                self._inflight[int(row_id)] = str(company_id)
                sender = asyncio.create_task(self._attempt(int(row_id)), name=f"lok-webhook-{row_id}")
                self._senders.add(sender)
                sender.add_done_callback(self._senders.discard)
        upcoming = conn.execute(
            "SELECT MIN(o.next_attempt_ms) FROM outbox o JOIN webhooks w ON w.company_id = o.company_id "
            "WHERE o.status IN ('pending', 'failed') AND w.enabled = 1 AND o.next_attempt_ms > ?",
            (now,),
        ).fetchone()[0]
        if upcoming is None:
            return 3600.0
        return max(0.0, (int(upcoming) - self.state.clock.now_ms()) / 1000)

    async def _attempt(self, row_id: int) -> None:
        try:
            await self._send(row_id)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("webhook delivery %s failed unexpectedly", row_id)
        finally:
            self._inflight.pop(row_id, None)
            # A sender slot of this company is free again: look for its next due row.
            self.state.poke_worker()

    async def _send(self, row_id: int) -> None:
        conn = self.state.store.conn
        row = conn.execute(
            "SELECT o.*, w.url AS current_url, w.secret, w.enabled FROM outbox o "
            "JOIN webhooks w ON w.company_id = o.company_id WHERE o.id = ?",
            (row_id,),
        ).fetchone()
        if row is None or not row["enabled"] or row["status"] not in ("pending", "failed"):
            return  # disabled (or handled) since it was picked: it waits for the webhook to be enabled
        url = str(row["current_url"])
        # The stored payload text is the exact body: what is signed is what is sent.
        body = str(row["payload"]).encode()
        headers = {"Content-Type": "application/json", "Lok-Signature": sign(str(row["secret"]), body)}
        status_code: int | None = None
        error: str | None = None
        if self._client is None:
            # Made at the first delivery, not at start: an httpx client loads the CA bundle into an SSL
            # context (~20-40 ms of the GIL the desk's start shares), and most sandbox runs send nothing.
            self._client = httpx.AsyncClient(
                timeout=httpx.Timeout(10.0),
                follow_redirects=False,
                limits=httpx.Limits(max_connections=None, max_keepalive_connections=20),
            )
        try:
            response = await self._client.post(url, content=body, headers=headers)
            status_code = response.status_code
            if status_code != 200:
                error = f"HTTP {status_code}"
        except Exception as exc:  # any failure to hand the event over counts as a failed attempt
            error = type(exc).__name__ + (f": {exc}" if str(exc) else "")
        self._record(row_id, url, int(row["attempts"]) + 1, status_code, error)

    def _record(
        self, row_id: int, url: str, attempts: int, status_code: int | None, error: str | None
    ) -> None:
        settings = self.state.settings
        now = self.state.clock.now_ms()
        with self.state.store.transaction() as conn:
            if error is None:
                conn.execute(
                    "UPDATE outbox SET status = 'delivered', url = ?, attempts = ?, last_status_code = ?, "
                    "last_error = NULL, next_attempt_ms = NULL, delivered_ms = ? WHERE id = ?",
                    (url, attempts, status_code, now, row_id),
                )
            elif attempts >= settings.webhook_max_attempts:
                conn.execute(
                    "UPDATE outbox SET status = 'given_up', url = ?, attempts = ?, last_status_code = ?, "
                    "last_error = ?, next_attempt_ms = NULL WHERE id = ?",
                    (url, attempts, status_code, error[:500], row_id),
                )
            else:
                interval = min(
                    settings.webhook_retry_base * 2 ** (attempts - 1), settings.webhook_max_interval
                )
                conn.execute(
                    "UPDATE outbox SET status = 'failed', url = ?, attempts = ?, last_status_code = ?, "
                    "last_error = ?, next_attempt_ms = ? WHERE id = ?",
                    (url, attempts, status_code, error[:500], now + int(interval * 1000), row_id),
                )
