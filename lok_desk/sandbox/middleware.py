"""Pure ASGI middleware: fault injection and the action log, both on /api/v2 only."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lok_desk.sandbox.errors import error_body
from lok_desk.sandbox.state import FaultRuleState, SandboxState
from lok_desk.sandbox.store import dumps

API_PREFIX = "/api/v2"
log = logging.getLogger("lok_desk.sandbox")

_FAULT_TYPES = {
    500: "UNKNOWN_ERROR",
    504: "REQUEST_TIMEOUT",
    424: "FAILED_DEPENDENCY",
    423: "LOCATION_LOCKED",
    401: "INVALID_TOKEN",
    404: "NOT_FOUND",
    409: "INVALID_RESERVATION",
}


class FaultMiddleware:
    """Applies the rules of POST /sandbox/faults to matching /api/v2 requests."""

    def __init__(self, app: ASGIApp, state: SandboxState) -> None:
        self.app = app
        self.state = state

    def _match(self, method: str, path: str) -> FaultRuleState | None:
        relative = path[len(API_PREFIX) :] or "/"
        for rule in self.state.faults:
            if rule.remaining == 0:
                continue
            if rule.method and rule.method not in (method, "*"):
                continue
            if rule.pattern.search(path) or rule.pattern.search(relative):
                if rule.remaining is not None:
                    rule.remaining -= 1
                return rule
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope["path"]).startswith(API_PREFIX) or not self.state.faults:
            await self.app(scope, receive, send)
            return
        rule = self._match(str(scope["method"]).upper(), str(scope["path"]))
        self.state.faults[:] = [r for r in self.state.faults if r.remaining != 0]
        if rule is None:
            await self.app(scope, receive, send)
            return
        if rule.delay_ms:
            await asyncio.sleep(rule.delay_ms / 1000)
        if rule.drop:
            await _drop(send)
            return
        if rule.malformed:
            await _send(send, 200, b"<html>Lok is having a moment{", "application/json")
            return
        if rule.status is not None:
            type_ = _FAULT_TYPES.get(
                rule.status, "UNKNOWN_ERROR" if rule.status >= 500 else "INVALID_REQUEST"
            )
            body = error_body(rule.status, type_, "Injected by the sandbox fault rules", {"injected": True})
            await _send(send, rule.status, body, "application/json")
            return
        await self.app(scope, receive, send)


async def _send(send: Send, status: int, body: bytes, content_type: str) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", content_type.encode()),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def _drop(send: Send) -> None:
    """Close the connection without any response bytes.

    uvicorn's `send` is a bound method of its request cycle, which holds the transport: aborting it
    is what a crashed server looks like to the client. Waiting a couple of loop turns lets uvicorn
    see the disconnect, so it does not try to answer 500 itself.
    """
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    if transport is not None and hasattr(transport, "abort"):
        transport.abort()
        for _ in range(3):
            await asyncio.sleep(0)
        return
    # Another server: a promised body that never comes is the nearest thing to a drop.
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"100")]})


_SECRET_WORDS = ("secret", "token", "password", "authorization", "grant")


def redact(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: ("[removed]" if any(w in str(k).lower() for w in _SECRET_WORDS) else redact(v))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [redact(v) for v in value]
    return value


def payload_text(body: bytes, content_type: str) -> str:
    if not body:
        return ""
    if "x-www-form-urlencoded" in content_type:
        try:
            return dumps(redact(dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True))))
        except (UnicodeDecodeError, ValueError):
            return f"<{len(body)} bytes, unreadable form>"
    try:
        return dumps(redact(json.loads(body)))[:8000]
    except (ValueError, RecursionError, UnicodeDecodeError):
        return f"<{len(body)} bytes, not JSON>"


class ActionLogMiddleware:
    """Logs every /api/v2 call: resource, status, user e-mail, origin, time and redacted payload."""

    def __init__(self, app: ASGIApp, state: SandboxState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope["path"]).startswith(API_PREFIX):
            await self.app(scope, receive, send)
            return
        captured = bytearray()
        status = 500

        async def capture_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request" and len(captured) < 65_536:
                captured.extend(message.get("body", b"")[: 65_536 - len(captured)])
            return message

        async def capture_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, capture_receive, capture_send)
        finally:
            try:
                self._write(scope, bytes(captured), status)
            except Exception:  # the log must never break an answer
                log.exception("action log write failed")

    def _write(self, scope: Scope, body: bytes, status: int) -> None:
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        user = scope.get("state", {}).get("lok_user")
        client = scope.get("client")
        origin = headers.get("origin") or (str(client[0]) if client else "")
        resource = f"{scope['method']} {scope['path'][len(API_PREFIX) :]}"
        self.state.store.conn.execute(
            "INSERT INTO action_logs (company_id, resource, status, user_email, referer, origin, timestamp, "
            "payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                getattr(user, "company_id", None),
                resource,
                status,
                getattr(user, "email", None),
                headers.get("referer", ""),
                origin,
                self.state.clock.now_iso(),
                payload_text(body, headers.get("content-type", "")),
            ),
        )
