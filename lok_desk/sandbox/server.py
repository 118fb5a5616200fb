"""`SandboxServer`: the sandbox on uvicorn in a background thread, for the desk and for tests."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import sys
import threading
from pathlib import Path
from types import TracebackType

import uvicorn

from lok_desk.sandbox.app import build_app
from lok_desk.sandbox.clock import SandboxClock
from lok_desk.sandbox.seed import seed
from lok_desk.sandbox.state import SandboxSettings, SandboxState
from lok_desk.sandbox.store import Store

log = logging.getLogger("lok_desk.sandbox")


def open_state(
    db_path: Path | None,
    *,
    webhook_retry_base: float = 10.0,
    token_lifetime: int = 3600,
    reset: bool = False,
) -> SandboxState:
    """Open (and seed when new or reset) the store; restore the persisted clock offset."""
    store = Store(db_path)
    if reset:
        store.wipe()
    offset = int(store.get_meta("clock_offset_ms") or 0)
    clock = SandboxClock(offset)
    if not store.is_seeded():
        seed(store, clock.now_ms())
    settings = SandboxSettings(webhook_retry_base=webhook_retry_base, token_lifetime=token_lifetime)
    return SandboxState(store=store, clock=clock, settings=settings)


def plain_event_loop() -> asyncio.AbstractEventLoop:
    """A stock asyncio loop for the server thread, whatever event-loop policy the process installed.

    Not `asyncio.run` nor `asyncio.new_event_loop()`: both ask the installed policy, and the desk
    installs qasync's, whose loops are Qt loops that belong to the GUI thread.
    """
    if sys.platform == "win32":
        return asyncio.ProactorEventLoop()
    return asyncio.SelectorEventLoop()


class SandboxServer:
    """Runs the sandbox on `host:port` in a daemon thread; stop() then start() reuses the same port
    and the same store (an in-memory store survives a restart of the same server object)."""

    def __init__(
        self,
        db_path: Path | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        webhook_retry_base: float = 10.0,
        token_lifetime: int = 3600,
        reset: bool = False,
    ) -> None:
        self.db_path = db_path
        self.host = host
        self.port = port
        self._webhook_retry_base = webhook_retry_base
        self._token_lifetime = token_lifetime
        self._reset = reset
        self._state: SandboxState | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._failure: BaseException | None = None

    def __repr__(self) -> str:
        return f"SandboxServer(host={self.host!r}, port={self.port}, db_path={self.db_path!r})"

    @property
    def state(self) -> SandboxState:
        if self._state is None:
            self._state = open_state(
                self.db_path,
                webhook_retry_base=self._webhook_retry_base,
                token_lifetime=self._token_lifetime,
                reset=self._reset,
            )
        return self._state

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def api_url(self) -> str:
        return self.base_url + "/api/v2"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _bind(self) -> socket.socket:
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        # proto=IPPROTO_TCP matters: asyncio sets TCP_NODELAY on accepted connections only when the
        # listening socket says TCP explicitly; without it every answer waits ~40 ms for delayed ACKs.
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        sock.listen(128)
        sock.set_inheritable(True)
        self.port = int(sock.getsockname()[1])
        return sock

    def start(self, timeout: float = 30.0) -> None:
        """Start serving; returns once the server accepts connections."""
        if self.running:
            return
        state = self.state
        sock = self._bind()
        config = uvicorn.Config(
            build_app(state),
            log_level="warning",
            access_log=False,
            lifespan="on",
            proxy_headers=False,
            timeout_graceful_shutdown=3,
            http="h11",
            loop="asyncio",
        )
        server = uvicorn.Server(config)
        self._server = server
        self._failure = None

        def run() -> None:
            try:
                with asyncio.Runner(loop_factory=plain_event_loop) as runner:
                    runner.run(server.serve(sockets=[sock]))
            except BaseException as exc:  # reported by start()
                self._failure = exc
            finally:
                with contextlib.suppress(OSError):
                    sock.close()

        self._thread = threading.Thread(target=run, name=f"lok-sandbox-{self.port}", daemon=True)
        self._thread.start()
        deadline = threading.Event()
        waited = 0.0
        while not server.started:
            if not self._thread.is_alive():
                raise RuntimeError("The Lok sandbox failed to start") from self._failure
            deadline.wait(0.01)
            waited += 0.01
            if waited > timeout:
                self.stop()
                raise TimeoutError("The Lok sandbox did not start in time")

    def stop(self) -> None:
        """Graceful stop: finishes in-flight requests, stops the webhook worker, joins the thread."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        server.should_exit = True
        thread.join(timeout=30)
        self._server = None
        self._thread = None

    def close(self) -> None:
        """Stop and close the store (a closed server cannot be started again)."""
        self.stop()
        if self._state is not None:
            self._state.store.close()
            self._state = None

    def __enter__(self) -> SandboxServer:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
