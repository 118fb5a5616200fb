"""One Lok Desk per person: a second start brings the running window to the front, then exits 0.

How: the first desk takes an exclusive `flock` on `instance.lock` in the per-user runtime directory
(`$XDG_RUNTIME_DIR/lok-desk`, 0700; `LOK_DESK_HOME/run` when that is set) and listens on the Unix
socket `instance.sock` beside it. A later start fails to take the lock, connects, sends `show`, waits
for `shown` and exits. The lock, not the socket file, decides who is first, so a socket left by a
desk that was killed is simply replaced, and two starts at the same moment cannot both win.

Why not Qt's QLocalServer: it lives in QtNetwork, which the bundle leaves out (3.4 MB, and the
bundle is at its size budget); and this check runs before Qt is even imported, so a second start
answers in a fraction of a second. The primary serves the socket on the desk's asyncio loop
(`serve`), never blocking the Qt thread. Windows has neither `flock` nor `AF_UNIX` in Python:
there every start runs (documented in the README).

No Qt import here (it runs first in `lok_desk.app.main`).
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import hashlib
import logging
import os
import socket
import stat
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

log = logging.getLogger(__name__)

LOCK_NAME = "instance.lock"
SOCKET_NAME = "instance.sock"
SHOW = b"show\n"
SHOWN = b"shown\n"
MAX_KNOCK = 64   # bytes: a knock is one short line
SUN_PATH_MAX = 100   # sockaddr_un.sun_path is 104 (macOS) or 108 (Linux) bytes with its NUL
SUPPORTED = sys.platform != "win32"


def runtime_dir() -> Path:
    """The per-user directory of the lock and the socket (LOK_DESK_HOME/run under tests)."""
    home = os.environ.get("LOK_DESK_HOME")
    if home:
        return Path(home) / "run"
    import warnings

    import platformdirs

    with warnings.catch_warnings():   # no XDG_RUNTIME_DIR: it falls back to /tmp/runtime-<uid>, and says so
        warnings.simplefilter("ignore")
        try:
            return Path(platformdirs.user_runtime_dir("lok-desk", appauthor=False))
        except OSError as error:
            # That fallback can be planted by another local user ($TMPDIR/runtime-<uid>, theirs or open
            # to all): never used then. The per-user cache folder is this user's own.
            fallback = Path(platformdirs.user_cache_dir("lok-desk", appauthor=False)) / "run"
            log.warning("No safe runtime folder (%s); the one-instance lock lives in %s", error, fallback)
            return fallback


def socket_path(folder: Path) -> Path:
    """`folder/instance.sock`, or a short name in the temp folder when that path is too long to bind."""
    path = folder / SOCKET_NAME
    if len(os.fsencode(path)) <= SUN_PATH_MAX:
        return path
    digest = hashlib.sha256(os.fsencode(folder.resolve())).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"lok-desk-{os.getuid()}-{digest}.sock"


class DeskInstance(Protocol):
    """What app.main holds for the life of the desk."""

    async def serve(self, show: Callable[[], None]) -> None: ...

    def close(self) -> None: ...


@dataclass
class PrimaryInstance:
    """This process is the person's desk: it holds the lock and the listening socket."""

    lock_file: IO[bytes]
    listener: socket.socket
    path: Path
    _server: asyncio.AbstractServer | None = None

    async def serve(self, show: Callable[[], None]) -> None:
        """Answer later starts on the running asyncio loop: `show()` for each, then `shown`."""

        async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            try:
                line = await asyncio.wait_for(_read_knock(reader), 5.0)
                if line == SHOW:
                    log.info("Another start of Lok Desk asked for this window; bringing it to the front")
                    show()
                    writer.write(SHOWN)
                    await writer.drain()
            except (TimeoutError, OSError):
                pass
            finally:
                writer.close()
                with contextlib.suppress(OSError):
                    await writer.wait_closed()

        self._server = await asyncio.start_unix_server(answer, sock=self.listener)

    def close(self) -> None:
        """Stop listening and let go of the lock (the socket file goes; the next start is first)."""
        if self._server is not None:
            self._server.close()
            self._server = None
        with contextlib.suppress(OSError):
            self.listener.close()
        with contextlib.suppress(OSError):
            self.path.unlink()
        with contextlib.suppress(OSError):
            self.lock_file.close()


async def _read_knock(reader: asyncio.StreamReader) -> bytes:
    """The knock's one line, read a few bytes at a time and never more than MAX_KNOCK: anything longer
    (or a line that never ends) is no knock, whatever it is."""
    line = b""
    while not line.endswith(b"\n") and len(line) <= MAX_KNOCK:
        chunk = await reader.read(MAX_KNOCK)
        if not chunk:
            break
        line += chunk
    return line if len(line) <= MAX_KNOCK else b""


def _take_lock(folder: Path) -> IO[bytes] | None:
    import fcntl

    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    # Only a folder of this user's, closed to everyone else: another user's (or one open to all)
    # could swap the socket or hold the lock. Refused with a PermissionError (claim runs alone then).
    info = folder.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise PermissionError(errno.EPERM, "not a private folder of this user's", str(folder))
    lock_file = open(folder / LOCK_NAME, "ab")  # noqa: SIM115 - held open for the life of the desk
    try:
        fcntl.flock(lock_file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        lock_file.close()
        if error.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
            return None
        raise
    return lock_file


def _listen(path: Path) -> socket.socket:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()   # left by a desk that was killed; we hold the lock, so it is not in use
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old_mask = os.umask(0o177)   # the socket file 0600: only this person may knock
    try:
        listener.bind(os.fspath(path))
    finally:
        os.umask(old_mask)
    listener.listen(8)
    listener.setblocking(False)
    return listener


def ask_running_desk_to_show(path: Path, *, timeout_s: float = 20.0) -> bool:
    """Knock on the running desk's socket; True once it answered that its window is in front.

    The running desk may still be starting (it binds the socket right after taking the lock, and
    answers once its event loop runs), hence the generous timeout and the short connect retries.
    """
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as knock:
                knock.settimeout(max(deadline - time.monotonic(), 0.1))
                knock.connect(os.fspath(path))
                knock.sendall(SHOW)
                answer = b""
                while not answer.endswith(b"\n"):
                    chunk = knock.recv(64)
                    if not chunk:
                        break
                    answer += chunk
                return answer == SHOWN
        except (FileNotFoundError, ConnectionRefusedError):
            # Between the lock and the bind of a desk starting right now: a moment's wait.
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)
        except OSError:
            return False


def claim(folder: Path | None = None) -> DeskInstance | None:
    """Become the person's desk, or None when another desk already runs.

    Where single-instance cannot work (Windows; a runtime folder or socket that cannot be made), this
    process runs as if it were alone, with a log line, rather than refusing to start.
    """
    if not SUPPORTED:
        return LoneInstance()
    folder = folder or runtime_dir()
    try:
        lock_file = _take_lock(folder)
    except OSError as error:
        log.warning("One-instance check skipped: %s (%s)", folder, error.strerror)
        return LoneInstance()
    if lock_file is None:
        return None
    path = socket_path(folder)
    try:
        listener = _listen(path)
    except OSError as error:
        log.warning("One-instance socket %s refused: %s", path, error.strerror)
        return LoneInstance(lock_file)
    return PrimaryInstance(lock_file, listener, path)


class LoneInstance:
    """A desk that cannot be knocked on (no socket): serves nothing, only keeps the lock if it has one."""

    def __init__(self, lock_file: IO[bytes] | None = None) -> None:
        self._lock_file = lock_file

    async def serve(self, show: Callable[[], None]) -> None:
        return None

    def close(self) -> None:
        if self._lock_file is not None:
            with contextlib.suppress(OSError):
                self._lock_file.close()
