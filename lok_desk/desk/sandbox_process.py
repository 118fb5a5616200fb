"""The embedded sandbox of `lok-desk --sandbox`, run in a child process beside the desk.

Why a child: importing the sandbox (FastAPI, uvicorn, its schemas), opening or seeding its database,
drawing QR codes and labels, delivering webhooks are all Python work. In the desk's process they
shared one GIL with the Qt thread; in a child they run on another core from the first moment (the
child is started before the desk imports Qt) and never hold the UI up.

The desk talks to it only over HTTP on loopback, as to any Lok server (the API under `/api/v2`, the
sandbox's own `/sandbox/clock` and `/sandbox/webhook/deliveries`); nothing needs the server object.

The child is the same program with a hidden flag (`lok-desk --embedded-sandbox-child`), so the
PyInstaller bundle, whose `sys.executable` is the bundle itself, works as a checkout does.

Protocol, on the child's standard streams:
- stdout: one JSON line once the server accepts connections, `{"port": N, "base_url": "http://..."}`,
  or `{"error": "..."}` when it cannot start. Nothing else is written there.
- stdin: the desk keeps it open and never writes. End of file means "stop": the desk closes it to
  quit, and the kernel closes it when the desk dies in any way (SIGKILL included), so the child
  never outlives the desk. (PR_SET_PDEATHSIG was not used: it fires when the *thread* that started
  the child ends, and it is Linux-only; the pipe works everywhere.)
- The child runs in its own session, so Ctrl+C in a terminal reaches the desk, which then stops the
  child cleanly, instead of both at once.

Port: the child reuses the port remembered in the desk settings (so cached sandbox tokens stay
valid), takes another when it is busy, and saves the new one before it reports ready (the desk reads
its settings after that). `--sandbox-reset` becomes the child's `--reset`.

No Qt import here: the child must not load Qt.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import json
import logging
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from lok_desk.sandbox.server import SandboxServer

log = logging.getLogger(__name__)

CHILD_FLAG = "--embedded-sandbox-child"
STOP_TIMEOUT_S = 10.0   # its graceful stop: at most 3 s for requests (uvicorn), then the store closes


class SandboxEndpoint(Protocol):
    """What the desk knows of its sandbox: where it answers (an in-process SandboxServer has these too)."""

    @property
    def base_url(self) -> str: ...

    @property
    def api_url(self) -> str: ...


# ---- the desk's side ------------------------------------------------------------------------------
def child_command(*, reset: bool) -> list[str]:
    """The command that runs the sandbox child: the bundle itself when frozen, else `python -m lok_desk`."""
    if getattr(sys, "frozen", False):
        command = [sys.executable, CHILD_FLAG]
    else:
        command = [sys.executable, "-m", "lok_desk", CHILD_FLAG]
    return [*command, "--reset"] if reset else command


def _spawn_child(*, reset: bool, verbose: bool) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603 - our own program, fixed arguments
        child_command(reset=reset) + (["--verbose"] if verbose else []),
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=None,
        start_new_session=sys.platform != "win32",
    )


class SandboxProcess:
    """The sandbox child as the desk holds it: `ready` resolves once it answers; `close()` ends it."""

    def __init__(self, process: subprocess.Popen[bytes], *, verbose: bool = False) -> None:
        self.process = process
        self.port = 0
        self.restarts = 0
        self._verbose = verbose
        self._closed = False
        self._watch_ready()

    def _watch_ready(self) -> None:
        self.ready: concurrent.futures.Future[SandboxProcess] = concurrent.futures.Future()
        self.ready.set_running_or_notify_cancel()
        threading.Thread(target=self._read_ready_line, name="lok-sandbox-ready", daemon=True).start()

    @property
    def stopped(self) -> bool:
        """The child ended (crashed, killed) while the desk still runs (reaped: no zombie left)."""
        return not self._closed and self.process.poll() is not None

    def restart(self, timeout_s: float = 60.0) -> bool:
        """Start a new child after this one died, on the port it had (the child reuses the port saved
        in the settings, so the desk's client and cached token still work). Blocking: call it from a
        worker thread. True when it answers on the same port; False when it could not start, or came
        up on another port (the desk's client cannot follow it there)."""
        if self._closed:
            return False
        before = self.port
        self.process.wait()   # reap the dead child
        self.restarts += 1
        self.process = _spawn_child(reset=False, verbose=self._verbose)
        self._watch_ready()
        try:
            self.ready.result(timeout=timeout_s)
        except (RuntimeError, concurrent.futures.TimeoutError) as error:
            log.error("The embedded sandbox could not be started again: %s", error)
            return False
        log.info("Embedded sandbox started again (pid %s) on port %s", self.process.pid, self.port)
        return self.port == before

    def __repr__(self) -> str:
        return f"SandboxProcess(pid={self.process.pid}, port={self.port})"

    @classmethod
    def start(cls, *, reset: bool, verbose: bool = False) -> SandboxProcess:
        """Start the child now (a fork and exec: milliseconds); its start-up runs on another core."""
        return cls(_spawn_child(reset=reset, verbose=verbose), verbose=verbose)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return self.base_url + "/api/v2"

    def _read_ready_line(self) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        line = stdout.readline()
        with contextlib.suppress(OSError):
            stdout.close()   # nothing else comes that way
        try:
            message = json.loads(line) if line else {}
        except ValueError:
            message = {}
        if isinstance(message, dict) and isinstance(message.get("port"), int):
            self.port = int(message["port"])
            self.ready.set_result(self)
            return
        reason = message.get("error") if isinstance(message, dict) else None
        code = self.process.wait()
        self.ready.set_exception(RuntimeError(
            f"The Lok sandbox did not start ({reason or f'it exited with code {code}'})"))

    def close(self, timeout_s: float = STOP_TIMEOUT_S) -> int | None:
        """Ask the child to stop (end of its stdin) and wait; terminate, then kill, if it does not.

        Blocking: call it from a worker thread. Returns the child's exit code.
        """
        if self._closed:
            return self.process.poll()
        self._closed = True
        if self.process.stdin is not None:
            with contextlib.suppress(OSError):
                self.process.stdin.close()
        for step in (None, self.process.terminate, self.process.kill):
            if step is not None:
                with contextlib.suppress(OSError):
                    step()
            try:
                return self.process.wait(timeout_s if step is None else 3.0)
            except subprocess.TimeoutExpired:
                log.warning("The sandbox child (pid %s) did not stop; %s", self.process.pid,
                            "terminating it" if step is None else "killing it")
        return self.process.poll()


# ---- the child's side -----------------------------------------------------------------------------
def start_server(db_path: Path, *, reset: bool, port: int) -> SandboxServer:
    """Start the sandbox on the remembered port when it is free, else on any free port."""
    from lok_desk.paths import make_private_dir
    from lok_desk.sandbox.server import SandboxServer

    make_private_dir(db_path.parent)
    if port:
        server = SandboxServer(db_path=db_path, port=port, reset=reset)
        try:
            server.start()
            return server
        except Exception:   # the port is taken (OSError) or uvicorn refused it
            log.info("Sandbox port %s is not free; using another one", port)
            server.close()
        reset = False  # the first attempt already reseeded
    server = SandboxServer(db_path=db_path, port=0, reset=reset)
    server.start()
    return server


def _watch_stdin(stop: threading.Event, stdin: IO[bytes]) -> None:
    """Sets `stop` at end of file: the desk closed the pipe, or the desk is gone."""
    with contextlib.suppress(OSError, ValueError):
        while stdin.read(4096):
            pass
    stop.set()


def child_main(argv: list[str]) -> int:
    """`lok-desk --embedded-sandbox-child [--reset] [--verbose]`: serve until stdin ends."""
    import gc

    gc.disable()   # the start is imports and the seed: no cyclic GC passes until it serves (as the desk)
    from lok_desk import diagnostics
    from lok_desk.desk.settings import DeskSettings
    from lok_desk.paths import AppPaths

    verbose = "--verbose" in argv
    diagnostics.setup_logging(verbose=verbose, file_name="sandbox.log")
    stop = threading.Event()
    # stdout carries the one ready line; keep it for that and send anything else printed to stderr.
    ready_out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    threading.Thread(target=_watch_stdin, args=(stop, sys.stdin.buffer), name="lok-sandbox-stdin",
                     daemon=True).start()
    if sys.platform != "win32":
        signal.signal(signal.SIGTERM, lambda _signo, _frame: stop.set())
    signal.signal(signal.SIGINT, lambda _signo, _frame: stop.set())

    paths = AppPaths.default()
    settings = DeskSettings.load(paths.settings_file)
    try:
        server = start_server(paths.sandbox_db, reset="--reset" in argv, port=settings.sandbox_port)
    except Exception as error:
        log.exception("The embedded sandbox could not start")
        print(json.dumps({"error": f"{type(error).__name__}: {error}"}), file=ready_out, flush=True)
        diagnostics.stop_logging()
        return 1
    try:
        if server.port != settings.sandbox_port:
            settings = DeskSettings.load(paths.settings_file)   # fresh: change only the port
            settings.sandbox_port = server.port
            settings.save_quietly(paths.settings_file)
        gc.freeze()   # what start-up made lives as long as the server: out of the collector's walks
        gc.enable()
        log.info("Embedded sandbox (pid %s) serving %s", os.getpid(), server.base_url)
        print(json.dumps({"port": server.port, "base_url": server.base_url}), file=ready_out, flush=True)
        with contextlib.suppress(OSError):
            ready_out.close()
        while not stop.wait(1.0):
            if not server.running:
                log.error("The embedded sandbox's server thread ended by itself")
                return 1
        log.info("Embedded sandbox stopping: the desk closed its pipe or asked it to stop")
        return 0
    finally:
        server.close()
        diagnostics.stop_logging()
