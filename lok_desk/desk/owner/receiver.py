"""A loopback webhook receiver for trying the webhook out: a minimal HTTP/1.1 POST server on asyncio.

It runs on whatever loop is current (the qasync loop in the desk), so it never blocks the window and
needs no thread. It is deliberately small: one path, Content-Length bodies, keep-alive, and it answers
200 to every well-formed POST (Lok counts only 200 as delivered). No Qt here.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

MAX_HEADER_BYTES = 64 * 1024
MAX_BODY_BYTES = 1024 * 1024
IDLE_TIMEOUT_S = 60.0
WEBHOOK_PATH = "/lok-webhook"


@dataclass(frozen=True)
class ReceivedRequest:
    """One POST as it arrived: the exact body bytes (what the signature covers) and its headers."""

    method: str
    path: str
    headers: dict[str, str]          # names lower-cased
    body: bytes = field(repr=False)
    received_at: datetime

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


class BadRequest(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def _response(status: int, reason: str, body: bytes = b"", *, keep_alive: bool = True) -> bytes:
    head = (f"HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\n"
            f"Content-Length: {len(body)}\r\nConnection: {'keep-alive' if keep_alive else 'close'}\r\n\r\n")
    return head.encode("ascii") + body


async def read_request(reader: asyncio.StreamReader) -> ReceivedRequest | None:
    """One request from the stream; None at a clean end of the connection. Raises BadRequest."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError as error:
        if not error.partial.strip():
            return None
        raise BadRequest(400, "Bad Request") from None
    except asyncio.LimitOverrunError:
        raise BadRequest(431, "Request Header Fields Too Large") from None
    lines = head.decode("latin-1").split("\r\n")
    try:
        method, target, version = lines[0].split(" ")
    except ValueError:
        raise BadRequest(400, "Bad Request") from None
    if not version.startswith("HTTP/1."):
        raise BadRequest(505, "HTTP Version Not Supported")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if not line:
            continue
        name, sep, value = line.partition(":")
        if not sep or not name.strip():
            raise BadRequest(400, "Bad Request")
        headers[name.strip().lower()] = value.strip()
    if "chunked" in headers.get("transfer-encoding", "").lower():
        raise BadRequest(411, "Length Required")   # Lok sends Content-Length; chunked is not needed here
    try:
        length = int(headers.get("content-length", "0"))
    except ValueError:
        raise BadRequest(400, "Bad Request") from None
    if length < 0 or length > MAX_BODY_BYTES:
        raise BadRequest(413, "Content Too Large")
    try:
        body = await reader.readexactly(length) if length else b""
    except asyncio.IncompleteReadError:
        raise BadRequest(400, "Bad Request") from None
    return ReceivedRequest(method.upper(), target, headers, body, datetime.now(UTC))


class LocalWebhookReceiver:
    """`await start()` → URL on 127.0.0.1 (an ephemeral port); `on_request` is called for each POST to
    the webhook path; `await stop()` closes the server and every open connection."""

    def __init__(self, on_request: Callable[[ReceivedRequest], None], *, host: str = "127.0.0.1",
                 path: str = WEBHOOK_PATH) -> None:
        self._on_request = on_request
        self._host = host
        self._path = path
        self._server: asyncio.Server | None = None
        self._connections: set[asyncio.Task[None]] = set()
        self._port = 0

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def url(self) -> str:
        return f"http://{self._host}:{self._port}{self._path}" if self._server is not None else ""

    @property
    def open_connections(self) -> int:
        return len(self._connections)

    async def start(self) -> str:
        if self._server is None:
            self._server = await asyncio.start_server(self._serve, self._host, 0, limit=MAX_HEADER_BYTES)
            self._port = int(self._server.sockets[0].getsockname()[1])
        return self.url

    async def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        server.close()
        tasks = list(self._connections)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        await server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._connections.add(task)
        try:
            while True:
                try:
                    request = await asyncio.wait_for(read_request(reader), IDLE_TIMEOUT_S)
                except BadRequest as error:
                    writer.write(_response(error.status, error.reason, keep_alive=False))
                    await writer.drain()
                    return
                except (TimeoutError, ConnectionError):
                    return
                if request is None:
                    return
                keep_alive = request.header("connection") != "close"
                if request.method != "POST":
                    writer.write(_response(405, "Method Not Allowed", b"POST only\n", keep_alive=keep_alive))
                elif request.path.split("?")[0] != self._path:
                    writer.write(_response(404, "Not Found", keep_alive=keep_alive))
                else:
                    # The answer does not depend on the signature: the point is to see what arrives.
                    self._on_request(request)
                    writer.write(_response(200, "OK", b"ok\n", keep_alive=keep_alive))
                await writer.drain()
                if not keep_alive:
                    return
        except (ConnectionError, asyncio.IncompleteReadError):
            return
        except asyncio.CancelledError:
            # stop() cancels open connections. End normally: on 3.11 asyncio's stream callback calls
            # task.exception(), which raises (and logs a traceback) for a task that ends cancelled.
            return
        finally:
            if task is not None:
                self._connections.discard(task)
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()
