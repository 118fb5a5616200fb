"""What the print system says about a queue before and after a job (CUPS' `lpstat`, run off the event
loop's thread): a queue that rejects jobs, or no longer exists, did not print; a stopped one holds the
job. The desk reports and records only what happened (no "sent to the printer" for a refused job)."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from enum import StrEnum

LPSTAT_TIMEOUT_S = 5.0


class Queue(StrEnum):
    ACCEPTING = "accepting"   # takes jobs and prints them
    STOPPED = "stopped"       # takes jobs but holds them (disabled/paused)
    REJECTING = "rejecting"   # refuses new jobs
    GONE = "gone"             # no such queue (deleted while the dialog was open)
    UNKNOWN = "unknown"       # no CUPS tools here (another system, a PDF file): nothing more is known


@dataclass(frozen=True)
class QueueState:
    queue: Queue
    reason: str = ""   # the print system's own words (e.g. "Rejecting Jobs", "Paused"), for the person

    @property
    def printed(self) -> bool:
        """A job sent now is printed (as far as the print system tells)."""
        return self.queue in (Queue.ACCEPTING, Queue.UNKNOWN)


def read_lpstat(code: int, out: str, err: str) -> QueueState:
    """The state in `lpstat -p NAME -a NAME` output (C locale)."""
    text = f"{out}\n{err}".lower()
    if code != 0 and ("invalid destination" in text or "does not exist" in text or "unknown" in text):
        return QueueState(Queue.GONE, err.strip())
    reason = " ".join(line.strip() for line in out.splitlines() if line.startswith(("\t", " "))).strip()
    if "not accepting" in text:
        return QueueState(Queue.REJECTING, reason)
    if " disabled since" in text or "is stopped" in text:
        return QueueState(Queue.STOPPED, reason)
    if "accepting requests" in text:
        return QueueState(Queue.ACCEPTING, reason)
    return QueueState(Queue.GONE if code != 0 else Queue.UNKNOWN, (err or reason).strip())


def queue_state(name: str) -> QueueState:
    """Ask CUPS about queue `name` (blocking: call it through asyncio.to_thread)."""
    if not name:
        return QueueState(Queue.UNKNOWN)
    try:
        # CUPS' own tool, found where the system installs it; the name is one argument, no shell.
        done = subprocess.run(  # noqa: S603
            ["lpstat", "-p", name, "-a", name],  # noqa: S607
            capture_output=True, text=True, timeout=LPSTAT_TIMEOUT_S, env={**os.environ, "LC_ALL": "C"},
            check=False)
    except (OSError, subprocess.SubprocessError):
        return QueueState(Queue.UNKNOWN)
    return read_lpstat(done.returncode, done.stdout, done.stderr)
