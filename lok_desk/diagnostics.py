"""What the desk leaves behind for support: a rotating log file, crash reports, a diagnostics text.

- **Log file**: `lok-desk.log` in the user log directory (platformdirs; `LOK_DESK_HOME/log` when that
  is set), rotated at 1 MB, three old files kept. INFO by default, DEBUG with `--verbose` (which also
  copies the log to stderr; without it stderr gets warnings only). Records are handed to a
  `QueueListener` thread that does the writing and the rotating, so a log call on the Qt thread
  never waits for the disk.
- **Never a secret**: the code logs no token or secret, and every line is passed through `redact()`
  before it is written anywhere (bearer tokens, `*_token`/`*secret*`/`password` fields in JSON or
  form bodies), a second net for what a third-party library might print.
- **Last errors**: the newest warnings and errors, held in memory for Help ▸ Copy diagnostics.
- **Crash report**: an uncaught exception writes `crash-<UTC time>.txt` beside the log (traceback
  plus the diagnostics text), on a worker thread; the desk tells the person where it is.

No Qt import here: the embedded sandbox's child process logs through the same setup.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import logging.handlers
import os
import platform
import queue
import re
import sys
import threading
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

APP_NAME = "lok-desk"
LOG_FILE_BYTES = 1_000_000
LOG_FILE_BACKUPS = 3
LAST_ERRORS_KEPT = 20
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d %(threadName)s]: %(message)s"

# A bearer token in a header or a message; a JSON or form field whose name says token/secret/password
# (access_token, client_secret, delivery_token, "lok-grant-token", password...). The name is bounded:
# unbounded [\w-]* around the keyword backtracks quadratically on a long word (a 2,000-character
# line took 0.7 s, holding up every later log line).
_BEARER = re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9._~+/=-]+")
_SECRET_FIELD = re.compile(
    r"""(?ix)
    (["']?[\w-]{0,64}(?:token|secret|password)[\w-]{0,64}["']?)   # the field name, quoted or not
    (\s*[:=]\s*)                                              # : (JSON, headers) or = (forms, reprs)
    (?!\s*(?:none|null|true|false)\b)                         # nothing to hide in those
    ("[^"]*"|'[^']*'|[^\s,&;}\])]+)                           # the value
    """
)


def redact(text: str) -> str:
    """The text with bearer tokens and secret-looking fields replaced by `[removed]`."""
    text = _BEARER.sub(r"\1 [removed]", text)
    return _SECRET_FIELD.sub(r"\1\2[removed]", text)


def server_without_credentials(url: str) -> str:
    """The server's URL as support may see it: no user:password@, no query, no fragment."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "(unreadable URL)"
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def log_dir() -> Path:
    """Where the log files and crash reports go (LOK_DESK_HOME/log for tests and the smoke runs)."""
    home = os.environ.get("LOK_DESK_HOME")
    if home:
        return Path(home) / "log"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then removes anything secret-looking from the whole line (traceback included)."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class LastErrors(logging.Handler):
    """Keeps the newest warnings and errors (one line each, redacted) for the diagnostics text."""

    def __init__(self, kept: int = LAST_ERRORS_KEPT) -> None:
        super().__init__(logging.WARNING)
        self._lines: collections.deque[str] = collections.deque(maxlen=kept)
        self._guard = threading.Lock()
        self.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            # Only the first line: a traceback belongs in the log file, not on the clipboard.
            line = self.format(record).splitlines()[0]
        except Exception:
            return
        with self._guard:
            self._lines.append(line)

    def lines(self) -> list[str]:
        with self._guard:
            return list(self._lines)


@dataclass
class LogSetup:
    """The running log: where it is written, the listener thread, the last errors."""

    folder: Path
    file: Path | None
    last_errors: LastErrors
    listener: logging.handlers.QueueListener | None = None
    handlers: list[logging.Handler] = field(default_factory=list)
    on_root: list[logging.Handler] = field(default_factory=list)
    root_level: int = logging.WARNING

    def stop(self) -> None:
        """Take our handlers off the root logger, then flush and close (queued lines are written)."""
        root = logging.getLogger()
        for handler in self.on_root:
            root.removeHandler(handler)
        if self.on_root:
            root.setLevel(self.root_level)
        self.on_root.clear()
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        for handler in self.handlers:
            with contextlib.suppress(Exception):
                handler.close()
        self.handlers.clear()


_current: LogSetup | None = None


def current() -> LogSetup | None:
    """The log set up by `setup_logging` in this process, if any."""
    return _current


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """The log file and every backup it rotates into stay 0600 (recipients' shipment ids and e-mail
    addresses may appear in them): the file opened after a rotation would otherwise follow the umask."""

    def _open(self) -> Any:  # the supertype's TextIOWrapper, whose type parameter typeshed keeps private
        # Created 0600 (never readable by others, not even for a moment); an older 0644 file tightened.
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with contextlib.suppress(OSError):
            os.fchmod(fd, 0o600)
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)

    def doRollover(self) -> None:
        super().doRollover()
        for number in range(1, self.backupCount + 1):
            with contextlib.suppress(OSError):
                os.chmod(f"{self.baseFilename}.{number}", 0o600)


def setup_logging(*, verbose: bool = False, file_name: str = f"{APP_NAME}.log",
                  folder: Path | None = None) -> LogSetup:
    """Route every logger to the rotating file (and stderr), through one queue and one writer thread.

    A folder that cannot be made or a file that cannot be opened leaves logging to stderr only: the
    desk must start even on a read-only home.
    """
    global _current
    if _current is not None:
        _current.stop()
    folder = folder or log_dir()
    formatter = RedactingFormatter(LOG_FORMAT)
    writers: list[logging.Handler] = []
    file_path: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = folder / file_name
        file_handler = PrivateRotatingFileHandler(
            target, maxBytes=LOG_FILE_BYTES, backupCount=LOG_FILE_BACKUPS, encoding="utf-8")
        file_path = target
        file_handler.setFormatter(formatter)
        file_handler.setLevel(logging.DEBUG if verbose else logging.INFO)
        writers.append(file_handler)
    except OSError as error:
        print(f"lok-desk: cannot write the log file in {folder}: {error.strerror}", file=sys.stderr)
    console = logging.StreamHandler(sys.stderr)
    console.setFormatter(formatter)
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    writers.append(console)

    records: queue.SimpleQueue[logging.LogRecord] = queue.SimpleQueue()
    listener = logging.handlers.QueueListener(records, *writers, respect_handler_level=True)
    listener.start()
    last_errors = LastErrors()
    root = logging.getLogger()
    root_level = root.level
    on_root: list[logging.Handler] = [logging.handlers.QueueHandler(records), last_errors]
    for handler in on_root:
        root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    # httpcore's DEBUG trace is every socket step of every request: noise, even with --verbose.
    logging.getLogger("httpcore").setLevel(logging.INFO)
    # httpx says "HTTP Request: GET ... 200" at INFO for every call; that is DEBUG detail here.
    logging.getLogger("httpx").setLevel(logging.DEBUG if verbose else logging.WARNING)
    logging.getLogger("qasync").setLevel(logging.WARNING)   # "Forcing use of PySide6" at each start
    _current = LogSetup(folder, file_path, last_errors, listener, writers, on_root, root_level)
    return _current


def stop_logging() -> None:
    global _current
    if _current is not None:
        _current.stop()
        _current = None


def last_errors() -> list[str]:
    return _current.last_errors.lines() if _current is not None else []


# ---- diagnostics ----------------------------------------------------------------------------------
def qt_versions() -> tuple[str, str]:
    """(Qt version, PySide6 version); imported lazily, so this module stays Qt-free for the sandbox."""
    try:
        import PySide6
        from PySide6.QtCore import qVersion
    except ImportError:
        return "not loaded", "not installed"
    return str(qVersion()), str(PySide6.__version__)


def version_line() -> str:
    """What `lok-desk --version` prints and the About box shows."""
    from lok_desk import __version__

    qt, pyside = qt_versions()
    return (f"Lok Desk {__version__} (Qt {qt}, PySide6 {pyside}, Python {platform.python_version()}, "
            f"{platform.system()} {platform.machine()})")


def diagnostics_text(*, server: str = "", environment: str = "", role: str = "",
                     errors: Iterable[str] | None = None) -> str:
    """The text Help ▸ Copy diagnostics puts on the clipboard: no credentials, no tokens."""
    from lok_desk import __version__

    qt, pyside = qt_versions()
    setup = _current
    lines = [
        f"Lok Desk {__version__}",
        f"Qt {qt}, PySide6 {pyside}",
        f"Python {platform.python_version()} ({platform.python_implementation()}, "
        f"{'bundle' if getattr(sys, 'frozen', False) else sys.executable})",
        f"Platform: {platform.platform()} ({platform.machine()}), "
        f"session {os.environ.get('XDG_SESSION_TYPE', '?')}, "
        f"QPA {os.environ.get('QT_QPA_PLATFORM', 'default')}",
        f"Server: {server_without_credentials(server) if server else 'not signed in'}"
        + (f" ({environment})" if environment else ""),
        f"Role: {role or 'not signed in'}",
        f"Log folder: {setup.folder if setup is not None else log_dir()}",
        f"Time: {datetime.now(UTC).isoformat(timespec='seconds')}",
    ]
    kept = list(errors) if errors is not None else last_errors()
    lines.append(f"Last errors ({len(kept)}):" if kept else "Last errors: none")
    lines.extend(f"  {line}" for line in kept)
    return redact("\n".join(lines)) + "\n"


# ---- crash reports --------------------------------------------------------------------------------
def crash_report_path(now: datetime | None = None) -> Path:
    """Where the next crash report goes: beside the log, named by UTC time (sortable)."""
    setup = _current
    folder = setup.folder if setup is not None else log_dir()
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S-%f")
    return folder / f"crash-{stamp}.txt"


def write_crash_report(path: Path, error: BaseException, facts: dict[str, str] | None = None) -> Path | None:
    """Write the traceback and the diagnostics (of `facts`: server, environment, role) to `path` (0600).

    Blocking (disk, `platform`): run it on a worker thread. None when the disk refuses.
    """
    diagnostics = diagnostics_text(**(facts or {}))
    body = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    text = f"Lok Desk crash report\n\n{diagnostics}\nTraceback:\n{redact(body)}"
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as report:
            report.write(text)
    except OSError as failure:
        logging.getLogger("lok_desk").warning("Could not write the crash report %s: %s", path,
                                              failure.strerror)
        return None
    return path
